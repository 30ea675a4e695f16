package dev.supportchat.user;

import dev.supportchat.store.Database;
import dev.supportchat.store.RowMapper;
import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@link SessionRepository} in SQL that runs on SQLite and PostgreSQL. */
final class JdbcSessionRepository implements SessionRepository {
  private static final String COLUMNS =
      "id, family_id, user_id, token_hash, created_at, expires_at, used_at, revoked_at";

  private static final RowMapper<RefreshToken> MAPPER =
      rs ->
          new RefreshToken(
              rs.getString("id"),
              rs.getString("family_id"),
              rs.getString("user_id"),
              rs.getString("token_hash"),
              instant(rs, "created_at"),
              instant(rs, "expires_at"),
              instant(rs, "used_at"),
              instant(rs, "revoked_at"));

  private final Database db;

  JdbcSessionRepository(Database db) {
    this.db = db;
  }

  @Override
  public void insert(RefreshToken t) {
    db.write(c -> insert(c, t));
  }

  private static int insert(Connection c, RefreshToken t) throws SQLException {
    return Sql.update(
        c,
        "INSERT INTO refresh_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        t.id(),
        t.familyId(),
        t.userId(),
        t.tokenHash(),
        t.createdAt().toEpochMilli(),
        t.expiresAt().toEpochMilli(),
        null,
        null);
  }

  @Override
  public Rotation rotate(
      String presentedHash, Function<RefreshToken, RefreshToken> nextFor, Instant now) {
    return db.write(
        c -> {
          Optional<RefreshToken> found =
              Sql.one(
                  c,
                  "SELECT " + COLUMNS + " FROM refresh_tokens WHERE token_hash = ?",
                  MAPPER,
                  presentedHash);
          if (found.isEmpty()) {
            return new Rotation.Rejected();
          }
          RefreshToken token = found.get();
          if (token.revokedAt() != null || !token.expiresAt().isAfter(now)) {
            return new Rotation.Rejected();
          }
          // The conditional update makes two concurrent refreshes with one token end as one success
          // and one reuse.
          int marked =
              token.usedAt() != null
                  ? 0
                  : Sql.update(
                      c,
                      "UPDATE refresh_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL",
                      now.toEpochMilli(),
                      token.id());
          if (marked == 0) {
            revokeFamily(c, token.familyId(), now);
            return new Rotation.Reused();
          }
          insert(c, nextFor.apply(token));
          return new Rotation.Rotated(token.userId(), token.familyId());
        });
  }

  @Override
  public Optional<RefreshToken> find(String tokenHash) {
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT " + COLUMNS + " FROM refresh_tokens WHERE token_hash = ?",
                MAPPER,
                tokenHash));
  }

  @Override
  public void revokeFamily(String familyId, Instant now) {
    db.write(c -> revokeFamily(c, familyId, now));
  }

  @Override
  public int revokeAllOf(String userId, Instant now) {
    return db.write(
        c ->
            Sql.update(
                c,
                "UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                now.toEpochMilli(),
                userId));
  }

  @Override
  public List<String> familiesIssuedSince(String userId, Instant since) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = ? AND created_at >= ?",
                rs -> rs.getString(1),
                userId,
                since.toEpochMilli()));
  }

  private static int revokeFamily(Connection c, String familyId, Instant now) throws SQLException {
    return Sql.update(
        c,
        "UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
        now.toEpochMilli(),
        familyId);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Long millis = Sql.nullableLong(rs, column);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
