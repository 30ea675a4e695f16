package dev.supportchat.widget;

import dev.supportchat.store.Database;
import dev.supportchat.store.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The identity tokens (by jti) already exchanged, kept until they expire, in the database shared by
 * every node: a replayed token is refused wherever it is presented.
 */
final class IdentityTokenUses {
  private final Database db;
  private final Clock clock;

  IdentityTokenUses(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records the use; false when this token (issuer's subject and jti) was used before. */
  boolean firstUse(HostIdentity identity) {
    String key = hash(identity.subject() + "\n" + identity.tokenId());
    long now = clock.millis();
    return db.write(
        c -> {
          // Expired entries can never match a valid token again: forget them as we go.
          Sql.update(c, "DELETE FROM identity_token_uses WHERE expires_at < ?", now);
          // ON CONFLICT rather than catching the violation: on PostgreSQL a failed statement would
          // abort the whole transaction.
          return Sql.update(
                  c,
                  "INSERT INTO identity_token_uses (jti_hash, expires_at) VALUES (?, ?)"
                      + " ON CONFLICT (jti_hash) DO NOTHING",
                  key,
                  identity.expiresAt().toEpochMilli())
              == 1;
        });
  }

  private static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
