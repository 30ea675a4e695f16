package dev.supportchat.user;

import dev.supportchat.error.AppException;
import dev.supportchat.store.Database;
import dev.supportchat.store.RowMapper;
import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link UserRepository} in SQL that runs on SQLite and PostgreSQL. */
public final class JdbcUserRepository implements UserRepository {
  private static final String COLUMNS =
      "id, email, username, full_name, password_hash, is_admin, created_at, updated_at, kind,"
          + " external_id, email_verified";

  static final RowMapper<User> MAPPER =
      rs ->
          new User(
              rs.getString("id"),
              rs.getString("email"),
              rs.getString("username"),
              rs.getString("full_name"),
              rs.getString("password_hash"),
              rs.getBoolean("is_admin"),
              Instant.ofEpochMilli(rs.getLong("created_at")),
              Instant.ofEpochMilli(rs.getLong("updated_at")),
              UserKind.fromWire(rs.getString("kind")),
              rs.getString("external_id"),
              rs.getBoolean("email_verified"));

  private final Database db;

  public JdbcUserRepository(Database db) {
    this.db = db;
  }

  @Override
  public void insert(User u) {
    db.write(c -> insert(c, db, u));
  }

  /**
   * Inserts the user inside a transaction of the caller's (an accepted invite creates its account
   * in the same transaction that spends the invite).
   */
  public static int insert(Connection c, Database db, User u) throws SQLException {
    try {
      return Sql.update(
          c,
          "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          u.id(),
          u.email(),
          u.username(),
          u.fullName(),
          u.passwordHash(),
          u.isAdmin(),
          u.createdAt().toEpochMilli(),
          u.updatedAt().toEpochMilli(),
          u.kind().wire(),
          u.externalId(),
          u.emailVerified());
    } catch (SQLException e) {
      if (db.isUniqueViolation(e)) {
        throw AppException.conflict("An account with this email or username already exists.");
      }
      throw e;
    }
  }

  @Override
  public Optional<User> findById(String id) {
    return db.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", MAPPER, id));
  }

  @Override
  public Optional<User> findByEmail(String email) {
    return db.read(
        c ->
            Sql.one(
                c,
                // Only accounts sign in by email (the index on it covers accounts only).
                "SELECT " + COLUMNS + " FROM users WHERE email = ? AND kind = 'account'",
                MAPPER,
                email.toLowerCase()));
  }

  @Override
  public void updateCredentials(String userId, String passwordHash, boolean isAdmin) {
    db.write(
        c ->
            Sql.update(
                c,
                // The operator's ADMIN_EMAIL is the way back into a locked-out team: it makes an
                // active admin whatever the account was.
                "UPDATE users SET password_hash = ?, is_admin = ?, updated_at = ?,"
                    + " role = CASE WHEN ? THEN 'admin' ELSE role END,"
                    + " deactivated_at = CASE WHEN ? THEN NULL ELSE deactivated_at END WHERE id = ?",
                passwordHash,
                isAdmin,
                System.currentTimeMillis(),
                isAdmin,
                isAdmin,
                userId));
  }

  @Override
  public List<User> findAdmins() {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT " + COLUMNS + " FROM users WHERE is_admin = ? ORDER BY full_name, id",
                MAPPER,
                true));
  }

  @Override
  public boolean anyAdmin() {
    return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM users WHERE is_admin = ?", true)) > 0;
  }

  @Override
  public Optional<User> findByExternalId(String externalId) {
    return db.read(
        c ->
            Sql.one(
                c, "SELECT " + COLUMNS + " FROM users WHERE external_id = ?", MAPPER, externalId));
  }

  @Override
  public void updateProfile(String userId, String fullName, String email, boolean emailVerified) {
    db.write(
        c ->
            Sql.update(
                c,
                "UPDATE users SET full_name = ?, email = ?, email_verified = ?, updated_at = ?"
                    + " WHERE id = ?",
                fullName,
                email,
                emailVerified,
                System.currentTimeMillis(),
                userId));
  }

  @Override
  public void saveContext(String userId, UserContext context) {
    db.write(
        c ->
            Sql.update(
                c,
                "INSERT INTO user_context (user_id, page_url, page_title, browser, language,"
                    + " time_zone, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (user_id) DO UPDATE SET page_url = excluded.page_url,"
                    + " page_title = excluded.page_title, browser = excluded.browser,"
                    + " language = excluded.language, time_zone = excluded.time_zone,"
                    + " updated_at = excluded.updated_at",
                userId,
                context.pageUrl(),
                context.pageTitle(),
                context.browser(),
                context.language(),
                context.timeZone(),
                context.updatedAt().toEpochMilli()));
  }

  @Override
  public Optional<UserContext> findContext(String userId) {
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT page_url, page_title, browser, language, time_zone, updated_at"
                    + " FROM user_context WHERE user_id = ?",
                rs ->
                    new UserContext(
                        rs.getString("page_url"),
                        rs.getString("page_title"),
                        rs.getString("browser"),
                        rs.getString("language"),
                        rs.getString("time_zone"),
                        Instant.ofEpochMilli(rs.getLong("updated_at"))),
                userId));
  }

  @Override
  public boolean isDeactivated(String userId) {
    return db.read(
            c ->
                Sql.count(
                    c,
                    "SELECT COUNT(*) FROM users WHERE id = ? AND deactivated_at IS NOT NULL",
                    userId))
        > 0;
  }

  @Override
  public void updateName(String userId, String fullName) {
    db.write(
        c ->
            Sql.update(
                c,
                "UPDATE users SET full_name = ?, updated_at = ? WHERE id = ?",
                fullName,
                System.currentTimeMillis(),
                userId));
  }

  @Override
  public void updatePassword(String userId, String passwordHash) {
    db.write(
        c ->
            Sql.update(
                c,
                "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
                passwordHash,
                System.currentTimeMillis(),
                userId));
  }
}
