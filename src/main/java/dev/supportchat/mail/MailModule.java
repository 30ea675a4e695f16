package dev.supportchat.mail;

import dev.supportchat.chat.ChatSideEffects;
import dev.supportchat.config.AppConfig;
import dev.supportchat.http.Auth;
import dev.supportchat.outbox.Delivery;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.store.Database;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The email feature as {@code App} wires it: what it writes in chat transactions, what the outbox
 * sender delivers for it, its routes, and {@link MailOutbox} for other features. Without {@code
 * SMTP_URL} it is all inert, said once in the log.
 */
public final class MailModule implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MailModule.class);

  private final ChatSideEffects chatEffects;
  private final Map<String, Delivery> deliveries;
  private final MailOutbox mailOutbox;
  private final Database db;
  private final UnsubscribeLinks links;
  private final Transcripts transcripts;
  private final SeenRecorder seen;
  private final String publicUrl;

  private MailModule(
      ChatSideEffects chatEffects,
      Map<String, Delivery> deliveries,
      MailOutbox mailOutbox,
      Database db,
      UnsubscribeLinks links,
      Transcripts transcripts,
      SeenRecorder seen,
      String publicUrl) {
    this.publicUrl = publicUrl;
    this.chatEffects = chatEffects;
    this.deliveries = deliveries;
    this.mailOutbox = mailOutbox;
    this.db = db;
    this.links = links;
    this.transcripts = transcripts;
    this.seen = seen;
  }

  /**
   * @param connectedHere whether a person has a socket open on this node now
   * @param agentOnline whether an agent is connected on any node
   */
  public static MailModule create(
      AppConfig config,
      Outbox outbox,
      Predicate<String> connectedHere,
      Predicate<String> agentOnline,
      Clock clock) {
    AppConfig.Outgoing out = config.outgoing();
    Database db = outbox.database();
    if (out.smtp().isEmpty()) {
      log.info("Email is off: SMTP_URL is not set (README, \"Email\").");
      return new MailModule(
          ChatSideEffects.NONE,
          Map.of(),
          new MailOutbox(outbox, false, clock),
          db,
          null,
          null,
          null,
          null);
    }
    String publicUrl = out.publicUrl().orElseThrow();
    var mailer = new SmtpMailer(out.smtp().get(), out.mailFrom());
    var links = new UnsubscribeLinks(config.accessTokenSecret(), publicUrl);
    var replies =
        new ReplyEmails(db, mailer, links, publicUrl, out.emailAfter(), connectedHere, clock);
    log.info(
        "Email on: {} from {}, follow-ups after {}",
        out.smtp().get().describe(),
        out.mailFrom(),
        out.emailAfter());
    var mailOutbox = new MailOutbox(outbox, true, clock);
    var newChats = new NewChatEmails(db, mailOutbox, publicUrl, agentOnline, clock);
    var transcripts = new Transcripts(db, mailer, clock);
    return new MailModule(
        ChatSideEffects.all(List.of(replies, newChats)),
        Map.of(
            ReplyEmails.KIND,
            replies,
            NewChatEmails.KIND,
            newChats,
            Transcripts.KIND,
            transcripts,
            MailOutbox.KIND,
            MailOutbox.plain(mailer)),
        mailOutbox,
        db,
        links,
        transcripts,
        new SeenRecorder(db, clock),
        publicUrl);
  }

  /** The rows chat transactions add (the follow-up emails). */
  public ChatSideEffects chatEffects() {
    return chatEffects;
  }

  /** What the outbox sender delivers for this feature, by kind. */
  public Map<String, Delivery> deliveries() {
    return deliveries;
  }

  /** For other features: queue an email in their own transaction. */
  public MailOutbox mail() {
    return mailOutbox;
  }

  /** {@code /api/v1/email}. */
  public EndpointGroup routes(Auth<Principal> auth) {
    return new MailRoutes(db, links, transcripts, auth);
  }

  /**
   * Queues a team invite's email in the invite's transaction; nothing without mail.
   *
   * @param path the invite page with its token, relative to {@code PUBLIC_URL}
   */
  public void queueInvite(
      java.sql.Connection c, String email, String role, String path, java.time.Instant expiresAt)
      throws java.sql.SQLException {
    if (!mailOutbox.enabled() || publicUrl == null) {
      return;
    }
    String text =
        "Hello,\n\nYou are invited to join the support team as "
            + ("admin".equals(role) ? "an admin" : "an agent")
            + ". Choose your name and password here:\n\n"
            + publicUrl
            + path
            + "\n\nThe link works once and until "
            + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(expiresAt)
            + ". If you did not expect it, ignore this email.\n";
    mailOutbox.enqueue(c, Email.of(email, "You are invited to the support team", text), null);
  }

  /** A person's socket connected or went away. */
  public void seen(String userId) {
    if (seen != null) {
      seen.seen(userId);
    }
  }

  @Override
  public void close() {
    if (seen != null) {
      seen.close();
    }
  }
}
