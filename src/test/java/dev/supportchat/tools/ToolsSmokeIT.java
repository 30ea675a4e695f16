package dev.supportchat.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.chat.AutomaticReply;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.store.Database;
import dev.supportchat.store.Sql;
import dev.supportchat.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The benchmark tools' documented path, on a tiny data set: generate into an empty database, then
 * time it.
 */
class ToolsSmokeIT {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void generatedDataIsBenchmarkedAndReported(Engine engine, @TempDir Path out) throws Exception {
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine)) {
      GenerateData.main(
          new String[] {
            "--database-url",
            fresh.url(),
            "--chats",
            "30",
            "--messages",
            "200",
            "--days",
            "3",
            "--admins",
            "2"
          });
      try (Database db = Database.open(fresh.settings(), 1)) {
        Long chats = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM chats"));
        Long users =
            db.read(
                c ->
                    Sql.count(
                        c,
                        "SELECT COUNT(*) FROM users WHERE id <> ?",
                        AutomaticReply.SENDER_ID)); // the automatic reply's sender (V14)
        assertThat(chats).isEqualTo(30L);
        assertThat(users).isEqualTo(32L); // one per chat, and the admins
      }

      QueryBenchmark.main(
          new String[] {
            "--database-url",
            fresh.url(),
            "--warmup",
            "1",
            "--repetitions",
            "2",
            "--out",
            out.toString()
          });
      List<Path> reports;
      try (Stream<Path> files = Files.list(out)) {
        reports = files.toList();
      }
      assertThat(reports)
          .singleElement()
          .satisfies(
              report -> {
                assertThat(report.getFileName().toString()).endsWith(".json");
                assertThat(Files.readString(report)).contains("\"results\"");
              });
    }
  }
}
