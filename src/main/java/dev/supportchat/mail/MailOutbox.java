package dev.supportchat.mail;

import dev.supportchat.json.Json;
import dev.supportchat.outbox.Delivery;
import dev.supportchat.outbox.Outbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * How any feature sends an email (team invites, new-chat notices, transcripts): {@link #enqueue}
 * adds it to the outbox in the caller's transaction, so it goes out exactly when that transaction
 * commits, after a crash too. Without {@code SMTP_URL} nothing is queued and {@link #enabled} says
 * so.
 */
public final class MailOutbox {
  static final String KIND = "email";

  private final Outbox outbox;
  private final boolean enabled;
  private final Clock clock;

  MailOutbox(Outbox outbox, boolean enabled, Clock clock) {
    this.outbox = outbox;
    this.enabled = enabled;
    this.clock = clock;
  }

  /** Whether mail is configured; without it {@link #enqueue} does nothing. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Adds the email in the caller's transaction; returns its id (its Message-ID), or empty when mail
   * is off. {@code openKey}, if not null, keeps a second email with the same key from being queued
   * while the first is unsent.
   */
  public Optional<String> enqueue(Connection c, Email email, String openKey) throws SQLException {
    if (!enabled) {
      return Optional.empty();
    }
    var payload =
        Json.MAPPER
            .createObjectNode()
            .put("to", email.to())
            .put("subject", email.subject())
            .put("text", email.text());
    if (email.unsubscribeUrl() != null) {
      payload.put("unsubscribeUrl", email.unsubscribeUrl());
    }
    return Outbox.add(
        c,
        new Outbox.NewItem(KIND, openKey, null, payload.toString(), clock.instant()),
        clock.instant());
  }

  /** As {@link #enqueue}, in a transaction of its own. */
  public Optional<String> enqueue(Email email) {
    return outbox.database().write(c -> enqueue(c, email, null));
  }

  /** Sends a queued email as it was queued. */
  static Delivery plain(SmtpMailer mailer) {
    return item -> {
      var p = ReplyEmails.payload(item);
      String unsubscribe = p.hasNonNull("unsubscribeUrl") ? p.get("unsubscribeUrl").asText() : null;
      return mailer.send(
          new Email(
              p.path("to").asText(),
              p.path("subject").asText(),
              p.path("text").asText(),
              unsubscribe),
          item.id());
    };
  }
}
