package dev.supportchat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnsubscribeLinksTest {
  private final UnsubscribeLinks links =
      new UnsubscribeLinks("a-server-secret-of-enough-length", "https://support.example.com");

  @Test
  void aLinkVerifiesForItsPersonOnly() {
    String sig = links.signature("user-1");
    assertThat(links.verify("user-1", sig)).isTrue();
    assertThat(links.verify("user-2", sig)).isFalse();
    assertThat(links.verify("user-1", sig + "x")).isFalse();
    assertThat(links.verify("user-1", null)).isFalse();
    assertThat(links.verify(null, sig)).isFalse();
    assertThat(links.verify("user-1", "x".repeat(1_000))).isFalse();
  }

  @Test
  void anotherServerSecretMakesOtherLinks() {
    var other = new UnsubscribeLinks("another-server-secret-of-length", "https://x");
    assertThat(other.verify("user-1", links.signature("user-1"))).isFalse();
  }

  @Test
  void theUrlPointsAtThePublicAddress() {
    assertThat(links.url("abc"))
        .startsWith("https://support.example.com/api/v1/email/unsubscribe?u=abc&s=");
  }
}
