package dev.supportchat.user;

import dev.supportchat.store.Ids;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure an admin can log in after start-up: {@code ADMIN_EMAIL}/{@code ADMIN_PASSWORD} create
 * or update that admin; with neither set and no admin stored, one is created with a random password
 * printed once.
 */
public final class AdminBootstrap {
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
  static final String DEFAULT_ADMIN_EMAIL = "admin@localhost.localdomain";

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final SessionTermination termination;
  private final Clock clock;

  public AdminBootstrap(
      UserRepository users, PasswordHasher hasher, SessionTermination termination, Clock clock) {
    this.termination = termination;
    this.users = users;
    this.hasher = hasher;
    this.clock = clock;
  }

  public void run(Optional<String> email, Optional<String> password) {
    if (email.isPresent() && password.isPresent()) {
      upsert(email.get(), password.get());
      log.info("Admin account {} is ready (from ADMIN_EMAIL/ADMIN_PASSWORD).", email.get());
      return;
    }
    if (users.anyAdmin()) {
      return;
    }
    String generated = randomPassword();
    upsert(DEFAULT_ADMIN_EMAIL, generated);
    // Printed once, on purpose: there is no other way to learn it. Set ADMIN_EMAIL/ADMIN_PASSWORD
    // to choose your own.
    log.warn(
        "\n=================================================================\n"
            + " First admin created:  email {}   password {}\n"
            + " Change it by setting ADMIN_EMAIL and ADMIN_PASSWORD and restarting.\n"
            + "=================================================================",
        DEFAULT_ADMIN_EMAIL,
        generated);
  }

  private void upsert(String email, String password) {
    String normalized = AccountService.checkEmail(email);
    String hash = hasher.hash(password);
    Optional<User> existing = users.findByEmail(normalized);
    if (existing.isPresent()) {
      boolean changed = !hasher.matches(password, existing.get().passwordHash());
      users.updateCredentials(existing.get().id(), hash, true);
      if (changed) {
        // A new ADMIN_PASSWORD is a password change: whoever held the old one is signed out.
        termination.endAllSessionsOf(existing.get().id());
      }
      return;
    }
    Instant now = clock.instant();
    users.insert(
        new User(Ids.newId(now.toEpochMilli()), normalized, null, "Support", hash, true, now, now));
  }

  private static String randomPassword() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
