package dev.supportchat.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a message shown in a search result: a window of at most {@link #MAX_LENGTH}
 * characters around the first word that matched, with every matching word in it marked as a range,
 * so the dashboard highlights it without parsing markup (the message is the sender's text, never
 * HTML).
 */
public record Snippet(String text, boolean cutBefore, boolean cutAfter, List<Range> highlights) {
  public static final int MAX_LENGTH = 160;

  /** Characters kept before the first match, so it reads in context. */
  private static final int LEAD = 40;

  /** {@code [start, end)} in {@link #text()}. */
  public record Range(int start, int end) {}

  public Snippet {
    highlights = List.copyOf(highlights);
  }

  /**
   * A match is a word of the message that starts with one of the query's words (the engines match
   * the last word as a prefix; marking the others' prefixes too shows the same words).
   */
  public static Snippet of(String content, MessageQuery query) {
    List<Range> matches = matches(content, query.words());
    int start = 0;
    if (content.length() > MAX_LENGTH && !matches.isEmpty()) {
      start = Math.max(0, Math.min(matches.get(0).start() - LEAD, content.length() - MAX_LENGTH));
      if (Character.isLowSurrogate(content.charAt(start))) {
        start++;
      }
      start = wordStart(content, start);
      while (start < matches.get(0).start() && Character.isWhitespace(content.charAt(start))) {
        start++;
      }
    }
    int end = Math.min(content.length(), start + MAX_LENGTH);
    if (end < content.length() && Character.isLowSurrogate(content.charAt(end))) {
      end--;
    }
    List<Range> inside = new ArrayList<>();
    for (Range m : matches) {
      if (m.start() >= start && m.end() <= end) {
        inside.add(new Range(m.start() - start, m.end() - start));
      }
    }
    return new Snippet(content.substring(start, end), start > 0, end < content.length(), inside);
  }

  private static List<Range> matches(String content, List<String> words) {
    List<Range> found = new ArrayList<>();
    int i = 0;
    while (i < content.length()) {
      int cp = content.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int wordEnd = i;
      while (wordEnd < content.length() && isWordChar(content.codePointAt(wordEnd))) {
        wordEnd += Character.charCount(content.codePointAt(wordEnd));
      }
      String word = MessageQuery.normalized(content.substring(i, wordEnd));
      for (String w : words) {
        // Folding can change a word's length; then the whole word is marked.
        if (word.startsWith(w)) {
          boolean sameLength = word.length() == wordEnd - i;
          found.add(new Range(i, sameLength ? i + w.length() : wordEnd));
          break;
        }
      }
      i = wordEnd;
    }
    return found;
  }

  private static boolean isWordChar(int codePoint) {
    return Character.isLetterOrDigit(codePoint);
  }

  /** Moves a cut forward to the next word, so the snippet does not begin mid-word. */
  private static int wordStart(String content, int at) {
    if (at == 0 || !isWordChar(content.codePointBefore(at))) {
      return at;
    }
    int i = at;
    while (i < content.length() && isWordChar(content.codePointAt(i))) {
      i += Character.charCount(content.codePointAt(i));
    }
    return i < content.length() && i - at < LEAD ? i : at;
  }
}
