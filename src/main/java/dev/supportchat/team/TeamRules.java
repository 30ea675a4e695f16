package dev.supportchat.team;

import dev.supportchat.error.AppException;
import java.time.Duration;
import java.util.List;

/** The team's rules as pure decisions: who may change whom, how far, and when an invite counts. */
public final class TeamRules {
  /** How long an invite link works unless configured otherwise. */
  public static final Duration DEFAULT_INVITE_TTL = Duration.ofDays(7);

  /** Most active chats one agent may be given; a larger number is a typo, not a policy. */
  public static final int MAX_CAPACITY = 100;

  /** Invites waiting to be accepted at once: enough for any team, not for filling the database. */
  public static final int MAX_PENDING_INVITES = 200;

  private TeamRules() {}

  /** A change to one staff member: a new role and/or active state (null keeps it). */
  public record Change(Role role, Boolean active) {}

  /**
   * Checks a change the caller asks for against the whole team as it is now (read under the team
   * lock, so two admins demoting each other at once cannot both succeed).
   */
  public static void check(List<Agent> team, String callerId, Agent target, Change change) {
    boolean staysActive = change.active() == null ? target.active() : change.active();
    Role role = change.role() == null ? target.role() : change.role();
    if (target.id().equals(callerId) && !staysActive) {
      throw AppException.conflict("You cannot deactivate yourself; ask another admin.");
    }
    boolean wasAdmin = target.isActiveAdmin();
    boolean staysAdmin = staysActive && role == Role.ADMIN;
    if (wasAdmin && !staysAdmin) {
      long otherAdmins =
          team.stream().filter(a -> a.isActiveAdmin() && !a.id().equals(target.id())).count();
      if (otherAdmins == 0) {
        throw AppException.conflict(
            "This is the last active admin: make someone else an admin first.");
      }
    }
  }

  /** Where an invite stands at {@code now}. */
  public enum InviteState {
    PENDING,
    ACCEPTED,
    REVOKED,
    EXPIRED
  }

  public static InviteState state(Long acceptedAt, Long revokedAt, long expiresAt, long now) {
    if (acceptedAt != null) {
      return InviteState.ACCEPTED;
    }
    if (revokedAt != null) {
      return InviteState.REVOKED;
    }
    return now >= expiresAt ? InviteState.EXPIRED : InviteState.PENDING;
  }

  /** Why an invite link no longer works, as the invitee reads it. */
  public static String refusal(InviteState state) {
    return switch (state) {
      case ACCEPTED -> "This invite was already used. Sign in instead, or ask for a new invite.";
      case REVOKED -> "This invite was withdrawn. Ask an admin of your team for a new one.";
      case EXPIRED -> "This invite has expired. Ask an admin of your team for a new one.";
      case PENDING -> throw new IllegalArgumentException("a pending invite is not refused");
    };
  }

  public static int checkCapacity(Integer capacity) {
    if (capacity == null || capacity < 0 || capacity > MAX_CAPACITY) {
      throw AppException.invalid(
          "capacity", "capacity must be a whole number from 0 to " + MAX_CAPACITY + ".");
    }
    return capacity;
  }
}
