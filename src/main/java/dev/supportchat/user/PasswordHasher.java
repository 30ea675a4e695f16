package dev.supportchat.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

/**
 * bcrypt with a configurable cost (at least 10); passwords longer than bcrypt's 72 bytes are
 * pre-hashed.
 */
public final class PasswordHasher {
  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

  private final int cost;
  private final BCrypt.Hasher hasher =
      BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
  private final BCrypt.Verifyer verifier =
      BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));

  /**
   * Compared against when the account does not exist, so a wrong email takes as long as a wrong
   * password.
   */
  private final String decoyHash;

  public PasswordHasher(int cost) {
    this.cost = cost;
    this.decoyHash = hash("decoy-password-for-timing");
  }

  public String hash(String password) {
    return hasher.hashToString(cost, password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return verifier.verify(password.toCharArray(), hash.toCharArray()).verified;
  }

  /** Spends the time of one verification without a real hash. */
  public void burnVerification(String password) {
    matches(password, decoyHash);
  }
}
