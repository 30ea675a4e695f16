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
 * A storm of sign-ins waits for the password threads, not on Jetty's request threads: past {@code
 * PASSWORD_QUEUE} the server says 503 at once, every other sign-in gets in, and a signed-in user is
 * answered at its usual pace meanwhile. Without the password threads, the storm's bcrypt work held
 * every request thread and the other user's request waited behind all of it.
 */
class PasswordThreadsIT {
  private static final int STORM = 80;
  private static final int QUEUE = 8;
  private static final int REQUEST_THREADS = 16;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSignInStormWaitsForThePasswordThreadsWhileOthersAreServed(Engine engine) throws Exception {
    try (TestApp t =
        TestApp.start(
            engine,
            Map.of(
                "PASSWORD_QUEUE",
                String.valueOf(QUEUE),
                "HTTP_THREADS",
                String.valueOf(REQUEST_THREADS)))) {
      Login agent = t.http.admin();
      Colleagues.insert(t, STORM);

      ExecutorService clients = Executors.newFixedThreadPool(STORM);
      List<Future<Response>> logins = new ArrayList<>();
      for (int i = 0; i < STORM; i++) {
        String email = Colleagues.email(i);
        logins.add(
            clients.submit(
                () ->
                    t.http.post(
                        "/api/v1/users/login",
                        Map.of("email", email, "password", Colleagues.PASSWORD),
                        null)));
      }
      // While the storm is being worked through, the signed-in agent is answered at once.
      long slowestMs = 0;
      int mostRequestThreads = 0;
      while (logins.stream().anyMatch(f -> !f.isDone())) {
        long started = System.nanoTime();
        assertThat(t.http.get("/api/v1/users/me", agent.accessToken()).status()).isEqualTo(200);
        slowestMs = Math.max(slowestMs, (System.nanoTime() - started) / 1_000_000);
        mostRequestThreads = Math.max(mostRequestThreads, requestThreads());
        Thread.sleep(20);
      }
      clients.shutdown();
      System.out.printf(
          "%s: slowest request of the agent during %d sign-ins: %d ms; request threads at most %d%n",
          engine, STORM, slowestMs, mostRequestThreads);
      assertThat(slowestMs).as("the agent's requests during the storm").isLessThan(1_000);
      assertThat(mostRequestThreads).isLessThanOrEqualTo(REQUEST_THREADS);

      int signedIn = 0;
      List<Integer> refused = new ArrayList<>();
      for (int i = 0; i < STORM; i++) {
        Response r = logins.get(i).get();
        if (r.status() == 200) {
          signedIn++;
          continue;
        }
        assertThat(r.status()).as(r.raw()).isEqualTo(503);
        assertThat(r.errorCode()).isEqualTo("unavailable");
        assertThat(r.json().get("message").asText()).contains("Try again in a few seconds");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        refused.add(i);
      }
      assertThat(refused).as("sign-ins past the queue are refused at once").isNotEmpty();
      assertThat(signedIn).as("the queue and the running ones get in").isGreaterThan(QUEUE);

      // A refused colleague who tries again once the storm is over signs in.
      String again = Colleagues.email(refused.get(0));
      assertThat(t.http.login(again, Colleagues.PASSWORD).accessToken()).isNotBlank();
    }
  }

  private static int requestThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().startsWith("JettyServerThreadPool"))
            .count();
  }
}
