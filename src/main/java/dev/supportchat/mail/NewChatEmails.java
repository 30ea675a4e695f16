package dev.supportchat.mail;

import dev.supportchat.chat.Chat;
import dev.supportchat.chat.ChatSideEffects;
import dev.supportchat.json.Json;
import dev.supportchat.outbox.Delivery;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.store.Database;
import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Agents who asked for it get an email of each new chat while they are offline. The chat's creation
 * adds one row; when it is due (a few seconds later, so the first message is there), its delivery
 * picks the agents who want it and are not connected on any node, and queues one email each, in the
 * transaction that closes the row: a crash never queues them twice.
 */
final class NewChatEmails implements ChatSideEffects, Delivery {
  static final String KIND = "new_chat";

  /** Long enough for the first message, which is stored just after the chat. */
  static final Duration DELAY = Duration.ofSeconds(15);

  private static final int MESSAGES_SHOWN = 3;

  private final Database db;
  private final MailOutbox mail;
  private final String publicUrl;
  private final Predicate<String> agentOnline;
  private final Clock clock;

  NewChatEmails(
      Database db, MailOutbox mail, String publicUrl, Predicate<String> agentOnline, Clock clock) {
    this.db = db;
    this.mail = mail;
    this.publicUrl = publicUrl;
    this.agentOnline = agentOnline;
    this.clock = clock;
  }

  @Override
  public void chatCreated(Connection c, Chat chat) throws SQLException {
    Outbox.add(
        c,
        new Outbox.NewItem(
            KIND,
            null,
            null,
            Json.MAPPER.createObjectNode().put("chatId", chat.id()).toString(),
            clock.instant().plus(DELAY)),
        clock.instant());
  }

  private record Agent(String id, String email) {}

  private record About(String who, String subject, List<String> firstMessages) {}

  @Override
  public Result deliver(Outbox.Item item) {
    String chatId = ReplyEmails.payload(item).path("chatId").asText();
    Optional<About> about = db.read(c -> about(c, chatId));
    if (about.isEmpty()) {
      return new Skipped("conversation gone");
    }
    List<Agent> offline =
        db
            .read(
                c ->
                    Sql.list(
                        c,
                        "SELECT id, email FROM users WHERE is_admin = TRUE AND new_chat_emails = TRUE",
                        rs -> new Agent(rs.getString(1), rs.getString(2))))
            .stream()
            .filter(a -> a.email() != null && !a.email().isBlank() && !agentOnline.test(a.id()))
            .toList();
    if (offline.isEmpty()) {
      return new Skipped("no agent to tell");
    }
    Email template = compose(about.get(), chatId);
    return new Sent(
        200,
        new Outbox.AlsoInTransaction() {
          @Override
          public void after(Connection c) throws SQLException {
            for (Agent a : offline) {
              mail.enqueue(
                  c,
                  new Email(a.email(), template.subject(), template.text(), null),
                  KIND + ":" + chatId + ":" + a.id());
            }
          }
        });
  }

  private static Optional<About> about(Connection c, String chatId) throws SQLException {
    Optional<String[]> head =
        Sql.one(
            c,
            "SELECT u.full_name, u.email, c.subject FROM chats c JOIN users u ON u.id = c.user_id"
                + " WHERE c.id = ?",
            rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
            chatId);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    List<String> first =
        Sql.list(
            c,
            "SELECT content FROM messages WHERE chat_id = ? AND sender_is_admin = FALSE"
                + " ORDER BY created_at, id LIMIT "
                + MESSAGES_SHOWN,
            rs -> rs.getString(1),
            chatId);
    String[] h = head.get();
    String who =
        h[0] != null && !h[0].isBlank()
            ? h[0]
            : (h[1] == null || h[1].isBlank() ? "A visitor" : h[1]);
    return Optional.of(new About(who, h[2], first));
  }

  private Email compose(About a, String chatId) {
    StringBuilder text = new StringBuilder();
    text.append(a.who()).append(" started a chat");
    text.append(
        a.subject() == null || a.subject().isBlank() ? "" : " about \"" + a.subject() + "\"");
    text.append(":\n\n");
    for (String m : a.firstMessages()) {
      String clipped =
          m.length() > ReplyEmailRule.MAX_REPLY_CHARS
              ? m.substring(0, ReplyEmailRule.MAX_REPLY_CHARS) + "…"
              : m;
      text.append("> ").append(clipped.replace("\n", "\n> ")).append("\n\n");
    }
    text.append("Answer it: ")
        .append(publicUrl)
        .append("/admin/support/chat/")
        .append(chatId)
        .append("\n\n");
    text.append("-- \nYou get this email because you asked for new chats while you are offline.\n");
    return Email.of("unused@invalid", "New chat from " + a.who(), text.toString());
  }
}
