package dev.supportchat.team;

import dev.supportchat.chat.ChatEvents;
import dev.supportchat.chat.ChatLabels;
import dev.supportchat.chat.ChatRepository;
import dev.supportchat.chat.ChatSideEffects;
import dev.supportchat.config.AppConfig;
import dev.supportchat.http.Auth;
import dev.supportchat.http.ClientAddress;
import dev.supportchat.store.Database;
import dev.supportchat.user.AccountService;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Clock;
import java.util.List;

/**
 * The support team feature as {@code App} wires it: roles, invites, availability, the queue and
 * automatic assignment. Its adapters stay package-private; this is the one way in.
 */
public final class TeamModule implements AutoCloseable {
  private final JdbcTeamRepository team;
  private final JdbcAssignments assignments;
  private final AutoAssigner assigner;
  private final TeamHeartbeat heartbeat;
  private final TeamService service;
  private final InboxService inbox;
  private final Clock clock;
  private final AwayList away;

  /**
   * @param chatEvents where assignment changes are told (the realtime emitter, not the decorated
   *     events: a pass's own assignments need no further pass)
   */
  public TeamModule(
      Database db,
      AppConfig.Team config,
      AccountService accounts,
      ChatRepository chats,
      ChatEvents chatEvents,
      TeamEvents teamEvents,
      StaffSockets sockets,
      SessionEnder sessions,
      Clock clock) {
    this.clock = clock;
    this.team = new JdbcTeamRepository(db);
    this.assignments = new JdbcAssignments(db);
    this.assigner =
        new AutoAssigner(assignments, chats, chatEvents, clock, config.offlineGrace().toMillis());
    this.away = new AwayList(team);
    this.service =
        new TeamService(
            team,
            assignments,
            assigner,
            away,
            accounts,
            teamEvents,
            sessions,
            config.inviteTtl(),
            clock);
    this.inbox = new InboxService(new JdbcInbox(db), service, teamEvents, clock);
    this.heartbeat = new TeamHeartbeat(team, sockets, assigner, away, clock);
    heartbeat.start();
  }

  /**
   * The assignment pass run inside the transaction of each chat change that adds work or frees
   * room, for the chat repository's side effects.
   */
  public static ChatSideEffects assignmentEffects(Database db, AppConfig.Team config, Clock clock) {
    return new AssignmentEffects(db.dialect(), clock, config.offlineGrace().toMillis());
  }

  /**
   * Whether a connected staff member counts for the widget's "Support is online": not one who chose
   * "away". {@code changed} is told when that may have changed (within a second on every node).
   */
  public boolean countsAsOnline(String userId) {
    return !away.isAway(userId);
  }

  public void onAvailabilityChanged(Runnable changed) {
    away.onChange(changed);
    away.refresh();
  }

  /** Emails each new invite's link (the mail feature's outbox, in the invite's transaction). */
  public void mailInvitesWith(InviteMail mail) {
    team.mailInvitesWith(mail);
  }

  /** The chat service's events, also asking for assignment passes when work or room appears. */
  public ChatEvents assigning(ChatEvents delegate) {
    return new AssigningChatEvents(delegate, assigner);
  }

  public EndpointGroup routes(Auth<Principal> auth, ClientAddress clientAddress) {
    return new TeamRoutes(service, auth, clientAddress);
  }

  /** {@code /saved-replies}: staff read them, the team's admins manage them. */
  public EndpointGroup savedReplyRoutes(Auth<Principal> auth) {
    return new InboxRoutes(inbox, auth).savedReplies();
  }

  /** {@code /labels}: staff only. */
  public EndpointGroup labelRoutes(Auth<Principal> auth) {
    return new InboxRoutes(inbox, auth).labels();
  }

  /** {@code /chats/:chatId/labels}: staff only. */
  public EndpointGroup chatLabelRoutes(Auth<Principal> auth) {
    return new InboxRoutes(inbox, auth).chatLabels();
  }

  /** The labels of the chat list's rows (for staff; users are never shown them). */
  public ChatLabels chatLabels() {
    return inbox::labelsOf;
  }

  /** Whether the caller is an active admin of the team (agents are staff but not admins). */
  public boolean managesTeam(Principal caller) {
    return caller.isAdmin() && team.agent(caller.userId()).map(Agent::isActiveAdmin).orElse(false);
  }

  /** A staff member's first socket on this node: connected now, and perhaps room for chats. */
  public void staffConnected(String userId) {
    try {
      assigner.afterChange(c -> JdbcTeamRepository.seen(c, List.of(userId), clock.millis()));
    } catch (RuntimeException e) {
      // the heartbeat writes it within a second, and asks for a pass within seconds
      assigner.request();
    }
  }

  /** No node has a socket of this staff member any more. */
  public void staffOffline(String userId) {
    try {
      team.wentOffline(userId, clock.millis());
    } catch (RuntimeException e) {
      // their sighting goes stale by itself within seconds
    }
  }

  /** One assignment pass now, on the caller's thread (tests and tools). */
  public int assignNow() {
    return assigner.runOnce().assigned().size();
  }

  @Override
  public void close() {
    heartbeat.close();
    assigner.close();
  }
}
