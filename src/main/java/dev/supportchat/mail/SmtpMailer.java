package dev.supportchat.mail;

import dev.supportchat.config.SmtpSettings;
import dev.supportchat.outbox.Delivery;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends one email through the configured SMTP server with Angus Mail (Jakarta Mail), and tells the
 * outbox whether a failure is worth retrying: a server that is down, slow or answers 4xx is tried
 * again; an address the server refuses with 5xx is not.
 */
final class SmtpMailer {
  /** Connect, read and write timeouts: a hung mail server must not hold the outbox forever. */
  static final int TIMEOUT_MS = 10_000;

  private final Session session;
  private final InternetAddress from;
  private final String messageIdDomain;

  SmtpMailer(SmtpSettings smtp, String mailFrom) {
    Properties p = new Properties();
    String proto = smtp.implicitTls() ? "smtps" : "smtp";
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".host", smtp.host());
    p.put("mail." + proto + ".port", String.valueOf(smtp.port()));
    p.put("mail." + proto + ".connectiontimeout", String.valueOf(TIMEOUT_MS));
    p.put("mail." + proto + ".timeout", String.valueOf(TIMEOUT_MS));
    p.put("mail." + proto + ".writetimeout", String.valueOf(TIMEOUT_MS));
    if (!smtp.implicitTls()) {
      // Encrypt when the server offers it; plain only for servers that cannot (a local relay).
      p.put("mail.smtp.starttls.enable", "true");
    }
    if (smtp.implicitTls() || !isLocal(smtp.host())) {
      p.put("mail." + proto + ".ssl.checkserveridentity", "true");
    }
    Authenticator auth = null;
    if (smtp.user().isPresent()) {
      p.put("mail." + proto + ".auth", "true");
      String user = smtp.user().get();
      String password = smtp.password().orElse("");
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user, password);
            }
          };
    }
    this.session = Session.getInstance(p, auth);
    try {
      this.from = new InternetAddress(mailFrom, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("MAIL_FROM is not an email address", e);
    }
    String address = from.getAddress();
    this.messageIdDomain = address.substring(address.indexOf('@') + 1);
  }

  private static boolean isLocal(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  /**
   * Sends the email with a Message-ID made of {@code idempotencyKey}: sent again after a crash, it
   * carries the same id, by which mail systems recognise the repeat.
   */
  Delivery.Result send(Email email, String idempotencyKey) {
    try {
      MimeMessage m =
          new FixedIdMessage(session, "<" + idempotencyKey + "@" + messageIdDomain + ">");
      m.setFrom(from);
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
      m.setSubject(email.subject(), StandardCharsets.UTF_8.name());
      m.setText(email.text(), StandardCharsets.UTF_8.name());
      m.setSentDate(new Date());
      m.setHeader("Auto-Submitted", "auto-generated");
      if (email.unsubscribeUrl() != null) {
        m.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
        m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      Transport.send(m);
      return new Delivery.Sent(250);
    } catch (AddressException e) {
      return new Delivery.Failed(false, null, "not an email address: " + e.getMessage());
    } catch (SMTPAddressFailedException e) {
      return new Delivery.Failed(e.getReturnCode() < 500, e.getReturnCode(), e.getMessage());
    } catch (SMTPSendFailedException e) {
      return new Delivery.Failed(e.getReturnCode() < 500, e.getReturnCode(), e.getMessage());
    } catch (SendFailedException e) {
      return new Delivery.Failed(
          e.getValidUnsentAddresses() != null || e.getInvalidAddresses() == null,
          null,
          e.getMessage());
    } catch (MessagingException e) {
      // Connection refused, timeout, TLS or authentication trouble: the server may be back later.
      return new Delivery.Failed(true, null, describe(e));
    }
  }

  private static String describe(MessagingException e) {
    Throwable cause = e.getCause();
    return cause == null ? e.getMessage() : e.getMessage() + " (" + cause + ")";
  }

  /** A message whose Message-ID is ours, not one Jakarta Mail invents on save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
