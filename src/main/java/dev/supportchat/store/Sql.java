package dev.supportchat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small helpers that run one parameterised statement, so repositories show only their SQL and their
 * mappers.
 */
public final class Sql {
  private Sql() {}

  public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    return run(
        c,
        sql,
        ps -> {
          bind(ps, params);
          try (ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
              rows.add(mapper.map(rs));
            }
            return rows;
          }
        });
  }

  public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    return run(
        c,
        sql,
        ps -> {
          bind(ps, params);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
          }
        });
  }

  public static long count(Connection c, String sql, Object... params) throws SQLException {
    return one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
  }

  public static int update(Connection c, String sql, Object... params) throws SQLException {
    return run(
        c,
        sql,
        ps -> {
          bind(ps, params);
          return ps.executeUpdate();
        });
  }

  /**
   * Runs one statement for each row of parameters as a JDBC batch (prepared once; on PostgreSQL
   * sent in one round trip) and returns each row's update count.
   */
  public static int[] batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    return run(
        c,
        sql,
        ps -> {
          for (Object[] row : rows) {
            bind(ps, row);
            ps.addBatch();
          }
          return ps.executeBatch();
        });
  }

  private interface StatementWork<T> {
    T run(PreparedStatement ps) throws SQLException;
  }

  /**
   * Runs {@code work} on a statement for {@code sql}: on SQLite one compiled before if the
   * connection has it ({@link SqliteStatements}), otherwise a new one, closed afterwards.
   */
  private static <T> T run(Connection c, String sql, StatementWork<T> work) throws SQLException {
    PreparedStatement cached = SqliteStatements.take(c, sql);
    if (cached == null) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        return work.run(ps);
      }
    }
    boolean failed = true;
    try {
      T result = work.run(cached);
      failed = false;
      return result;
    } finally {
      SqliteStatements.giveBack(c, sql, cached, failed);
    }
  }

  public static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      bind(ps, params);
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  public static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Boolean b) {
        ps.setBoolean(i + 1, b);
      } else if (p instanceof Enum<?> e) {
        ps.setString(i + 1, e.name());
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  /** Reads a nullable BIGINT column. */
  public static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
