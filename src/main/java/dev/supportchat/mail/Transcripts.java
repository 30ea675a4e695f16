package dev.supportchat.mail;

import dev.supportchat.error.AppException;
import dev.supportchat.json.Json;
import dev.supportchat.outbox.Delivery;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.store.Database;
import dev.supportchat.store.Sql;
import dev.supportchat.user.Principal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * A conversation's transcript by email, on the person's request once the chat is resolved or
 * closed: one per resolution (the request is keyed by the chat's last change), composed when it is
 * sent, without internal notes.
 */
final class Transcripts implements Delivery {
  static final String KIND = "transcript";

  /** Messages one transcript carries (the first ones; the widget shows the rest). */
  static final int MAX_MESSAGES = 1_000;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Database db;
  private final SmtpMailer mailer;
  private final Clock clock;

  Transcripts(Database db, SmtpMailer mailer, Clock clock) {
    this.db = db;
    this.mailer = mailer;
    this.clock = clock;
  }

  private record ChatHead(String userId, String status, long updatedAt, String email) {}

  /** Queues the transcript; false when this resolution's transcript was already requested. */
  boolean request(Principal caller, String chatId) {
    if (chatId == null || chatId.isBlank()) {
      throw AppException.invalid("chatId", "chatId is required.");
    }
    return db.write(
        c -> {
          ChatHead chat =
              Sql.one(
                      c,
                      "SELECT c.user_id, c.status, c.updated_at, u.email FROM chats c"
                          + " JOIN users u ON u.id = c.user_id WHERE c.id = ?",
                      rs ->
                          new ChatHead(
                              rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                      chatId)
                  .orElseThrow(() -> AppException.notFound("Chat not found."));
          if (!chat.userId().equals(caller.userId())) {
            throw AppException.forbidden("Only the person of a chat can have its transcript.");
          }
          if (!chat.status().equals("RESOLVED") && !chat.status().equals("CLOSED")) {
            throw AppException.conflict(
                "A transcript can be emailed once the chat is resolved or closed.");
          }
          if (chat.email() == null || chat.email().isBlank()) {
            throw AppException.invalid("email", "There is no email address to send it to.");
          }
          String key = KIND + ":" + chatId + ":" + chat.updatedAt();
          if (Sql.count(c, "SELECT COUNT(*) FROM outbox WHERE kind = ? AND target = ?", KIND, key)
              > 0) {
            return false;
          }
          Instant now = clock.instant();
          return Outbox.add(
                  c,
                  new Outbox.NewItem(
                      KIND,
                      key,
                      key,
                      Json.MAPPER.createObjectNode().put("chatId", chatId).toString(),
                      now),
                  now)
              .isPresent();
        });
  }

  private record Line(String who, boolean fromAdmin, String content, String type, long at) {}

  @Override
  public Result deliver(Outbox.Item item) {
    String chatId = ReplyEmails.payload(item).path("chatId").asText();
    Optional<Email> email =
        db.read(
            c -> {
              Optional<String[]> head =
                  Sql.one(
                      c,
                      "SELECT u.email, u.full_name, c.subject FROM chats c"
                          + " JOIN users u ON u.id = c.user_id WHERE c.id = ?",
                      rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                      chatId);
              if (head.isEmpty()) {
                return Optional.empty();
              }
              List<Line> lines =
                  Sql.list(
                      c,
                      "SELECT s.full_name, m.sender_is_admin, m.content, m.message_type, m.created_at"
                          + " FROM messages m JOIN users s ON s.id = m.sender_id"
                          + " WHERE m.chat_id = ? AND m.is_internal_note = FALSE"
                          + " ORDER BY m.created_at, m.id LIMIT "
                          + MAX_MESSAGES,
                      rs ->
                          new Line(
                              rs.getString(1),
                              rs.getBoolean(2),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getLong(5)),
                      chatId);
              return Optional.of(compose(head.get(), lines));
            });
    if (email.isEmpty()) {
      return new Skipped("conversation gone");
    }
    return mailer.send(email.get(), item.id());
  }

  private static Email compose(String[] head, List<Line> lines) throws SQLException {
    String subject = head[2];
    StringBuilder text = new StringBuilder();
    text.append("Hello").append(head[1] == null || head[1].isBlank() ? "" : " " + head[1]);
    text.append(",\n\nHere is the transcript of your conversation with our support team");
    text.append(subject == null || subject.isBlank() ? "" : " about \"" + subject + "\"");
    text.append(".\n\n");
    for (Line l : lines) {
      String who = l.fromAdmin() ? (blank(l.who()) ? "Support" : l.who()) : "You";
      String content = l.content() == null ? "" : l.content().strip();
      if (!"text".equalsIgnoreCase(l.type())) {
        content =
            (content + " [" + ("image".equalsIgnoreCase(l.type()) ? "an image" : "a file") + "]")
                .strip();
      }
      text.append(who)
          .append(", ")
          .append(TIME.format(Instant.ofEpochMilli(l.at())))
          .append(":\n")
          .append(content)
          .append("\n\n");
    }
    return new Email(
        head[0],
        "Transcript of your support chat" + (blank(subject) ? "" : ": " + subject),
        text.toString(),
        null);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
