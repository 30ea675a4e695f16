package dev.supportchat.team;

/**
 * A staff member as the team sees them.
 *
 * @param capacity their own limit of active chats, or null for the team's default
 * @param seenAt when a node last had a socket of theirs (epoch ms), or null
 * @param load their active (open or in-progress) chats now
 */
public record Agent(
    String id,
    String email,
    String fullName,
    Role role,
    boolean active,
    Availability chosen,
    Integer capacity,
    Long seenAt,
    Long lastAssignedAt,
    int load,
    long createdAt) {

  public boolean isActiveAdmin() {
    return active && role == Role.ADMIN;
  }

  /** Their availability now (offline while deactivated). */
  Availability availability(long now) {
    return active ? Availability.effective(chosen, seenAt, now) : Availability.OFFLINE;
  }

  /**
   * Since when they are offline, as far as anyone knows (the moment their last sighting went stale,
   * or was made stale by the node that saw their last socket go); null if never seen connected.
   */
  Long offlineSince() {
    return seenAt == null ? null : seenAt + Availability.STALE_MS + 1;
  }

  int capacityOr(int teamDefault) {
    return capacity == null ? teamDefault : capacity;
  }
}
