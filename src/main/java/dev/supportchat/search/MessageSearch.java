package dev.supportchat.search;

import dev.supportchat.error.AppException;
import dev.supportchat.user.AccountService;
import dev.supportchat.user.Principal;
import java.util.List;

/**
 * Searching what was said: staff only, as the results include internal notes and every chat's
 * messages.
 */
public final class MessageSearch {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 50;

  /** The newest matches, and whether there are more than were asked for. */
  public record Result(MessageQuery query, List<Found> found, boolean more) {}

  /** A match with the part of it to show. */
  public record Found(MessageHit hit, Snippet snippet) {}

  private final JdbcMessageSearch index;

  MessageSearch(JdbcMessageSearch index) {
    this.index = index;
  }

  public Result search(Principal caller, String q, Integer limit) {
    AccountService.requireAdmin(caller);
    int n = limit == null ? DEFAULT_LIMIT : limit;
    if (n < 1 || n > MAX_LIMIT) {
      throw AppException.invalid("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
    }
    MessageQuery query = MessageQuery.parse(q);
    List<MessageHit> hits = index.newest(query, n + 1);
    List<Found> found =
        hits.stream().limit(n).map(h -> new Found(h, Snippet.of(h.content(), query))).toList();
    return new Result(query, found, hits.size() > n);
  }
}
