package dev.supportchat.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

  /** The refresh token with this hash, whatever its state. */
  Optional<RefreshToken> find(String tokenHash);

  /**
   * In one transaction: checks the token with {@code presentedHash}, marks it used and stores
   * {@code nextFor}'s token in the same family; or, if it was used before, revokes its whole
   * family.
   */
  Rotation rotate(String presentedHash, Function<RefreshToken, RefreshToken> nextFor, Instant now);

  void revokeFamily(String familyId, Instant now);

  /** Revokes every refresh token of the user; how many were still valid. */
  int revokeAllOf(String userId, Instant now);

  /**
   * The sessions (families) of the user that were issued a refresh token at or after {@code since}.
   */
  List<String> familiesIssuedSince(String userId, Instant since);
}
