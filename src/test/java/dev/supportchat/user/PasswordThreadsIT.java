package dev.supportchat.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A storm of sign-ins waits for the password threads, not on Jetty's request threads. One network
 * gets half of {@code PASSWORD_QUEUE} (429 past it), so it cannot keep a colleague elsewhere out; a
 * malformed sign-in is refused at once, not queued; a signed-in agent is answered at its usual pace
 * throughout. Before the password threads, the storm's bcrypt work held every request thread and
 * the agent's requests waited behind all of it (1.3 s here).
 */
class PasswordThreadsIT {
  private static final int STORM = 60;
  private static final int QUEUE = 8;
  private static final int REQUEST_THREADS = 16;
  private static final String STORMING_NETWORK = "203.0.113.7";

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSignInStormFromOneNetworkLeavesEveryoneElseServed(Engine engine) throws Exception {
    try (TestApp t =
        TestApp.start(
            engine,
            Map.of(
                "TRUST_PROXY",
                "true",
                "PASSWORD_QUEUE",
                String.valueOf(QUEUE),
                "HTTP_THREADS",
                String.valueOf(REQUEST_THREADS)))) {
      Login agent = t.http.admin();
      Colleagues.insert(t, STORM + 1);

      ExecutorService clients = Executors.newFixedThreadPool(STORM);
      List<Future<Response>> storm = new ArrayList<>();
      for (int i = 0; i < STORM; i++) {
        String email = Colleagues.email(i);
        storm.add(clients.submit(() -> login(t, STORMING_NETWORK, email)));
      }
      // Meanwhile: a colleague on another network signs in, a malformed sign-in is refused at once,
      // and the agent is answered at once.
      Future<Response> elsewhere =
          clients.submit(() -> login(t, "198.51.100.9", Colleagues.email(STORM)));
      long started = System.nanoTime();
      Response malformed =
          t.http.send(
              "POST",
              "/api/v1/users/login",
              Map.of("email", "someone@office.example"),
              null,
              Map.of("X-Forwarded-For", STORMING_NETWORK));
      long malformedMs = (System.nanoTime() - started) / 1_000_000;
      long slowestMs = 0;
      int mostRequestThreads = 0;
      while (storm.stream().anyMatch(f -> !f.isDone())) {
        started = System.nanoTime();
        assertThat(t.http.get("/api/v1/users/me", agent.accessToken()).status()).isEqualTo(200);
        slowestMs = Math.max(slowestMs, (System.nanoTime() - started) / 1_000_000);
        mostRequestThreads = Math.max(mostRequestThreads, requestThreads());
        Thread.sleep(20);
      }
      clients.shutdown();
      System.out.printf(
          "%s: during %d sign-ins, the agent's slowest request took %d ms, a malformed sign-in %d"
              + " ms; request threads at most %d%n",
          engine, STORM, slowestMs, malformedMs, mostRequestThreads);
      assertThat(slowestMs).as("the agent's requests during the storm").isLessThan(1_000);
      assertThat(malformed.status()).isEqualTo(400);
      assertThat(malformedMs).as("a malformed sign-in is not queued").isLessThan(1_000);
      assertThat(elsewhere.get().status()).as("a colleague on another network").isEqualTo(200);
      assertThat(mostRequestThreads).isLessThanOrEqualTo(REQUEST_THREADS);

      int signedIn = 0;
      List<Integer> refused = new ArrayList<>();
      for (int i = 0; i < STORM; i++) {
        Response r = storm.get(i).get();
        if (r.status() == 200) {
          signedIn++;
          continue;
        }
        assertThat(r.status()).as(r.raw()).isEqualTo(429);
        assertThat(r.errorCode()).isEqualTo("rate_limited");
        assertThat(r.json().get("message").asText()).contains("your network");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        refused.add(i);
      }
      assertThat(refused).as("the storming network's sign-ins past its share").isNotEmpty();
      assertThat(signedIn).as("its share gets in").isGreaterThanOrEqualTo(QUEUE / 2);

      // A refused colleague who tries again once the storm is over signs in.
      assertThat(login(t, STORMING_NETWORK, Colleagues.email(refused.get(0))).status())
          .isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void whenEveryNetworkTogetherFillsTheQueueTheAnswerIs503(Engine engine) throws Exception {
    try (TestApp t =
        TestApp.start(
            engine, Map.of("TRUST_PROXY", "true", "PASSWORD_QUEUE", String.valueOf(QUEUE)))) {
      Colleagues.insert(t, STORM);
      ExecutorService clients = Executors.newFixedThreadPool(STORM);
      List<Future<Response>> storm = new ArrayList<>();
      for (int i = 0; i < STORM; i++) {
        String email = Colleagues.email(i);
        String network = "203.0.113." + (i + 1);
        storm.add(clients.submit(() -> login(t, network, email)));
      }
      int unavailable = 0;
      for (Future<Response> f : storm) {
        Response r = f.get();
        if (r.status() == 200) {
          continue;
        }
        assertThat(r.status()).as(r.raw()).isEqualTo(503);
        assertThat(r.errorCode()).isEqualTo("unavailable");
        assertThat(r.json().get("message").asText()).contains("Try again in a few seconds");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        unavailable++;
      }
      clients.shutdown();
      assertThat(unavailable).isPositive();
    }
  }

  private static Response login(TestApp t, String address, String email) {
    return t.http.send(
        "POST",
        "/api/v1/users/login",
        Map.of("email", email, "password", Colleagues.PASSWORD),
        null,
        Map.of("X-Forwarded-For", address));
  }

  private static int requestThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().startsWith("JettyServerThreadPool"))
            .count();
  }
}
