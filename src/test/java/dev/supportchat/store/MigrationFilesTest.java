package dev.supportchat.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file in {@code db/migration/} is in {@link Migrations#FILES} (a file dropped there without
 * its line would never run), and every listed one exists for both engines.
 */
class MigrationFilesTest {
  private static final Path FOLDER = Path.of("src/main/resources/db/migration");

  @Test
  void everyMigrationFileIsListedAndEveryListedOneExistsForBothEngines() throws IOException {
    TreeSet<String> onDisk = new TreeSet<>();
    try (Stream<Path> files = Files.list(FOLDER)) {
      files
          .map(p -> p.getFileName().toString())
          .map(name -> name.replaceFirst("\\.(sqlite|postgres)\\.sql$", ".sql"))
          .forEach(onDisk::add);
    }
    List<String> unlisted = onDisk.stream().filter(f -> !Migrations.FILES.contains(f)).toList();
    assertThat(unlisted)
        .as("files in db/migration/ missing from Migrations.FILES (add one line each)")
        .isEmpty();
    for (String file : Migrations.FILES) {
      for (Dialect dialect : Dialect.values()) {
        assertThat(
                Migrations.class.getResource("/db/migration/" + Migrations.resolve(file, dialect)))
            .as("%s on %s", file, dialect)
            .isNotNull();
      }
    }
  }

  @Test
  void versionsAreUniqueAndInOrder() {
    List<Integer> versions =
        Migrations.FILES.stream()
            .map(f -> Integer.parseInt(f.substring(1, f.indexOf("__"))))
            .toList();
    assertThat(versions).isSorted().doesNotHaveDuplicates();
  }
}
