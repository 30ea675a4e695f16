package dev.supportchat.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Whether a person gets the "you have replies" email now, later or not at all, and its text. Pure:
 * the outbox's delivery reads what it needs and asks here.
 */
final class ReplyEmailRule {
  /** Replies one email carries (the newest ones); the link shows the rest. */
  static final int MAX_REPLIES = 20;

  /** Longest part of one reply quoted in the email. */
  static final int MAX_REPLY_CHARS = 2_000;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private ReplyEmailRule() {}

  /** An agent's reply the person has not read. */
  record Reply(String agentName, String content, String messageType, Instant at) {}

  /** What the delivery found, at the time it looked. */
  record Situation(
      String email,
      boolean turnedOff,
      boolean connectedNow,
      Instant lastSeenAt,
      List<Reply> unread) {}

  sealed interface Decision {}

  record Send() implements Decision {}

  record Skip(String why) implements Decision {}

  record Later(Instant at) implements Decision {}

  static Decision decide(Situation s, Instant now, Duration emailAfter) {
    if (s.email() == null || s.email().isBlank()) {
      return new Skip("no email address");
    }
    if (s.turnedOff()) {
      return new Skip("turned off by the person");
    }
    if (s.unread().isEmpty()) {
      return new Skip("read in the meantime");
    }
    if (s.connectedNow()) {
      return new Later(now.plus(emailAfter));
    }
    if (s.lastSeenAt() != null && s.lastSeenAt().plus(emailAfter).isAfter(now)) {
      return new Later(s.lastSeenAt().plus(emailAfter));
    }
    return new Send();
  }

  static Email compose(
      String to,
      String personName,
      String chatSubject,
      List<Reply> unread,
      String conversationUrl,
      String unsubscribeUrl) {
    List<Reply> shown =
        unread.size() > MAX_REPLIES
            ? unread.subList(unread.size() - MAX_REPLIES, unread.size())
            : unread;
    StringBuilder text = new StringBuilder();
    text.append("Hello").append(blank(personName) ? "" : " " + personName).append(",\n\n");
    text.append(
        unread.size() == 1
            ? "You have a reply from our support team"
            : "You have " + unread.size() + " replies from our support team");
    text.append(blank(chatSubject) ? "" : " about \"" + chatSubject + "\"").append(":\n\n");
    if (shown.size() < unread.size()) {
      text.append("(the newest ").append(shown.size()).append(" are below)\n\n");
    }
    for (Reply r : shown) {
      text.append(blank(r.agentName()) ? "Support" : r.agentName())
          .append(", ")
          .append(TIME.format(r.at()))
          .append(":\n")
          .append(body(r))
          .append("\n\n");
    }
    text.append("Continue the conversation: ").append(conversationUrl).append("\n\n");
    text.append("-- \nYou get this email because a reply was waiting for you and you were away.\n");
    text.append("Stop these emails: ").append(unsubscribeUrl).append("\n");
    String subject = "New reply from support" + (blank(chatSubject) ? "" : ": " + chatSubject);
    return new Email(to, subject, text.toString(), unsubscribeUrl);
  }

  private static String body(Reply r) {
    String content = r.content() == null ? "" : r.content().strip();
    if (content.length() > MAX_REPLY_CHARS) {
      content = content.substring(0, MAX_REPLY_CHARS) + "…";
    }
    String kind =
        switch (r.messageType() == null ? "" : r.messageType().toLowerCase(java.util.Locale.ROOT)) {
          case "image" -> "[an image]";
          case "file" -> "[a file]";
          default -> "";
        };
    String quoted = (content + (kind.isEmpty() || content.isEmpty() ? kind : " " + kind));
    return "> " + quoted.replace("\n", "\n> ");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
