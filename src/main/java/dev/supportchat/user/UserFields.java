package dev.supportchat.user;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The shape of a user's name and email, one rule for every way in (accounts, visitors, hosts). */
public final class UserFields {
  public static final int MAX_NAME_LENGTH = 100;
  static final int MAX_EMAIL_LENGTH = 254;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

  private UserFields() {}

  /** The email stripped and lower-cased, if it looks like an address; empty otherwise. */
  public static Optional<String> email(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String e = raw.strip().toLowerCase(Locale.ROOT);
    return e.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(e).matches()
        ? Optional.of(e)
        : Optional.empty();
  }
}
