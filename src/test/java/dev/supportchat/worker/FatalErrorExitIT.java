package dev.supportchat.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real OutOfMemoryError, in a JVM of its own with a small heap: on a worker thread of ours and on
 * a thread that is not, the process ends with status 3 instead of running on with a dead thread.
 */
class FatalErrorExitIT {

  @Test
  void anOutOfMemoryErrorOnAWorkerEndsTheProcess() throws Exception {
    Result r = run(OnAWorker.class);
    assertThat(r.status).as(r.output).isEqualTo(Fatal.EXIT_STATUS);
    assertThat(r.output).contains("fatal java.lang.OutOfMemoryError on thread oom-worker");
  }

  @Test
  void anOutOfMemoryErrorOnAnyOtherThreadEndsTheProcess() throws Exception {
    Result r = run(OnAPlainThread.class);
    assertThat(r.status).as(r.output).isEqualTo(Fatal.EXIT_STATUS);
    assertThat(r.output).contains("fatal java.lang.OutOfMemoryError on thread plain-thread");
  }

  private record Result(int status, String output) {}

  private static Result run(Class<?> main) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java, "-Xmx32m", "-cp", System.getProperty("java.class.path"), main.getName())
            .redirectErrorStream(true)
            .start();
    boolean ended = p.waitFor(30, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ended).as("the process ended by itself: " + output).isTrue();
    return new Result(p.exitValue(), output);
  }

  /**
   * Fills the heap from a BatchingWorker's handler, then would idle for a minute if still alive.
   */
  public static final class OnAWorker {
    public static void main(String[] args) throws Exception {
      BatchingWorker<Integer> worker =
          new BatchingWorker<>("oom-worker", 1, batch -> fillTheHeap(), (batch, failure) -> {});
      worker.submit(1);
      Thread.sleep(60_000);
      System.exit(0);
    }
  }

  /**
   * Fills the heap from a thread we did not build on BatchingWorker (as Jetty's or the JDK's would
   * be).
   */
  public static final class OnAPlainThread {
    public static void main(String[] args) throws Exception {
      Fatal.installUncaughtHandler();
      Thread t = new Thread(FatalErrorExitIT::fillTheHeap, "plain-thread");
      t.start();
      Thread.sleep(60_000);
      System.exit(0);
    }
  }

  static void fillTheHeap() {
    List<long[]> hoard = new ArrayList<>();
    while (true) {
      hoard.add(new long[1 << 20]);
    }
  }
}
