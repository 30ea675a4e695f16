package dev.supportchat.chat;

import dev.supportchat.store.Dialect;
import java.util.Locale;

/**
 * How the admin list's {@code q} becomes a condition on the chats: any substring of a chat's
 * subject or of its user's name or email, ignoring case, looked up in {@code chat_search}
 * (migration V5), where each engine keeps its own trigram index, reached by a different operator.
 */
final class ChatSearch {
  /**
   * The shortest term a trigram index can answer; shorter ones are matched by reading the search
   * table.
   */
  private static final int TRIGRAM = 3;

  /**
   * The matching chats as a condition on {@code chats c}, with its one parameter.
   *
   * @param matchSql a condition over the columns of chat_search
   */
  record Condition(Dialect dialect, String matchSql, String parameter) {
    /**
     * The total when {@code q} is the only filter: chat_search holds the active chats only (V6), so
     * the index's matches are the answer, without looking any chat up.
     */
    String countAlone() {
      return "SELECT COUNT(*) FROM chat_search WHERE " + matchSql;
    }

    /**
     * For the total with other filters: SQLite looks each match up by primary key, the fastest way
     * to count them.
     */
    String forCount() {
      return "c.id IN (SELECT chat_id FROM chat_search WHERE " + matchSql + ")";
    }

    /**
     * For the page: SQLite would also look every match up and then sort them all (20 ms for 8,600
     * matches of 100,000 chats). The unary {@code +} stops it using the primary key for this term,
     * so it walks the list index in page order and stops after the page's rows, checking each
     * against the matches (10 ms). PostgreSQL chooses that plan by itself, and has no unary plus
     * for text.
     */
    String forPage() {
      return (dialect == Dialect.SQLITE ? "+" : "") + forCount();
    }
  }

  private ChatSearch() {}

  static Condition condition(Dialect dialect, String term) {
    if (dialect == Dialect.POSTGRES) {
      // pg_trgm serves LIKE from its GIN index (backslash is PostgreSQL's default LIKE escape); the
      // text is stored
      // lower-cased.
      return new Condition(
          dialect, "search_text LIKE ?", "%" + escapeLike(term.toLowerCase(Locale.ROOT)) + "%");
    }
    if (term.codePointCount(0, term.length()) >= TRIGRAM) {
      // FTS5's trigram tokenizer answers a quoted phrase as a case-insensitive substring match from
      // its index.
      // Inside the quotes every character is literal except the quote itself, written twice.
      return new Condition(
          dialect, "chat_search MATCH ?", "\"" + term.replace("\"", "\"\"") + "\"");
    }
    return new Condition(dialect, "search_text LIKE ? ESCAPE '\\'", "%" + escapeLike(term) + "%");
  }

  private static String escapeLike(String term) {
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
