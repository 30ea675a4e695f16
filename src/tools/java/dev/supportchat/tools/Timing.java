package dev.supportchat.tools;

import java.util.Arrays;

/**
 * The timings of one benchmark case: its repetitions in milliseconds, summarised by nearest-rank
 * percentiles.
 */
record Timing(String name, String group, double targetMs, double[] samplesMs) {

  /**
   * One repetition of a case; {@code i} lets a case vary its input (a different chat each time).
   */
  @FunctionalInterface
  interface Case {
    void run(int i) throws Exception;
  }

  /**
   * Runs {@code warmup} untimed repetitions (JIT, caches, prepared plans), then {@code repetitions}
   * timed ones.
   */
  static Timing measure(
      String name, String group, double targetMs, int warmup, int repetitions, Case c)
      throws Exception {
    for (int i = 0; i < warmup; i++) {
      c.run(i);
    }
    double[] samples = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      c.run(warmup + i);
      samples[i] = (System.nanoTime() - start) / 1e6;
    }
    return new Timing(name, group, targetMs, samples);
  }

  double p50() {
    return percentile(0.50);
  }

  double p95() {
    return percentile(0.95);
  }

  double max() {
    return percentile(1.0);
  }

  boolean meetsTarget() {
    return p95() < targetMs;
  }

  private double percentile(double p) {
    double[] sorted = samplesMs.clone();
    Arrays.sort(sorted);
    int rank = Math.max(1, (int) Math.ceil(p * sorted.length));
    return sorted[rank - 1];
  }
}
