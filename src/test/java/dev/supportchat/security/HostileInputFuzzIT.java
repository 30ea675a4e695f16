package dev.supportchat.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.TestApp;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded hostile input (the same cases on every run) against the real server, over REST and over
 * the official Socket.IO client: no 5xx, no unanswered event, no lost connection other than the one
 * that sent garbage, nothing stored that was not acknowledged as sent, and a normal conversation
 * step still works afterwards.
 */
class HostileInputFuzzIT {
  static final long SEED = 20_261_125L;
  static final int REST_CASES = 1_200;
  static final int SOCKET_CASES = 600;
  private static final Map<String, String> SETTINGS =
      Map.of(
          "ACCESS_TOKEN_SECRET", MatrixFixture.ACCESS_SECRET,
          "WIDGET_IDENTITY_SECRET", dev.supportchat.testing.HostSite.SECRET,
          // The limits would answer most cases before the input is even read; they are tested on
          // their own.
          "LOGIN_MAX_ATTEMPTS_PER_IP", "100000",
          "SOCKET_MESSAGES_PER_SECOND", "100000",
          "MESSAGES_PER_MINUTE_PER_USER", "100000");

  @ParameterizedTest(
      name =
          "fuzzing on {0}: "
              + REST_CASES
              + " REST + "
              + SOCKET_CASES
              + " Socket.IO cases, seed "
              + SEED)
  @EnumSource(Engine.class)
  void hostileInputNeverBreaksTheServerNorStoresGarbage(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine, SETTINGS)) {
      MatrixFixture f = new MatrixFixture(t);
      String otherChatId =
          t.http
              .get("/api/v1/chats/support", f.token(Caller.OTHER_USER))
              .data()
              .get("_id")
              .asText();
      MessageLedger ledger = new MessageLedger(t.app.database());
      int accountsBefore = countAccounts(t);
      HostileStrings strings = new HostileStrings(new SplittableRandom(SEED));

      long started = System.nanoTime();
      RestFuzzRun rest =
          RestFuzzRun.run(
              new RestFuzzCases(strings, f, t.app.routes()), REST_CASES, f.http, ledger);
      System.out.printf(
          "FUZZ %s (seed %d): %d REST cases in %d ms, statuses %s%n",
          engine, SEED, REST_CASES, millisSince(started), rest.statuses);
      assertThat(rest.failures)
          .as("REST answers that are 5xx, silent, or not the error envelope")
          .isEmpty();

      // The REST cases include logouts, which end the sessions of the tokens they carry.
      f.renewAccountTokens();
      started = System.nanoTime();
      SocketFuzzRun sockets =
          SocketFuzzRun.run(
              new SocketFuzzCases(strings, f.chatId, otherChatId), SOCKET_CASES, f, ledger);
      System.out.printf(
          "FUZZ %s (seed %d): %d Socket.IO cases in %d ms, outcomes %s%n",
          engine, SEED, SOCKET_CASES, millisSince(started), sockets.outcomes);
      assertThat(sockets.failures).as("Socket.IO cases answered wrongly").isEmpty();
      assertThat(sockets.normalStepWorked())
          .as("a normal conversation step afterwards: " + sockets.normalStep)
          .isTrue();

      assertThat(ledger.differencesFrom(t.app.database()))
          .as("stored messages vs acknowledged ones")
          .isEmpty();
      assertThat(countAccounts(t))
          .as("accounts stored")
          .isEqualTo(accountsBefore + rest.registeredAccounts);
      System.out.printf(
          "FUZZ %s: %d stored messages match their acknowledgements exactly; %d accounts created%n",
          engine, ledger.size(), rest.registeredAccounts);
      assertThat(t.http.get("/health", null).status()).isEqualTo(200);
    }
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }

  /** Accounts only: the fuzzer also starts visitors and identifies users through the widget. */
  private static int countAccounts(TestApp t) {
    return t.app
        .database()
        .read(
            c -> {
              try (PreparedStatement s =
                      c.prepareStatement("SELECT COUNT(*) FROM users WHERE kind = 'account'");
                  ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
              }
            });
  }
}
