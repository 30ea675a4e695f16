package dev.supportchat.search;

import dev.supportchat.http.Auth;
import dev.supportchat.store.Database;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Searching message contents (issue 18, part 3): what {@code App} wires, with the one timer thread
 * that cancels searches running past their time limit.
 */
public final class SearchModule implements AutoCloseable {
  /** Where the routes are mounted under {@code /api/v1}. */
  public static final String PATH = "/chats/admin/messages";

  private final ScheduledThreadPoolExecutor canceller;
  private final MessageSearch search;

  public SearchModule(Database db, Duration timeLimit) {
    canceller =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "search-canceller");
              t.setDaemon(true);
              return t;
            });
    // A search that finishes in time takes its cancellation off the queue.
    canceller.setRemoveOnCancelPolicy(true);
    search = new MessageSearch(new JdbcMessageSearch(db, timeLimit, canceller));
  }

  /** The search itself (the benchmark tools call it as the route does). */
  public MessageSearch search() {
    return search;
  }

  public EndpointGroup routes(Auth<Principal> auth) {
    return new MessageSearchRoutes(search, auth);
  }

  @Override
  public void close() {
    canceller.shutdownNow();
  }
}
