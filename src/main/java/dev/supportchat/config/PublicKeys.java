package dev.supportchat.config;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads a PEM public key ("-----BEGIN PUBLIC KEY-----", X.509 SubjectPublicKeyInfo): EC or RSA. */
public final class PublicKeys {
  private PublicKeys() {}

  /** The key, or IllegalArgumentException with a sentence saying what is wrong. */
  public static PublicKey parse(String pem) {
    String body =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replace("\\n", "")
            .replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not a PEM public key (expected -----BEGIN PUBLIC KEY----- and base64).");
    }
    for (String algorithm : new String[] {"EC", "RSA"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
      } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException notThisOne) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("not an EC (P-256) or RSA public key.");
  }
}
