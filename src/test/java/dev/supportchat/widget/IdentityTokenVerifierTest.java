package dev.supportchat.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.algorithms.Algorithm;
import dev.supportchat.config.AppConfig;
import dev.supportchat.error.AppException;
import dev.supportchat.testing.HostSite;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which identity tokens pass, with each kind of key, and which algorithm tricks do not. */
class IdentityTokenVerifierTest {
  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static AppConfig.Widget settings(Optional<String> secret, Optional<String> publicKey) {
    return new AppConfig.Widget(
        true,
        AppConfig.Prechat.OFF,
        500,
        secret,
        publicKey,
        Duration.ofMinutes(10),
        Duration.ofSeconds(30));
  }

  private static String pem(java.security.PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----";
  }

  @Test
  void anEs256TokenPassesWithThePublicKeyAndAnHs256TokenSignedWithThatKeyDoesNot()
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair pair = generator.generateKeyPair();
    String publicPem = pem(pair.getPublic());
    IdentityTokenVerifier verifier =
        new IdentityTokenVerifier(settings(Optional.empty(), Optional.of(publicPem)), CLOCK);
    String good =
        HostSite.builder("u-1", NOW, Duration.ofMinutes(5))
            .sign(
                Algorithm.ECDSA256(
                    (ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate()));
    assertThat(verifier.verify(good).subject()).isEqualTo("u-1");
    // HS/public-key confusion: the public key (known to everyone) used as an HMAC secret.
    String confused =
        HostSite.builder("u-1", NOW, Duration.ofMinutes(5)).sign(Algorithm.HMAC256(publicPem));
    assertThatThrownBy(() -> verifier.verify(confused))
        .isInstanceOf(AppException.class)
        .hasMessageContaining("HS256 are not accepted");
  }

  @Test
  void anRs256TokenPassesWithAnRsaKeyAndSkewIsAllowedWithinItsLimit() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    IdentityTokenVerifier verifier =
        new IdentityTokenVerifier(
            settings(Optional.of(HostSite.SECRET), Optional.of(pem(pair.getPublic()))), CLOCK);
    Algorithm rs =
        Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    assertThat(
            verifier.verify(HostSite.builder("u-2", NOW, Duration.ofMinutes(5)).sign(rs)).subject())
        .isEqualTo("u-2");
    // Expired 20 s ago: within the 30 s skew. Expired 40 s ago: refused.
    assertThat(
            verifier
                .verify(
                    HostSite.builder("u-2", NOW.minusSeconds(320), Duration.ofMinutes(5)).sign(rs))
                .subject())
        .isEqualTo("u-2");
    assertThatThrownBy(
            () ->
                verifier.verify(
                    HostSite.builder("u-2", NOW.minusSeconds(340), Duration.ofMinutes(5)).sign(rs)))
        .hasMessageContaining("expired");
    // The shared secret still works beside the key.
    assertThat(verifier.verify(HostSite.token("u-3", null, null, NOW)).subject()).isEqualTo("u-3");
  }

  @Test
  void claimsThatCannotBeStoredAreDroppedOrRefused() {
    IdentityTokenVerifier verifier =
        new IdentityTokenVerifier(settings(Optional.of(HostSite.SECRET), Optional.empty()), CLOCK);
    HostIdentity odd =
        verifier.verify(
            HostSite.builder("u-4", NOW, Duration.ofMinutes(5))
                .withClaim("email", "not an email")
                .withClaim("name", "bad\u0000name")
                .sign(Algorithm.HMAC256(HostSite.SECRET)));
    assertThat(odd.email()).isNull();
    assertThat(odd.name()).isNull();
    assertThatThrownBy(
            () ->
                verifier.verify(
                    HostSite.builder("nul\u0000sub", NOW, Duration.ofMinutes(5))
                        .sign(Algorithm.HMAC256(HostSite.SECRET))))
        .hasMessageContaining("sub");
  }

  @Test
  void browserNamesAreShortAndHonest() {
    assertThat(
            BrowserName.of(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"))
        .isEqualTo("Firefox 133 on Windows");
    assertThat(
            BrowserName.of(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
                    + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"))
        .isEqualTo("Safari 17 on iOS");
    assertThat(
            BrowserName.of(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"))
        .isEqualTo("Edge 131 on Windows");
    assertThat(BrowserName.of("curl/8.5.0")).isEqualTo("curl/8.5.0");
    assertThat(BrowserName.of(null)).isNull();
  }
}
