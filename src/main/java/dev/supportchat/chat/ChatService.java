package dev.supportchat.chat;

import dev.supportchat.chat.ChatRepository.AdminFilter;
import dev.supportchat.chat.ChatRepository.Appended;
import dev.supportchat.chat.ChatRepository.MessagePage;
import dev.supportchat.chat.ChatRepository.NewMessage;
import dev.supportchat.chat.ChatRepository.ReadMarked;
import dev.supportchat.error.AppException;
import dev.supportchat.limit.AttemptLimiter;
import dev.supportchat.store.Futures;
import dev.supportchat.store.Ids;
import dev.supportchat.user.AccountService;
import dev.supportchat.user.Principal;
import dev.supportchat.user.User;
import dev.supportchat.user.UserContext;
import dev.supportchat.user.UserRepository;
import dev.supportchat.user.UserView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of support chats: who may read and write which chat, one active chat per user,
 * reopening, assignment, internal notes, read state and idempotent sends. REST routes and socket
 * events both call these methods.
 */
public final class ChatService {
  // The contract's paging defaults (DESIGN.md §2), here only: results carry the values used.
  private static final int DEFAULT_PAGE_LIMIT = 50;
  private static final int MAX_PAGE_LIMIT = 100;
  private static final int DEFAULT_LIST_LIMIT = 20;
  private static final int MAX_LIST_LIMIT = 100;
  static final int MAX_SUBJECT_LENGTH = 200;
  static final int MAX_CLIENT_MESSAGE_ID_LENGTH = 100;
  static final int MAX_ATTACHMENTS_PER_MESSAGE = 10;
  static final int MAX_QUERY_LENGTH = 100;

  /** How long a sender may edit a message by default ({@code MESSAGE_EDIT_WINDOW}). */
  public static final Duration DEFAULT_EDIT_WINDOW = Duration.ofMinutes(15);

  /** The window of the per-user message limit ({@code MESSAGES_PER_MINUTE_PER_USER}). */
  public static final Duration MESSAGE_RATE_WINDOW = Duration.ofMinutes(1);

  /** What a sender asks to send; values are checked here, not trusted. */
  public record SendCommand(
      String content,
      String messageType,
      List<String> attachmentIds,
      boolean isInternalNote,
      String clientMessageId) {}

  /**
   * The stored message and its chat; {@code duplicate} when a retry found the first copy (nothing
   * was emitted).
   */
  public record SendResult(Message message, Chat chat, boolean duplicate) {}

  /**
   * The caller's chat, whether it was created by this call, and the first message if one was sent.
   */
  public record Opened(Chat chat, boolean created, Message firstMessage) {}

  /**
   * Remembered chat owners; bounded, and cleared as a whole when full (a cache miss costs one
   * indexed read).
   */
  private static final int MAX_REMEMBERED_OWNERS = 100_000;

  private final Map<String, String> owners = new ConcurrentHashMap<>();
  private final ChatRepository chats;
  private final UserRepository users;
  private final ChatEvents events;
  private final Clock clock;
  private final int maxMessageLength;
  private final AttemptLimiter messagesPerUser;
  private final Duration editWindow;

  /** Without a per-user message limit (for tests of the other rules). */
  public ChatService(
      ChatRepository chats,
      UserRepository users,
      ChatEvents events,
      Clock clock,
      int maxMessageLength) {
    this(
        chats,
        users,
        events,
        clock,
        maxMessageLength,
        new AttemptLimiter(Integer.MAX_VALUE, MESSAGE_RATE_WINDOW, clock),
        DEFAULT_EDIT_WINDOW);
  }

  /**
   * @param messagesPerUser counts each user's stored messages per {@link #MESSAGE_RATE_WINDOW},
   *     whatever the socket or REST call they came through (the per-socket event limit cannot see a
   *     user's other tabs). Admins are not counted: the operator creates their accounts, and one
   *     admin answers many chats at once.
   * @param editWindow how long after sending its sender may edit a message
   */
  public ChatService(
      ChatRepository chats,
      UserRepository users,
      ChatEvents events,
      Clock clock,
      int maxMessageLength,
      AttemptLimiter messagesPerUser,
      Duration editWindow) {
    this.chats = chats;
    this.users = users;
    this.events = events;
    this.clock = clock;
    this.maxMessageLength = maxMessageLength;
    this.messagesPerUser = messagesPerUser;
    this.editWindow = editWindow;
  }

  /** How long after sending a sender may edit a message (the apps hide Edit after it). */
  public Duration editWindow() {
    return editWindow;
  }

  /** What answers users automatically (business hours); none until wired. */
  public void replyAutomaticallyWith(AutomaticReplies replies) {
    chats.replyAutomaticallyWith(replies);
  }

  /**
   * The caller's active chat, whatever its status, or a new open one; an optional first message is
   * sent to it.
   */
  public Opened createOrGet(
      Principal caller, String subject, String priority, String message, String clientMessageId) {
    if (caller.isAdmin()) {
      throw AppException.forbidden("Admins answer support chats; they do not open them.");
    }
    String cleanSubject = subject == null ? "" : subject.strip();
    if (cleanSubject.length() > MAX_SUBJECT_LENGTH) {
      throw AppException.invalid(
          "subject", "subject must be at most " + MAX_SUBJECT_LENGTH + " characters.");
    }
    Priority p = priority == null ? Priority.MEDIUM : Priority.parse(priority, "priority");
    SendCommand first =
        message == null ? null : new SendCommand(message, null, List.of(), false, clientMessageId);
    if (first != null) {
      checkContent(first.content(), MessageType.TEXT, false);
    }
    Chat chat = chats.findActiveChatOfUser(caller.userId()).orElse(null);
    boolean created = false;
    if (chat == null) {
      if (users.findById(caller.userId()).isEmpty()) {
        // A valid token of a user deleted since: refused as such, not a foreign-key failure.
        throw AppException.unauthorized("The account no longer exists.");
      }
      Optional<Chat> fresh =
          chats.createChat(
              Ids.newId(clock.millis()), caller.userId(), cleanSubject, p, clock.instant());
      if (fresh.isPresent()) {
        chat = fresh.get();
        created = true;
        events.chatCreated(chat);
      } else {
        chat = chats.findActiveChatOfUser(caller.userId()).orElseThrow();
      }
    }
    if (first == null) {
      return new Opened(chat, created, null);
    }
    SendResult sent = send(caller, chat.id(), first);
    return new Opened(sent.chat(), created, sent.message());
  }

  public Chat ownChat(Principal caller) {
    return findOwnChat(caller)
        .orElseThrow(() -> AppException.notFound("You have no support chat yet."));
  }

  public Optional<Chat> findOwnChat(Principal caller) {
    return chats.findActiveChatOfUser(caller.userId());
  }

  /**
   * Checks that the caller may use the chat (its own user, or any admin) without loading it: the
   * hot paths (send, read, join, typing) only need the answer. The owner is remembered: it changes
   * only when a visitor's chats are merged into the user they signed in as, so a caller who is not
   * the remembered owner is checked against the database before being refused (on any node).
   */
  public void checkAccess(Principal caller, String chatId) {
    if (!Ids.isValid(chatId)) {
      throw AppException.notFound("Chat not found.");
    }
    String owner = owners.get(chatId);
    if (owner == null) {
      owner =
          chats.findActiveOwner(chatId).orElseThrow(() -> AppException.notFound("Chat not found."));
      if (owners.size() >= MAX_REMEMBERED_OWNERS) {
        owners.clear();
      }
      owners.put(chatId, owner);
    }
    if (!caller.isAdmin() && !owner.equals(caller.userId())) {
      String current =
          chats.findActiveOwner(chatId).orElseThrow(() -> AppException.notFound("Chat not found."));
      owners.put(chatId, current);
      if (!current.equals(caller.userId())) {
        throw AppException.forbidden("This chat is not yours.");
      }
    }
  }

  /**
   * The chat if the caller may see it: its own user, or any admin. Unknown and inactive chats are
   * 404.
   */
  public Chat access(Principal caller, String chatId) {
    if (!Ids.isValid(chatId)) {
      throw AppException.notFound("Chat not found.");
    }
    Chat chat =
        chats
            .findChat(chatId)
            .filter(Chat::isActive)
            .orElseThrow(() -> AppException.notFound("Chat not found."));
    if (!caller.isAdmin() && !chat.belongsTo(caller.userId())) {
      throw AppException.forbidden("This chat is not yours.");
    }
    return chat;
  }

  /**
   * A page of messages: newest first, older than {@code before}; or, with {@code since} (catching
   * up after a reconnect), oldest first, newer than {@code since}. Notes only for admins.
   */
  public MessagePage messages(
      Principal caller, String chatId, Integer limit, String before, String since) {
    checkAccess(caller, chatId);
    int n = limit == null ? DEFAULT_PAGE_LIMIT : Math.min(limit, MAX_PAGE_LIMIT);
    if (n < 1) {
      throw AppException.invalid("limit", "limit must be at least 1.");
    }
    if (before != null && !Ids.isValid(before)) {
      throw AppException.invalid("before", "before must be a message id.");
    }
    if (since != null) {
      if (before != null) {
        throw AppException.invalid("since", "Give before or since, not both.");
      }
      if (!Ids.isValid(since)) {
        throw AppException.invalid("since", "since must be a message id.");
      }
      return chats.messagesSince(chatId, caller.isAdmin(), n, since);
    }
    return chats.messages(chatId, caller.isAdmin(), n, before);
  }

  /**
   * Stores a message (once per clientMessageId) and reports it; only after the commit is it
   * acknowledged.
   */
  public SendResult send(Principal caller, String chatId, SendCommand cmd) {
    return Futures.join(sendAsync(caller, chatId, cmd)).report();
  }

  /**
   * As {@link #send}, without holding the caller's thread while the message waits for its group
   * commit. The checks run now and throw as in {@code send}. The future completes on the database's
   * writer thread, in commit order, once the message is committed; the caller then calls {@link
   * CommittedSend#report} on a thread of its own (the writer thread only writes), in that order if
   * the events must keep it. A socket's connection reads its next frame only when its handler
   * returns, so a handler that waited for the commit would let each socket have one message in a
   * group commit at a time.
   */
  public CompletableFuture<CommittedSend> sendAsync(
      Principal caller, String chatId, SendCommand cmd) {
    PreparedSend send = prepare(caller, chatId, cmd);
    if (send.earlier() != null) {
      return CompletableFuture.completedFuture(new CommittedSend(send, Optional.empty()));
    }
    return chats
        .appendAsync(send.message())
        .thenApply(appended -> new CommittedSend(send, appended));
  }

  /**
   * A send whose message is committed (or a retry's stored copy, found at once). Its result is only
   * reachable through {@link #report}, so no caller can acknowledge a message without its events
   * being published.
   */
  public final class CommittedSend {
    private final PreparedSend send;
    private final Optional<Appended> appended;

    private CommittedSend(PreparedSend send, Optional<Appended> appended) {
      this.send = send;
      this.appended = appended;
    }

    /**
     * Whether {@link #report} reads the database: a retry whose message was already stored (it
     * looks up the stored copy) and publishes no events. Such a report belongs on a thread that may
     * wait.
     */
    public boolean readsStoredCopy() {
      return send.earlier() == null && appended.isEmpty();
    }

    /** Publishes the message's events (none for a retry) and returns the result; call it once. */
    public SendResult report() {
      return send.earlier() != null ? send.earlier() : stored(send, appended);
    }
  }

  /**
   * A checked message ready to store, or (over the rate limit) the stored copy a retry asked for.
   */
  private record PreparedSend(
      Principal caller, NewMessage message, boolean limited, SendResult earlier) {}

  private PreparedSend prepare(Principal caller, String chatId, SendCommand cmd) {
    checkAccess(caller, chatId);
    if (cmd.isInternalNote() && !caller.isAdmin()) {
      throw AppException.forbidden("Only admins can write internal notes.");
    }
    MessageType type = MessageType.parse(cmd.messageType());
    List<Attachment> attachments = resolveAttachments(caller, chatId, cmd.attachmentIds(), type);
    // Files alone are a message: a photo of the error needs no words.
    String content = checkContent(cmd.content(), type, !attachments.isEmpty());
    String clientId = checkClientMessageId(cmd.clientMessageId());
    // A retry of a stored message is found by the unique index while storing, not by a read before
    // every send;
    // its allowance is given back in stored(), and one over the limit still gets its stored copy.
    boolean limited = !caller.isAdmin();
    if (limited && !messagesPerUser.tryAcquire(caller.userId())) {
      Optional<Message> earlier =
          clientId == null
              ? Optional.empty()
              : chats.findByClientMessageId(chatId, caller.userId(), clientId);
      if (earlier.isPresent()) {
        return new PreparedSend(
            caller, null, true, new SendResult(earlier.get(), access(caller, chatId), true));
      }
      throw AppException.rateLimited(
          "You are sending messages too fast; wait a moment.",
          messagesPerUser.retryAfterSeconds(caller.userId()));
    }
    Instant now = clock.instant();
    NewMessage m =
        new NewMessage(
            Ids.newId(now.toEpochMilli()),
            chatId,
            caller.userId(),
            caller.isAdmin(),
            content,
            type,
            attachments,
            cmd.isInternalNote(),
            clientId,
            now);
    return new PreparedSend(caller, m, limited, null);
  }

  /**
   * After the commit: reports a new message, or finds the first copy of a retried one (nothing is
   * reported).
   */
  private SendResult stored(PreparedSend send, Optional<Appended> appended) {
    NewMessage m = send.message();
    if (appended.isEmpty()) {
      if (send.limited()) {
        messagesPerUser.release(m.senderId());
      }
      Message first =
          chats
              .findByClientMessageId(m.chatId(), m.senderId(), m.clientMessageId())
              .orElseThrow(() -> new IllegalStateException("duplicate without an original"));
      return new SendResult(first, access(send.caller(), m.chatId()), true);
    }
    Appended result = appended.get();
    events.messageSent(result.message(), result.chat());
    if (result.reopened()) {
      events.statusUpdated(result.chat());
    }
    if (result.automaticReply() != null) {
      events.messageSent(result.automaticReply().message(), result.automaticReply().chat());
    }
    return new SendResult(result.message(), result.chat(), false);
  }

  private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);

  /** Marks the other side's messages read for the caller's side and reports who read when. */
  public ReadReceipt markRead(Principal caller, String chatId) {
    checkAccess(caller, chatId);
    ReadMarked read = chats.markRead(chatId, caller.isAdmin(), clock.instant());
    ReadReceipt receipt =
        new ReadReceipt(
            read.chat().id(), read.count(), caller.userId(), caller.isAdmin(), read.at());
    events.messagesRead(receipt);
    return receipt;
  }

  /** The sender edits the content of its own text message. */
  public Message edit(Principal caller, String chatId, String messageId, String content) {
    access(caller, chatId);
    Message m = Ids.isValid(messageId) ? chats.findMessage(chatId, messageId).orElse(null) : null;
    if (m == null || (m.isInternalNote() && !caller.isAdmin())) {
      throw AppException.notFound("Message not found.");
    }
    if (!m.sender().id().equals(caller.userId())) {
      throw AppException.forbidden("Only the sender can edit a message.");
    }
    if (clock.instant().isAfter(m.createdAt().plus(editWindow))) {
      throw AppException.conflict(
          "This message can no longer be edited: messages can be edited for "
              + humanDuration(editWindow)
              + " after sending.");
    }
    String clean = checkContent(content, m.messageType(), !m.attachments().isEmpty());
    // An edit is delivered to every socket of the chat like a new message, so it spends the same
    // allowance (MESSAGES_PER_MINUTE_PER_USER); otherwise edits were an unlimited way to flood.
    if (!caller.isAdmin() && !messagesPerUser.tryAcquire(caller.userId())) {
      throw AppException.rateLimited(
          "You are editing messages too fast; wait a moment.",
          messagesPerUser.retryAfterSeconds(caller.userId()));
    }
    Message edited = chats.editContent(chatId, messageId, clean, clock.instant());
    events.messageEdited(edited, access(caller, chatId));
    return edited;
  }

  public ChatPage adminList(
      Principal caller,
      String status,
      String priority,
      String assigned,
      String query,
      String label,
      Integer page,
      Integer limit) {
    AccountService.requireAdmin(caller);
    int n = limit == null ? DEFAULT_LIST_LIMIT : Math.min(limit, MAX_LIST_LIMIT);
    int p = page == null ? 1 : page;
    if (n < 1 || p < 1) {
      throw AppException.invalid(n < 1 ? "limit" : "page", "page and limit must be at least 1.");
    }
    if (p > MAX_LIST_PAGE) {
      // (page - 1) * limit would overflow an int (a 500 on PostgreSQL): no list has that many
      // pages.
      throw AppException.invalid("page", "page must be at most " + MAX_LIST_PAGE + ".");
    }
    String adminId = null;
    boolean unassigned = false;
    if (assigned != null && !assigned.isBlank() && !assigned.equals("all")) {
      if (assigned.equals("me")) {
        adminId = caller.userId();
      } else if (assigned.equals("none")) {
        unassigned = true;
      } else if (Ids.isValid(assigned)) {
        adminId = assigned;
      } else {
        throw AppException.invalid("assigned", "assigned must be me, none, all or an admin id.");
      }
    }
    String q = query == null || query.isBlank() ? null : query.strip();
    if (q != null && q.length() > MAX_QUERY_LENGTH) {
      throw AppException.invalid("q", "q must be at most " + MAX_QUERY_LENGTH + " characters.");
    }
    AdminFilter filter =
        new AdminFilter(
            status == null || status.isBlank() ? null : ChatStatus.parse(status, "status"),
            priority == null || priority.isBlank() ? null : Priority.parse(priority, "priority"),
            adminId,
            unassigned,
            q,
            labelFilter(label));
    ChatRepository.ChatRows rows = chats.listForAdmin(filter, (p - 1) * n, n);
    return new ChatPage(rows.chats(), p, n, rows.total());
  }

  private static String labelFilter(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    if (!Ids.isValid(label.strip())) {
      throw AppException.invalid("label", "label must be the id of a label.");
    }
    return label.strip();
  }

  /**
   * Makes a visitor's conversations those of the verified user they signed in as (exactly once per
   * visitor; false when there was nothing to merge). Called by the widget's identify step.
   */
  public boolean mergeVisitor(String visitorId, String verifiedUserId) {
    boolean merged = chats.mergeVisitor(visitorId, verifiedUserId, clock.instant());
    if (merged) {
      owners.clear(); // the visitor's chats have a new owner (other nodes re-check on a mismatch)
    }
    return merged;
  }

  /** The last page the admin list answers: 100 million chats at 100 a page. */
  static final int MAX_LIST_PAGE = 1_000_000;

  /** How many of a person's other chats the agents see beside a conversation. */
  static final int EARLIER_CHATS_SHOWN = 20;

  /** Who an agent is talking to: the person, where and how they chat, and their other chats. */
  public record Person(
      UserView user, UserContext context, List<ChatRepository.ChatSummary> earlierChats) {}

  /** The person behind a chat, for its agents (admins only). */
  public Person person(Principal caller, String chatId) {
    AccountService.requireAdmin(caller);
    Chat chat = access(caller, chatId);
    User user =
        users
            .findById(chat.user().id())
            .orElseThrow(() -> AppException.notFound("This chat's user no longer exists."));
    List<ChatRepository.ChatSummary> earlier =
        chats.chatsOfUser(user.id(), EARLIER_CHATS_SHOWN + 1).stream()
            .filter(other -> !other.id().equals(chatId))
            .limit(EARLIER_CHATS_SHOWN)
            .toList();
    return new Person(user.view(), users.findContext(user.id()).orElse(null), earlier);
  }

  public Chat updateStatus(Principal caller, String chatId, String status, String priority) {
    AccountService.requireAdmin(caller);
    access(caller, chatId);
    if (status == null && priority == null) {
      throw AppException.invalid("status", "Give a status, a priority, or both.");
    }
    Chat updated =
        chats.updateStatus(
            chatId,
            status == null ? null : ChatStatus.parse(status, "status"),
            priority == null ? null : Priority.parse(priority, "priority"),
            caller.userId(),
            clock.instant());
    events.statusUpdated(updated);
    return updated;
  }

  /**
   * The chat's user rates its current resolution (once per resolution). Staff cannot rate; another
   * user's chat is refused as in every other call.
   */
  public Rating rate(Principal caller, String chatId, Integer score, String comment) {
    if (caller.isAdmin()) {
      throw AppException.forbidden("Only the chat's user can rate it; agents see the ratings.");
    }
    Chat chat = access(caller, chatId);
    String clean = Rating.checkInput(score, comment);
    Instant now = clock.instant();
    Rating rating = chats.rate(chatId, Ids.newId(now.toEpochMilli()), score, clean, now);
    events.rated(chat, rating);
    return rating;
  }

  /**
   * Whether the caller's chat can be rated now, its current rating, and (for staff) all its
   * ratings.
   */
  public RatingView ratings(Principal caller, String chatId) {
    access(caller, chatId);
    Rating.State state = chats.ratingState(chatId);
    return new RatingView(state, caller.isAdmin() ? chats.ratings(chatId) : List.of());
  }

  /** A chat's rating state; {@code history} is filled for staff only. */
  public record RatingView(Rating.State state, List<Rating> history) {}

  /** Assigns the chat to an admin (the caller by default); an open chat becomes in-progress. */
  public Chat assign(Principal caller, String chatId, String adminId) {
    AccountService.requireAdmin(caller);
    access(caller, chatId);
    String assignee = adminId == null || adminId.isBlank() ? caller.userId() : adminId;
    User admin =
        (Ids.isValid(assignee) ? users.findById(assignee) : Optional.<User>empty())
            .orElseThrow(
                () -> AppException.invalid("adminId", "adminId must be the id of an admin."));
    if (!admin.isAdmin()) {
      throw AppException.invalid("adminId", "Chats can only be assigned to admins.");
    }
    ChatRepository.Assigned assigned =
        chats.assign(chatId, admin.id(), caller.userId(), clock.instant());
    events.assigned(assigned.chat());
    if (assigned.statusChanged()) {
      events.statusUpdated(assigned.chat());
    }
    return assigned.chat();
  }

  /**
   * Takes the chat from its agent back to the queue (staff); an in-progress chat becomes open. A
   * chat with nobody on it is answered as it is.
   */
  public Chat unassign(Principal caller, String chatId) {
    AccountService.requireAdmin(caller);
    Chat before = access(caller, chatId);
    if (before.admin() == null) {
      return before;
    }
    Chat after = chats.unassign(chatId, caller.userId(), clock.instant());
    events.assigned(after);
    if (after.status() != before.status()) {
      events.statusUpdated(after);
    }
    return after;
  }

  /** What happened to the chat besides its messages (staff): status changes and assignments. */
  public List<ChatEvent> timeline(Principal caller, String chatId) {
    AccountService.requireAdmin(caller);
    access(caller, chatId);
    return chats.timeline(chatId);
  }

  private String checkContent(String content, MessageType type, boolean hasAttachments) {
    String clean = content == null ? "" : content.strip();
    if (type == MessageType.TEXT && clean.isEmpty() && !hasAttachments) {
      throw AppException.invalid("content", "content must not be empty.");
    }
    if (clean.length() > maxMessageLength) {
      throw AppException.tooLarge("content must be at most " + maxMessageLength + " characters.");
    }
    return clean;
  }

  /** "15 minutes", "1 hour", "90 seconds": the window as a person reads it. */
  static String humanDuration(Duration d) {
    long s = d.toSeconds();
    if (s % 3600 == 0) {
      return plural(s / 3600, "hour");
    }
    if (s % 60 == 0) {
      return plural(s / 60, "minute");
    }
    return plural(s, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  private static String checkClientMessageId(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    if (id.length() > MAX_CLIENT_MESSAGE_ID_LENGTH) {
      throw AppException.invalid(
          "clientMessageId",
          "clientMessageId must be at most " + MAX_CLIENT_MESSAGE_ID_LENGTH + " characters.");
    }
    return id;
  }

  private List<Attachment> resolveAttachments(
      Principal caller, String chatId, List<String> ids, MessageType type) {
    List<String> wanted = ids == null ? List.of() : ids;
    if (wanted.size() > MAX_ATTACHMENTS_PER_MESSAGE) {
      throw AppException.invalid(
          "attachments", "At most " + MAX_ATTACHMENTS_PER_MESSAGE + " attachments.");
    }
    if (type != MessageType.TEXT && wanted.isEmpty()) {
      throw AppException.invalid(
          "attachments", "An " + type.wire() + " message needs an attachment.");
    }
    List<Attachment> out = new ArrayList<>();
    for (String id : wanted) {
      Attachment a =
          (Ids.isValid(id)
                  ? chats.findAttachment(chatId, id)
                  : Optional.<ChatRepository.StoredAttachment>empty())
              // One's own uploads only: ids count up, and another's upload may be meant for an
              // internal note (a user re-sending it would show it to themselves).
              .filter(stored -> stored.uploaderId().equals(caller.userId()))
              .map(ChatRepository.StoredAttachment::attachment)
              .orElseThrow(
                  () ->
                      AppException.invalid(
                          "attachments", "Unknown attachment " + id + " for this chat."));
      out.add(a);
    }
    return out;
  }
}
