package dev.supportchat.tools;

import dev.supportchat.chat.ChatStatus;
import dev.supportchat.chat.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns a {@link ChatPlan} into the timed actions that produced it, in the order the live server
 * would have seen them: the user writes first, sides mostly alternate, an admin reads before
 * replying, the chat is assigned before the assignee's first reply, resolved or closed after the
 * last message. Times that would run past "now" are compressed so the whole history fits.
 */
final class ConversationScript {
  private static final long SECOND_MS = 1_000;
  private static final long MINUTE_MS = 60 * SECOND_MS;
  private static final long MAX_GAP_MS = 3 * HelpdeskMix.DAY_MS;
  private static final double NOTE_SHARE = 0.06;

  /**
   * One action; {@code at} is an offset from the chat's creation while scripting, epoch ms once
   * returned.
   */
  sealed interface Step permits Send, Read, Assign, SetStatus {
    long at();

    Step movedTo(long time);
  }

  record Send(long at, boolean byAdmin, boolean note) implements Step {
    @Override
    public Step movedTo(long time) {
      return new Send(time, byAdmin, note);
    }
  }

  record Read(long at, boolean byAdmin) implements Step {
    @Override
    public Step movedTo(long time) {
      return new Read(time, byAdmin);
    }
  }

  record Assign(long at) implements Step {
    @Override
    public Step movedTo(long time) {
      return new Assign(time);
    }
  }

  record SetStatus(long at, ChatStatus status) implements Step {
    @Override
    public Step movedTo(long time) {
      return new SetStatus(time, status);
    }
  }

  private final Random random;
  private final List<Step> steps = new ArrayList<>();
  private long offset;

  private ConversationScript(Random random) {
    this.random = random;
  }

  static List<Step> of(ChatPlan plan, Random random, long now) {
    ConversationScript s = new ConversationScript(random);
    s.write(plan);
    return s.fitBefore(plan.createdAt(), now);
  }

  private void write(ChatPlan plan) {
    boolean assigned = plan.adminIndex() >= 0;
    switch (plan.kind()) {
      case EMPTY -> {
        if (plan.finalStatus() == ChatStatus.CLOSED) {
          offset += gap(2 * HelpdeskMix.DAY_MS, 0.8);
          add(new SetStatus(offset, ChatStatus.CLOSED));
        }
      }
      case AWAITING_REPLY -> {
        userMessages(plan.messageCount());
        if (assigned) {
          offset += gap(firstResponseMedian(plan.priority()), 1.0);
          add(new Assign(offset));
        }
      }
      case CONVERSATION -> {
        conversation(plan.messageCount(), plan.priority(), assigned);
        finish(plan.finalStatus());
      }
      case REOPENED -> {
        conversation(plan.messageCount() - 1, plan.priority(), assigned);
        finish(ChatStatus.RESOLVED);
        offset += gap(HelpdeskMix.DAY_MS, 1.0);
        add(new Read(offset, false));
        add(new Send(offset, false, false));
        if (random.nextDouble() < 0.3) {
          add(new Read(offset + gap(10 * MINUTE_MS, 1.0), true));
        }
      }
    }
  }

  /** A chat nobody has answered yet: the user writes once, then follows up. */
  private void userMessages(int n) {
    offset = random.nextInt(2_000);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        offset += gap(8 * MINUTE_MS, 1.2);
      }
      add(new Send(offset, false, false));
    }
  }

  /**
   * n messages, the first from the user (sent with the chat, within two seconds), the first admin
   * message a public reply so the chat has a first response; afterwards sides alternate four times
   * out of five.
   */
  private void conversation(int n, Priority priority, boolean assigned) {
    offset = random.nextInt(2_000);
    add(new Send(offset, false, false));
    boolean adminTurn = true;
    boolean answered = false;
    for (int i = 1; i < n; i++) {
      if (adminTurn) {
        offset += answered ? gap(8 * MINUTE_MS, 1.1) : gap(firstResponseMedian(priority), 1.1);
        if (!answered && assigned) {
          add(new Assign(offset));
          offset += gap(30 * SECOND_MS, 0.8);
        }
        boolean note = answered && random.nextDouble() < NOTE_SHARE;
        add(new Read(offset, true));
        add(new Send(offset, true, note));
        answered = true;
        // After a note the admin usually goes on to answer the user.
        adminTurn = note || random.nextDouble() >= 0.8;
      } else {
        offset += gap(6 * MINUTE_MS, 1.2);
        if (random.nextDouble() < 0.9) {
          add(new Read(offset, false));
        }
        add(new Send(offset, false, false));
        adminTurn = random.nextDouble() < 0.8;
      }
    }
    if (!answered && assigned) {
      offset += gap(firstResponseMedian(priority), 1.0);
      add(new Assign(offset));
    }
  }

  /**
   * The end of a chat: finished chats are read by the admin, then resolved (and maybe closed
   * later).
   */
  private void finish(ChatStatus finalStatus) {
    if (!finalStatus.isFinished()) {
      if (random.nextDouble() < 0.3) {
        add(new Read(offset + gap(5 * MINUTE_MS, 1.0), true));
      }
      if (random.nextDouble() < 0.5) {
        add(new Read(offset + gap(15 * MINUTE_MS, 1.0), false));
      }
      return;
    }
    offset += gap(MINUTE_MS, 1.0);
    add(new Read(offset, true));
    boolean viaResolved = finalStatus == ChatStatus.RESOLVED || random.nextDouble() < 0.6;
    offset += gap(HelpdeskMix.DAY_MS / 24, 1.2);
    add(new SetStatus(offset, viaResolved ? ChatStatus.RESOLVED : ChatStatus.CLOSED));
    if (random.nextDouble() < 0.6) {
      add(new Read(offset + gap(30 * MINUTE_MS, 1.0), false));
    }
    if (viaResolved && finalStatus == ChatStatus.CLOSED) {
      offset += gap(HelpdeskMix.DAY_MS, 0.8);
      add(new SetStatus(offset, ChatStatus.CLOSED));
    }
  }

  private static long firstResponseMedian(Priority p) {
    return switch (p) {
      case URGENT -> 4 * MINUTE_MS;
      case HIGH -> 12 * MINUTE_MS;
      case MEDIUM -> 30 * MINUTE_MS;
      case LOW -> 75 * MINUTE_MS;
    };
  }

  /** A log-normal delay around a median, at least a second and at most three days. */
  private long gap(long medianMs, double sigma) {
    double ms = medianMs * Math.exp(sigma * random.nextGaussian());
    return Math.max(SECOND_MS, Math.min(MAX_GAP_MS, (long) ms));
  }

  private void add(Step s) {
    steps.add(s);
  }

  /**
   * Absolute times, in order, all before {@code now}: a recent chat's timeline is scaled down
   * rather than cut, so its order of events (and so its final state) stays the planned one.
   */
  private List<Step> fitBefore(long createdAt, long now) {
    // Stable: a read and the reply it precedes share a time and must keep their order.
    steps.sort((a, b) -> Long.compare(a.at(), b.at()));
    long last = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).at();
    long room = Math.max(0, now - SECOND_MS - createdAt);
    double scale = last > room ? (double) room / last : 1.0;
    List<Step> out = new ArrayList<>(steps.size());
    for (Step s : steps) {
      out.add(s.movedTo(createdAt + (long) (s.at() * scale)));
    }
    return out;
  }
}
