package dev.supportchat.user;

import dev.supportchat.store.Ids;
import dev.supportchat.testing.TestApp;
import java.time.Instant;

/**
 * An office's accounts, {@code staff<i>@office.example}, stored directly with one bcrypt hash for
 * all, so that a test spends its time on their sign-ins rather than on creating them.
 */
final class Colleagues {
  static final String PASSWORD = "office-password-1";

  private Colleagues() {}

  static void insert(TestApp t, int count) {
    JdbcUserRepository users = new JdbcUserRepository(t.app.database());
    String hash = new PasswordHasher(10).hash(PASSWORD);
    Instant now = t.clock.instant();
    for (int i = 0; i < count; i++) {
      users.insert(new User(Ids.newId(), email(i), null, "Staff " + i, hash, false, now, now));
    }
  }

  static String email(int i) {
    return "staff" + i + "@office.example";
  }
}
