package dev.supportchat.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportchat.testing.HttpTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bad access tokens made from a real one, so that only the one property under test is wrong: its
 * expiry, its signing key, or its algorithm. Made from an admin's token, they would grant
 * everything if accepted.
 */
final class HostileTokens {
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private HostileTokens() {}

  /**
   * The same claims, correctly signed with the server's key, but expired a while before {@code
   * now}.
   */
  static String expired(String realToken, String serverSecret, Instant now) {
    ObjectNode claims = claims(realToken);
    claims.put("iat", now.minus(Duration.ofMinutes(30)).getEpochSecond());
    claims.put("exp", now.minus(Duration.ofMinutes(5)).getEpochSecond());
    return signed(header(realToken), claims, serverSecret);
  }

  /** The same header and claims, signed with a key that is not the server's. */
  static String forged(String realToken) {
    return signed(header(realToken), claims(realToken), "an-attacker-s-guess-of-the-secret-0123");
  }

  /** The same claims under {@code {"alg":"none"}} with an empty signature. */
  static String algNone(String realToken) {
    ObjectNode header = HttpTestClient.JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
    return encode(header) + "." + encode(claims(realToken)) + ".";
  }

  private static ObjectNode header(String token) {
    return part(token, 0);
  }

  private static ObjectNode claims(String token) {
    return part(token, 1);
  }

  private static ObjectNode part(String token, int index) {
    try {
      return (ObjectNode) HttpTestClient.JSON.readTree(DECODE.decode(token.split("\\.")[index]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String signed(ObjectNode header, ObjectNode claims, String secret) {
    String unsigned = encode(header) + "." + encode(claims);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return unsigned
          + "."
          + ENCODE.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String encode(ObjectNode json) {
    return ENCODE.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }
}
