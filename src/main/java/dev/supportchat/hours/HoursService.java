package dev.supportchat.hours;

import dev.supportchat.chat.AutomaticReplies;
import dev.supportchat.chat.OpenTime;
import dev.supportchat.error.AppException;
import dev.supportchat.user.Principal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Business hours: admins set them, staff read them, everyone may ask whether the team is open; the
 * automatic reply outside them and the statistics' business-hours clock read them. Each node keeps
 * the settings for {@link #CACHE_FOR} (an edit on another node is seen within it).
 */
public final class HoursService implements AutomaticReplies {
  static final Duration CACHE_FOR = Duration.ofSeconds(5);

  /** Chats remembered as answered for the current closed period; cleared as a whole when full. */

  /** Whether the team is open now and, if not, when it is back (null: not within a year). */
  public record Status(boolean open, boolean alwaysOpen, Instant nextOpenAt, String timeZone) {}

  private final HoursStore store;
  private final Predicate<Principal> managesTeam;
  private final Clock clock;
  private volatile Cached cached;

  private record Cached(HoursSettings settings, long readAtNanos) {}

  HoursService(HoursStore store, Predicate<Principal> managesTeam, Clock clock) {
    this.store = store;
    this.managesTeam = managesTeam;
    this.clock = clock;
  }

  /** The settings for staff (admins and agents read them; only the team's admins change them). */
  public HoursSettings settings(Principal caller) {
    if (!caller.isAdmin()) {
      throw AppException.forbidden("Business hours are for the support team.");
    }
    return fresh();
  }

  public HoursSettings update(Principal caller, HoursSettings settings) {
    if (!managesTeam.test(caller)) {
      throw AppException.forbidden("Only the team's admins can change business hours.");
    }
    store.save(settings, clock.millis());
    return remember(settings);
  }

  public Status status() {
    HoursSettings s = current();
    Instant now = clock.instant();
    BusinessHours h = s.hours();
    boolean open = h.isOpen(now);
    return new Status(
        open, h.isAlwaysOpen(), open ? null : h.nextOpening(now).orElse(null), h.zone().getId());
  }

  /**
   * Outside business hours, one reply per chat per closed period (keyed by when the team is back:
   * the message writer stores one per key and chat), saying when; nothing while open, when always
   * open, or when the reply text is empty. Reads the settings on the writer's connection when the
   * cached ones are old, so the writer never waits for a second connection.
   */
  @Override
  public Optional<Reply> to(Connection c, String chatId, Instant at) throws SQLException {
    HoursSettings s = current(c);
    if (s.autoReply().isEmpty() || s.hours().isOpen(at)) {
      return Optional.empty();
    }
    Optional<Instant> back = s.hours().nextOpening(at);
    String key = "after-hours-" + back.map(Instant::toEpochMilli).orElse(0L);
    String when = back.map(b -> BackPhrase.of(at, b, s.hours().zone())).orElse("as soon as we can");
    return Optional.of(new Reply(key, s.autoReply().replace(HoursSettings.BACK_PLACEHOLDER, when)));
  }

  /** What the first response time counts: business hours when an admin said so, else null. */
  public OpenTime statisticsOpenTime() {
    HoursSettings s = current();
    return s.businessHoursStats() ? s.hours()::openTimeBetween : null;
  }

  private HoursSettings current() {
    Cached c = cached;
    if (c == null || System.nanoTime() - c.readAtNanos() > CACHE_FOR.toNanos()) {
      return remember(fresh());
    }
    return c.settings();
  }

  private HoursSettings current(Connection connection) throws SQLException {
    Cached c = cached;
    if (c == null || System.nanoTime() - c.readAtNanos() > CACHE_FOR.toNanos()) {
      return remember(HoursStore.load(connection).orElseGet(HoursSettings::defaults));
    }
    return c.settings();
  }

  private HoursSettings remember(HoursSettings s) {
    cached = new Cached(s, System.nanoTime());
    return s;
  }

  private HoursSettings fresh() {
    return store.load().orElseGet(HoursSettings::defaults);
  }
}
