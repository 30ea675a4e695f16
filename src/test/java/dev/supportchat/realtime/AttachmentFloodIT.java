package dev.supportchat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.ServerProcess;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's flood, against a server process with a 128 MB heap: one signed-in socket declares a
 * huge number of binary attachments and streams ~900 KiB frames; forty sockets each park one
 * attachment of a two-attachment packet. Before the packet caps, the first filled the heap within
 * seconds and killed the writer and emitter threads. Now those connections are closed, another
 * user's send is acknowledged within a second, and /health stays 200.
 */
class AttachmentFloodIT {
  private static final byte[] FRAME = new byte[900 * 1024];

  @Test
  void aFloodOfAttachmentsCostsOnlyTheAttackersTheirConnections() throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.create(Engine.SQLITE);
        ServerProcess server =
            new ServerProcess(
                    TestApp.serverEnvironment(Files.createTempDirectory("sc-flood-"), db.url()),
                    List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"))
                .start()) {
      HttpTestClient http = new HttpTestClient(server.baseUrl());
      Login attacker = http.newUser("mallory@example.com");
      Login victim = http.newUser("victim@example.com");
      String victimChat =
          http.post("/api/v1/chats/support", Map.of(), victim.accessToken())
              .data()
              .get("_id")
              .asText();

      try (RawSocketIoClient bystander =
          RawSocketIoClient.connect(server.baseUrl(), victim.accessToken())) {
        // One header declaring 1,000,000 attachments (engine.io message 4, binary event 5), then
        // frames until the server hangs up (at most 270 MB).
        try (RawSocketIoClient flood =
            RawSocketIoClient.connect(server.baseUrl(), attacker.accessToken())) {
          flood.send("451000000-[\"send_support_message\",{\"_placeholder\":true,\"num\":0}]");
          for (int i = 0; i < 300 && !flood.closedWithin(Duration.ZERO); i++) {
            try {
              flood.sendBinary(FRAME);
            } catch (RuntimeException closedUnderUs) {
              break;
            }
          }
          assertThat(flood.closedWithin(Duration.ofSeconds(5)))
              .as("the flooding connection is closed")
              .isTrue();
        }
        assertSendAcknowledgedWithinASecond(
            bystander, victimChat, "after the attachment-count flood");

        // Many connections, each within its own packet cap, together over the server's reassembly
        // budget.
        List<RawSocketIoClient> parked = new ArrayList<>();
        try {
          for (int i = 0; i < 40; i++) {
            RawSocketIoClient c =
                RawSocketIoClient.connect(server.baseUrl(), attacker.accessToken());
            parked.add(c);
            c.send(
                "452-[\"send_support_message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
            try {
              c.sendBinary(FRAME);
            } catch (RuntimeException closedUnderUs) {
              // refused: over the budget
            }
          }
          long refused =
              parked.stream().filter(c -> c.closedWithin(Duration.ofMillis(200))).count();
          assertThat(refused).as("connections beyond the 32 MB budget are closed").isGreaterThan(0);
          assertSendAcknowledgedWithinASecond(bystander, victimChat, "with the budget in use");
        } finally {
          parked.forEach(RawSocketIoClient::close);
        }
        assertSendAcknowledgedWithinASecond(
            bystander, victimChat, "after the parked connections closed");
      }

      HttpTestClient.Response health = http.get("/health", null);
      assertThat(health.status()).as(health.raw()).isEqualTo(200);
      assertThat(server.isAlive()).isTrue();
      String log = Files.readString(server.log());
      assertThat(log)
          .contains("1000000 binary attachments declared (at most 10)")
          .contains("at their cap of 32000000")
          .doesNotContain("OutOfMemoryError");
    }
  }

  private static void assertSendAcknowledgedWithinASecond(
      RawSocketIoClient client, String chatId, String when) throws Exception {
    int id =
        client.emit(
            "send_support_message",
            "{\"chatId\":\"" + chatId + "\",\"content\":\"still here " + when + "\"}");
    String ack = client.awaitAck(id, Duration.ofSeconds(1));
    JsonNode args = HttpTestClient.JSON.readTree(ack);
    assertThat(args.get(0).path("ok").asBoolean()).as(when + ": " + ack).isTrue();
  }
}
