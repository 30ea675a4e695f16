package dev.supportchat.mail;

/**
 * One plain-text email. {@code unsubscribeUrl}, if not null, becomes the {@code List-Unsubscribe}
 * header (one-click, RFC 8058) beside the link in the text.
 */
public record Email(String to, String subject, String text, String unsubscribeUrl) {
  /** Longest subject kept (a chat subject is user input). */
  static final int MAX_SUBJECT_CHARS = 200;

  public Email {
    if (to == null || to.isBlank()) {
      throw new IllegalArgumentException("an email needs a recipient");
    }
    subject = subject == null ? "" : oneLine(subject);
    if (subject.length() > MAX_SUBJECT_CHARS) {
      subject = subject.substring(0, MAX_SUBJECT_CHARS - 1) + "…";
    }
  }

  public static Email of(String to, String subject, String text) {
    return new Email(to, subject, text, null);
  }

  /** Headers are one line: a line break in user input would start a header of its own. */
  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n\\t]+", " ").strip();
  }
}
