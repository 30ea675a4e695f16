package dev.supportchat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HostSite;
import dev.supportchat.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Socket.IO handshake accepts the host site's identity token in place of an access token. */
class IdentityHandshakeIT {

  @Test
  void aSocketConnectsWithTheHostsIdentityTokenAndOnlyAValidOne() throws Exception {
    try (TestApp t =
        TestApp.start(Engine.SQLITE, Map.of("WIDGET_IDENTITY_SECRET", HostSite.SECRET))) {
      String token = HostSite.token("socket-user", null, "Sam", t.clock.instant());
      try (RawSocketIoClient client = RawSocketIoClient.connect(t.baseUrl(), token)) {
        // The socket is Sam's: Sam's own chat (created over REST with the same identity) joins.
        String access =
            t.http
                .post(
                    "/api/v1/widget/identify",
                    Map.of("token", HostSite.token("socket-user", null, "Sam", t.clock.instant())),
                    null)
                .data()
                .get("accessToken")
                .asText();
        String chatId =
            t.http.post("/api/v1/chats/support", Map.of(), access).data().get("_id").asText();
        String ack =
            client.awaitAck(
                client.emit("join_support_chat", "{\"chatId\":\"" + chatId + "\"}"),
                Duration.ofSeconds(5));
        assertThat(ack).contains("\"ok\":true");
      }
      // Used once already: a replay is refused, as are forged and unsigned tokens.
      assertThat(RawSocketIoClient.refusedConnect(t.baseUrl(), token)).contains("unauthorized");
      assertThat(
              RawSocketIoClient.refusedConnect(
                  t.baseUrl(), HostSite.algNone("socket-user", t.clock.instant())))
          .contains("unauthorized");
      assertThat(
              RawSocketIoClient.refusedConnect(
                  t.baseUrl(),
                  HostSite.tampered(HostSite.token("socket-user", null, null, t.clock.instant()))))
          .contains("unauthorized");
    }
  }
}
