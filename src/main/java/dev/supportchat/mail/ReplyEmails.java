package dev.supportchat.mail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.chat.AutomaticReply;
import dev.supportchat.chat.ChatRepository.Appended;
import dev.supportchat.chat.ChatSideEffects;
import dev.supportchat.chat.Message;
import dev.supportchat.chat.UserRef;
import dev.supportchat.json.Json;
import dev.supportchat.outbox.Delivery;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.store.Database;
import dev.supportchat.store.Pipeline;
import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The follow-up email of unread agent replies. When an agent's public reply is stored, an outbox
 * item for its conversation is added in the same transaction (one unfinished item per conversation:
 * later replies join the same window); when it is due, {@link #deliver} looks at what is still
 * unread and whether the person came back, and sends one email, waits, or drops it.
 */
final class ReplyEmails implements ChatSideEffects, Delivery {
  static final String KIND = "reply_email";

  private final Database db;
  private final SmtpMailer mailer;
  private final UnsubscribeLinks unsubscribe;
  private final String publicUrl;
  private final Duration emailAfter;
  private final Predicate<String> connectedHere;
  private final Clock clock;

  ReplyEmails(
      Database db,
      SmtpMailer mailer,
      UnsubscribeLinks unsubscribe,
      String publicUrl,
      Duration emailAfter,
      Predicate<String> connectedHere,
      Clock clock) {
    this.db = db;
    this.mailer = mailer;
    this.unsubscribe = unsubscribe;
    this.publicUrl = publicUrl;
    this.emailAfter = emailAfter;
    this.connectedHere = connectedHere;
    this.clock = clock;
  }

  @Override
  public void messagesStored(Pipeline writes, List<Appended> stored) {
    List<Outbox.NewItem> windows = new ArrayList<>();
    for (Appended a : stored) {
      Message m = a.message();
      UserRef person = a.chat().user();
      // The automatic reply outside business hours is no reason to email anyone.
      if (m.fromAdmin()
          && !m.isInternalNote()
          && !AutomaticReply.isSender(m.sender().id())
          && !person.isAdmin()
          && person.email() != null
          && !person.email().isBlank()) {
        windows.add(window(a.chat().id(), m.createdAt()));
      }
    }
    // One batch for the whole group commit; the open key keeps the first of a conversation's.
    Outbox.addAll(writes, windows, clock.instant());
  }

  /** Adds the conversation's item unless one is already waiting. */
  private void openWindow(Connection c, String chatId, Instant replyAt) throws SQLException {
    Outbox.add(c, window(chatId, replyAt), clock.instant());
  }

  private Outbox.NewItem window(String chatId, Instant replyAt) {
    return new Outbox.NewItem(
        KIND,
        KIND + ":" + chatId,
        null,
        Json.MAPPER.createObjectNode().put("chatId", chatId).toString(),
        replyAt.plus(emailAfter));
  }

  private record Found(
      String chatId,
      String userId,
      String email,
      String name,
      String subject,
      boolean turnedOff,
      Instant lastSeenAt,
      Long emailedUntil,
      String pageUrl,
      List<ReplyEmailRule.Reply> unread,
      long newestUnreadMs) {}

  @Override
  public Result deliver(Outbox.Item item) {
    String chatId = payload(item).path("chatId").asText();
    Optional<Found> found = db.read(c -> find(c, chatId));
    if (found.isEmpty()) {
      return new Skipped("conversation gone");
    }
    Found f = found.get();
    Instant now = clock.instant();
    var decision =
        ReplyEmailRule.decide(
            new ReplyEmailRule.Situation(
                f.email(),
                f.turnedOff(),
                connectedHere.test(f.userId()),
                f.lastSeenAt(),
                f.unread()),
            now,
            emailAfter);
    if (decision instanceof ReplyEmailRule.Later later) {
      return new Later(later.at());
    }
    if (decision instanceof ReplyEmailRule.Skip skip) {
      // Read in the meantime: a reply stored while this item was still open added none of its
      // own, so look again in the transaction that closes this one.
      return f.unread().isEmpty()
          ? new Skipped(skip.why(), afterwards(chatId, f.newestUnreadMs(), false))
          : new Skipped(skip.why());
    }
    Email email =
        ReplyEmailRule.compose(
            f.email(),
            f.name(),
            f.subject(),
            f.unread(),
            conversationUrl(f.pageUrl()),
            unsubscribe.url(f.userId()));
    Result r = mailer.send(email, item.id());
    return r instanceof Sent sent
        ? new Sent(sent.status(), afterwards(chatId, f.newestUnreadMs(), true))
        : r;
  }

  private Optional<Found> find(Connection c, String chatId) throws SQLException {
    record Head(
        String userId,
        String email,
        String name,
        String subject,
        boolean off,
        Long seen,
        Long emailedUntil,
        String pageUrl) {}
    Optional<Head> head =
        Sql.one(
            c,
            "SELECT c.user_id, u.email, u.full_name, c.subject, u.reply_emails_off, u.last_seen_at,"
                + " c.replies_emailed_until, x.page_url FROM chats c JOIN users u ON u.id = c.user_id"
                + " LEFT JOIN user_context x ON x.user_id = c.user_id WHERE c.id = ?",
            rs ->
                new Head(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBoolean(5),
                    Sql.nullableLong(rs, "last_seen_at"),
                    Sql.nullableLong(rs, "replies_emailed_until"),
                    rs.getString(8)),
            chatId);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    Head h = head.get();
    long after = h.emailedUntil() == null ? -1 : h.emailedUntil();
    List<ReplyEmailRule.Reply> unread =
        Sql.list(
            c,
            "SELECT s.full_name, m.content, m.message_type, m.created_at FROM messages m"
                + " JOIN users s ON s.id = m.sender_id WHERE m.chat_id = ? AND m.sender_is_admin = TRUE"
                + " AND m.is_internal_note = FALSE AND m.is_read_by_user = FALSE AND m.created_at > ?"
                + " ORDER BY m.created_at, m.id",
            rs ->
                new ReplyEmailRule.Reply(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    Instant.ofEpochMilli(rs.getLong(4))),
            chatId,
            after);
    // All read: any unread reply found later (newer than the last emailed one) came after this
    // look.
    long newest = unread.isEmpty() ? after : unread.get(unread.size() - 1).at().toEpochMilli();
    return Optional.of(
        new Found(
            chatId,
            h.userId(),
            h.email(),
            h.name(),
            h.subject(),
            h.off(),
            h.seen() == null ? null : Instant.ofEpochMilli(h.seen()),
            h.emailedUntil(),
            h.pageUrl(),
            unread,
            newest));
  }

  /**
   * Recorded with the item: (before its row is released) the conversation's row is locked, as the
   * message writer locks it before adding an item, and what an email carried is remembered; (after)
   * the next window opens at once if a reply came meanwhile, since that reply added no item of its
   * own while this one was open.
   */
  private Outbox.AlsoInTransaction afterwards(String chatId, long newestMs, boolean emailed) {
    return new Outbox.AlsoInTransaction() {
      @Override
      public void before(Connection c) throws SQLException {
        if (emailed) {
          Sql.update(
              c, "UPDATE chats SET replies_emailed_until = ? WHERE id = ?", newestMs, chatId);
        } else {
          Sql.update(
              c,
              "UPDATE chats SET replies_emailed_until = replies_emailed_until WHERE id = ?",
              chatId);
        }
      }

      @Override
      public void after(Connection c) throws SQLException {
        reopenIfNewer(c, chatId, newestMs);
      }
    };
  }

  private void reopenIfNewer(Connection c, String chatId, long afterMs) throws SQLException {
    Optional<Long> newer =
        Sql.one(
            c,
            "SELECT MAX(created_at) AS newest FROM messages WHERE chat_id = ? AND sender_is_admin = TRUE"
                + " AND is_internal_note = FALSE AND is_read_by_user = FALSE AND created_at > ?",
            rs -> Sql.nullableLong(rs, "newest"),
            chatId,
            afterMs);
    if (newer.isPresent()) {
      openWindow(c, chatId, Instant.ofEpochMilli(newer.get()));
    }
  }

  /** The page the person chatted on (where the widget is), else this server's widget page. */
  private String conversationUrl(String pageUrl) {
    if (pageUrl != null && (pageUrl.startsWith("https://") || pageUrl.startsWith("http://"))) {
      return pageUrl;
    }
    return publicUrl + "/widget.html";
  }

  static JsonNode payload(Outbox.Item item) {
    try {
      return Json.MAPPER.readTree(item.payload());
    } catch (java.io.IOException e) {
      return Json.MAPPER.createObjectNode();
    }
  }
}
