package dev.supportchat.team;

import dev.supportchat.error.AppException;
import dev.supportchat.store.Database;
import dev.supportchat.store.RowMapper;
import dev.supportchat.store.Sql;
import dev.supportchat.user.JdbcUserRepository;
import dev.supportchat.user.User;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The team's rows (staff, their state, invites, settings) in SQL for SQLite and PostgreSQL. */
final class JdbcTeamRepository {
  private static final String AGENT_SELECT =
      "SELECT u.id, u.email, u.full_name, u.role, u.is_admin, u.deactivated_at, u.created_at,"
          + " s.availability, s.capacity, s.seen_at, s.last_assigned_at"
          + " FROM users u LEFT JOIN agent_state s ON s.user_id = u.id";

  /** Staff: active ones are admins in the seed's sense, deactivated ones keep their role. */
  private static final String STAFF = " (u.is_admin = TRUE OR u.deactivated_at IS NOT NULL)";

  private static final String INVITE_COLUMNS =
      "id, email, role, token_hash, invited_by, created_at, expires_at, accepted_at, revoked_at";

  private static final RowMapper<Invite> INVITE =
      rs ->
          new Invite(
              rs.getString("id"),
              rs.getString("email"),
              Role.fromStored(rs.getString("role")),
              rs.getString("token_hash"),
              rs.getString("invited_by"),
              rs.getLong("created_at"),
              rs.getLong("expires_at"),
              Sql.nullableLong(rs, "accepted_at"),
              Sql.nullableLong(rs, "revoked_at"));

  private final Database db;

  private volatile InviteMail inviteMail = InviteMail.NONE;

  void mailInvitesWith(InviteMail mail) {
    this.inviteMail = mail;
  }

  JdbcTeamRepository(Database db) {
    this.db = db;
  }

  private static RowMapper<Agent> agentMapper(Map<String, Integer> loads) {
    return rs -> {
      String id = rs.getString("id");
      return new Agent(
          id,
          rs.getString("email"),
          rs.getString("full_name"),
          Role.fromStored(rs.getString("role")),
          Sql.nullableLong(rs, "deactivated_at") == null,
          Availability.fromStored(rs.getString("availability")),
          (Integer) nullableInt(rs.getObject("capacity")),
          Sql.nullableLong(rs, "seen_at"),
          Sql.nullableLong(rs, "last_assigned_at"),
          loads.getOrDefault(id, 0),
          rs.getLong("created_at"));
    };
  }

  private static Integer nullableInt(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  /** Active chats per agent (open or in-progress, assigned). */
  static Map<String, Integer> loads(Connection c) throws SQLException {
    Map<String, Integer> loads = new HashMap<>();
    for (Object[] row :
        Sql.list(
            c,
            "SELECT admin_id, COUNT(*) FROM chats WHERE status IN ('OPEN', 'IN_PROGRESS')"
                + " AND admin_id IS NOT NULL GROUP BY admin_id",
            rs -> new Object[] {rs.getString(1), rs.getInt(2)})) {
      loads.put((String) row[0], (Integer) row[1]);
    }
    return loads;
  }

  static List<Agent> team(Connection c) throws SQLException {
    return Sql.list(
        c, AGENT_SELECT + " WHERE" + STAFF + " ORDER BY u.full_name, u.id", agentMapper(loads(c)));
  }

  List<Agent> team() {
    return db.read(JdbcTeamRepository::team);
  }

  Optional<Agent> agent(String id) {
    return db.read(
        c -> Sql.one(c, AGENT_SELECT + " WHERE u.id = ? AND" + STAFF, agentMapper(loads(c)), id));
  }

  /**
   * Applies a change to one staff member after {@code check} approved it against the whole team,
   * read under the team lock in the same transaction.
   */
  Agent change(String targetId, TeamRules.Change change, CheckAgainstTeam check, long now) {
    return db.write(
        c -> {
          RowLocks.lock(c, RowLocks.TEAM);
          List<Agent> team = team(c);
          Agent target =
              team.stream()
                  .filter(a -> a.id().equals(targetId))
                  .findFirst()
                  .orElseThrow(() -> AppException.notFound("No such member of the team."));
          check.check(team, target);
          Role role = change.role() == null ? target.role() : change.role();
          boolean active = change.active() == null ? target.active() : change.active();
          Sql.update(
              c,
              "UPDATE users SET role = ?, is_admin = ?, updated_at = ?,"
                  + " deactivated_at = CASE WHEN ? THEN NULL ELSE COALESCE(deactivated_at, ?) END"
                  + " WHERE id = ?",
              role.wire(),
              active,
              now,
              active,
              now,
              targetId);
          return Sql.one(c, AGENT_SELECT + " WHERE u.id = ?", agentMapper(loads(c)), targetId)
              .orElseThrow();
        });
  }

  /** The rule a change must pass, given the team and the member it is about. */
  interface CheckAgainstTeam {
    void check(List<Agent> team, Agent target);
  }

  private static void ensureState(Connection c, String userId) throws SQLException {
    Sql.update(
        c, "INSERT INTO agent_state (user_id) VALUES (?) ON CONFLICT (user_id) DO NOTHING", userId);
  }

  /** Writes an agent's own capacity (null: the team's default), in the caller's transaction. */
  static int setCapacity(Connection c, String userId, Integer capacity) throws SQLException {
    ensureState(c, userId);
    return Sql.update(c, "UPDATE agent_state SET capacity = ? WHERE user_id = ?", capacity, userId);
  }

  /** Writes an agent's online/away choice, in the caller's transaction. */
  static int setAvailability(Connection c, String userId, Availability chosen) throws SQLException {
    ensureState(c, userId);
    return Sql.update(
        c, "UPDATE agent_state SET availability = ? WHERE user_id = ?", chosen.wire(), userId);
  }

  /** This node has sockets of these staff members now. */
  void seen(Collection<String> userIds, long now) {
    if (userIds.isEmpty()) {
      return;
    }
    db.write(c -> seen(c, userIds, now));
  }

  /**
   * Writes sightings in the caller's transaction, under the assignment lock: passes that follow a
   * sighting in the same transaction lock an agent's row before the others, so writers of several
   * agents' rows take that lock first to keep one order.
   */
  static int seen(Connection c, Collection<String> userIds, long now) throws SQLException {
    RowLocks.lock(c, RowLocks.ASSIGNMENT);
    List<Object[]> rows = new ArrayList<>();
    // In id order, as assignment passes lock agent rows: no deadlock between the two.
    userIds.stream().sorted().forEach(id -> rows.add(new Object[] {id, now}));
    Sql.batch(
        c,
        "INSERT INTO agent_state (user_id, seen_at) VALUES (?, ?)"
            + " ON CONFLICT (user_id) DO UPDATE SET seen_at = excluded.seen_at",
        rows);
    return rows.size();
  }

  /**
   * No node has a socket of this agent any more: offline from now on, not only once the last
   * sighting goes stale. (A node that still has one clears it again at its next heartbeat.)
   */
  void wentOffline(String userId, long now) {
    // Their last sighting made stale now: offline from this moment (Agent.offlineSince).
    long stale = now - Availability.STALE_MS - 1;
    db.write(
        c ->
            Sql.update(
                c,
                "UPDATE agent_state SET seen_at = ? WHERE user_id = ? AND seen_at > ?",
                stale,
                userId,
                stale));
  }

  void insertInvite(Invite i, String path) {
    db.write(
        c -> {
          RowLocks.lock(c, RowLocks.TEAM);
          long pending =
              Sql.count(
                  c,
                  "SELECT COUNT(*) FROM invites WHERE accepted_at IS NULL AND revoked_at IS NULL"
                      + " AND expires_at > ?",
                  i.createdAt());
          if (pending >= TeamRules.MAX_PENDING_INVITES) {
            throw AppException.conflict(
                "There are already "
                    + TeamRules.MAX_PENDING_INVITES
                    + " open invites; withdraw some first.");
          }
          Sql.update(
              c,
              "INSERT INTO invites (" + INVITE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              i.id(),
              i.email(),
              i.role().wire(),
              i.tokenHash(),
              i.invitedBy(),
              i.createdAt(),
              i.expiresAt(),
              i.acceptedAt(),
              i.revokedAt());
          inviteMail.queue(c, i, path);
          return null;
        });
  }

  /** The newest invites (pending, used, withdrawn, expired), for the Team page. */
  List<Invite> invites(int limit) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT " + INVITE_COLUMNS + " FROM invites ORDER BY created_at DESC, id LIMIT ?",
                INVITE,
                limit));
  }

  Optional<Invite> inviteByHash(String tokenHash) {
    return db.read(c -> inviteByHash(c, tokenHash));
  }

  private static Optional<Invite> inviteByHash(Connection c, String tokenHash) throws SQLException {
    return Sql.one(
        c, "SELECT " + INVITE_COLUMNS + " FROM invites WHERE token_hash = ?", INVITE, tokenHash);
  }

  boolean revokeInvite(String id, long now) {
    return db.write(
            c ->
                Sql.update(
                    c,
                    "UPDATE invites SET revoked_at = ? WHERE id = ? AND accepted_at IS NULL"
                        + " AND revoked_at IS NULL",
                    now,
                    id))
        == 1;
  }

  /**
   * Spends the invite and creates its account in one transaction: of two tabs accepting the same
   * link at once, exactly one gets an account. Empty if the invite was no longer pending.
   */
  Optional<User> accept(String tokenHash, Function<Invite, User> account, long now) {
    return db.write(
        c -> {
          Optional<Invite> invite = inviteByHash(c, tokenHash);
          if (invite.isEmpty()) {
            return Optional.empty();
          }
          User user = account.apply(invite.get());
          int spent =
              Sql.update(
                  c,
                  "UPDATE invites SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL"
                      + " AND revoked_at IS NULL AND expires_at > ?",
                  now,
                  invite.get().id(),
                  now);
          if (spent != 1) {
            return Optional.empty();
          }
          JdbcUserRepository.insert(c, db, user);
          Sql.update(
              c, "UPDATE users SET role = ? WHERE id = ?", invite.get().role().wire(), user.id());
          Sql.update(
              c, "UPDATE invites SET accepted_by = ? WHERE id = ?", user.id(), invite.get().id());
          ensureState(c, user.id());
          return Optional.of(user);
        });
  }

  Map<String, String> settings() {
    return db.read(JdbcTeamRepository::settings);
  }

  static Map<String, String> settings(Connection c) throws SQLException {
    Map<String, String> out = new HashMap<>();
    for (String[] row :
        Sql.list(
            c,
            "SELECT name, value FROM team_settings",
            rs -> new String[] {rs.getString(1), rs.getString(2)})) {
      out.put(row[0], row[1]);
    }
    return out;
  }

  void putSettings(Map<String, String> values, long now) {
    List<Object[]> rows = new ArrayList<>();
    values.forEach((k, v) -> rows.add(new Object[] {k, v, now}));
    db.write(
        c ->
            Sql.batch(
                c,
                "INSERT INTO team_settings (name, value, updated_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET value = excluded.value,"
                    + " updated_at = excluded.updated_at",
                rows));
  }
}
