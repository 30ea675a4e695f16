package dev.supportchat.user;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.supportchat.error.AppException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies access tokens (HS256 JWTs, short-lived) and makes refresh tokens (random,
 * opaque, stored only as an HMAC of themselves). Only HS256 with our secret is accepted, so {@code
 * alg: none} or a forged key fail.
 */
public final class TokenService {
  private static final String ISSUER = "support-chat";
  private static final String ADMIN_CLAIM = "adm";
  private static final String SESSION_CLAIM = "sid";
  private static final int REFRESH_TOKEN_BYTES = 32;

  private final Algorithm accessAlgorithm;
  private final JWTVerifier verifier;
  private final SecretKeySpec refreshKey;
  private final Duration accessTtl;
  private final Duration refreshTtl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public TokenService(
      String accessSecret,
      String refreshSecret,
      Duration accessTtl,
      Duration refreshTtl,
      Clock clock) {
    this.accessAlgorithm = Algorithm.HMAC256(accessSecret);
    this.refreshKey =
        new SecretKeySpec(refreshSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.accessTtl = accessTtl;
    this.refreshTtl = refreshTtl;
    this.clock = clock;
    this.verifier =
        ((JWTVerifier.BaseVerification)
                JWT.require(accessAlgorithm)
                    .withIssuer(ISSUER)
                    // A token without an expiry would be valid forever: refused (ASVS 3.5.3).
                    .withClaimPresence("exp"))
            .build(clock);
  }

  public String issueAccessToken(User user, String sessionId) {
    Instant now = clock.instant();
    return JWT.create()
        .withIssuer(ISSUER)
        .withSubject(user.id())
        .withClaim(ADMIN_CLAIM, user.isAdmin())
        .withClaim(SESSION_CLAIM, sessionId)
        .withClaim("email", user.email())
        .withIssuedAt(now)
        .withExpiresAt(now.plus(accessTtl))
        .sign(accessAlgorithm);
  }

  /** A verified access token: who it names and until when it is valid. */
  public record Verified(Principal principal, Instant expiresAt) {}

  /** Verifies signature, issuer and expiry; throws {@code unauthorized} otherwise. */
  public Principal verifyAccessToken(String token) {
    return verify(token).principal();
  }

  /**
   * As {@link #verifyAccessToken}, keeping the expiry, for long-lived connections that must stop
   * using it.
   */
  public Verified verify(String token) {
    if (token == null || token.isBlank()) {
      throw AppException.unauthorized("Authentication required.");
    }
    try {
      DecodedJWT jwt = verifier.verify(token);
      Boolean admin = jwt.getClaim(ADMIN_CLAIM).asBoolean();
      String session = jwt.getClaim(SESSION_CLAIM).asString();
      if (jwt.getSubject() == null || admin == null || session == null) {
        throw AppException.unauthorized("Invalid access token.");
      }
      return new Verified(
          new Principal(jwt.getSubject(), admin, session), jwt.getExpiresAtAsInstant());
    } catch (TokenExpiredException e) {
      throw AppException.unauthorized("Access token expired.");
    } catch (JWTVerificationException e) {
      throw AppException.unauthorized("Invalid access token.");
    }
  }

  public String newRefreshToken() {
    byte[] bytes = new byte[REFRESH_TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The only form in which a refresh token is stored: HMAC-SHA256 under the refresh secret. */
  public String hashRefreshToken(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(refreshKey);
      return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  public Instant refreshExpiry(Instant issuedAt) {
    return issuedAt.plus(refreshTtl);
  }

  public Duration accessTtl() {
    return accessTtl;
  }

  public Duration refreshTtl() {
    return refreshTtl;
  }
}
