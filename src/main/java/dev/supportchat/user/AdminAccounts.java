package dev.supportchat.user;

import dev.supportchat.error.AppException;
import dev.supportchat.store.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What the operator's command line does to accounts ({@code java -jar support-chat.jar admin …}),
 * for operators locked out of the dashboard: create an admin, or set a new password on an account
 * and end all its logins.
 */
public final class AdminAccounts {
  private final UserRepository users;
  private final SessionTermination sessions;
  private final PasswordHasher hasher;
  private final Clock clock;

  public AdminAccounts(
      UserRepository users, SessionTermination sessions, PasswordHasher hasher, Clock clock) {
    this.users = users;
    this.sessions = sessions;
    this.hasher = hasher;
    this.clock = clock;
  }

  /** A new admin account; {@code conflict} when the email is taken. */
  public UserView create(String email, String fullName, String password) {
    String normalized = AccountService.checkEmail(email);
    AccountService.checkPassword(password);
    if (users.findByEmail(normalized).isPresent()) {
      throw AppException.conflict(
          "An account with this email exists; use 'admin reset-password' instead.");
    }
    Instant now = clock.instant();
    User admin =
        new User(
            Ids.newId(now.toEpochMilli()),
            normalized,
            null,
            fullName == null || fullName.isBlank() ? "Support" : fullName.strip(),
            hasher.hash(password),
            true,
            now,
            now);
    users.insert(admin);
    return UserView.of(admin);
  }

  /**
   * Sets a new password on the account with this email and ends every login it has (whoever knew
   * the old password is signed out); {@code not_found} when there is no such account.
   *
   * @return how many logins were ended
   */
  public int resetPassword(String email, String password) {
    String normalized = AccountService.checkEmail(email);
    AccountService.checkPassword(password);
    Optional<User> account = users.findByEmail(normalized);
    if (account.isEmpty()) {
      throw AppException.notFound("No account has this email; use 'admin create' instead.");
    }
    User user = account.get();
    users.updatePassword(user.id(), hasher.hash(password));
    // Through the deny list: running nodes refuse the old access tokens and close the sockets.
    return sessions.endAllSessionsOf(user.id());
  }
}
