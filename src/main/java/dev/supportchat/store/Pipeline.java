package dev.supportchat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Statements sent to the database together, for work where no statement needs the answer of one
 * before it. On PostgreSQL they travel in one round trip: pgjdbc sends a string of several
 * statements as one sequence of messages ended by a single Sync, the server runs them in order, and
 * the answers come back together. On SQLite, which has no round trips to save, each step runs on
 * its own, as {@link Sql} runs it. A step's result can be read once the pipeline was sent.
 */
public final class Pipeline {
  /**
   * Most statements in one round trip; a step with more goes on its own (a JDBC batch: one round
   * trip). pgjdbc prepares every statement of a string on the server under a name of its own, where
   * a batch shares one, so long strings fill the server's plan cache: group commits of 1 to 40
   * messages left 806 prepared statements (39 MB of plans) on the writer's backend with 32 here,
   * 134 (14 MB) with 8, 55 (12 MB) without pipelines. Small batches are where round trips count; a
   * batch of 50 spends its time in the server's index updates.
   */
  static final int MAX_STATEMENTS_IN_ONE_TRIP = 8;

  /** A step's answer, readable after {@link #send}. */
  public interface Result<T> {
    T get();
  }

  private abstract static class Step<T> implements Result<T> {
    final String sql;
    T result;

    Step(String sql) {
      this.sql = sql;
    }

    @Override
    public T get() {
      if (result == null) {
        throw new IllegalStateException("read before the pipeline was sent");
      }
      return result;
    }

    /** The parameters of each statement the step sends. */
    abstract List<Object[]> statements();

    /** Runs the step on its own, as {@link Sql} does. */
    abstract void runAlone(Connection c) throws SQLException;

    /** Reads this step's answers, the statement's current ones, and moves past them. */
    abstract void readFrom(PreparedStatement ps) throws SQLException;
  }

  private static final class Query<T> extends Step<List<T>> {
    private final RowMapper<T> mapper;
    private final Object[] params;

    Query(String sql, RowMapper<T> mapper, Object[] params) {
      super(sql);
      this.mapper = mapper;
      this.params = params;
    }

    @Override
    List<Object[]> statements() {
      return Collections.singletonList(params);
    }

    @Override
    void runAlone(Connection c) throws SQLException {
      result = Sql.list(c, sql, mapper, params);
    }

    @Override
    void readFrom(PreparedStatement ps) throws SQLException {
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.getResultSet()) {
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
      }
      ps.getMoreResults();
      result = rows;
    }
  }

  private static final class Batch extends Step<int[]> {
    private final List<Object[]> rows;

    Batch(String sql, List<Object[]> rows) {
      super(sql);
      this.rows = List.copyOf(rows);
      if (rows.isEmpty()) {
        result = new int[0]; // nothing to send
      }
    }

    @Override
    List<Object[]> statements() {
      return rows;
    }

    @Override
    void runAlone(Connection c) throws SQLException {
      result = Sql.batch(c, sql, rows);
    }

    @Override
    void readFrom(PreparedStatement ps) throws SQLException {
      int[] counts = new int[rows.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = ps.getUpdateCount();
        ps.getMoreResults();
      }
      result = counts;
    }
  }

  /**
   * The transaction's COMMIT, sent with the statements before it. pgjdbc learns from the server's
   * answer that the transaction ended, so the {@code commit()} its caller makes next sends nothing.
   */
  private static final class Commit extends Step<Boolean> {
    Commit() {
      super("COMMIT");
    }

    @Override
    List<Object[]> statements() {
      return Collections.singletonList(new Object[0]);
    }

    @Override
    void runAlone(Connection c) throws SQLException {
      c.commit();
      result = true;
    }

    @Override
    void readFrom(PreparedStatement ps) throws SQLException {
      ps.getMoreResults();
      result = true;
    }
  }

  private final Dialect dialect;
  private final List<Step<?>> steps = new ArrayList<>();

  public Pipeline(Dialect dialect) {
    this.dialect = dialect;
  }

  /** A query; its rows, mapped. */
  public <T> Result<List<T>> query(String sql, RowMapper<T> mapper, Object... params) {
    Query<T> q = new Query<>(sql, mapper, params);
    steps.add(q);
    return q;
  }

  /** The statement once per row of parameters (no row: nothing is sent); each row's count. */
  public Result<int[]> batch(String sql, List<Object[]> rows) {
    Batch b = new Batch(sql, rows);
    steps.add(b);
    return b;
  }

  /**
   * Sends the steps added since the last send and makes their results readable. On PostgreSQL,
   * consecutive steps travel together as long as they hold at most {@link
   * #MAX_STATEMENTS_IN_ONE_TRIP} statements; a longer step goes on its own.
   */
  public void send(Connection c) throws SQLException {
    List<Step<?>> together = new ArrayList<>();
    int statements = 0;
    for (Step<?> s : steps) {
      int n = s.statements().size();
      if (n == 0) {
        continue;
      }
      if (statements + n > MAX_STATEMENTS_IN_ONE_TRIP && !together.isEmpty()) {
        send(c, together);
        together.clear();
        statements = 0;
      }
      together.add(s);
      statements += n;
    }
    send(c, together);
    steps.clear();
  }

  /**
   * Sends the steps as the last statements of a write ({@link Database#write}): on PostgreSQL the
   * transaction's COMMIT travels with them, which saves the write its last round trip, the one that
   * waits for the disk; the commit that {@code write} makes next finds nothing left to do. Nothing
   * may run on the connection after this. If a statement fails, the ones after it and the COMMIT
   * are skipped and the transaction is rolled back, as when the commit goes alone. SQLite, with no
   * round trips to save, commits in {@code write} as always.
   */
  public void sendWithCommit(Connection c) throws SQLException {
    if (dialect == Dialect.POSTGRES) {
      steps.add(new Commit());
    }
    send(c);
  }

  private void send(Connection c, List<Step<?>> together) throws SQLException {
    if (dialect == Dialect.POSTGRES && together.size() > 1) {
      sendInOneTrip(c, together);
    } else {
      for (Step<?> s : together) {
        s.runAlone(c);
      }
    }
  }

  private static void sendInOneTrip(Connection c, List<Step<?>> sending) throws SQLException {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (Step<?> s : sending) {
      for (Object[] statement : s.statements()) {
        sql.append(sql.isEmpty() ? "" : ";\n").append(s.sql);
        Collections.addAll(params, statement);
      }
    }
    try (PreparedStatement ps = Sql.prepare(c, sql.toString(), params.toArray())) {
      ps.execute();
      for (Step<?> s : sending) {
        s.readFrom(ps);
      }
    }
  }
}
