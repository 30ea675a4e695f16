package dev.supportchat.user;

import dev.supportchat.error.AppException;
import dev.supportchat.store.Database;
import dev.supportchat.store.RowMapper;
import dev.supportchat.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link UserRepository} in SQL that runs on SQLite and PostgreSQL. */
public final class JdbcUserRepository implements UserRepository {
  private static final String COLUMNS =
      "id, email, username, full_name, password_hash, is_admin, created_at, updated_at";

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
              Instant.ofEpochMilli(rs.getLong("updated_at")));

  private final Database db;

  public JdbcUserRepository(Database db) {
    this.db = db;
  }

  @Override
  public void insert(User u) {
    db.write(
        c -> {
          try {
            return Sql.update(
                c,
                "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                u.id(),
                u.email(),
                u.username(),
                u.fullName(),
                u.passwordHash(),
                u.isAdmin(),
                u.createdAt().toEpochMilli(),
                u.updatedAt().toEpochMilli());
          } catch (SQLException e) {
            if (db.isUniqueViolation(e)) {
              throw AppException.conflict("An account with this email or username already exists.");
            }
            throw e;
          }
        });
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
                "SELECT " + COLUMNS + " FROM users WHERE email = ?",
                MAPPER,
                email.toLowerCase()));
  }

  @Override
  public void updateCredentials(String userId, String passwordHash, boolean isAdmin) {
    db.write(
        c ->
            Sql.update(
                c,
                "UPDATE users SET password_hash = ?, is_admin = ?, updated_at = ? WHERE id = ?",
                passwordHash,
                isAdmin,
                System.currentTimeMillis(),
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
}
