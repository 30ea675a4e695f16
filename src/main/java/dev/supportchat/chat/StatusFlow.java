package dev.supportchat.chat;

/**
 * The seed's status flow, and the times the statistics read, as pure decisions: the service, the
 * batch writer and the data tools call these and store what they return, so no SQL and no copy
 * elsewhere decides a status. Times are epoch milliseconds, as stored.
 *
 * <pre>
 *   created ─▶ open ─(assigned)─▶ in-progress ─(an admin sets it)─▶ resolved | closed ─(the user writes)─▶ open
 * </pre>
 *
 * An admin may set any status at any time; the rules below are read top to bottom in the order a
 * chat meets them.
 */
public final class StatusFlow {
  private StatusFlow() {}

  /**
   * A status after a step, and whether the step changed it (then the chat's watchers are told:
   * statusUpdated).
   */
  public record Step(ChatStatus status, boolean changed) {
    static Step from(ChatStatus before, ChatStatus after) {
      return new Step(after, after != before);
    }
  }

  /** 1. Every chat starts open. */
  public static ChatStatus created() {
    return ChatStatus.OPEN;
  }

  /**
   * 2. Assigning an open chat means someone is on it: in-progress. Any other status stays as it is.
   */
  public static Step assigned(ChatStatus current) {
    return Step.from(current, current == ChatStatus.OPEN ? ChatStatus.IN_PROGRESS : current);
  }

  /**
   * 2b. Taking a chat from its agent puts an in-progress chat back to open (waiting for someone); a
   * resolved or closed one stays as it is.
   */
  public static ChatStatus unassigned(ChatStatus current) {
    return current == ChatStatus.IN_PROGRESS ? ChatStatus.OPEN : current;
  }

  /**
   * 3. An admin sets the status ({@code null} keeps it). {@code resolutionMs} is the time from the
   * chat's creation to this moment when the step moves an unfinished chat into resolved or closed;
   * otherwise null: the stored resolution time stays (moving between resolved and closed is not a
   * second resolution; one after a reopening is).
   */
  public record StatusSet(Step step, Long resolutionMs) {}

  public static StatusSet setByAdmin(
      ChatStatus current, ChatStatus requested, long createdAt, long at) {
    ChatStatus next = requested == null ? current : requested;
    boolean resolves = next.isFinished() && !current.isFinished();
    return new StatusSet(Step.from(current, next), resolves ? at - createdAt : null);
  }

  /**
   * 4. A user's message to a resolved or closed chat reopens it; admin replies and internal notes
   * never move it.
   */
  public static Step afterMessage(ChatStatus current, boolean fromUser) {
    return Step.from(current, fromUser && current.isFinished() ? ChatStatus.OPEN : current);
  }

  /**
   * 5. The response clock the statistics read: it starts at the chat's first user message and stops
   * at the first public admin reply after it (an internal note is no answer). Null fields are "not
   * yet".
   */
  public record ResponseClock(Long firstUserMessageAt, Long firstResponseMs) {
    public static final ResponseClock NOT_STARTED = new ResponseClock(null, null);

    public ResponseClock afterMessage(boolean fromUser, boolean isInternalNote, long at) {
      Long started = fromUser && firstUserMessageAt == null ? Long.valueOf(at) : firstUserMessageAt;
      boolean publicReply = !fromUser && !isInternalNote;
      // A reply before any user message (an admin writing first) does not stop a clock that never
      // started.
      Long stopped =
          publicReply && firstResponseMs == null && firstUserMessageAt != null
              ? Long.valueOf(at - firstUserMessageAt)
              : firstResponseMs;
      return new ResponseClock(started, stopped);
    }
  }

  /**
   * 6. A visitor's conversation merged into the verified user's (when that visitor signs in on the
   * host site): the merged chat is live if either was; a finished chat takes the live one's status.
   */
  public static ChatStatus merged(ChatStatus into, ChatStatus from) {
    return into.isFinished() && !from.isFinished() ? from : into;
  }
}
