package dev.supportchat.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportchat.error.AppException;
import dev.supportchat.store.Database;
import dev.supportchat.store.GroupCommitter;
import dev.supportchat.store.RowMapper;
import dev.supportchat.store.Sql;
import dev.supportchat.worker.WorkerHealth;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ChatRepository} in SQL that runs unchanged on SQLite and PostgreSQL. */
final class JdbcChatRepository implements ChatRepository {
  /**
   * Most messages one group commit takes; bounds a transaction's length and a sender's wait behind
   * it.
   */
  private static final int MAX_MESSAGES_PER_COMMIT = 256;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A chat's columns with its user, assignee and last messages, for {@link #CHAT}; {@link
   * #CHAT_FROM} joins them.
   */
  static final String CHAT_COLUMNS =
      "c.id, c.user_id, c.admin_id, c.subject, c.priority, c.status,"
          + " c.unread_by_admin, c.unread_by_user, c.is_active, c.created_at, c.updated_at, c.last_activity_at,"
          + " u.full_name AS u_name, u.email AS u_email, u.is_admin AS u_admin,"
          + " a.full_name AS a_name, a.email AS a_email,"
          + " lm.id AS lm_id, lm.sender_id AS lm_sender, lm.content AS lm_content, lm.message_type AS lm_type,"
          + " lm.created_at AS lm_at,"
          + " lp.id AS lp_id, lp.sender_id AS lp_sender, lp.content AS lp_content, lp.message_type AS lp_type,"
          + " lp.created_at AS lp_at";

  static final String CHAT_FROM =
      " FROM chats c JOIN users u ON u.id = c.user_id LEFT JOIN users a ON a.id = c.admin_id"
          + " LEFT JOIN messages lm ON lm.id = c.last_message_id"
          + " LEFT JOIN messages lp ON lp.id = c.last_public_message_id";

  static final String CHAT_SELECT = "SELECT " + CHAT_COLUMNS + CHAT_FROM;

  static final RowMapper<Chat> CHAT =
      rs ->
          new Chat(
              rs.getString("id"),
              new UserRef(
                  rs.getString("user_id"),
                  rs.getString("u_name"),
                  rs.getString("u_email"),
                  rs.getBoolean("u_admin")),
              rs.getString("admin_id") == null
                  ? null
                  : new UserRef(
                      rs.getString("admin_id"),
                      rs.getString("a_name"),
                      rs.getString("a_email"),
                      true),
              rs.getString("subject"),
              Priority.valueOf(rs.getString("priority")),
              ChatStatus.valueOf(rs.getString("status")),
              lastMessage(rs, "lm"),
              lastMessage(rs, "lp"),
              rs.getInt("unread_by_admin"),
              rs.getInt("unread_by_user"),
              rs.getBoolean("is_active"),
              Instant.ofEpochMilli(rs.getLong("created_at")),
              Instant.ofEpochMilli(rs.getLong("updated_at")),
              Instant.ofEpochMilli(rs.getLong("last_activity_at")));

  private static final String MESSAGE_SELECT =
      "SELECT m.id, m.chat_id, m.sender_id, m.sender_is_admin, m.content,"
          + " m.message_type, m.attachments, m.is_read_by_admin, m.is_read_by_user, m.is_internal_note, m.is_edited,"
          + " m.client_message_id, m.created_at, m.updated_at, s.full_name AS s_name, s.email AS s_email"
          + " FROM messages m JOIN users s ON s.id = m.sender_id";

  static final RowMapper<Message> MESSAGE =
      rs ->
          new Message(
              rs.getString("id"),
              rs.getString("chat_id"),
              new UserRef(
                  rs.getString("sender_id"),
                  rs.getString("s_name"),
                  rs.getString("s_email"),
                  rs.getBoolean("sender_is_admin")),
              rs.getString("content"),
              MessageType.valueOf(rs.getString("message_type")),
              readAttachments(rs.getString("attachments"), rs.getString("chat_id")),
              rs.getBoolean("is_read_by_admin"),
              rs.getBoolean("is_read_by_user"),
              rs.getBoolean("is_internal_note"),
              rs.getBoolean("is_edited"),
              rs.getString("client_message_id"),
              Instant.ofEpochMilli(rs.getLong("created_at")),
              Instant.ofEpochMilli(rs.getLong("updated_at")));

  private static final int MAX_REMEMBERED_SENDERS = 100_000;

  private final Database db;
  private final ChatSideEffects effects;
  private final Map<String, UserRef> senders = new ConcurrentHashMap<>();
  private final GroupCommitter<NewMessage, Optional<Appended>> messageWriter;

  JdbcChatRepository(Database db) {
    this(db, ChatSideEffects.NONE);
  }

  JdbcChatRepository(Database db, ChatSideEffects effects) {
    this.db = db;
    this.effects = effects;
    this.messageWriter =
        new GroupCommitter<>(
            db,
            "message-writer",
            MAX_MESSAGES_PER_COMMIT,
            new MessageBatch(db.dialect(), this::senderRef, effects, () -> automaticReplies)
                ::apply);
  }

  private volatile AutomaticReplies automaticReplies = AutomaticReplies.NONE;

  @Override
  public void replyAutomaticallyWith(AutomaticReplies replies) {
    this.automaticReplies = replies;
  }

  @Override
  public boolean mergeVisitor(String visitorId, String verifiedUserId, Instant at) {
    long now = at.toEpochMilli();
    return db.write(
        c -> {
          // The guard: the merge happens once per visitor even when two tabs identify at the same
          // moment; the second transaction finds merged_into set (or waits on the row, then does).
          if (Sql.update(
                  c,
                  "UPDATE users SET merged_into = ?, updated_at = ?"
                      + " WHERE id = ? AND kind = 'visitor' AND merged_into IS NULL",
                  verifiedUserId,
                  now,
                  visitorId)
              == 0) {
            return false;
          }
          Optional<String> from = activeChatId(c, visitorId);
          Optional<String> into = activeChatId(c, verifiedUserId);
          if (from.isPresent() && into.isPresent()) {
            moveConversation(c, from.get(), into.get(), now);
          }
          Sql.update(
              c, "UPDATE chats SET user_id = ? WHERE user_id = ?", verifiedUserId, visitorId);
          Sql.update(
              c,
              "UPDATE messages SET sender_id = ? WHERE sender_id = ?",
              verifiedUserId,
              visitorId);
          Sql.update(
              c,
              "INSERT INTO sender_message_counts (sender_id, messages, public_replies)"
                  + " SELECT ?, messages, public_replies FROM sender_message_counts"
                  + " WHERE sender_id = ?"
                  + " ON CONFLICT (sender_id) DO UPDATE SET"
                  + " messages = sender_message_counts.messages + excluded.messages,"
                  + " public_replies = sender_message_counts.public_replies + excluded.public_replies",
              verifiedUserId,
              visitorId);
          Sql.update(c, "DELETE FROM sender_message_counts WHERE sender_id = ?", visitorId);
          Sql.update(
              c,
              "UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
              now,
              visitorId);
          return true;
        });
  }

  private static Optional<String> activeChatId(Connection c, String userId) throws SQLException {
    return Sql.one(
        c,
        "SELECT id FROM chats WHERE user_id = ? AND is_active = TRUE",
        rs -> rs.getString(1),
        userId);
  }

  /**
   * Both people had a conversation going: the visitor's messages (and attachments) join the
   * verified user's chat, whose counters are then read again from its messages, and the emptied
   * chat goes. Message ids and times keep their order, so the merged history interleaves correctly.
   */
  private static void moveConversation(Connection c, String from, String into, long now)
      throws SQLException {
    lockChat(c, into);
    lockChat(c, from);
    Chat fromChat = existingChat(c, from);
    Chat intoChat = existingChat(c, into);
    Sql.update(c, "UPDATE messages SET chat_id = ? WHERE chat_id = ?", into, from);
    Sql.update(c, "UPDATE attachments SET chat_id = ? WHERE chat_id = ?", into, from);
    long lastActivity =
        Math.max(
            fromChat.lastActivityAt().toEpochMilli(), intoChat.lastActivityAt().toEpochMilli());
    Sql.update(
        c,
        "UPDATE chats SET"
            + " last_message_id = (SELECT id FROM messages WHERE chat_id = ?"
            + " ORDER BY created_at DESC, id DESC LIMIT 1),"
            + " last_public_message_id = (SELECT id FROM messages WHERE chat_id = ?"
            + " AND is_internal_note = FALSE ORDER BY created_at DESC, id DESC LIMIT 1),"
            + " unread_by_admin = (SELECT COUNT(*) FROM messages WHERE chat_id = ?"
            + " AND sender_is_admin = FALSE AND is_read_by_admin = FALSE),"
            + " unread_by_user = (SELECT COUNT(*) FROM messages WHERE chat_id = ?"
            + " AND sender_is_admin = TRUE AND is_internal_note = FALSE AND is_read_by_user = FALSE),"
            + " first_user_message_at = (SELECT MIN(created_at) FROM messages WHERE chat_id = ?"
            + " AND sender_is_admin = FALSE),"
            + " first_response_ms = COALESCE(first_response_ms,"
            + " (SELECT first_response_ms FROM chats WHERE id = ?)),"
            + " admin_id = COALESCE(admin_id, (SELECT admin_id FROM chats WHERE id = ?)),"
            + " status = ?, last_activity_at = ?, updated_at = ?"
            + " WHERE id = ?",
        into,
        into,
        into,
        into,
        into,
        from,
        from,
        StatusFlow.merged(intoChat.status(), fromChat.status()).name(),
        lastActivity,
        now,
        into);
    Sql.update(c, "DELETE FROM chats WHERE id = ?", from);
  }

  @Override
  public List<ChatSummary> chatsOfUser(String userId, int limit) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT id, subject, status, priority, created_at, last_activity_at FROM chats"
                    + " WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                rs ->
                    new ChatSummary(
                        rs.getString("id"),
                        rs.getString("subject"),
                        ChatStatus.valueOf(rs.getString("status")),
                        Priority.valueOf(rs.getString("priority")),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("last_activity_at"))),
                userId,
                limit));
  }

  @Override
  public WorkerHealth writerHealth() {
    return messageWriter.health();
  }

  @Override
  public void close() {
    messageWriter.close();
  }

  @Override
  public Optional<Chat> findChat(String chatId) {
    return db.read(c -> chat(c, chatId));
  }

  private static Optional<Chat> chat(Connection c, String chatId) throws SQLException {
    return Sql.one(c, CHAT_SELECT + " WHERE c.id = ?", CHAT, chatId);
  }

  private static Chat existingChat(Connection c, String chatId) throws SQLException {
    return chat(c, chatId).orElseThrow(() -> AppException.notFound("Chat not found."));
  }

  @Override
  public Optional<Chat> findActiveChatOfUser(String userId) {
    return db.read(
        c ->
            Sql.one(
                c,
                CHAT_SELECT
                    + " WHERE c.user_id = ? AND c.is_active = TRUE"
                    + " ORDER BY c.created_at DESC LIMIT 1",
                CHAT,
                userId));
  }

  @Override
  public Optional<String> findActiveOwner(String chatId) {
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT user_id FROM chats WHERE id = ? AND is_active = TRUE",
                rs -> rs.getString(1),
                chatId));
  }

  @Override
  public Optional<Chat> createChat(
      String id, String userId, String subject, Priority priority, Instant at) {
    try {
      return db.write(
          c -> {
            long t = at.toEpochMilli();
            Sql.update(
                c,
                "INSERT INTO chats (id, user_id, subject, priority, priority_rank, status, last_activity_at,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                userId,
                subject,
                priority,
                priority.rank(),
                StatusFlow.created(),
                t,
                t,
                t);
            Optional<Chat> created = chat(c, id);
            if (created.isPresent()) {
              effects.chatCreated(c, created.get());
            }
            return created;
          });
    } catch (RuntimeException e) {
      if (isUniqueViolation(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Joins the next group commit; empty when the sender's clientMessageId is already stored. */
  @Override
  public CompletableFuture<Optional<Appended>> appendAsync(NewMessage m) {
    return messageWriter.submitAsync(m);
  }

  /** A sender's name and email, remembered: the API has no way to change them. */
  private UserRef senderRef(Connection c, String userId, boolean isAdmin) throws SQLException {
    UserRef known = senders.get(userId);
    if (known != null) {
      return known;
    }
    UserRef ref =
        Sql.one(
                c,
                "SELECT full_name, email FROM users WHERE id = ?",
                rs -> new UserRef(userId, rs.getString(1), rs.getString(2), isAdmin),
                userId)
            .orElseThrow();
    if (senders.size() >= MAX_REMEMBERED_SENDERS) {
      senders.clear();
    }
    senders.put(userId, ref);
    return ref;
  }

  @Override
  public Optional<Message> findByClientMessageId(
      String chatId, String senderId, String clientMessageId) {
    return db.read(
        c ->
            Sql.one(
                c,
                MESSAGE_SELECT
                    + " WHERE m.chat_id = ? AND m.sender_id = ? AND m.client_message_id = ?",
                MESSAGE,
                chatId,
                senderId,
                clientMessageId));
  }

  @Override
  public Optional<Message> findMessage(String chatId, String messageId) {
    return db.read(
        c ->
            Sql.one(
                c,
                MESSAGE_SELECT + " WHERE m.id = ? AND m.chat_id = ?",
                MESSAGE,
                messageId,
                chatId));
  }

  @Override
  public MessagePage messages(String chatId, boolean includeNotes, int limit, String beforeId) {
    return page(chatId, includeNotes, limit, beforeId, false);
  }

  @Override
  public MessagePage messagesSince(String chatId, boolean includeNotes, int limit, String sinceId) {
    return page(chatId, includeNotes, limit, sinceId, true);
  }

  /**
   * Newest first before a cursor, or (catching up) oldest first after one; the cursor itself is
   * excluded.
   */
  private MessagePage page(
      String chatId, boolean includeNotes, int limit, String cursorId, boolean forward) {
    return db.read(
        c -> {
          List<Object> params = new ArrayList<>(List.of(chatId));
          StringBuilder sql = new StringBuilder(MESSAGE_SELECT).append(" WHERE m.chat_id = ?");
          if (!includeNotes) {
            sql.append(" AND m.is_internal_note = FALSE");
          }
          if (cursorId != null) {
            Optional<Long> cursorAt =
                Sql.one(
                    c,
                    "SELECT created_at FROM messages WHERE id = ? AND chat_id = ?",
                    rs -> rs.getLong(1),
                    cursorId,
                    chatId);
            String field = forward ? "since" : "before";
            if (cursorAt.isEmpty()) {
              throw AppException.invalid(
                  field, field + " must be the id of a message in this chat.");
            }
            String op = forward ? ">" : "<";
            sql.append(" AND (m.created_at ")
                .append(op)
                .append(" ? OR (m.created_at = ? AND m.id ")
                .append(op)
                .append(" ?))");
            params.addAll(List.of(cursorAt.get(), cursorAt.get(), cursorId));
          }
          String direction = forward ? "ASC" : "DESC";
          sql.append(" ORDER BY m.created_at ")
              .append(direction)
              .append(", m.id ")
              .append(direction)
              .append(" LIMIT ?");
          params.add(limit + 1);
          List<Message> rows = Sql.list(c, sql.toString(), MESSAGE, params.toArray());
          boolean hasMore = rows.size() > limit;
          List<Message> page = hasMore ? rows.subList(0, limit) : rows;
          String next = hasMore ? page.get(page.size() - 1).id() : null;
          return new MessagePage(List.copyOf(page), hasMore, next);
        });
  }

  @Override
  public ReadMarked markRead(String chatId, boolean readerIsAdmin, Instant at) {
    return db.write(
        c -> {
          long t = at.toEpochMilli();
          // Lock the chat row first: a concurrent send then waits, and the recount below stays
          // exact.
          lockChat(c, chatId);
          int marked;
          if (readerIsAdmin) {
            marked =
                Sql.update(
                    c,
                    "UPDATE messages SET is_read_by_admin = TRUE WHERE chat_id = ?"
                        + " AND sender_is_admin = FALSE AND is_read_by_admin = FALSE",
                    chatId);
            Sql.update(
                c,
                "UPDATE chats SET unread_by_admin = (SELECT COUNT(*) FROM messages WHERE chat_id = ?"
                    + " AND sender_is_admin = FALSE AND is_read_by_admin = FALSE) WHERE id = ?",
                chatId,
                chatId);
          } else {
            marked =
                Sql.update(
                    c,
                    "UPDATE messages SET is_read_by_user = TRUE WHERE chat_id = ?"
                        + " AND sender_is_admin = TRUE AND is_internal_note = FALSE AND is_read_by_user = FALSE",
                    chatId);
            Sql.update(
                c,
                "UPDATE chats SET unread_by_user = (SELECT COUNT(*) FROM messages WHERE chat_id = ?"
                    + " AND sender_is_admin = TRUE AND is_internal_note = FALSE AND is_read_by_user = FALSE) WHERE id = ?",
                chatId,
                chatId);
          }
          return new ReadMarked(marked, existingChat(c, chatId), Instant.ofEpochMilli(t));
        });
  }

  /**
   * Locks the chat's row until the transaction ends (a no-op UPDATE locks on both engines), so that
   * a rule decided from the row read next still holds when its result is written: a concurrent
   * send, assignment or status change (on any node) waits. Every writer of a chat's status takes
   * this lock or {@link MessageBatch}'s.
   */
  private static void lockChat(Connection c, String chatId) throws SQLException {
    if (Sql.update(c, "UPDATE chats SET updated_at = updated_at WHERE id = ?", chatId) == 0) {
      throw AppException.notFound("Chat not found.");
    }
  }

  @Override
  public Chat updateStatus(
      String chatId, ChatStatus status, Priority priority, String actorId, Instant at) {
    return db.write(
        c -> {
          effects.beforeChange(c);
          lockChat(c, chatId);
          Chat before = existingChat(c, chatId);
          long t = at.toEpochMilli();
          StatusFlow.StatusSet set =
              StatusFlow.setByAdmin(before.status(), status, before.createdAt().toEpochMilli(), t);
          Priority newPriority = priority != null ? priority : before.priority();
          // A null resolution time keeps the stored one (see StatusFlow.setByAdmin).
          Sql.update(
              c,
              "UPDATE chats SET status = ?, priority = ?, priority_rank = ?,"
                  + " resolution_ms = COALESCE(?, resolution_ms),"
                  + " resolved_at = COALESCE(?, resolved_at), updated_at = ? WHERE id = ?",
              set.step().status(),
              newPriority,
              newPriority.rank(),
              set.resolutionMs(),
              // A new resolution (not a move between resolved and closed) may be rated again.
              set.resolutionMs() == null ? null : t,
              t,
              chatId);
          Chat after = existingChat(c, chatId);
          if (after.status() != before.status()) {
            ChatTimeline.statusChanged(c, chatId, actorId, before.status(), after.status(), t);
            effects.statusChanged(c, before, after);
          }
          return after;
        });
  }

  @Override
  public Assigned assign(String chatId, String adminId, String actorId, Instant at) {
    return db.write(
        c -> {
          effects.beforeChange(c);
          lockChat(c, chatId);
          Chat before = existingChat(c, chatId);
          StatusFlow.Step step = StatusFlow.assigned(before.status());
          Sql.update(
              c,
              "UPDATE chats SET admin_id = ?, status = ?, updated_at = ?, assigned_at = ?,"
                  + " queued_at = NULL WHERE id = ?",
              adminId,
              step.status(),
              at.toEpochMilli(),
              at.toEpochMilli(),
              chatId);
          Chat after = existingChat(c, chatId);
          String previous = before.admin() == null ? null : before.admin().id();
          if (!adminId.equals(previous)) {
            ChatTimeline.assigned(c, chatId, actorId, previous, adminId, at.toEpochMilli());
          }
          effects.assigned(c, before, after);
          return new Assigned(after, step.changed());
        });
  }

  @Override
  public Chat unassign(String chatId, String actorId, Instant at) {
    return db.write(
        c -> {
          effects.beforeChange(c);
          lockChat(c, chatId);
          Chat before = existingChat(c, chatId);
          if (before.admin() == null) {
            return before;
          }
          long t = at.toEpochMilli();
          // Back to the end of the queue, open: whoever takes it next starts it again.
          ChatStatus status = StatusFlow.unassigned(before.status());
          Sql.update(
              c,
              "UPDATE chats SET admin_id = NULL, status = ?, assigned_at = NULL, queued_at = ?,"
                  + " updated_at = ? WHERE id = ?",
              status,
              t,
              t,
              chatId);
          Chat after = existingChat(c, chatId);
          ChatTimeline.assigned(c, chatId, actorId, before.admin().id(), null, t);
          if (after.status() != before.status()) {
            ChatTimeline.statusChanged(c, chatId, actorId, before.status(), after.status(), t);
          }
          effects.assigned(c, before, after);
          return after;
        });
  }

  @Override
  public List<ChatEvent> timeline(String chatId) {
    return db.read(c -> ChatTimeline.of(c, chatId));
  }

  private static final String RATING_SELECT =
      "SELECT id, chat_id, score, comment, admin_id, resolved_at, created_at FROM chat_ratings";

  private static final RowMapper<Rating> RATING =
      rs ->
          new Rating(
              rs.getString("id"),
              rs.getString("chat_id"),
              rs.getInt("score"),
              rs.getString("comment"),
              rs.getString("admin_id"),
              Instant.ofEpochMilli(rs.getLong("resolved_at")),
              Instant.ofEpochMilli(rs.getLong("created_at")));

  private static Long resolvedAt(Connection c, String chatId) throws SQLException {
    return Sql.one(
            c,
            "SELECT resolved_at FROM chats WHERE id = ?",
            rs -> Sql.nullableLong(rs, "resolved_at"),
            chatId)
        .orElse(null);
  }

  private static Rating.State ratingState(Connection c, Chat chat) throws SQLException {
    Long resolved = resolvedAt(c, chat.id());
    Rating current =
        resolved == null || !chat.status().isFinished()
            ? null
            : Sql.one(
                    c,
                    RATING_SELECT + " WHERE chat_id = ? AND resolved_at = ?",
                    RATING,
                    chat.id(),
                    resolved)
                .orElse(null);
    return new Rating.State(
        Rating.canRate(
            chat.status(),
            resolved == null ? null : Instant.ofEpochMilli(resolved),
            current != null),
        current);
  }

  @Override
  public Rating rate(String chatId, String ratingId, int score, String comment, Instant at) {
    return db.write(
        c -> {
          lockChat(c, chatId);
          Chat chat = existingChat(c, chatId);
          Rating.State state = ratingState(c, chat);
          if (state.current() != null) {
            throw AppException.conflict(
                "You already rated this conversation; thank you. You can rate it again after a"
                    + " new question is resolved.");
          }
          if (!state.canRate()) {
            throw AppException.conflict(
                "Only a resolved conversation can be rated; this one is "
                    + chat.status().wire()
                    + ".");
          }
          Rating r =
              new Rating(
                  ratingId,
                  chatId,
                  score,
                  comment,
                  chat.admin() == null ? null : chat.admin().id(),
                  Instant.ofEpochMilli(resolvedAt(c, chatId)),
                  at);
          Sql.update(
              c,
              "INSERT INTO chat_ratings (id, chat_id, resolved_at, admin_id, score, comment,"
                  + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              r.id(),
              r.chatId(),
              r.resolvedAt().toEpochMilli(),
              r.adminId(),
              r.score(),
              r.comment(),
              at.toEpochMilli());
          effects.rated(c, chat, r);
          return r;
        });
  }

  @Override
  public Rating.State ratingState(String chatId) {
    return db.read(c -> ratingState(c, existingChat(c, chatId)));
  }

  @Override
  public List<Rating> ratings(String chatId) {
    return db.read(
        c ->
            Sql.list(
                c,
                RATING_SELECT + " WHERE chat_id = ? ORDER BY created_at DESC, id",
                RATING,
                chatId));
  }

  @Override
  public Message editContent(String chatId, String messageId, String content, Instant at) {
    return db.write(
        c -> {
          Sql.update(
              c,
              "UPDATE messages SET content = ?, is_edited = TRUE, updated_at = ? WHERE id = ? AND chat_id = ?",
              content,
              at.toEpochMilli(),
              messageId,
              chatId);
          return Sql.one(c, MESSAGE_SELECT + " WHERE m.id = ?", MESSAGE, messageId)
              .orElseThrow(() -> AppException.notFound("Message not found."));
        });
  }

  /**
   * Latest activity first, then the more urgent; the id makes the order total, so pages never
   * overlap.
   */
  private static final String ADMIN_LIST_ORDER =
      " ORDER BY c.last_activity_at DESC, c.priority_rank DESC, c.id DESC";

  @Override
  public ChatRows listForAdmin(AdminFilter f, int offset, int limit) {
    StringBuilder where = new StringBuilder(" WHERE c.is_active = TRUE");
    List<Object> params = new ArrayList<>();
    if (f.status() != null) {
      where.append(" AND c.status = ?");
      params.add(f.status());
    }
    if (f.priority() != null) {
      where.append(" AND c.priority = ?");
      params.add(f.priority());
    }
    if (f.unassignedOnly()) {
      where.append(" AND c.admin_id IS NULL");
    } else if (f.adminId() != null) {
      where.append(" AND c.admin_id = ?");
      params.add(f.adminId());
    }
    if (f.labelId() != null) {
      where.append(" AND c.id IN (SELECT chat_id FROM chat_labels WHERE label_id = ?)");
      params.add(f.labelId());
    }
    boolean searchedAlone = f.query() != null && params.isEmpty() && !f.unassignedOnly();
    ChatSearch.Condition search =
        f.query() == null ? null : ChatSearch.condition(db.dialect(), f.query());
    String countSql =
        searchedAlone
            ? search.countAlone()
            : "SELECT COUNT(*) FROM chats c"
                + where
                + (search == null ? "" : " AND " + search.forCount());
    String pageWhere = where + (search == null ? "" : " AND " + search.forPage());
    if (search != null) {
      params.add(search.parameter());
    }
    // The page's ids are read from the list indexes alone (the inner "chats c" shadows the outer
    // one); the joins
    // for user, assignee and last messages then run for those rows only, not for every row OFFSET
    // skips.
    String pageSql =
        CHAT_SELECT
            + " WHERE c.id IN (SELECT c.id FROM chats c"
            + pageWhere
            + ADMIN_LIST_ORDER
            + " LIMIT ? OFFSET ?)"
            + ADMIN_LIST_ORDER;
    return db.read(
        c -> {
          long total = Sql.count(c, countSql, params.toArray());
          List<Object> pageParams = new ArrayList<>(params);
          pageParams.add(limit);
          pageParams.add(offset);
          // No match, or a page past the last one, is empty without a second pass.
          List<Chat> chats =
              total <= offset ? List.of() : Sql.list(c, pageSql, CHAT, pageParams.toArray());
          return new ChatRows(chats, total);
        });
  }

  @Override
  public void insertAttachment(Attachment a, String uploaderId, String storageKey, Instant at) {
    db.write(
        c ->
            Sql.update(
                c,
                "INSERT INTO attachments (id, chat_id, uploader_id, file_name, content_type,"
                    + " size_bytes, storage_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(),
                a.chatId(),
                uploaderId,
                a.fileName(),
                a.contentType(),
                a.size(),
                storageKey,
                at.toEpochMilli()));
  }

  @Override
  public long uploadedBytes(String userId) {
    return db.read(
        c ->
            Sql.count(
                c,
                "SELECT COALESCE(SUM(size_bytes), 0) FROM attachments WHERE uploader_id = ?",
                userId));
  }

  @Override
  public List<String> deleteUnattachedBefore(Instant cutoff, int limit, Instant now) {
    record Candidate(String id, String chatId, String storageKey) {}
    List<Candidate> candidates =
        db.read(
            c ->
                Sql.list(
                    c,
                    "SELECT id, chat_id, storage_key FROM attachments"
                        + " WHERE attached_at IS NULL AND created_at < ? ORDER BY created_at LIMIT ?",
                    rs -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3)),
                    cutoff.toEpochMilli(),
                    limit));
    List<String> deleted = new ArrayList<>();
    for (Candidate a : candidates) {
      // Attachment ids are 24 hex digits, so the pattern matches nothing but that id. Checked and
      // deleted in one transaction, so a message committed before it keeps its file.
      boolean gone =
          db.write(
              c -> {
                boolean carried =
                    Sql.count(
                            c,
                            "SELECT COUNT(*) FROM messages WHERE chat_id = ? AND attachments LIKE ?",
                            a.chatId(),
                            "%" + a.id() + "%")
                        > 0;
                if (carried) {
                  Sql.update(
                      c,
                      "UPDATE attachments SET attached_at = ? WHERE id = ?",
                      now.toEpochMilli(),
                      a.id());
                  return false;
                }
                return Sql.update(
                        c, "DELETE FROM attachments WHERE id = ? AND attached_at IS NULL", a.id())
                    == 1;
              });
      if (gone) {
        deleted.add(a.storageKey());
      }
    }
    return deleted;
  }

  @Override
  public Optional<StoredAttachment> findAttachment(String chatId, String attachmentId) {
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT id, chat_id, uploader_id, file_name, content_type, size_bytes,"
                    + " storage_key FROM attachments WHERE id = ? AND chat_id = ?",
                rs ->
                    new StoredAttachment(
                        new Attachment(
                            rs.getString("id"),
                            rs.getString("chat_id"),
                            rs.getString("file_name"),
                            rs.getString("content_type"),
                            rs.getLong("size_bytes")),
                        rs.getString("uploader_id"),
                        rs.getString("storage_key")),
                attachmentId,
                chatId));
  }

  @Override
  public boolean isAttachmentShown(String chatId, String attachmentId) {
    // Attachment ids are 24 hex digits (checked before this is called): the pattern matches only
    // that id.
    return db.read(
            c ->
                Sql.count(
                    c,
                    "SELECT COUNT(*) FROM messages WHERE chat_id = ? AND is_internal_note = FALSE"
                        + " AND attachments LIKE ?",
                    chatId,
                    "%" + attachmentId + "%"))
        > 0;
  }

  private boolean isUniqueViolation(RuntimeException e) {
    return e.getCause() instanceof SQLException sql && db.isUniqueViolation(sql);
  }

  private static Chat.LastMessage lastMessage(ResultSet rs, String prefix) throws SQLException {
    String id = rs.getString(prefix + "_id");
    if (id == null) {
      return null;
    }
    return new Chat.LastMessage(
        id,
        rs.getString(prefix + "_sender"),
        rs.getString(prefix + "_content"),
        MessageType.valueOf(rs.getString(prefix + "_type")),
        Instant.ofEpochMilli(rs.getLong(prefix + "_at")));
  }

  static String writeAttachments(List<Attachment> attachments) {
    List<Map<String, Object>> list = new ArrayList<>();
    attachments.forEach(
        a ->
            list.add(
                Map.of(
                    "_id",
                    a.id(),
                    "fileName",
                    a.fileName(),
                    "contentType",
                    a.contentType(),
                    "size",
                    a.size())));
    try {
      return JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Attachment> readAttachments(String json, String chatId) {
    if (json == null || json.equals("[]")) {
      return List.of();
    }
    try {
      List<Map<String, Object>> list = JSON.readValue(json, new TypeReference<>() {});
      List<Attachment> out = new ArrayList<>();
      for (Map<String, Object> a : list) {
        out.add(
            new Attachment(
                (String) a.get("_id"),
                chatId,
                (String) a.get("fileName"),
                (String) a.get("contentType"),
                ((Number) a.get("size")).longValue()));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt attachments column", e);
    }
  }
}
