package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.socketio.server.SocketIoSocket.ReceivedByLocalAcknowledgementCallback;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class EventAckTest {

  @Test
  void bodiesHaveTheContractShape() {
    assertThat(
            EventAck.okBody(new JSONObject().put("id", "1"))
                .similar(new JSONObject("{\"ok\":true,\"data\":{\"id\":\"1\"}}")))
        .isTrue();
    assertThat(EventAck.okBody(null).similar(new JSONObject("{\"ok\":true,\"data\":null}")))
        .isTrue();
    assertThat(
            EventAck.errorBody("forbidden", "no")
                .similar(
                    new JSONObject(
                        "{\"ok\":false,\"error\":{\"code\":\"forbidden\",\"message\":\"no\"}}")))
        .isTrue();
  }

  @Test
  void answersOnceAndOnlyWhenTheClientAsked() {
    List<Object> sent = new ArrayList<>();
    ReceivedByLocalAcknowledgementCallback callback = args -> sent.add(args[0]);
    EventAck ack = EventAck.fromEventArgs(new Object[] {new JSONObject(), callback}, null);

    ack.ok("first");
    ack.error("internal", "second");

    assertThat(ack.requested()).isTrue();
    assertThat(sent).hasSize(1);
    assertThat(EventAck.fromEventArgs(new Object[] {new JSONObject()}, null).requested()).isFalse();
  }
}
