package dev.supportchat.team;

import dev.supportchat.error.AppException;
import dev.supportchat.store.Ids;
import dev.supportchat.user.AccountService;
import dev.supportchat.user.Principal;
import dev.supportchat.user.User;
import dev.supportchat.user.UserFields;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The support team: who is on it with which role, invites, deactivation, capacity, availability and
 * the team-wide settings. Every method checks the caller's role from the database, not from the
 * access token (a role changed a minute ago counts now).
 */
public final class TeamService {
  private static final int INVITE_TOKEN_BYTES = 32;
  private static final int INVITES_LISTED = 100;

  /** The dashboard's page for invitees; the token goes in the fragment, never sent to a server. */
  static final String INVITE_PATH = "/admin/support#invite=";

  private final JdbcTeamRepository team;
  private final JdbcAssignments assignments;
  private final AutoAssigner assigner;
  private final AwayList away;
  private final AccountService accounts;
  private final TeamEvents events;
  private final SessionEnder sessions;
  private final Duration inviteTtl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  TeamService(
      JdbcTeamRepository team,
      JdbcAssignments assignments,
      AutoAssigner assigner,
      AwayList away,
      AccountService accounts,
      TeamEvents events,
      SessionEnder sessions,
      Duration inviteTtl,
      Clock clock) {
    this.sessions = sessions;
    this.team = team;
    this.assignments = assignments;
    this.assigner = assigner;
    this.away = away;
    this.accounts = accounts;
    this.events = events;
    this.inviteTtl = inviteTtl;
    this.clock = clock;
  }

  /** Staff only: agents and admins. */
  static void requireStaff(Principal caller) {
    if (!caller.isAdmin()) {
      throw AppException.forbidden("Only the support team can see this.");
    }
  }

  /** Admins of the team only (agents work chats but do not manage the team). */
  Agent requireTeamAdmin(Principal caller) {
    requireStaff(caller);
    Agent me =
        team.agent(caller.userId())
            .orElseThrow(() -> AppException.forbidden("Only admins of the team can do this."));
    if (!me.isActiveAdmin()) {
      throw AppException.forbidden("Only admins of the team can do this.");
    }
    return me;
  }

  /** The Team page and the queue panel: members with their load, the queue, the settings. */
  public Map<String, Object> overview(Principal caller) {
    requireStaff(caller);
    long now = clock.millis();
    TeamSettings settings = TeamSettings.from(team.settings());
    JdbcAssignments.Queue queue = assignments.queue();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agents", team.team().stream().map(a -> TeamJson.agent(a, settings, now)).toList());
    out.put("queue", TeamJson.queue(queue, now));
    out.put("settings", TeamJson.settings(settings));
    out.put("me", TeamJson.agent(team.agent(caller.userId()).orElseThrow(), settings, now));
    return out;
  }

  public Map<String, Object> updateSettings(
      Principal caller, Boolean autoAssign, Integer capacity) {
    requireTeamAdmin(caller);
    if (autoAssign == null && capacity == null) {
      throw AppException.invalid("autoAssign", "Give autoAssign, defaultCapacity, or both.");
    }
    TeamSettings now = TeamSettings.from(team.settings());
    TeamSettings next =
        new TeamSettings(
            autoAssign == null ? now.autoAssign() : autoAssign,
            capacity == null ? now.defaultCapacity() : TeamRules.checkCapacity(capacity));
    team.putSettings(next.stored(), clock.millis());
    assigner.request();
    events.toStaff(TeamEvents.AGENT_UPDATED, Map.of("settings", TeamJson.settings(next)));
    return TeamJson.settings(next);
  }

  /** A new invite; its token is in the answer once (only its hash is stored). */
  public Map<String, Object> invite(Principal caller, String email, String role) {
    Agent admin = requireTeamAdmin(caller);
    if (email == null || email.isBlank()) {
      throw AppException.invalid("email", "email is required.");
    }
    String address =
        UserFields.email(email)
            .orElseThrow(() -> AppException.invalid("email", "email is not a valid address."));
    Role r = role == null ? Role.AGENT : Role.parse(role, "role");
    String token = newToken();
    long now = clock.millis();
    Invite invite =
        new Invite(
            Ids.newId(now),
            address,
            r,
            hash(token),
            admin.id(),
            now,
            now + inviteTtl.toMillis(),
            null,
            null);
    team.insertInvite(invite, INVITE_PATH + token);
    Map<String, Object> out = TeamJson.invite(invite, now);
    out.put("token", token);
    out.put("path", INVITE_PATH + token);
    return out;
  }

  public List<Map<String, Object>> invites(Principal caller) {
    requireTeamAdmin(caller);
    long now = clock.millis();
    return team.invites(INVITES_LISTED).stream().map(i -> TeamJson.invite(i, now)).toList();
  }

  public void revokeInvite(Principal caller, String inviteId) {
    requireTeamAdmin(caller);
    if (!Ids.isValid(inviteId) || !team.revokeInvite(inviteId, clock.millis())) {
      throw AppException.notFound("No open invite with this id.");
    }
  }

  /** What an invite link is for, as the invitee sees it before choosing a name and password. */
  public Map<String, Object> previewInvite(String token, String clientIp) {
    Invite invite = pendingInvite(token, clientIp);
    return Map.of("email", invite.email(), "role", invite.role().wire());
  }

  private Invite pendingInvite(String token, String clientIp) {
    accounts.checkSignInAllowed(clientIp);
    Optional<Invite> found =
        token == null || token.isBlank() || token.length() > 100
            ? Optional.empty()
            : team.inviteByHash(hash(token));
    if (found.isEmpty()) {
      // Guessing links is a sign-in attempt like a wrong password, and counted as one.
      accounts.recordFailedSignIn(clientIp);
      throw AppException.notFound("This invite link is not valid. Check that it was copied whole.");
    }
    TeamRules.InviteState state = found.get().state(clock.millis());
    if (state != TeamRules.InviteState.PENDING) {
      throw AppException.conflict(TeamRules.refusal(state));
    }
    return found.get();
  }

  /** Creates the invitee's account with the invite's role and signs them in. */
  public CompletableFuture<AccountService.Session> acceptInvite(
      String token, String fullName, String password, String clientIp) {
    Invite invite = pendingInvite(token, clientIp);
    String name = fullName == null ? "" : fullName.strip();
    if (name.isEmpty() || name.length() > UserFields.MAX_NAME_LENGTH) {
      throw AppException.invalid(
          "fullName", "fullName must be 1 to " + UserFields.MAX_NAME_LENGTH + " characters.");
    }
    return accounts
        .hashNewPassword(clientIp, password)
        .thenApply(
            passwordHash -> {
              Instant now = clock.instant();
              User user =
                  team.accept(
                          invite.tokenHash(),
                          i ->
                              new User(
                                  Ids.newId(now.toEpochMilli()),
                                  i.email(),
                                  null,
                                  name,
                                  passwordHash,
                                  true,
                                  now,
                                  now),
                          now.toEpochMilli())
                      .orElseThrow(
                          () ->
                              AppException.conflict(
                                  TeamRules.refusal(
                                      team.inviteByHash(invite.tokenHash())
                                          .map(i -> i.state(clock.millis()))
                                          .filter(s -> s != TeamRules.InviteState.PENDING)
                                          .orElse(TeamRules.InviteState.ACCEPTED))));
              events.toStaff(TeamEvents.AGENT_UPDATED, Map.of("agentId", user.id()));
              return accounts.openSession(user);
            });
  }

  /** Role and/or capacity of a member. */
  public Map<String, Object> updateAgent(
      Principal caller, String agentId, String role, Integer capacity, boolean clearCapacity) {
    requireTeamAdmin(caller);
    if (role == null && capacity == null && !clearCapacity) {
      throw AppException.invalid("role", "Give a role, a capacity, or both.");
    }
    String id = checkedId(agentId);
    if (role != null) {
      Role r = Role.parse(role, "role");
      TeamRules.Change change = new TeamRules.Change(r, null);
      team.change(
          id,
          change,
          (all, target) -> TeamRules.check(all, caller.userId(), target, change),
          clock.millis());
    } else if (team.agent(id).isEmpty()) {
      throw AppException.notFound("No such member of the team.");
    }
    if (capacity != null || clearCapacity) {
      Integer newCapacity = clearCapacity ? null : TeamRules.checkCapacity(capacity);
      assigner.afterChange(c -> JdbcTeamRepository.setCapacity(c, id, newCapacity));
    }
    return changed(id);
  }

  /**
   * Deactivates or reactivates a member. Deactivation takes effect at once: their sessions end on
   * every node and their chats go back to the queue.
   */
  public Map<String, Object> setActive(Principal caller, String agentId, boolean active) {
    requireTeamAdmin(caller);
    String id = checkedId(agentId);
    TeamRules.Change change = new TeamRules.Change(null, active);
    team.change(
        id,
        change,
        (all, target) -> TeamRules.check(all, caller.userId(), target, change),
        clock.millis());
    if (!active) {
      sessions.endSessionsOf(id);
      assigner.request();
    }
    return changed(id);
  }

  /** An agent's own online/away toggle. */
  public Map<String, Object> setAvailability(Principal caller, String status) {
    requireStaff(caller);
    Availability chosen = Availability.parseChoice(status);
    assigner.afterChange(c -> JdbcTeamRepository.setAvailability(c, caller.userId(), chosen));
    away.refresh(); // "Support is online" on this node at once; on the others within a second
    return changed(caller.userId());
  }

  private Map<String, Object> changed(String agentId) {
    Map<String, Object> view =
        TeamJson.agent(
            team.agent(agentId)
                .orElseThrow(() -> AppException.notFound("No such member of the team.")),
            TeamSettings.from(team.settings()),
            clock.millis());
    events.toStaff(TeamEvents.AGENT_UPDATED, Map.of("agent", view));
    return view;
  }

  private static String checkedId(String agentId) {
    if (!Ids.isValid(agentId)) {
      throw AppException.notFound("No such member of the team.");
    }
    return agentId;
  }

  private String newToken() {
    byte[] bytes = new byte[INVITE_TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Invite tokens are 256 random bits: a plain SHA-256 is enough to keep them out of the table. */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
