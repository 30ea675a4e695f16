package dev.supportchat.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sends {@link RestFuzzCases} one by one and judges each answer: never a 5xx, never silence, and
 * every refusal in the error envelope (or Jetty's own bare refusal of a request line it cannot
 * parse). Successful writes feed the {@link MessageLedger}.
 */
final class RestFuzzRun {
  private static final String OPEN_CHAT_ROUTE = "POST /api/v1/chats/support";

  /** Answers by status; 0 counts connections closed before an answer could be read (see send). */
  final Map<Integer, Integer> statuses = new TreeMap<>();

  final List<String> failures = new ArrayList<>();
  int registeredAccounts;

  /** Jetty's default request header size: a request line longer than this is refused whole. */
  private static final int REQUEST_HEADER_BYTES = 8192;

  private RestFuzzRun() {}

  static RestFuzzRun run(RestFuzzCases cases, int count, HostileHttp http, MessageLedger ledger) {
    RestFuzzRun run = new RestFuzzRun();
    for (int i = 0; i < count; i++) {
      run.send(i, cases.next(), http, ledger);
    }
    return run;
  }

  private void send(int i, RestFuzzCases.Case c, HostileHttp http, MessageLedger ledger) {
    Response r;
    try {
      r = http.send(c.request(), c.token());
    } catch (UncheckedIOException dropped) {
      if (c.request().path().length() > REQUEST_HEADER_BYTES) {
        // Refused before routing: Jetty cannot parse the request line, answers 414 and closes
        // without reading the body. When a large body is still arriving, the kernel resets the
        // connection and the client can lose that answer (2 in 30 here with the JDK's client and a
        // 470 KB body; curl and browsers read it). The server is not silent; /health and a normal
        // conversation step are checked after the run.
        statuses.merge(0, 1, Integer::sum);
        return;
      }
      failures.add(describe(i, c) + " → no answer: " + dropped.getCause());
      return;
    }
    statuses.merge(r.status(), 1, Integer::sum);
    if (r.status() >= 500
        || r.status() >= 400 && !isErrorEnvelope(r) && !isRefusedBeforeRouting(r)) {
      failures.add(describe(i, c) + " → " + r.status() + " " + Excerpt.of(r.raw()));
    }
    record(c, r, ledger);
  }

  private static final String EDIT_ROUTE = "PATCH /api/v1/chats/{chatId}/messages/{messageId}";

  /** What a successful answer says was stored: messages for the ledger, accounts counted. */
  private void record(RestFuzzCases.Case c, Response r, MessageLedger ledger) {
    if (r.status() >= 300 || r.json() == null) {
      return;
    }
    String route = c.routeKey();
    // Only the message edit: other PATCH routes (saved replies, webhooks) answer with other ids.
    boolean edit = route.equals(EDIT_ROUTE);
    if (route.equals(RestFuzzCases.SEND_ROUTE) || edit) {
      // A retried send (200) is answered with the first copy, whatever this request's content was.
      ledger.acknowledged(r.data(), edit || r.status() == 201 ? sentContent(c) : null);
    } else if (route.equals(OPEN_CHAT_ROUTE) && r.data().hasNonNull("lastMessage")) {
      ledger.acknowledged(r.data().get("lastMessage"), null);
    } else if (route.equals(RestFuzzCases.REGISTER_ROUTE)) {
      registeredAccounts++;
    }
  }

  private static String sentContent(RestFuzzCases.Case c) {
    try {
      JsonNode body = HttpTestClient.JSON.readTree(c.request().body());
      return body != null && body.path("content").isTextual()
          ? body.get("content").textValue()
          : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static boolean isErrorEnvelope(Response r) {
    return r.json() != null && r.json().path("errors").path(0).path("code").isTextual();
  }

  /**
   * Jetty answers a request line it cannot parse (a NUL in the path, a URL over 8 KB) itself,
   * before any route runs, with a bare HTML page; acceptable as long as it reveals nothing (no
   * stack trace, no server version).
   */
  private static boolean isRefusedBeforeRouting(Response r) {
    String body = r.raw();
    return Set.of(400, 414, 431).contains(r.status())
        && body.contains("<h2>HTTP ERROR " + r.status())
        && !body.contains("Exception")
        && !body.contains("<pre>")
        && !body.toLowerCase().contains("jetty");
  }

  private static String describe(int index, RestFuzzCases.Case c) {
    return "case "
        + index
        + ": "
        + c.request().method()
        + " "
        + Excerpt.of(c.request().path())
        + " "
        + c.request().contentType()
        + " body "
        + Excerpt.of(new String(c.request().body(), StandardCharsets.UTF_8));
  }
}
