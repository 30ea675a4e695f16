package dev.supportchat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A second CONNECT of a namespace on one connection. socket.io-server would add a socket for each
 * and leave the earlier ones in their rooms (found by a review: 200 re-CONNECTs made one connection
 * receive 201 copies of every broadcast to it); the gate closes such a connection. A namespace the
 * client left ("1") may be connected again, as the official client does.
 */
class NamespaceReconnectIT {

  @Test
  void aSecondConnectOfAConnectedNamespaceClosesTheConnectionOnly() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      Login user = t.http.newUser("again@example.com");
      Login other = t.http.newUser("bystander@example.com");
      String chatId = chatOf(t, other);
      try (RawSocketIoClient bystander =
              RawSocketIoClient.connect(t.baseUrl(), other.accessToken());
          RawSocketIoClient client = RawSocketIoClient.connect(t.baseUrl(), user.accessToken())) {
        client.send("40{\"token\":\"" + user.accessToken() + "\"}");

        assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
        // the other user's socket is untouched
        bystander.sendWithAck("join_support_chat", "{\"chatId\":\"" + chatId + "\"}");
        assertThat(
                bystander.sendWithAck(
                    "send_support_message",
                    "{\"chatId\":\"" + chatId + "\",\"content\":\"still here\"}"))
            .contains("\"ok\":true");
      }
    }
  }

  @Test
  void aNamespaceLeftWithDisconnectMayBeConnectedAgain() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      Login user = t.http.newUser("back@example.com");
      String chatId = chatOf(t, user);
      try (RawSocketIoClient client = RawSocketIoClient.connect(t.baseUrl(), user.accessToken())) {
        client.send("41");
        client.send("40{\"token\":\"" + user.accessToken() + "\"}");

        assertThat(client.closedWithin(Duration.ofSeconds(1))).isFalse();
        assertThat(client.sendWithAck("join_support_chat", "{\"chatId\":\"" + chatId + "\"}"))
            .contains("\"ok\":true");
      }
    }
  }

  private static String chatOf(TestApp t, Login user) throws Exception {
    return t.http
        .post("/api/v1/chats/support", Map.of(), user.accessToken())
        .data()
        .get("_id")
        .asText();
  }
}
