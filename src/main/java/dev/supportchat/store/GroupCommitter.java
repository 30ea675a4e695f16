package dev.supportchat.store;

import dev.supportchat.error.AppException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: writes submitted at the same time are applied by one writer thread in one transaction, so a burst
 * of N messages costs one commit (one fsync) instead of N. {@link #submit} returns only after that transaction has
 * committed, so nothing is acknowledged before it is durable. If a batch fails as a whole (one item broke a unique
 * index, the connection dropped), its items are retried one transaction each, so one bad item never fails others.
 */
public final class GroupCommitter<I, O> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

  /** The work for one item, run inside the batch's transaction. */
  @FunctionalInterface
  public interface ItemWork<I, O> {
    O apply(Connection c, I item) throws SQLException;
  }

  /** Work for the whole batch after its items, in the same transaction, given the items that were applied. */
  @FunctionalInterface
  public interface BatchEnd<I> {
    void apply(Connection c, List<I> applied) throws SQLException;
  }

  private record Pending<I, O>(I item, CompletableFuture<O> result) {}

  /** An item's own failure inside a batch (a rule it broke before writing anything), kept apart from the batch. */
  private record Refused(AppException reason) {}

  private final Database db;
  private final ItemWork<I, O> work;
  private final Comparator<I> order;
  private final BatchEnd<I> end;
  private final int maxBatch;
  private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  public GroupCommitter(Database db, String name, int maxBatch, ItemWork<I, O> work) {
    this(db, name, maxBatch, (a, b) -> 0, work, (c, applied) -> {});
  }

  /**
   * @param order the order items are applied in within a batch (stable: equal items keep their submission order).
   *     Writers on several nodes that lock rows in one global order cannot deadlock each other.
   * @param end work after the items, such as counters aggregated over the batch
   */
  public GroupCommitter(Database db, String name, int maxBatch, Comparator<I> order, ItemWork<I, O> work,
      BatchEnd<I> end) {
    this.db = db;
    this.work = work;
    this.order = order;
    this.end = end;
    this.maxBatch = maxBatch;
    this.writer = new Thread(this::run, name);
    writer.setDaemon(true);
    writer.start();
  }

  /** Applies the item and waits for the commit; throws what applying it threw. */
  public O submit(I item) {
    if (closed) {
      throw new IllegalStateException("writer closed");
    }
    CompletableFuture<O> result = new CompletableFuture<>();
    queue.add(new Pending<>(item, result));
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private void run() {
    List<Pending<I, O>> batch = new ArrayList<>(maxBatch);
    while (!closed || !queue.isEmpty()) {
      try {
        Pending<I, O> first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        batch.sort((x, y) -> order.compare(x.item(), y.item()));
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("Group commit writer failed; completing its batch with the error", e);
        batch.forEach(p -> p.result().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Pending<I, O>> batch) {
    List<Object> outcomes;
    try {
      outcomes = db.write(c -> {
        List<Object> out = new ArrayList<>(batch.size());
        List<I> applied = new ArrayList<>(batch.size());
        for (Pending<I, O> p : batch) {
          try {
            out.add(work.apply(c, p.item()));
            applied.add(p.item());
          } catch (AppException refused) {
            out.add(new Refused(refused));
          }
        }
        end.apply(c, applied);
        return out;
      });
    } catch (AppException unavailable) {
      // The database is unreachable: retrying item by item would only make every sender wait longer.
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
      p.result().complete(db.write(c -> {
        O result = work.apply(c, p.item());
        end.apply(c, List.of(p.item()));
        return result;
      }));
    } catch (RuntimeException e) {
      p.result().completeExceptionally(e);
    }
  }

  @SuppressWarnings("unchecked")
  private void complete(Pending<I, O> p, Object outcome) {
    if (outcome instanceof Refused r) {
      p.result().completeExceptionally(r.reason());
    } else {
      p.result().complete((O) outcome);
    }
  }

  /** Finishes what was submitted, then stops the writer. */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
