package dev.supportchat.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetPolicyTest {
  private static List<InetAddress> ip(String literal) throws Exception {
    return List.of(InetAddress.getByName(literal));
  }

  @Test
  void onlyHttpAndHttpsUrlsWithAHostAndNoCredentials() {
    assertThat(TargetPolicy.parse("https://hooks.example.com/x?y=1").getHost())
        .isEqualTo("hooks.example.com");
    for (String bad :
        List.of(
            "ftp://example.com",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "http://",
            "https://u:p@example.com/",
            "https://example.com/#frag",
            "no url at all",
            "https://" + "a".repeat(2_000) + ".com")) {
      assertThatThrownBy(() -> TargetPolicy.parse(bad))
          .as(bad)
          .isInstanceOf(TargetPolicy.Refused.class);
    }
  }

  @Test
  void privateLoopbackLinkLocalAndSharedAddressesAreRefusedByDefault() throws Exception {
    for (String a :
        List.of(
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.0.10",
            "169.254.169.254",
            "100.64.0.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1")) {
      assertThat(TargetPolicy.refusal(ip(a), false)).as(a).isPresent();
      assertThat(TargetPolicy.refusal(ip(a), true)).as(a + " when private is allowed").isEmpty();
    }
  }

  @Test
  void reservedAddressesAreRefusedEvenWhenPrivateOnesAreAllowed() throws Exception {
    for (String a : List.of("0.0.0.0", "::", "224.0.0.1", "255.255.255.255", "240.0.0.1")) {
      assertThat(TargetPolicy.refusal(ip(a), true)).as(a).isPresent();
    }
  }

  @Test
  void publicAddressesPassAndEveryResolvedAddressMustPass() throws Exception {
    assertThat(TargetPolicy.refusal(ip("93.184.215.14"), false)).isEmpty();
    assertThat(TargetPolicy.refusal(ip("2606:2800:21f:cb07:6820:80da:af6b:8b2c"), false)).isEmpty();
    List<InetAddress> mixed =
        List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.1"));
    assertThat(TargetPolicy.refusal(mixed, false)).isPresent();
    assertThat(TargetPolicy.refusal(List.of(), true)).contains("its host name does not resolve.");
  }
}
