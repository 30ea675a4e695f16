package dev.supportchat.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's results as a Markdown table (for docs/BENCHMARKS.md) and as a JSON file (for
 * comparing runs).
 */
final class BenchmarkReport {
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Map<String, Object> context;
  private final List<Timing> timings;

  /** {@code context}: engine, data size, machine and settings, written at the top of the JSON. */
  BenchmarkReport(Map<String, Object> context, List<Timing> timings) {
    this.context = context;
    this.timings = timings;
  }

  String markdown() {
    StringBuilder out =
        new StringBuilder("| query | p50 ms | p95 ms | max ms | target p95 | met |\n")
            .append("|---|---:|---:|---:|---:|:-:|\n");
    for (Timing t : timings) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.1f | < %.0f ms | %s |%n",
              t.name(),
              t.p50(),
              t.p95(),
              t.max(),
              t.targetMs(),
              t.meetsTarget() ? "yes" : "**no**"));
    }
    return out.toString();
  }

  /**
   * Writes {@code query-benchmark-<engine>-<UTC time>.json} into {@code folder}; returns the file.
   */
  Path writeJson(Path folder, String engine, Instant at) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve("query-benchmark-" + engine + "-" + FILE_TIME.format(at) + ".json");
    Map<String, Object> json = new LinkedHashMap<>(context);
    json.put("finishedAt", at.toString());
    List<Map<String, Object>> results = new ArrayList<>();
    for (Timing t : timings) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", t.name());
      r.put("group", t.group());
      r.put("repetitions", t.samplesMs().length);
      r.put("p50Ms", round(t.p50()));
      r.put("p95Ms", round(t.p95()));
      r.put("maxMs", round(t.max()));
      r.put("targetP95Ms", t.targetMs());
      r.put("met", t.meetsTarget());
      results.add(r);
    }
    json.put("results", results);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    return file;
  }

  private static double round(double ms) {
    return Math.round(ms * 100) / 100.0;
  }
}
