package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckRouteTest {

  @Test
  void readsTheAckIdOfATextEvent() {
    assertThat(AckRoute.of(null, "212[\"send\",{}]")).isEqualTo(new AckRoute(null, "/", 12));
    assertThat(AckRoute.of(null, "2/admin,7[\"e\"]")).isEqualTo(new AckRoute(null, "/admin", 7));
    assertThat(AckRoute.of(null, "20[\"e\"]")).isEqualTo(new AckRoute(null, "/", 0));
  }

  @Test
  void noRouteWithoutAnIdOrForOtherPackets() {
    assertThat(AckRoute.of(null, "2[\"e\",{}]")).isNull(); // no ack asked
    assertThat(AckRoute.of(null, "51-[\"e\",{\"_placeholder\":true,\"num\":0}]")).isNull();
    assertThat(AckRoute.of(null, "31[{}]")).isNull(); // the client's own ack
    assertThat(AckRoute.of(null, "0{}")).isNull();
    assertThat(AckRoute.of(null, "2/admin[\"e\"]")).isNull(); // a namespace without its comma
    assertThat(AckRoute.of(null, "212")).isNull(); // no payload
    assertThat(AckRoute.of(null, "2")).isNull();
  }

  @Test
  void anIdTheLibraryCannotReadIsLeftToIt() {
    // socket.io-server reads ack ids as ints, and closes the connection on a larger one
    assertThat(AckRoute.of(null, "22147483647[\"e\"]"))
        .isEqualTo(new AckRoute(null, "/", Integer.MAX_VALUE));
    assertThat(AckRoute.of(null, "22147483648[\"e\"]")).isNull();
    assertThat(AckRoute.of(null, "299999999999[\"e\"]")).isNull();
    assertThat(AckRoute.of(null, "2\u0663[\"e\"]")).isNull(); // an Arabic-Indic digit
  }

  @Test
  void theRouteIsSeenOnlyWhileThePacketIsDispatched() {
    AckRoute route = new AckRoute(null, "/", 3);
    AckRoute[] seen = new AckRoute[1];
    AckRoute.during(route, () -> seen[0] = AckRoute.current());
    assertThat(seen[0]).isSameAs(route);
    assertThat(AckRoute.current()).isNull();
  }
}
