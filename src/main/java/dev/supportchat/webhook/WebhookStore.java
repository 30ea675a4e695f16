package dev.supportchat.webhook;

import dev.supportchat.store.Database;
import dev.supportchat.store.Pipeline;
import dev.supportchat.store.RowMapper;
import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code webhook_endpoints} table. */
final class WebhookStore {
  private static final String COLUMNS =
      "id, url, secret, events, description, is_active, created_at, updated_at";

  private static final RowMapper<WebhookEndpoint> ENDPOINT =
      rs ->
          new WebhookEndpoint(
              rs.getString("id"),
              rs.getString("url"),
              rs.getString("secret"),
              Arrays.stream(rs.getString("events").split(",")).filter(s -> !s.isEmpty()).toList(),
              rs.getString("description"),
              rs.getBoolean("is_active"),
              Instant.ofEpochMilli(rs.getLong("created_at")),
              Instant.ofEpochMilli(rs.getLong("updated_at")));

  private final Database db;

  WebhookStore(Database db) {
    this.db = db;
  }

  List<WebhookEndpoint> all() {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT " + COLUMNS + " FROM webhook_endpoints ORDER BY created_at, id",
                ENDPOINT));
  }

  private static final String ACTIVE =
      "SELECT " + COLUMNS + " FROM webhook_endpoints WHERE is_active = TRUE";

  /** The active endpoints, read in the caller's transaction. */
  static List<WebhookEndpoint> active(Connection c) throws SQLException {
    return Sql.list(c, ACTIVE, ENDPOINT);
  }

  /** The same, queued on the caller's pipeline. */
  static Pipeline.Result<List<WebhookEndpoint>> active(Pipeline p) {
    return p.query(ACTIVE, ENDPOINT);
  }

  Optional<WebhookEndpoint> find(String id) {
    return db.read(
        c ->
            Sql.one(c, "SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = ?", ENDPOINT, id));
  }

  long count() {
    return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM webhook_endpoints"));
  }

  void insert(WebhookEndpoint e, String createdBy) {
    db.write(
        c ->
            Sql.update(
                c,
                "INSERT INTO webhook_endpoints (id, url, secret, events, description, is_active,"
                    + " created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(),
                e.url(),
                e.secret(),
                String.join(",", e.events()),
                e.description(),
                e.isActive(),
                createdBy,
                e.createdAt().toEpochMilli(),
                e.updatedAt().toEpochMilli()));
  }

  void update(WebhookEndpoint e) {
    db.write(
        c ->
            Sql.update(
                c,
                "UPDATE webhook_endpoints SET url = ?, events = ?, description = ?, is_active = ?,"
                    + " updated_at = ? WHERE id = ?",
                e.url(),
                String.join(",", e.events()),
                e.description(),
                e.isActive(),
                e.updatedAt().toEpochMilli(),
                e.id()));
  }

  boolean delete(String id) {
    return db.write(c -> Sql.update(c, "DELETE FROM webhook_endpoints WHERE id = ?", id)) == 1;
  }
}
