package dev.supportchat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 20's proof that a long-polling conversation does not stall: node-tests/polling-soak.mjs
 * holds {@code pollingSoak.conversations} (300) user↔admin conversations one after another on one
 * server with the official socket.io-client, each side on a new socket over long-polling (one in
 * four allowing the upgrade to websocket), with no retry. One connection not completed, or one step
 * not answered, within 10 s fails the test. {@code pollingSoak.parallel} runs that many
 * conversations at once (1: consecutive), to load the server while checking the same thing.
 */
class PollingSoakIT {
  private static final int CONVERSATIONS = Integer.getInteger("pollingSoak.conversations", 300);
  private static final int PARALLEL = Integer.getInteger("pollingSoak.parallel", 1);

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyPollingConversationCompletes(Engine engine) throws Exception {
    // The soak's admin replies in every conversation: far more than a person's per-minute limit.
    try (TestApp t = TestApp.start(engine, Map.of("MESSAGES_PER_MINUTE_PER_USER", "100000"))) {
      JsonNode report =
          NodeScript.run(
              Duration.ofSeconds(120 + 2L * CONVERSATIONS),
              "polling-soak.mjs",
              t.baseUrl(),
              TestApp.ADMIN_EMAIL,
              TestApp.ADMIN_PASSWORD,
              String.valueOf(CONVERSATIONS),
              String.valueOf(PARALLEL));
      System.out.println("POLLING SOAK " + engine + ": " + report);
      assertThat(report.get("stalls")).as("stalled conversations").isEmpty();
      assertThat(report.get("failures")).as("failed conversations").isEmpty();
      assertThat(report.get("completed").asInt()).isEqualTo(CONVERSATIONS);
    }
  }
}
