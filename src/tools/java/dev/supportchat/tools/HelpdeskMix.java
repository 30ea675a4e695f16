package dev.supportchat.tools;

import dev.supportchat.chat.ChatStatus;
import dev.supportchat.chat.Priority;
import dev.supportchat.tools.ChatPlan.Kind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The proportions of a real helpdesk: more chats on weekdays and in office hours and a little more
 * each week; old chats mostly resolved or closed, recent ones still open or in progress; a few
 * admins taking most of the work; message counts with a long tail. Everything comes from one seeded
 * {@link Random}: the same seed and "now" give the same plan.
 */
final class HelpdeskMix {
  static final long DAY_MS = 86_400_000L;
  private static final double EMPTY_SHARE = 0.01;
  private static final double EMPTY_SUBJECT_SHARE = 0.08;

  /**
   * Spread of the per-chat message count (log-normal); 0.8 gives a tail of chats with several pages
   * of messages.
   */
  private static final double MESSAGE_COUNT_SIGMA = 0.8;

  private final Random random;
  private final long now;
  private final int days;
  private final int admins;

  HelpdeskMix(Random random, long now, int days, int admins) {
    this.random = random;
    this.now = now;
    this.days = days;
    this.admins = admins;
  }

  /**
   * Plans for {@code chats} chats, oldest first, whose message counts add up to exactly {@code
   * messages}.
   */
  List<ChatPlan> plan(int chats, int messages) {
    long[] created = creationTimes(chats);
    List<ChatPlan> plans = new ArrayList<>(chats);
    for (long t : created) {
      plans.add(planOne(t));
    }
    return allocateMessages(plans, messages);
  }

  /**
   * Creation times by rejection sampling against weekday, office-hour and growth weights; sorted.
   */
  private long[] creationTimes(int chats) {
    long start = now - days * DAY_MS;
    long span = now - start;
    long[] times = new long[chats];
    for (int i = 0; i < chats; ) {
      long t = start + (long) (random.nextDouble() * span);
      ZonedDateTime at = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC);
      boolean weekend =
          at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY;
      boolean officeHours = at.getHour() >= 8 && at.getHour() < 18;
      double growth = 0.75 + 0.5 * (t - start) / span;
      double weight = (weekend ? 0.45 : 1.0) * (officeHours ? 1.0 : 0.3) * growth;
      if (random.nextDouble() * 1.25 < weight) {
        times[i++] = t;
      }
    }
    Arrays.sort(times);
    return times;
  }

  private ChatPlan planOne(long createdAt) {
    double ageDays = (now - createdAt) / (double) DAY_MS;
    String subject = random.nextDouble() < EMPTY_SUBJECT_SHARE ? "" : SampleText.subject(random);
    Priority priority = priority();
    if (random.nextDouble() < EMPTY_SHARE) {
      // Abandoned before the first message; old ones were closed by an admin cleaning up the queue.
      return new ChatPlan(
          createdAt,
          ageDays < 2 ? ChatStatus.OPEN : ChatStatus.CLOSED,
          priority,
          -1,
          Kind.EMPTY,
          subject,
          0);
    }
    ChatStatus status = status(ageDays);
    double r = random.nextDouble();
    return switch (status) {
      case OPEN ->
          r < 0.15
              ? new ChatPlan(createdAt, status, priority, admin(), Kind.REOPENED, subject, 0)
              : r < 0.70
                  ? new ChatPlan(createdAt, status, priority, -1, Kind.AWAITING_REPLY, subject, 0)
                  : new ChatPlan(createdAt, status, priority, -1, Kind.CONVERSATION, subject, 0);
      case IN_PROGRESS ->
          new ChatPlan(
              createdAt,
              status,
              priority,
              admin(),
              r < 0.2 ? Kind.AWAITING_REPLY : Kind.CONVERSATION,
              subject,
              0);
      case RESOLVED, CLOSED ->
          new ChatPlan(
              createdAt, status, priority, r < 0.9 ? admin() : -1, Kind.CONVERSATION, subject, 0);
    };
  }

  /** Young chats are still being worked on; after a week nearly all are finished. */
  private ChatStatus status(double ageDays) {
    double[] openInProgressResolved =
        ageDays < 2
            ? new double[] {0.35, 0.75, 0.95}
            : ageDays < 7 ? new double[] {0.08, 0.25, 0.70} : new double[] {0.01, 0.03, 0.28};
    double r = random.nextDouble();
    return r < openInProgressResolved[0]
        ? ChatStatus.OPEN
        : r < openInProgressResolved[1]
            ? ChatStatus.IN_PROGRESS
            : r < openInProgressResolved[2] ? ChatStatus.RESOLVED : ChatStatus.CLOSED;
  }

  private Priority priority() {
    double r = random.nextDouble();
    return r < 0.25
        ? Priority.LOW
        : r < 0.70 ? Priority.MEDIUM : r < 0.92 ? Priority.HIGH : Priority.URGENT;
  }

  /** Admin k is picked with weight 1/sqrt(k+1): the first admins carry most of the load. */
  private int admin() {
    double total = 0;
    for (int k = 0; k < admins; k++) {
      total += 1 / Math.sqrt(k + 1);
    }
    double r = random.nextDouble() * total;
    for (int k = 0; k < admins; k++) {
      r -= 1 / Math.sqrt(k + 1);
      if (r < 0) {
        return k;
      }
    }
    return admins - 1;
  }

  /**
   * Chats waiting for a first reply get one to three messages; conversations get their minimum plus
   * a log-normal share of what is left, rounded so the total is exact.
   */
  private List<ChatPlan> allocateMessages(List<ChatPlan> plans, int messages) {
    int[] counts = new int[plans.size()];
    double[] weights = new double[plans.size()];
    long fixed = 0;
    double weightSum = 0;
    for (int i = 0; i < plans.size(); i++) {
      Kind kind = plans.get(i).kind();
      counts[i] =
          kind == Kind.AWAITING_REPLY
              ? 1 + (random.nextDouble() < 0.35 ? 1 : 0) + (random.nextDouble() < 0.1 ? 1 : 0)
              : kind.minMessages();
      fixed += counts[i];
      if (kind == Kind.CONVERSATION || kind == Kind.REOPENED) {
        weights[i] = Math.exp(MESSAGE_COUNT_SIGMA * random.nextGaussian());
        weightSum += weights[i];
      }
    }
    long extra = messages - fixed;
    if (extra < 0 || weightSum == 0) {
      throw new IllegalArgumentException(
          "--messages "
              + messages
              + " is too few for these chats: they need at least "
              + fixed
              + " (about two per chat)");
    }
    long given = 0;
    for (int i = 0; i < counts.length; i++) {
      int share = (int) Math.floor(extra * weights[i] / weightSum);
      counts[i] += share;
      given += share;
    }
    while (given < extra) {
      int i = random.nextInt(counts.length);
      if (weights[i] > 0) {
        counts[i]++;
        given++;
      }
    }
    List<ChatPlan> out = new ArrayList<>(plans.size());
    for (int i = 0; i < plans.size(); i++) {
      out.add(plans.get(i).withMessageCount(counts[i]));
    }
    return out;
  }
}
