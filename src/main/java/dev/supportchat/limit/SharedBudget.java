package dev.supportchat.limit;

import java.util.HashMap;
import java.util.Map;

/**
 * A resource the server shares out, capped in all and per holder: the bytes of request bodies
 * arriving, per client address ({@code http/BodyFirstHandler}); the attachment downloads being
 * written, per user ({@code chat/ChatRoutes}).
 *
 * <p>Why two caps: the total bounds what the server spends (memory, threads); the per-holder cap
 * keeps one holder (an attacker, or one runaway office) from taking all of it, so the others are
 * unaffected.
 */
public final class SharedBudget {
  /** Why an amount may not be taken. */
  public enum Refusal {
    /** Everyone together holds {@code maxTotal} already. */
    ALL_FULL,
    /** This holder holds {@code maxPerHolder} already. */
    HOLDER_FULL
  }

  private final long maxTotal;
  private final long maxPerHolder;
  private final Map<String, Long> byHolder = new HashMap<>();
  private long total;

  /**
   * @param maxTotal the most held at once, in all
   * @param maxPerHolder the most one holder holds at once
   */
  public SharedBudget(long maxTotal, long maxPerHolder) {
    if (maxTotal < 1 || maxPerHolder < 1) {
      throw new IllegalArgumentException("budgets must be positive");
    }
    this.maxTotal = maxTotal;
    this.maxPerHolder = maxPerHolder;
  }

  /**
   * Takes {@code amount} more for {@code holder}; null if taken, else why not (then nothing was
   * taken).
   */
  public synchronized Refusal take(String holder, long amount) {
    Refusal refusal = check(holder, amount);
    if (refusal != null) {
      return refusal;
    }
    byHolder.put(holder, byHolder.getOrDefault(holder, 0L) + amount);
    total += amount;
    return null;
  }

  /** Why {@code amount} more could not be taken for {@code holder} now; null if it could. */
  public synchronized Refusal check(String holder, long amount) {
    if (byHolder.getOrDefault(holder, 0L) + amount > maxPerHolder) {
      return Refusal.HOLDER_FULL;
    }
    return total + amount > maxTotal ? Refusal.ALL_FULL : null;
  }

  /** Gives back {@code amount} that {@code holder} took. */
  public synchronized void giveBack(String holder, long amount) {
    if (amount <= 0) {
      return;
    }
    long held = byHolder.getOrDefault(holder, 0L) - amount;
    if (held < 0) {
      throw new IllegalStateException("more given back than taken for " + holder);
    }
    if (held == 0) {
      byHolder.remove(holder);
    } else {
      byHolder.put(holder, held);
    }
    total -= amount;
  }

  /** Held now, in all. */
  public synchronized long held() {
    return total;
  }

  /** Held now by {@code holder}. */
  public synchronized long heldBy(String holder) {
    return byHolder.getOrDefault(holder, 0L);
  }
}
