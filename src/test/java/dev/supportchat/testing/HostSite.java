package dev.supportchat.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** The host site's backend as tests play it: signs identity tokens for its signed-in users. */
public final class HostSite {
  /** The shared secret tests configure as WIDGET_IDENTITY_SECRET. */
  public static final String SECRET = "host-site-identity-secret-0123456789-abcdef";

  private HostSite() {}

  /** A token as a well-behaved host signs it: sub, email, name, a fresh jti, five minutes. */
  public static String token(String sub, String email, String name, Instant now) {
    return builder(sub, now, Duration.ofMinutes(5))
        .withClaim("email", email)
        .withClaim("name", name)
        .sign(Algorithm.HMAC256(SECRET));
  }

  public static JWTCreator.Builder builder(String sub, Instant now, Duration ttl) {
    return JWT.create()
        .withSubject(sub)
        .withIssuedAt(now)
        .withExpiresAt(now.plus(ttl))
        .withJWTId(UUID.randomUUID().toString());
  }

  /** The same claims with {@code alg: none} and no signature. */
  public static String algNone(String sub, Instant now) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(
            ("{\"sub\":\""
                    + sub
                    + "\",\"iat\":"
                    + now.getEpochSecond()
                    + ",\"exp\":"
                    + now.plusSeconds(300).getEpochSecond()
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".";
  }

  /** A valid token whose payload was rewritten (another sub), keeping the original signature. */
  public static String tampered(String token) {
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replaceFirst("\"sub\":\"([^\"]*)\"", "\"sub\":\"$1-someone-else\"");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }
}
