package dev.supportchat.outbox;

import dev.supportchat.store.Database;
import dev.supportchat.store.Dialect;
import dev.supportchat.store.Ids;
import dev.supportchat.store.Pipeline;
import dev.supportchat.store.RowMapper;
import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox table: items are added inside the caller's transaction ({@link #add}), so they exist
 * exactly when the change that caused them committed; senders take due items under a lease, deliver
 * them, and record the result only if they still hold the lease.
 */
public final class Outbox {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Outbox.class);

  /** One item to deliver. {@code id} is its idempotency key. */
  public record Item(
      String id,
      String kind,
      String target,
      String payload,
      int attempts,
      Instant createdAt,
      String leaseToken) {}

  /**
   * An item to add. {@code openKey}, if not null, allows one unfinished item per key: adding a
   * second while the first is pending adds nothing.
   */
  public record NewItem(
      String kind, String openKey, String target, String payload, Instant dueAt) {}

  /** One row as the dashboard lists it. */
  public record Row(
      String id,
      String kind,
      String target,
      String payload,
      String state,
      int attempts,
      Integer lastStatus,
      String lastError,
      Instant createdAt,
      Instant dueAt,
      Instant finishedAt) {}

  private static final RowMapper<Item> ITEM =
      rs ->
          new Item(
              rs.getString("id"),
              rs.getString("kind"),
              rs.getString("target"),
              rs.getString("payload"),
              rs.getInt("attempts"),
              Instant.ofEpochMilli(rs.getLong("created_at")),
              rs.getString("lease_token"));

  static final RowMapper<Row> ROW =
      rs -> {
        long finished = rs.getLong("finished_at");
        boolean unfinished = rs.wasNull();
        int status = rs.getInt("last_status");
        boolean noStatus = rs.wasNull();
        return new Row(
            rs.getString("id"),
            rs.getString("kind"),
            rs.getString("target"),
            rs.getString("payload"),
            rs.getString("state"),
            rs.getInt("attempts"),
            noStatus ? null : status,
            rs.getString("last_error"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("due_at")),
            unfinished ? null : Instant.ofEpochMilli(finished));
      };

  private static final String ROW_COLUMNS =
      "id, kind, target, payload, state, attempts, last_status, last_error, created_at, due_at,"
          + " finished_at";

  /** Longest error text kept per item (a receiver's whole HTML error page is not). */
  static final int MAX_ERROR_CHARS = 500;

  private final Database db;

  public Outbox(Database db) {
    this.db = db;
  }

  public Database database() {
    return db;
  }

  /**
   * Adds an item in the caller's transaction; returns its id, or empty when an unfinished item with
   * the same open key exists.
   */
  public static Optional<String> add(Connection c, NewItem item, Instant now) throws SQLException {
    Object[] row = row(item, now);
    int inserted = Sql.update(c, INSERT, row);
    return inserted == 0 ? Optional.empty() : Optional.of((String) row[0]);
  }

  /**
   * Queues several items on the caller's pipeline as one batch, so they travel with its other
   * statements (where one each made a batch of messages wait once per webhook event).
   */
  public static void addAll(Pipeline writes, List<NewItem> items, Instant now) {
    writes.batch(INSERT, rows(items, now));
  }

  /** Adds several items in the caller's transaction as one JDBC batch. */
  public static void addAll(Connection c, List<NewItem> items, Instant now) throws SQLException {
    Sql.batch(c, INSERT, rows(items, now));
  }

  private static List<Object[]> rows(List<NewItem> items, Instant now) {
    List<Object[]> rows = new ArrayList<>(items.size());
    for (NewItem item : items) {
      rows.add(row(item, now));
    }
    return rows;
  }

  private static final String INSERT =
      "INSERT INTO outbox (id, kind, open_key, target, payload, state, due_at, created_at)"
          + " VALUES (?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (open_key) DO NOTHING";

  private static Object[] row(NewItem item, Instant now) {
    return new Object[] {
      Ids.newId(now.toEpochMilli()),
      item.kind(),
      item.openKey(),
      item.target(),
      item.payload(),
      item.dueAt().toEpochMilli(),
      now.toEpochMilli()
    };
  }

  /** Adds an item in a transaction of its own. */
  public Optional<String> add(NewItem item, Instant now) {
    return db.write(c -> add(c, item, now));
  }

  /**
   * What became of one attempt, as the table records it: {@code state} null keeps the item pending
   * until {@code dueAt}; otherwise it is finished. {@code andThen} runs in the same transaction.
   */
  record Outcome(
      String state,
      Instant dueAt,
      boolean countAttempt,
      Integer status,
      String error,
      Instant at,
      AlsoInTransaction andThen) {}

  /**
   * Takes the next due item no other sender holds, hands it to {@code work} and records what it
   * returns; false when nothing is due.
   *
   * <p>On PostgreSQL the item's row stays locked ({@code FOR UPDATE SKIP LOCKED}) while {@code
   * work} delivers it: other nodes skip it, and a node that dies mid-delivery releases it with its
   * connection, so another node takes it at once. On SQLite (one node) the transaction would hold
   * the only write lock for the whole delivery, so the item is taken under a lease in one
   * transaction and recorded in another; {@link #releaseLeases} at start-up gives back what a
   * killed process held.
   */
  boolean processOne(Instant now, Duration lease, java.util.function.Function<Item, Outcome> work) {
    long t = now.toEpochMilli();
    if (db.dialect() == Dialect.POSTGRES) {
      return db.write(
          c -> {
            Optional<Item> item =
                Sql.one(
                    c,
                    "SELECT id, kind, target, payload, attempts, created_at, lease_token FROM outbox"
                        + " WHERE state = 'pending' AND due_at <= ? ORDER BY due_at LIMIT 1"
                        + " FOR UPDATE SKIP LOCKED",
                    ITEM,
                    t);
            if (item.isEmpty()) {
              return false;
            }
            record(c, item.get(), work.apply(item.get()));
            return true;
          });
    }
    String token = UUID.randomUUID().toString();
    Optional<Item> item =
        db.write(
            c -> {
              Optional<String> id =
                  Sql.one(
                      c,
                      "SELECT id FROM outbox WHERE state = 'pending' AND due_at <= ?"
                          + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY due_at LIMIT 1",
                      rs -> rs.getString(1),
                      t,
                      t);
              if (id.isEmpty()) {
                return Optional.empty();
              }
              Sql.update(
                  c,
                  "UPDATE outbox SET lease_token = ?, lease_until = ? WHERE id = ?",
                  token,
                  t + lease.toMillis(),
                  id.get());
              return Sql.one(
                  c,
                  "SELECT id, kind, target, payload, attempts, created_at, lease_token FROM outbox"
                      + " WHERE id = ?",
                  ITEM,
                  id.get());
            });
    if (item.isEmpty()) {
      return false;
    }
    Outcome outcome = work.apply(item.get());
    try {
      db.write(
          c -> {
            record(c, item.get(), outcome);
            return null;
          });
    } catch (LeaseLost lost) {
      log.warn("{} (its delivery took longer than the lease)", lost.getMessage());
    }
    return true;
  }

  /**
   * Records an outcome if this sender still holds the item (its lease token; none on PostgreSQL,
   * where the row lock is the hold).
   */
  private static void record(Connection c, Item item, Outcome o) throws SQLException {
    if (o.andThen() != null) {
      o.andThen().before(c);
    }
    String held = item.leaseToken() == null ? " AND lease_token IS NULL" : " AND lease_token = ?";
    Object[] heldParam =
        item.leaseToken() == null ? new Object[0] : new Object[] {item.leaseToken()};
    int updated;
    if (o.state() == null) {
      updated =
          Sql.update(
              c,
              "UPDATE outbox SET due_at = ?, attempts = attempts + ?, last_status = ?,"
                  + " last_error = ?, lease_token = NULL, lease_until = NULL WHERE id = ?"
                  + held,
              concat(
                  new Object[] {
                    o.dueAt().toEpochMilli(),
                    o.countAttempt() ? 1 : 0,
                    o.status(),
                    clip(o.error()),
                    item.id()
                  },
                  heldParam));
    } else {
      updated =
          Sql.update(
              c,
              "UPDATE outbox SET state = ?, attempts = attempts + ?, last_status = ?,"
                  + " last_error = ?, finished_at = ?, open_key = NULL, lease_token = NULL,"
                  + " lease_until = NULL WHERE id = ?"
                  + held,
              concat(
                  new Object[] {
                    o.state(),
                    o.countAttempt() ? 1 : 0,
                    o.status(),
                    clip(o.error()),
                    o.at().toEpochMilli(),
                    item.id()
                  },
                  heldParam));
    }
    if (updated == 0) {
      // Another sender took it (a lease that ran out): roll back what this one would record.
      throw new LeaseLost(item.id());
    }
    if (o.andThen() != null) {
      o.andThen().after(c);
    }
  }

  /** An item's outcome could not be recorded because this sender no longer held it. */
  static final class LeaseLost extends RuntimeException {
    LeaseLost(String id) {
      super("outbox item " + id + " was taken by another sender", null, false, false);
    }
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /**
   * Gives back every lease: called at start-up on SQLite, where this process is the only sender, so
   * any lease left is one a killed process held.
   */
  public void releaseLeases() {
    if (db.dialect() == Dialect.SQLITE) {
      db.write(
          c ->
              Sql.update(
                  c,
                  "UPDATE outbox SET lease_token = NULL, lease_until = NULL"
                      + " WHERE state = 'pending' AND lease_token IS NOT NULL"));
    }
  }

  /**
   * Work recorded with an item's outcome, in two steps around the update of the item's row: {@code
   * before} takes the row locks other writers take before they add outbox rows (a chat's row), so
   * the two cannot deadlock; {@code after} may add items with the open key this one just released.
   */
  public interface AlsoInTransaction {
    default void before(Connection c) throws SQLException {}

    default void after(Connection c) throws SQLException {}
  }

  /** The newest items of one target (a webhook endpoint), newest first. */
  public List<Row> recent(String target, int limit) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT "
                    + ROW_COLUMNS
                    + " FROM outbox WHERE target = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                ROW,
                target,
                limit));
  }

  public Optional<Row> find(String id) {
    return db.read(c -> Sql.one(c, "SELECT " + ROW_COLUMNS + " FROM outbox WHERE id = ?", ROW, id));
  }

  /** Every item of a kind, oldest first (tests and operators' checks). */
  public List<Row> ofKind(String kind) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT " + ROW_COLUMNS + " FROM outbox WHERE kind = ? ORDER BY created_at, id",
                ROW,
                kind));
  }

  private static String clip(String error) {
    return error == null || error.length() <= MAX_ERROR_CHARS
        ? error
        : error.substring(0, MAX_ERROR_CHARS);
  }
}
