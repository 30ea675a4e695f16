package dev.supportchat.team;

import dev.supportchat.json.IsoTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The team's JSON shapes (docs/API.md, "Team"). */
final class TeamJson {
  private TeamJson() {}

  static Map<String, Object> agent(Agent a, TeamSettings settings, long now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", a.id());
    m.put("fullName", a.fullName());
    m.put("email", a.email());
    m.put("role", a.role().wire());
    m.put("active", a.active());
    // The seed's flag: true for every active member, agents included, so seed clients keep working.
    m.put("isAdmin", a.active());
    m.put("availability", a.availability(now).wire());
    m.put("chosenAvailability", a.chosen().wire());
    m.put("capacity", a.capacityOr(settings.defaultCapacity()));
    m.put("ownCapacity", a.capacity());
    m.put("load", a.load());
    m.put("lastAssignedAt", iso(a.lastAssignedAt()));
    m.put("lastSeenAt", iso(a.seenAt()));
    m.put("createdAt", iso(a.createdAt()));
    return m;
  }

  static Map<String, Object> queue(JdbcAssignments.Queue q, long now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("length", q.length());
    m.put("oldestWaitMs", q.oldestSince() == null ? null : Math.max(0, now - q.oldestSince()));
    return m;
  }

  static Map<String, Object> settings(TeamSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("autoAssign", s.autoAssign());
    m.put("defaultCapacity", s.defaultCapacity());
    return m;
  }

  static Map<String, Object> invite(Invite i, long now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", i.id());
    m.put("email", i.email());
    m.put("role", i.role().wire());
    m.put("state", i.state(now).name().toLowerCase(java.util.Locale.ROOT));
    m.put("createdAt", iso(i.createdAt()));
    m.put("expiresAt", iso(i.expiresAt()));
    return m;
  }

  private static String iso(Long millis) {
    return millis == null ? null : IsoTime.of(millis);
  }
}
