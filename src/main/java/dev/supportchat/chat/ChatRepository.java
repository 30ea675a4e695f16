package dev.supportchat.chat;

import dev.supportchat.store.Futures;
import dev.supportchat.worker.WorkerHealth;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stored chats, messages and attachments. Every method is atomic: multi-row changes happen in one
 * transaction. Closing it commits the messages still queued for a group commit, then refuses new
 * ones.
 */
public interface ChatRepository extends AutoCloseable {

  /** The thread that writes messages in group commits, for {@code /health}. */
  WorkerHealth writerHealth();

  /**
   * Makes a visitor's conversations the verified user's, in one transaction and exactly once per
   * visitor (false when it was merged before or is not a visitor): its chats and messages change
   * owner; if both have an active chat, the visitor's messages move into the verified user's chat;
   * the visitor's sessions are revoked.
   */
  boolean mergeVisitor(String visitorId, String verifiedUserId, Instant at);

  /** A person's chats, newest first, for the agents' view of who they talk to. */
  List<ChatSummary> chatsOfUser(String userId, int limit);

  /** One line of a person's chat history. */
  record ChatSummary(
      String id,
      String subject,
      ChatStatus status,
      Priority priority,
      Instant createdAt,
      Instant lastActivityAt) {}

  /** A message about to be stored, with everything the service decided. */
  record NewMessage(
      String id,
      String chatId,
      String senderId,
      boolean senderIsAdmin,
      String content,
      MessageType messageType,
      List<Attachment> attachments,
      boolean isInternalNote,
      String clientMessageId,
      Instant at) {}

  /** The stored message, the chat as it is after it, and whether the message reopened the chat. */
  /**
   * A stored message with its chat as committed; {@code automaticReply} is the reply the rules
   * stored with it in the same transaction (null when none).
   */
  record Appended(Message message, Chat chat, boolean reopened, Appended automaticReply) {
    public Appended(Message message, Chat chat, boolean reopened) {
      this(message, chat, reopened, null);
    }
  }

  /** One page of messages, newest first. */
  record MessagePage(List<Message> messages, boolean hasMore, String nextCursor) {}

  /** Who marked how many messages read, and the chat after it. */
  record ReadMarked(int count, Chat chat, Instant at) {}

  /**
   * Filters of the admin list; null means "any". {@code unassignedOnly} selects chats without an
   * assignee; {@code labelId} the chats carrying that label.
   */
  record AdminFilter(
      ChatStatus status,
      Priority priority,
      String adminId,
      boolean unassignedOnly,
      String query,
      String labelId) {
    /** Without a label filter. */
    public AdminFilter(
        ChatStatus status,
        Priority priority,
        String adminId,
        boolean unassignedOnly,
        String query) {
      this(status, priority, adminId, unassignedOnly, query, null);
    }
  }

  /** One page of the admin list's rows with the total number of matching chats. */
  record ChatRows(List<Chat> chats, long total) {}

  Optional<Chat> findChat(String chatId);

  Optional<Chat> findActiveChatOfUser(String userId);

  /** The id of the user an active chat belongs to. */
  Optional<String> findActiveOwner(String chatId);

  /**
   * Creates an open chat; empty if the user already has an active chat (someone else created it
   * just now).
   */
  Optional<Chat> createChat(
      String id, String userId, String subject, Priority priority, Instant at);

  /**
   * Stores the message and updates the chat's counters, last message and status; empty if it is a
   * duplicate.
   */
  default Optional<Appended> append(NewMessage message) {
    return Futures.join(appendAsync(message));
  }

  /**
   * As {@link #append}, without waiting: the future completes once the message is committed, on the
   * thread that committed it (chain further work on an executor of your own).
   */
  CompletableFuture<Optional<Appended>> appendAsync(NewMessage message);

  Optional<Message> findByClientMessageId(String chatId, String senderId, String clientMessageId);

  Optional<Message> findMessage(String chatId, String messageId);

  /**
   * A page older than {@code beforeId} (exclusive; null for the newest); notes only if {@code
   * includeNotes}.
   */
  MessagePage messages(String chatId, boolean includeNotes, int limit, String beforeId);

  /**
   * Marks the other side's messages read for a reader on the admin or the user side, and recounts
   * unread.
   */
  /** Catch-up after a reconnect: messages after {@code sinceId} (exclusive), oldest first. */
  MessagePage messagesSince(String chatId, boolean includeNotes, int limit, String sinceId);

  ReadMarked markRead(String chatId, boolean readerIsAdmin, Instant at);

  /**
   * Sets status and/or priority (null leaves it as it is), and the resolution time as {@link
   * StatusFlow#setByAdmin} decides from the stored row; returns the updated chat.
   */
  /** {@code actorId}: who changed it, for the chat's timeline. */
  Chat updateStatus(
      String chatId, ChatStatus status, Priority priority, String actorId, Instant at);

  /** The chat after an assignment, and whether the assignment changed its status. */
  record Assigned(Chat chat, boolean statusChanged) {}

  /**
   * Assigns the chat and moves its status as {@link StatusFlow#assigned} decides from the stored
   * row.
   */
  /** {@code actorId}: who assigned it, for the chat's timeline. */
  Assigned assign(String chatId, String adminId, String actorId, Instant at);

  /**
   * Takes the chat from its agent back to the queue (open); a chat with nobody on it is returned as
   * it is.
   */
  Chat unassign(String chatId, String actorId, Instant at);

  /** The chat's status changes and assignments, oldest first. */
  List<ChatEvent> timeline(String chatId);

  /**
   * Stores a rating of the chat's current resolution and writes its side effects in the same
   * transaction. Refused with {@code conflict} when the chat is not resolved or closed, or when
   * this resolution is already rated (also when two requests race: the unique index decides).
   */
  Rating rate(String chatId, String ratingId, int score, String comment, Instant at);

  /** Whether the chat may be rated now, and its current resolution's rating. */
  Rating.State ratingState(String chatId);

  /** Every rating of the chat, newest first (for its agents). */
  List<Rating> ratings(String chatId);

  Message editContent(String chatId, String messageId, String content, Instant at);

  ChatRows listForAdmin(AdminFilter filter, int offset, int limit);

  void insertAttachment(Attachment attachment, String uploaderId, String storageKey, Instant at);

  /** The attachment and the key of its stored bytes. */
  record StoredAttachment(Attachment attachment, String uploaderId, String storageKey) {}

  Optional<StoredAttachment> findAttachment(String chatId, String attachmentId);

  /** Whether a message the chat's user can see (not an internal note) carries the attachment. */
  boolean isAttachmentShown(String chatId, String attachmentId);

  /** Bytes of the uploads the user has stored (for the per-user quota). */
  long uploadedBytes(String userId);

  /**
   * Uploads older than {@code cutoff} that no message carries: their rows are deleted and their
   * storage keys returned (the caller deletes the files). Uploads found attached are marked so and
   * not looked at again. At most {@code limit} are looked at per call.
   */
  List<String> deleteUnattachedBefore(Instant cutoff, int limit, Instant now);

  /** What answers users' messages automatically, in their messages' transaction; none until set. */
  void replyAutomaticallyWith(AutomaticReplies replies);

  @Override
  void close();
}
