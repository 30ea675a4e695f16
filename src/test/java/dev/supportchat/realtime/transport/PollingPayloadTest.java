package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PollingPayloadTest {
  @Test
  void packetsOfEveryTypeAndBase64BinaryAreWellFormed() {
    assertThat(wellFormed("4hello")).isTrue();
    assertThat(wellFormed("4test1\u001e4test2\u001e4test3")).isTrue();
    assertThat(wellFormed("4hello\u001ebAQIDBA==")).isTrue();
    assertThat(wellFormed("1")).isTrue(); // close
    assertThat(wellFormed("2probe\u001e3\u001e6")).isTrue();
    assertThat(wellFormed("40{\"token\":\"é\"}")).isTrue();
  }

  @Test
  void anythingElseIsNot() {
    assertThat(wellFormed("")).isFalse();
    assertThat(wellFormed("abc")).isFalse(); // unknown packet type
    assertThat(wellFormed("7x")).isFalse();
    assertThat(wellFormed("4a\u001e")).isFalse(); // an empty packet at the end
    assertThat(wellFormed("\u001e4a")).isFalse();
    assertThat(wellFormed("4a\u001e\u001e4b")).isFalse();
    assertThat(wellFormed("b***")).isFalse(); // not base64
  }

  private static boolean wellFormed(String payload) {
    return PollingPayload.wellFormed(payload.getBytes(StandardCharsets.UTF_8));
  }
}
