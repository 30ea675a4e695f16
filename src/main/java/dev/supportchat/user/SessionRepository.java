package dev.supportchat.user;

import java.time.Instant;
import java.util.function.Function;

/** Login sessions: the refresh tokens issued for them, rotated on use and revoked as a family. */
public interface SessionRepository {

  /** What happened to a presented refresh token. */
  sealed interface Rotation {
    /** The presented token was valid and is now spent; {@code next} replaces it. */
    record Rotated(String userId, String familyId) implements Rotation {}

    /** The token had already been spent: the whole family has been revoked. */
    record Reused() implements Rotation {}

    /** Unknown, expired or revoked. */
    record Rejected() implements Rotation {}
  }

  void insert(RefreshToken token);

  /**
   * In one transaction: checks the token with {@code presentedHash}, marks it used and stores
   * {@code nextFor}'s token in the same family; or, if it was used before, revokes its whole
   * family.
   */
  Rotation rotate(String presentedHash, Function<RefreshToken, RefreshToken> nextFor, Instant now);

  /**
   * Revokes every token of the family that the token with this hash belongs to; false if unknown.
   */
  boolean revokeFamilyOfToken(String tokenHash, Instant now);

  void revokeFamily(String familyId, Instant now);

  /** Ends every login of the user (after an operator reset their password); how many. */
  int revokeAllOfUser(String userId, Instant now);
}
