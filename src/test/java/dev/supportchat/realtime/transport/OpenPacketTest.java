package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class OpenPacketTest {
  @Test
  void anOpenPacketGetsMaxPayload() {
    String open =
        OpenPacket.withMaxPayload(
            "0{\"sid\": \"abc\", \"upgrades\": [\"websocket\"], \"pingInterval\": 25000,"
                + " \"pingTimeout\": 20000}",
            1_000_000);

    JSONObject handshake = new JSONObject(open.substring(1));
    assertThat(handshake.getInt("maxPayload")).isEqualTo(1_000_000);
    assertThat(handshake.getString("sid")).isEqualTo("abc");
    assertThat(handshake.keySet())
        .containsExactlyInAnyOrder("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");
  }

  @Test
  void otherPacketsAndOnesThatHaveItAreLeftAlone() {
    assertThat(OpenPacket.withMaxPayload("40{\"sid\":\"x\"}", 5)).isEqualTo("40{\"sid\":\"x\"}");
    assertThat(OpenPacket.withMaxPayload("0{\"maxPayload\": 7}", 5))
        .isEqualTo("0{\"maxPayload\": 7}");
    assertThat(OpenPacket.withMaxPayload("6", 5)).isEqualTo("6");
  }
}
