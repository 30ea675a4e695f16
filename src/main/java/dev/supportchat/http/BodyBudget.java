package dev.supportchat.http;

import java.util.HashMap;
import java.util.Map;

/**
 * How many bytes of request bodies the server holds while they arrive ({@link BodyFirstHandler}),
 * in all and per client address. Bytes are counted as they arrive, so a slow client holds only what
 * it has sent, and given back once its request is answered.
 *
 * <p>Why two caps: the server reads a body in full before any thread handles the request, so a
 * client that sends slowly costs memory instead of a thread. The total cap bounds that memory; the
 * per-address cap keeps one address (an attacker, or one runaway office) from taking all of it.
 */
final class BodyBudget {
  /** Why a body may not grow. */
  enum Refusal {
    /** The server holds {@code maxTotal} bytes of bodies already. */
    SERVER_FULL,
    /** This address holds {@code maxPerAddress} bytes of bodies already. */
    ADDRESS_FULL
  }

  private final long maxTotal;
  private final long maxPerAddress;
  private final Map<String, Long> byAddress = new HashMap<>();
  private long total;

  /**
   * @param maxTotal bytes of bodies held at once, in all
   * @param maxPerAddress bytes of bodies held at once for one client address
   */
  BodyBudget(long maxTotal, long maxPerAddress) {
    if (maxTotal < 1 || maxPerAddress < 1) {
      throw new IllegalArgumentException("body budgets must be positive");
    }
    this.maxTotal = maxTotal;
    this.maxPerAddress = maxPerAddress;
  }

  /**
   * Takes {@code bytes} more for a body from {@code address}; null if taken, else why not (then
   * nothing was taken).
   */
  synchronized Refusal take(String address, long bytes) {
    long held = byAddress.getOrDefault(address, 0L);
    if (held + bytes > maxPerAddress) {
      return Refusal.ADDRESS_FULL;
    }
    if (total + bytes > maxTotal) {
      return Refusal.SERVER_FULL;
    }
    byAddress.put(address, held + bytes);
    total += bytes;
    return null;
  }

  /** Gives back {@code bytes} that {@code address} took. */
  synchronized void giveBack(String address, long bytes) {
    if (bytes <= 0) {
      return;
    }
    long held = byAddress.getOrDefault(address, 0L) - bytes;
    if (held < 0) {
      throw new IllegalStateException("more given back than taken for " + address);
    }
    if (held == 0) {
      byAddress.remove(address);
    } else {
      byAddress.put(address, held);
    }
    total -= bytes;
  }

  /** Bytes held now, in all. */
  synchronized long held() {
    return total;
  }

  /** Bytes held now for {@code address}. */
  synchronized long heldBy(String address) {
    return byAddress.getOrDefault(address, 0L);
  }
}
