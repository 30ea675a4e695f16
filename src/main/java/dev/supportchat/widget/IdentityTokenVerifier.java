package dev.supportchat.widget;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.supportchat.config.AppConfig;
import dev.supportchat.config.PublicKeys;
import dev.supportchat.error.AppException;
import dev.supportchat.json.TextInput;
import dev.supportchat.user.UserFields;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks an identity token the host site's backend signed for its signed-in user (README,
 * "Signed-in users"): HS256 with the shared secret, or ES256/RS256 with the configured public key —
 * each algorithm only with its own key, so {@code none} and HS/RS confusion are refused. {@code
 * sub} and {@code exp} are required and the lifetime is capped; the signature check is java-jwt's,
 * which compares in constant time.
 */
final class IdentityTokenVerifier {
  private static final int MAX_SUBJECT_LENGTH = 255;

  private final JWTVerifier hs256;
  private final JWTVerifier es256;
  private final JWTVerifier rs256;
  private final Duration maxTtl;
  private final Duration skew;
  private final Clock clock;

  IdentityTokenVerifier(AppConfig.Widget settings, Clock clock) {
    this.clock = clock;
    this.maxTtl = settings.identityMaxTtl();
    this.skew = settings.identityClockSkew();
    this.hs256 = settings.identitySecret().map(s -> verifier(Algorithm.HMAC256(s))).orElse(null);
    PublicKey key = settings.identityPublicKey().map(PublicKeys::parse).orElse(null);
    this.es256 = key instanceof ECPublicKey ec ? verifier(Algorithm.ECDSA256(ec, null)) : null;
    this.rs256 = key instanceof RSAPublicKey rsa ? verifier(Algorithm.RSA256(rsa, null)) : null;
  }

  boolean configured() {
    return hs256 != null || es256 != null || rs256 != null;
  }

  private JWTVerifier verifier(Algorithm algorithm) {
    return ((JWTVerifier.BaseVerification)
            JWT.require(algorithm).acceptLeeway(Math.max(0, skew.toSeconds())))
        .build(clock);
  }

  /** The identity the token vouches for; AppException {@code unauthorized} saying why not. */
  HostIdentity verify(String token) {
    if (!configured()) {
      throw AppException.notFound("Signed-in users are not set up on this server.");
    }
    if (token == null || token.isBlank()) {
      throw AppException.unauthorized("An identity token is required.");
    }
    DecodedJWT unverified;
    try {
      unverified = JWT.decode(token.strip());
    } catch (JWTDecodeException e) {
      throw AppException.unauthorized("The identity token is not a JWT.");
    }
    String algorithm = unverified.getAlgorithm();
    JWTVerifier verifier =
        switch (algorithm == null ? "" : algorithm) {
          case "HS256" -> hs256;
          case "ES256" -> es256;
          case "RS256" -> rs256;
          default -> null;
        };
    if (verifier == null) {
      throw AppException.unauthorized(
          "Identity tokens signed with " + safe(algorithm) + " are not accepted here.");
    }
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(unverified);
    } catch (TokenExpiredException e) {
      throw AppException.unauthorized(
          "The identity token has expired; ask the page for a new one.");
    } catch (SignatureVerificationException | AlgorithmMismatchException e) {
      throw AppException.unauthorized("The identity token's signature is not valid.");
    } catch (IncorrectClaimException e) {
      throw AppException.unauthorized("The identity token is not valid yet or any more.");
    } catch (JWTVerificationException e) {
      throw AppException.unauthorized("The identity token is not valid.");
    }
    Instant expiresAt = jwt.getExpiresAtAsInstant();
    if (expiresAt == null) {
      throw AppException.unauthorized("The identity token must say when it expires (exp).");
    }
    if (expiresAt.isAfter(clock.instant().plus(maxTtl).plus(skew))) {
      throw AppException.unauthorized(
          "The identity token lives longer than the "
              + maxTtl.toMinutes()
              + " minutes allowed; sign it with a shorter exp.");
    }
    String subject = jwt.getSubject();
    if (subject == null
        || subject.isBlank()
        || subject.length() > MAX_SUBJECT_LENGTH
        || !storable(subject)) {
      throw AppException.unauthorized(
          "The identity token must name the user (sub, 1 to 255 characters).");
    }
    return new HostIdentity(
        subject, email(jwt.getClaim("email").asString()), name(jwt), jwt.getId(), expiresAt);
  }

  /** An asserted email that does not look like one is dropped rather than stored. */
  private static String email(String claimed) {
    if (claimed == null) {
      return null;
    }
    return UserFields.email(claimed).filter(IdentityTokenVerifier::storable).orElse(null);
  }

  private static String name(DecodedJWT jwt) {
    String n = jwt.getClaim("name").asString();
    if (n == null || n.isBlank() || !storable(n)) {
      return null;
    }
    n = n.strip();
    return n.length() > UserFields.MAX_NAME_LENGTH ? n.substring(0, UserFields.MAX_NAME_LENGTH) : n;
  }

  private static boolean storable(String text) {
    try {
      TextInput.checked("claim", text);
      return true;
    } catch (AppException unstorable) {
      return false;
    }
  }

  private static String safe(String algorithm) {
    if (algorithm == null) {
      return "no algorithm";
    }
    return algorithm.length() > 20 ? algorithm.substring(0, 20) + "…" : algorithm;
  }
}
