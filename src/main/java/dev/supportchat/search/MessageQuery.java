package dev.supportchat.search;

import dev.supportchat.error.AppException;
import dev.supportchat.json.TextInput;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an agent typed into the search box, as the words a message must contain. Every word must
 * occur; the last one may be the beginning of a word, because people search as they type ("refu"
 * finds "refund"). Words are letters and digits; everything else separates them, so no input can
 * reach either engine's query syntax.
 */
public record MessageQuery(List<String> words) {
  /** Longer input is refused: nobody types a paragraph into a search box. */
  public static final int MAX_LENGTH = 200;

  /** More words only make a search slower, never more useful. */
  public static final int MAX_WORDS = 8;

  /**
   * Shorter words are left out (one letter matches nearly every message); a query needs at least
   * one that is long enough.
   */
  public static final int MIN_WORD_LENGTH = 2;

  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  public MessageQuery {
    words = List.copyOf(words);
  }

  public static MessageQuery parse(String q) {
    TextInput.checked("q", q);
    if (q == null || q.isBlank()) {
      throw AppException.invalid("q", "Type a word to search the messages.");
    }
    if (q.length() > MAX_LENGTH) {
      throw AppException.invalid(
          "q", "A search can be at most " + MAX_LENGTH + " characters; try fewer words.");
    }
    Set<String> words = new LinkedHashSet<>();
    for (String word : SEPARATORS.split(normalized(q))) {
      if (word.codePointCount(0, word.length()) >= MIN_WORD_LENGTH) {
        words.add(word);
      }
    }
    if (words.isEmpty()) {
      throw AppException.invalid(
          "q", "Type a word of at least " + MIN_WORD_LENGTH + " letters or digits.");
    }
    if (words.size() > MAX_WORDS) {
      throw AppException.invalid("q", "A search can have at most " + MAX_WORDS + " words.");
    }
    return new MessageQuery(new ArrayList<>(words));
  }

  /**
   * The same folding the engines apply to the stored text (lower case, compatibility forms), so a
   * word matches however it was typed.
   */
  static String normalized(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /** PostgreSQL's {@code to_tsquery('simple', …)}: all words, the last one as a prefix. */
  public String asTsQuery() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      // Letters and digits only, so no quoting is needed; the quotes keep digits-only words words.
      parts.add("'" + words.get(i) + "'" + (i == words.size() - 1 ? ":*" : ""));
    }
    return String.join(" & ", parts);
  }

  /** SQLite FTS5's MATCH: all words as quoted strings, the last one as a prefix. */
  public String asFts5() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      parts.add("\"" + words.get(i) + "\"" + (i == words.size() - 1 ? "*" : ""));
    }
    return String.join(" ", parts);
  }
}
