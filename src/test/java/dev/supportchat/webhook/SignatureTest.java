package dev.supportchat.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignatureTest {
  @Test
  void theHeaderSignsTimestampDotBody() {
    // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    assertThat(Signature.header("whsec_test", 1_700_000_000L, "{\"a\":1}"))
        .isEqualTo("t=1700000000,v1=" + Signature.hmacHex("whsec_test", "1700000000.{\"a\":1}"));
    assertThat(Signature.hmacHex("whsec_test", "1700000000.{\"a\":1}")).isEqualTo(OPENSSL_DIGEST);
  }

  @Test
  void anotherSecretBodyOrTimeGivesAnotherSignature() {
    String h = Signature.header("s1", 1L, "b");
    assertThat(Signature.header("s2", 1L, "b")).isNotEqualTo(h);
    assertThat(Signature.header("s1", 2L, "b")).isNotEqualTo(h);
    assertThat(Signature.header("s1", 1L, "c")).isNotEqualTo(h);
  }

  private static final String OPENSSL_DIGEST =
      "38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789";
}
