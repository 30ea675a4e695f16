package dev.supportchat.store;

import dev.supportchat.error.AppException;
import dev.supportchat.worker.BatchingWorker;
import dev.supportchat.worker.WorkerHealth;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Group commit: writes submitted at the same time are applied by one writer thread in one
 * transaction, so a burst of N items costs one commit (one fsync) and, with set-wise SQL in the
 * {@link BatchWork}, a handful of statements instead of N times as many. {@link #submit} returns
 * only after that transaction has committed, so nothing is acknowledged before it is durable. If a
 * batch fails as a whole (the connection dropped, a constraint the work did not foresee), its items
 * are retried one transaction each, so one bad item never fails the others.
 */
public final class GroupCommitter<I, O> implements AutoCloseable {
  /**
   * What became of one item of a batch: its result, or the rule it broke (nothing of it was
   * written).
   */
  public record Outcome<O>(O result, AppException refusal) {
    public static <O> Outcome<O> done(O result) {
      return new Outcome<>(result, null);
    }

    public static <O> Outcome<O> refused(AppException reason) {
      return new Outcome<>(null, reason);
    }
  }

  /**
   * Applies a batch inside its transaction and returns one outcome per item, in the items' order.
   * The work may end the transaction itself with its last statements ({@code
   * Pipeline.sendWithCommit}); then it must run nothing on the connection after them, or that would
   * open a second transaction.
   */
  @FunctionalInterface
  public interface BatchWork<I, O> {
    List<Outcome<O>> apply(Connection c, List<I> items) throws SQLException;
  }

  private record Pending<I, O>(I item, CompletableFuture<O> result) {}

  private final Database db;
  private final BatchWork<I, O> work;
  private final BatchingWorker<Pending<I, O>> writer;

  public GroupCommitter(Database db, String name, int maxBatch, BatchWork<I, O> work) {
    this.db = db;
    this.work = work;
    // A batch that failed in a way commit() did not foresee (an Error) is answered with that
    // failure; the thread
    // carries on with the next batch.
    this.writer =
        new BatchingWorker<>(
            name,
            maxBatch,
            this::commit,
            (batch, failure) -> batch.forEach(p -> p.result().completeExceptionally(failure)));
  }

  /** Applies the item and waits for the commit; throws what applying it threw. */
  public O submit(I item) {
    return Futures.join(submitAsync(item));
  }

  /**
   * Queues the item and returns at once. The future completes, on the writer thread, once the
   * item's transaction has committed (or with what applying it threw): a caller that must not wait
   * chains its next step on another executor, so the writer thread only writes.
   */
  public CompletableFuture<O> submitAsync(I item) {
    CompletableFuture<O> result = new CompletableFuture<>();
    try {
      writer.submit(new Pending<>(item, result));
    } catch (RejectedExecutionException closed) {
      throw new IllegalStateException("writer closed", closed);
    }
    return result;
  }

  /** The writer thread, for {@code /health}. */
  public WorkerHealth health() {
    return writer;
  }

  private void commit(List<Pending<I, O>> batch) {
    List<Outcome<O>> outcomes;
    try {
      List<I> items = batch.stream().map(Pending::item).toList();
      outcomes = db.write(c -> work.apply(c, items));
    } catch (AppException unavailable) {
      // The database is unreachable: retrying item by item would only make every sender wait
      // longer.
      batch.forEach(p -> p.result().completeExceptionally(unavailable));
      return;
    } catch (RuntimeException batchFailed) {
      if (batch.size() == 1) {
        batch.get(0).result().completeExceptionally(batchFailed);
      } else {
        batch.forEach(this::commitAlone);
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      complete(batch.get(i), outcomes.get(i));
    }
  }

  private void commitAlone(Pending<I, O> p) {
    try {
      complete(p, db.write(c -> work.apply(c, List.of(p.item()))).get(0));
    } catch (RuntimeException e) {
      p.result().completeExceptionally(e);
    }
  }

  private void complete(Pending<I, O> p, Outcome<O> outcome) {
    if (outcome.refusal() != null) {
      p.result().completeExceptionally(outcome.refusal());
    } else {
      p.result().complete(outcome.result());
    }
  }

  /** Finishes what was submitted, then stops the writer. */
  @Override
  public void close() {
    writer.close(5_000);
  }
}
