package dev.supportchat.chat;

import dev.supportchat.store.Ids;
import dev.supportchat.store.Pipeline;
import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of {@code chat_events} (V17): written by each change in its own transaction, read by the
 * staff's timeline. Other features that change a chat's agent (the assignment pass) write through
 * here too, so the history has one shape whoever made the change.
 */
public final class ChatTimeline {
  /** The newest events a timeline shows; a chat with more shows its latest. */
  public static final int MAX_EVENTS = 500;

  private ChatTimeline() {}

  /** A status change by {@code actorId} (null: the server). */
  public static void statusChanged(
      Connection c, String chatId, String actorId, ChatStatus from, ChatStatus to, long at)
      throws SQLException {
    insert(c, chatId, ChatEvent.Kind.STATUS, actorId, from.name(), to.name(), at);
  }

  /** The chat went from one agent (or none) to another (or none: back to the queue). */
  public static void assigned(
      Connection c, String chatId, String actorId, String fromAgent, String toAgent, long at)
      throws SQLException {
    insert(c, chatId, ChatEvent.Kind.ASSIGNED, actorId, fromAgent, toAgent, at);
  }

  /** The same, queued on the message writer's pipeline (sent with its other writes). */
  static void statusChanged(
      Pipeline p, String chatId, String actorId, ChatStatus from, ChatStatus to, long at) {
    p.batch(
        INSERT,
        List.<Object[]>of(row(chatId, ChatEvent.Kind.STATUS, actorId, from.name(), to.name(), at)));
  }

  private static final String INSERT =
      "INSERT INTO chat_events (id, chat_id, kind, actor_id, previous, value, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";

  private static void insert(
      Connection c,
      String chatId,
      ChatEvent.Kind kind,
      String actorId,
      String previous,
      String value,
      long at)
      throws SQLException {
    Sql.update(c, INSERT, row(chatId, kind, actorId, previous, value, at));
  }

  private static Object[] row(
      String chatId, ChatEvent.Kind kind, String actorId, String previous, String value, long at) {
    return new Object[] {Ids.newId(at), chatId, kind.wire(), actorId, previous, value, at};
  }

  /** The chat's events, oldest first (at most the newest {@link #MAX_EVENTS}). */
  static List<ChatEvent> of(Connection c, String chatId) throws SQLException {
    List<ChatEvent> newestFirst =
        Sql.list(
            c,
            "SELECT e.id, e.chat_id, e.kind, e.previous, e.value, e.created_at,"
                + " a.id AS a_id, a.full_name AS a_name, a.email AS a_email, a.is_admin AS a_admin,"
                + " p.id AS p_id, p.full_name AS p_name, p.email AS p_email,"
                + " v.id AS v_id, v.full_name AS v_name, v.email AS v_email"
                + " FROM chat_events e"
                + " LEFT JOIN users a ON a.id = e.actor_id"
                + " LEFT JOIN users p ON e.kind = 'assigned' AND p.id = e.previous"
                + " LEFT JOIN users v ON e.kind = 'assigned' AND v.id = e.value"
                + " WHERE e.chat_id = ? ORDER BY e.created_at DESC, e.id DESC LIMIT ?",
            ChatTimeline::event,
            chatId,
            MAX_EVENTS);
    List<ChatEvent> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  private static ChatEvent event(ResultSet rs) throws SQLException {
    boolean status = ChatEvent.Kind.STATUS.wire().equals(rs.getString("kind"));
    return new ChatEvent(
        rs.getString("id"),
        rs.getString("chat_id"),
        status ? ChatEvent.Kind.STATUS : ChatEvent.Kind.ASSIGNED,
        user(rs, "a", rs.getBoolean("a_admin")),
        status ? ChatStatus.valueOf(rs.getString("previous")) : null,
        status ? ChatStatus.valueOf(rs.getString("value")) : null,
        status ? null : user(rs, "p", true),
        status ? null : user(rs, "v", true),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  private static UserRef user(ResultSet rs, String prefix, boolean staff) throws SQLException {
    String id = rs.getString(prefix + "_id");
    return id == null
        ? null
        : new UserRef(id, rs.getString(prefix + "_name"), rs.getString(prefix + "_email"), staff);
  }
}
