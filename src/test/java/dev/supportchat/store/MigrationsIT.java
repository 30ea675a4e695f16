package dev.supportchat.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.chat.AutomaticReply;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.TestDatabases;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationsIT {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void migrationsApplyOnceAndRecordTheirVersions(Engine engine) {
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 2)) {
      Migrations.apply(db);
      Migrations.apply(db);
      Long recorded =
          db.read(
              c -> Sql.count(c, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE"));
      assertThat(recorded).isEqualTo((long) Migrations.FILES.size());
      // No account is seeded: the only row is the automatic reply's sender (V14), which has no
      // password hash and is not staff.
      Long users =
          db.read(
              c ->
                  Sql.count(
                      c,
                      "SELECT COUNT(*) FROM users WHERE NOT (id = ? AND password_hash = '!'"
                          + " AND is_admin = FALSE AND role IS NULL)",
                      AutomaticReply.SENDER_ID));
      assertThat(users).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void emailsAreUniqueAtTheDatabaseLevel(Engine engine) {
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 2)) {
      Migrations.apply(db);
      String insert =
          "INSERT INTO users (id, email, full_name, password_hash, is_admin, created_at, updated_at) "
              + "VALUES (?, ?, 'A', 'h', FALSE, 0, 0)";
      db.write(c -> Sql.update(c, insert, Ids.newId(), "a@b.co"));
      try {
        db.write(c -> Sql.update(c, insert, Ids.newId(), "a@b.co"));
        throw new AssertionError("duplicate accepted");
      } catch (DataAccessException e) {
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
        assertThat(db.isUniqueViolation((SQLException) e.getCause())).isTrue();
      }
    }
  }
}
