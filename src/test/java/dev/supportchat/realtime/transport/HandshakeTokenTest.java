package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class HandshakeTokenTest {

  private static final Map<String, String> NO_QUERY = Map.of();
  private static final Map<String, List<String>> NO_HEADERS = Map.of();

  @Test
  void readsAuthTokenFromTheConnectPacket() {
    assertThat(HandshakeToken.find(new JSONObject().put("token", "a"), NO_QUERY, NO_HEADERS))
        .hasValue("a");
  }

  @Test
  void readsBearerHeaderInAnyCase() {
    assertThat(HandshakeToken.find(null, NO_QUERY, Map.of("authorization", List.of("bearer b"))))
        .hasValue("b");
    assertThat(HandshakeToken.find(null, NO_QUERY, Map.of("Authorization", List.of("Bearer b"))))
        .hasValue("b");
    assertThat(HandshakeToken.find(null, NO_QUERY, Map.of("Authorization", List.of("Basic xyz"))))
        .isEmpty();
  }

  @Test
  void readsQueryParameter() {
    assertThat(HandshakeToken.find(null, Map.of("token", "c"), NO_HEADERS)).hasValue("c");
  }

  @Test
  void readsAccessTokenCookieAmongOthers() {
    Map<String, List<String>> headers =
        Map.of("Cookie", List.of("theme=dark; accessToken=\"d\"; x=1"));
    assertThat(HandshakeToken.find(null, NO_QUERY, headers)).hasValue("d");
    assertThat(HandshakeToken.find(null, NO_QUERY, Map.of("cookie", List.of("myaccessToken=z"))))
        .isEmpty();
  }

  @Test
  void firstPlaceHoldingATokenWins() {
    Map<String, List<String>> headers =
        Map.of("Authorization", List.of("Bearer header"), "Cookie", List.of("accessToken=cookie"));
    assertThat(
            HandshakeToken.find(
                new JSONObject().put("token", "auth"), Map.of("token", "query"), headers))
        .hasValue("auth");
    assertThat(HandshakeToken.find(new JSONObject(), Map.of("token", "query"), headers))
        .hasValue("header");
    assertThat(
            HandshakeToken.find(
                null, Map.of("token", "query"), Map.of("Cookie", List.of("accessToken=c"))))
        .hasValue("query");
  }

  @Test
  void ignoresBlankAndNonStringTokens() {
    assertThat(HandshakeToken.find(new JSONObject().put("token", 42), NO_QUERY, NO_HEADERS))
        .isEmpty();
    assertThat(HandshakeToken.find(new JSONObject().put("token", "  "), NO_QUERY, NO_HEADERS))
        .isEmpty();
    assertThat(HandshakeToken.find(null, null, null)).isEmpty();
  }
}
