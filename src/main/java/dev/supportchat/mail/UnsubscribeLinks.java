package dev.supportchat.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The "stop these emails" link: the user's id and an HMAC-SHA256 of it under a key derived from the
 * server's secret, so the link works without signing in and nobody can make one for another person.
 * It does not expire: a link in an old email should still work.
 */
final class UnsubscribeLinks {
  private static final String PURPOSE = "support-chat/unsubscribe-replies/v1:";
  private final byte[] key;
  private final String baseUrl;

  UnsubscribeLinks(String serverSecret, String publicUrl) {
    // A key of its own: the access-token secret itself never signs anything but access tokens.
    this.key = hmac(serverSecret.getBytes(StandardCharsets.UTF_8), "unsubscribe-key");
    this.baseUrl = publicUrl;
  }

  String signature(String userId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, PURPOSE + userId));
  }

  boolean verify(String userId, String signature) {
    if (userId == null || signature == null || signature.length() > 100) {
      return false;
    }
    return MessageDigest.isEqual(
        signature(userId).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.UTF_8));
  }

  /** The page that asks for a confirmation click (a mail scanner's GET changes nothing). */
  String url(String userId) {
    return baseUrl
        + "/api/v1/email/unsubscribe?u="
        + URLEncoder.encode(userId, StandardCharsets.UTF_8)
        + "&s="
        + signature(userId);
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
