package dev.supportchat.hours;

import dev.supportchat.json.Json;
import dev.supportchat.store.Database;
import dev.supportchat.store.Sql;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The business hours settings as one JSON row of {@code team_settings} (V9), on both engines. */
final class HoursStore {
  static final String NAME = "business_hours";

  private final Database db;

  HoursStore(Database db) {
    this.db = db;
  }

  /**
   * The stored settings, or empty if never set.
   *
   * @throws IllegalStateException with one sentence when the stored row cannot be read
   *     (hand-edited)
   */
  Optional<HoursSettings> load() {
    return db.read(HoursStore::load);
  }

  /** The same, read on the caller's connection (inside the message writer's transaction). */
  static Optional<HoursSettings> load(Connection c) throws SQLException {
    Optional<String> raw =
        Sql.one(c, "SELECT value FROM team_settings WHERE name = ?", rs -> rs.getString(1), NAME);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(HoursSettings.parse(Json.MAPPER.readTree(raw.get())));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "The business hours stored in team_settings (name '"
              + NAME
              + "') cannot be read ("
              + e.getMessage()
              + "); set them again from the dashboard's Hours page or delete that row.",
          e);
    }
  }

  void save(HoursSettings settings, long now) {
    db.write(
        c ->
            Sql.update(
                c,
                "INSERT INTO team_settings (name, value, updated_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET value = excluded.value,"
                    + " updated_at = excluded.updated_at",
                NAME,
                settings.toJson().toString(),
                now));
  }
}
