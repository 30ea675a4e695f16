package dev.supportchat.json;

import dev.supportchat.error.AppException;

/**
 * Refuses text that cannot be stored as it was sent: NUL characters (PostgreSQL rejects them, which
 * surfaced as a 500) and unpaired UTF-16 surrogates (not Unicode at all; database drivers silently
 * store them as '?').
 */
public final class TextInput {
  private TextInput() {}

  /** The value itself when it is storable text (null passes); otherwise a 400 naming the field. */
  public static String checked(String field, String value) {
    if (value != null && !isStorable(value)) {
      throw AppException.invalid(
          field, field + " must be text without NUL characters or unpaired surrogates.");
    }
    return value;
  }

  static boolean isStorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000' || Character.isLowSurrogate(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++; // the pair is one valid code point
      }
    }
    return true;
  }
}
