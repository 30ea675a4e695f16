package dev.supportchat.team;

/** An invitation to join the team, as stored (the link's token only as its hash). Times in ms. */
public record Invite(
    String id,
    String email,
    Role role,
    String tokenHash,
    String invitedBy,
    long createdAt,
    long expiresAt,
    Long acceptedAt,
    Long revokedAt) {

  TeamRules.InviteState state(long now) {
    return TeamRules.state(acceptedAt, revokedAt, expiresAt, now);
  }
}
