package dev.supportchat.security;

/** A hostile string made fit for a failure message: printable ASCII only, and short. */
final class Excerpt {
  private static final int MAX_CHARS = 160;

  private Excerpt() {}

  static String of(String s) {
    String printable = s.replaceAll("[^\\x20-\\x7E]", "?");
    return printable.length() > MAX_CHARS
        ? printable.substring(0, MAX_CHARS) + "…(" + s.length() + " chars)"
        : printable;
  }
}
