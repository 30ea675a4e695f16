package dev.supportchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.config.TrustedProxies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address the per-address limits see, behind zero, one or several proxies. */
class ClientAddressTest {
  private static final ClientAddress BEHIND_LOOPBACK =
      new ClientAddress(true, TrustedProxies.parse(TrustedProxies.DEFAULT));
  private static final ClientAddress BEHIND_TWO =
      new ClientAddress(true, TrustedProxies.parse("127.0.0.1, 10.0.0.0/8 fd00::/8"));

  @Test
  void anIpv6ClientIsItsSlash64AndAnIpv4ClientItsAddress() {
    assertThat(ClientAddress.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(ClientAddress.network("2001:db8:1:2::1"))
        .isEqualTo(ClientAddress.network("2001:db8:1:2::ffff"));
    assertThat(ClientAddress.network("2001:db8:1:3::1"))
        .isNotEqualTo(ClientAddress.network("2001:db8:1:2::1"));
    assertThat(ClientAddress.network("203.0.113.7")).isEqualTo("203.0.113.7");
  }

  @Test
  void withoutTrustProxyTheHeaderIsIgnored() {
    ClientAddress direct = new ClientAddress(false, TrustedProxies.parse(TrustedProxies.DEFAULT));
    assertThat(direct.of("127.0.0.1", List.of("6.6.6.6"))).isEqualTo("127.0.0.1");
  }

  @Test
  void theRightmostAddressTheProxyAppendedIsTheClientNotWhatTheClientWrote() {
    // The client sent "X-Forwarded-For: 6.6.6.6"; nginx appended the address it saw.
    assertThat(BEHIND_LOOPBACK.of("127.0.0.1", List.of("6.6.6.6, 203.0.113.7")))
        .isEqualTo("203.0.113.7");
    // A new forged value per request changes nothing.
    assertThat(BEHIND_LOOPBACK.of("127.0.0.1", List.of("7.7.7.7, 203.0.113.7")))
        .isEqualTo("203.0.113.7");
  }

  @Test
  void trustedHopsAreSkippedFromTheRightAsRealIpRecursiveDoes() {
    assertThat(BEHIND_TWO.of("127.0.0.1", List.of("6.6.6.6, 198.51.100.2, 10.1.2.3")))
        .isEqualTo("198.51.100.2");
    // Several headers count as one list, in order.
    assertThat(BEHIND_TWO.of("127.0.0.1", List.of("6.6.6.6", "198.51.100.2", "10.1.2.3")))
        .isEqualTo("198.51.100.2");
    assertThat(BEHIND_TWO.of("127.0.0.1", List.of("2001:db8::1, fd00::5")))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
  }

  @Test
  void aPeerThatIsNotATrustedProxyIsTheClientWhateverItWrites() {
    assertThat(BEHIND_LOOPBACK.of("203.0.113.9", List.of("127.0.0.1"))).isEqualTo("203.0.113.9");
  }

  @Test
  void onlyTrustedHopsOrNoHeaderGivesTheOutermostKnownAddress() {
    assertThat(BEHIND_TWO.of("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    assertThat(BEHIND_TWO.of("127.0.0.1", List.of("10.0.0.1"))).isEqualTo("10.0.0.1");
  }

  @Test
  void portsAreDroppedAndGarbageIsNeverTakenAsAnAddress() {
    assertThat(BEHIND_LOOPBACK.of("127.0.0.1", List.of("203.0.113.7:5555")))
        .isEqualTo("203.0.113.7");
    assertThat(BEHIND_LOOPBACK.of("127.0.0.1", List.of("[2001:db8::2]:443")))
        .isEqualTo("2001:db8:0:0:0:0:0:2");
    // A name or junk where the proxy's entry should be: the proxy itself is the client.
    assertThat(BEHIND_LOOPBACK.of("127.0.0.1", List.of("evil.example.com"))).isEqualTo("127.0.0.1");
    assertThat(BEHIND_LOOPBACK.of("127.0.0.1", List.of("1.2.3.4, <script>")))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void theListAcceptsAddressesAndRangesOnlyAndSaysWhatIsWrong() {
    TrustedProxies p = TrustedProxies.parse("192.168.0.0/16,::1");
    assertThat(p.contains(TrustedProxies.literal("192.168.44.1").orElseThrow())).isTrue();
    assertThat(p.contains(TrustedProxies.literal("192.169.0.1").orElseThrow())).isFalse();
    assertThat(p.contains(TrustedProxies.literal("::1").orElseThrow())).isTrue();
    assertThatThrownBy(() -> TrustedProxies.parse("proxy.internal"))
        .hasMessageContaining("'proxy.internal' is not an IP address");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .hasMessageContaining("prefix length outside 0..32");
    assertThat(TrustedProxies.literal("localhost")).isEmpty();
  }
}
