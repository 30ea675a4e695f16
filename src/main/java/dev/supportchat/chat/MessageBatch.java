package dev.supportchat.chat;

import dev.supportchat.chat.ChatRepository.Appended;
import dev.supportchat.chat.ChatRepository.NewMessage;
import dev.supportchat.error.AppException;
import dev.supportchat.store.Dialect;
import dev.supportchat.store.GroupCommitter.Outcome;
import dev.supportchat.store.Ids;
import dev.supportchat.store.Pipeline;
import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores one group commit's messages set-wise, in one transaction: a few statements per batch (each
 * sent as one JDBC batch) instead of five per message, which is what bounded throughput (round
 * trips on PostgreSQL, statement preparation on SQLite; docs/BENCHMARKS.md). On PostgreSQL the
 * statements that need no answer in between travel together ({@link Pipeline}), so a small batch
 * costs two round trips: steps 1 and 2 with the reads of step 5; steps 3, 4 and 5 with the commit.
 *
 * <ol>
 *   <li>Lock the batch's chats in chat-id order and read them, with their user, assignee and last
 *       messages. Every writer (on any node) locks chats in that one order, then sender counters in
 *       sender order, so writers cannot deadlock.
 *   <li>Insert the messages into the chats that exist; a message whose {@code clientMessageId} is
 *       already stored is skipped by the unique index ({@code ON CONFLICT DO NOTHING}) and reported
 *       as a duplicate, so a retry never stores twice.
 *   <li>Update each chat once for all of its new messages: last messages, unread counters,
 *       activity, and what {@link StatusFlow} decided from the locked row (reopening, first user
 *       message and first response).
 *   <li>Add the messages to the per-sender counters of the statistics.
 *   <li>Add what other features write with them ({@link ChatSideEffects}), after reading what they
 *       need with steps 1 and 2.
 * </ol>
 *
 * The chats the events carry are derived from the locked rows and the batch, not read back: while
 * the rows are locked (PostgreSQL) or the writer holds SQLite's only write lock, nothing else
 * changes them. Every message of a chat gets the chat as committed.
 *
 * <p>An outcome is empty for a duplicate and refused for a message to an unknown chat.
 */
final class MessageBatch {
  /** A locked chat as read, and what the batch changes in it. */
  private static final class ChatState {
    final Chat before;
    ChatStatus status;
    StatusFlow.ResponseClock clock;
    Chat.LastMessage lastMessage;
    Chat.LastMessage lastPublicMessage;
    int newForAdmin;
    int newForUser;
    Instant lastActivityAt;

    ChatState(Chat before, StatusFlow.ResponseClock clock) {
      this.before = before;
      this.status = before.status();
      this.clock = clock;
    }

    /** True once a message of the batch was stored in this chat. */
    boolean changed() {
      return lastActivityAt != null;
    }

    /**
     * Applies one stored message, as a one-message transaction would have; returns whether it
     * reopened the chat.
     */
    boolean apply(NewMessage m) {
      long t = m.at().toEpochMilli();
      boolean fromUser = !m.senderIsAdmin();
      boolean publicReply = m.senderIsAdmin() && !m.isInternalNote();
      StatusFlow.Step step = StatusFlow.afterMessage(status, fromUser);
      status = step.status();
      // The automatic reply outside business hours answers nobody: it does not stop the response
      // clock.
      clock =
          clock.afterMessage(
              fromUser, m.isInternalNote() || AutomaticReply.isSender(m.senderId()), t);
      Chat.LastMessage stored =
          new Chat.LastMessage(
              m.id(), m.senderId(), m.content(), m.messageType(), Instant.ofEpochMilli(t));
      // A message prepared earlier can commit in a later batch than one prepared after it: the
      // chat's last message stays the one its conversation lists last (time, then id).
      if (listedAfter(stored, lastMessage == null ? before.lastMessage() : lastMessage)) {
        lastMessage = stored;
      }
      if (!m.isInternalNote()
          && listedAfter(
              stored, lastPublicMessage == null ? before.lastPublicMessage() : lastPublicMessage)) {
        lastPublicMessage = stored;
      }
      newForAdmin += fromUser ? 1 : 0;
      newForUser += publicReply ? 1 : 0;
      if (lastActivityAt == null || stored.createdAt().isAfter(lastActivityAt)) {
        lastActivityAt = stored.createdAt();
      }
      return step.changed();
    }

    private static boolean listedAfter(Chat.LastMessage m, Chat.LastMessage current) {
      if (current == null) {
        return true;
      }
      int byTime = m.createdAt().compareTo(current.createdAt());
      return byTime > 0 || byTime == 0 && m.id().compareTo(current.id()) > 0;
    }

    Chat after() {
      Chat b = before;
      return new Chat(
          b.id(),
          b.user(),
          b.admin(),
          b.subject(),
          b.priority(),
          status,
          lastMessage == null ? b.lastMessage() : lastMessage,
          lastPublicMessage == null ? b.lastPublicMessage() : lastPublicMessage,
          b.unreadByAdmin() + newForAdmin,
          b.unreadByUser() + newForUser,
          b.isActive(),
          b.createdAt(),
          lastActivityAt,
          lastActivityAt);
    }
  }

  // Into a chat that exists, so that it can be sent before the lock query's answer: a message to a
  // chat that is gone inserts nothing, where its foreign key would fail the whole batch.
  private static final String INSERT_MESSAGE =
      "INSERT INTO messages (id, chat_id, sender_id, sender_is_admin,"
          + " content, message_type, attachments, is_read_by_admin, is_read_by_user, is_internal_note, is_edited,"
          + " client_message_id, created_at, updated_at) SELECT ?, id, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?"
          + " FROM chats WHERE id = ? ON CONFLICT (chat_id, sender_id, client_message_id) DO NOTHING";

  // Status, first message and first response are what StatusFlow decided from the locked row
  // (ChatState): the lock lasts until the commit, so what the rule read still holds when this
  // stores it. The unread counters are added to the row as it is, like the other writers of those
  // counters (markRead recounts them).
  private static final String UPDATE_CHAT =
      "UPDATE chats SET status = ?, last_message_id = ?,"
          + " last_public_message_id = COALESCE(?, last_public_message_id),"
          + " unread_by_admin = unread_by_admin + ?, unread_by_user = unread_by_user + ?,"
          + " first_user_message_at = ?, first_response_ms = ?, last_activity_at = ?, updated_at = ? WHERE id = ?";

  private static final String COUNT_BY_SENDER =
      "INSERT INTO sender_message_counts (sender_id, messages,"
          + " public_replies) VALUES (?, ?, ?) ON CONFLICT (sender_id) DO UPDATE SET"
          + " messages = sender_message_counts.messages + excluded.messages,"
          + " public_replies = sender_message_counts.public_replies + excluded.public_replies";

  /** A sender's name and email as a message carries them. */
  @FunctionalInterface
  interface SenderLookup {
    UserRef find(Connection c, String userId, boolean isAdmin) throws SQLException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(MessageBatch.class);

  private final Dialect dialect;
  private final SenderLookup senders;
  private final ChatSideEffects effects;
  private final Supplier<AutomaticReplies> automaticReplies;

  MessageBatch(
      Dialect dialect,
      SenderLookup senders,
      ChatSideEffects effects,
      Supplier<AutomaticReplies> automaticReplies) {
    this.dialect = dialect;
    this.senders = senders;
    this.effects = effects;
    this.automaticReplies = automaticReplies;
  }

  List<Outcome<Optional<Appended>>> apply(Connection c, List<NewMessage> batch)
      throws SQLException {
    // Steps 1 and 2 and the reads of step 5 travel together (one round trip on PostgreSQL): each
    // runs after the lock query has its locks, and needs nothing from its answer.
    Pipeline first = new Pipeline(dialect);
    Pipeline.Result<List<ChatState>> locked = lockChats(first, batch);
    ChatSideEffects.MessagesStored sideEffects = effects.beforeMessagesStored(first);
    Pipeline.Result<int[]> inserted = insertMessages(first, batch);
    first.send(c);
    Map<String, ChatState> chats = new TreeMap<>();
    locked.get().forEach(chat -> chats.put(chat.before.id(), chat));
    List<NewMessage> stored = stored(batch, inserted.get(), chats);
    // Step 2b: the automatic replies these messages call for, committed with them.
    Map<String, NewMessage> replies = insertReplies(c, stored, chats);
    List<NewMessage> all = new ArrayList<>(stored.size() + replies.size());
    for (NewMessage m : stored) {
      all.add(m);
      if (replies.containsKey(m.id())) {
        all.add(replies.get(m.id()));
      }
    }
    // In the order every reader lists messages (time, then id), not the order senders were queued
    // in: two senders of one millisecond can reach the queue in either order, and the chat's last
    // message must be the one its conversation shows last.
    all.sort(Comparator.comparing(NewMessage::at).thenComparing(NewMessage::id));
    Set<String> reopenedBy = applyToChats(all, chats);

    // The outcomes first (a sender not on the chat is looked up here), so that steps 3, 4 and 5
    // and the commit can travel together: nothing in them needs an answer.
    Set<String> storedIds = new HashSet<>();
    stored.forEach(m -> storedIds.add(m.id()));
    List<Outcome<Optional<Appended>>> outcomes = new ArrayList<>(batch.size());
    List<Appended> appended = new ArrayList<>(all.size());
    for (NewMessage m : batch) {
      if (!chats.containsKey(m.chatId())) {
        outcomes.add(Outcome.refused(AppException.notFound("Chat not found.")));
      } else if (!storedIds.contains(m.id())) {
        outcomes.add(Outcome.done(Optional.empty()));
      } else {
        ChatState chat = chats.get(m.chatId());
        Chat after = chat.after();
        NewMessage reply = replies.get(m.id());
        Appended replied =
            reply == null ? null : new Appended(message(c, reply, chat.before), after, false);
        Appended a =
            new Appended(message(c, m, chat.before), after, reopenedBy.contains(m.id()), replied);
        appended.add(a);
        if (replied != null) {
          appended.add(replied);
        }
        outcomes.add(Outcome.done(Optional.of(a)));
      }
    }

    Pipeline writes = new Pipeline(dialect);
    updateChats(writes, chats);
    for (NewMessage m : all) {
      if (reopenedBy.contains(m.id())) {
        ChatTimeline.statusChanged(
            writes,
            m.chatId(),
            m.senderId(),
            chats.get(m.chatId()).before.status(),
            ChatStatus.OPEN,
            m.at().toEpochMilli());
      }
    }
    countBySender(writes, all);
    // Step 5: the emails and webhooks these messages cause, committed with them.
    if (!appended.isEmpty()) {
      sideEffects.run(writes, appended);
    }
    writes.sendWithCommit(c);
    return outcomes;
  }

  /**
   * Step 1: the batch's chats that exist, locked in chat-id order (SQLite: the writer holds the
   * only lock).
   */
  private Pipeline.Result<List<ChatState>> lockChats(Pipeline p, List<NewMessage> batch) {
    List<String> ids = batch.stream().map(NewMessage::chatId).distinct().sorted().toList();
    // "OF c": PostgreSQL locks only the chat rows, not the users and messages joined to them.
    String sql =
        "SELECT "
            + JdbcChatRepository.CHAT_COLUMNS
            + ", c.first_user_message_at, c.first_response_ms"
            + JdbcChatRepository.CHAT_FROM
            + " WHERE c.id IN ("
            + placeholders(ids.size())
            + ") ORDER BY c.id"
            + (dialect == Dialect.POSTGRES ? " FOR UPDATE OF c" : "");
    return p.query(
        sql,
        rs ->
            new ChatState(
                JdbcChatRepository.CHAT.map(rs),
                new StatusFlow.ResponseClock(
                    Sql.nullableLong(rs, "first_user_message_at"),
                    Sql.nullableLong(rs, "first_response_ms"))),
        ids.toArray());
  }

  /**
   * Step 2: each message inserted into its chat if the chat exists; its count is 0 for a duplicate
   * or a chat that is gone.
   */
  private static Pipeline.Result<int[]> insertMessages(Pipeline p, List<NewMessage> messages) {
    List<Object[]> rows = new ArrayList<>(messages.size());
    for (NewMessage m : messages) {
      long t = m.at().toEpochMilli();
      rows.add(
          new Object[] {
            m.id(),
            m.senderId(),
            m.senderIsAdmin(),
            m.content(),
            m.messageType(),
            JdbcChatRepository.writeAttachments(m.attachments()),
            m.senderIsAdmin(),
            readByUser(m),
            m.isInternalNote(),
            m.clientMessageId(),
            t,
            t,
            m.chatId()
          });
    }
    return p.batch(INSERT_MESSAGE, rows);
  }

  /** The messages the database stored (not the duplicates), in batch order. */
  private static List<NewMessage> stored(
      List<NewMessage> messages, int[] inserted, Map<String, ChatState> chats) {
    List<NewMessage> stored = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      NewMessage m = messages.get(i);
      if (inserted[i] != 0) {
        // The insert sees the chats the lock query saw: no message waits for a chat before it is
        // created, and a chat is locked before it is deleted. Never store into a chat not locked.
        if (!chats.containsKey(m.chatId())) {
          throw new IllegalStateException("message stored in chat " + m.chatId() + " unlocked");
        }
        stored.add(m);
      }
    }
    return stored;
  }

  /**
   * Step 2b: for each stored public user message the rules answer, the reply (keyed, so one per key
   * and chat however many messages, retries and nodes ask), by the id of the message it answers. A
   * failing rule costs the reply, never the user's message.
   */
  private Map<String, NewMessage> insertReplies(
      Connection c, List<NewMessage> stored, Map<String, ChatState> chats) throws SQLException {
    AutomaticReplies rules = automaticReplies.get();
    Map<String, NewMessage> candidates = new LinkedHashMap<>();
    for (NewMessage m : stored) {
      if (m.senderIsAdmin() || m.isInternalNote()) {
        continue;
      }
      Optional<AutomaticReplies.Reply> reply;
      try {
        reply = rules.to(c, m.chatId(), m.at());
      } catch (RuntimeException e) {
        LOG.warn("The automatic reply to chat {} was not decided", m.chatId(), e);
        continue;
      }
      reply.ifPresent(
          r ->
              candidates.put(
                  m.id(),
                  new NewMessage(
                      Ids.newId(m.at().toEpochMilli()),
                      m.chatId(),
                      AutomaticReply.SENDER_ID,
                      true,
                      r.content(),
                      MessageType.TEXT,
                      List.of(),
                      false,
                      r.key(),
                      m.at())));
    }
    if (candidates.isEmpty()) {
      return Map.of();
    }
    List<NewMessage> answers = List.copyOf(candidates.values());
    Pipeline insert = new Pipeline(dialect);
    Pipeline.Result<int[]> inserted = insertMessages(insert, answers);
    insert.send(c);
    Set<String> insertedIds = new HashSet<>();
    stored(answers, inserted.get(), chats).forEach(r -> insertedIds.add(r.id()));
    Map<String, NewMessage> replies = new LinkedHashMap<>();
    candidates.forEach(
        (answered, reply) -> {
          if (insertedIds.contains(reply.id())) {
            replies.put(answered, reply);
          }
        });
    return replies;
  }

  /**
   * Step 3 in memory: each message applied to its chat in order, as a one-message transaction
   * would. Returns the ids of the messages that reopened their chat.
   */
  private static Set<String> applyToChats(List<NewMessage> stored, Map<String, ChatState> chats) {
    Set<String> reopened = new HashSet<>();
    for (NewMessage m : stored) {
      if (chats.get(m.chatId()).apply(m)) {
        reopened.add(m.id());
      }
    }
    return reopened;
  }

  private static void updateChats(Pipeline p, Map<String, ChatState> chats) {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, ChatState> e : chats.entrySet()) {
      ChatState s = e.getValue();
      if (s.changed()) {
        long at = s.lastActivityAt.toEpochMilli();
        rows.add(
            new Object[] {
              s.status,
              s.lastMessage == null ? s.before.lastMessage().id() : s.lastMessage.id(),
              s.lastPublicMessage == null ? null : s.lastPublicMessage.id(),
              s.newForAdmin,
              s.newForUser,
              s.clock.firstUserMessageAt(),
              s.clock.firstResponseMs(),
              at,
              at,
              e.getKey()
            });
      }
    }
    p.batch(UPDATE_CHAT, rows);
  }

  /** Step 4: the statistics' totals, one upsert per sender, in sender order. */
  private static void countBySender(Pipeline p, List<NewMessage> stored) {
    Map<String, int[]> counts = new TreeMap<>();
    for (NewMessage m : stored) {
      int[] n = counts.computeIfAbsent(m.senderId(), k -> new int[2]);
      n[0]++;
      n[1] += m.senderIsAdmin() && !m.isInternalNote() ? 1 : 0;
    }
    List<Object[]> rows = new ArrayList<>(counts.size());
    counts.forEach((sender, n) -> rows.add(new Object[] {sender, n[0], n[1]}));
    p.batch(COUNT_BY_SENDER, rows);
  }

  /** The stored row is exactly what was inserted: built here rather than read back. */
  private Message message(Connection c, NewMessage m, Chat chat) throws SQLException {
    Instant at = Instant.ofEpochMilli(m.at().toEpochMilli());
    return new Message(
        m.id(),
        m.chatId(),
        sender(c, m, chat),
        m.content(),
        m.messageType(),
        m.attachments(),
        m.senderIsAdmin(),
        readByUser(m),
        m.isInternalNote(),
        false,
        m.clientMessageId(),
        at,
        at);
  }

  /**
   * Who sent the message, as it carries them. The chat's own user and its agent, who send nearly
   * every message, were read (as they are now) with the locked chat; anyone else is looked up.
   */
  private UserRef sender(Connection c, NewMessage m, Chat chat) throws SQLException {
    for (UserRef known : new UserRef[] {chat.user(), chat.admin()}) {
      if (known != null && known.id().equals(m.senderId())) {
        return new UserRef(known.id(), known.fullName(), known.email(), m.senderIsAdmin());
      }
    }
    return senders.find(c, m.senderId(), m.senderIsAdmin());
  }

  /** A user's own messages and notes (which users never see) count as read by the user. */
  private static boolean readByUser(NewMessage m) {
    return !m.senderIsAdmin() || m.isInternalNote();
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
