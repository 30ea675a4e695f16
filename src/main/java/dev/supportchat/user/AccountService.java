package dev.supportchat.user;

import dev.supportchat.error.AppException;
import dev.supportchat.http.ClientAddress;
import dev.supportchat.limit.Limiter;
import dev.supportchat.store.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** Accounts and login sessions: register, log in, rotate refresh tokens, log out, and who-am-I. */
public final class AccountService {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(AccountService.class);
  static final int MIN_PASSWORD_LENGTH = 8;
  static final int MAX_PASSWORD_LENGTH = 200;
  static final int MAX_NAME_LENGTH = UserFields.MAX_NAME_LENGTH;
  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9_.-]{3,30}$");

  /** A successful login or refresh: the user and the new token pair. */
  public record Session(UserView user, String accessToken, String refreshToken) {}

  private final UserRepository users;
  private final SessionRepository sessions;
  private final SessionTermination termination;
  private final PasswordHasher hasher;
  private final PasswordThreads passwords;
  private final TokenService tokens;
  private final Limiter loginsPerAccountAndAddress;
  private final Limiter failuresPerAccount;
  private final LoginThrottle throttle;
  private final Limiter loginsPerIp;
  private final Limiter registrationsPerIp;
  private final Clock clock;

  public AccountService(
      UserRepository users,
      SessionRepository sessions,
      SessionTermination termination,
      PasswordHasher hasher,
      PasswordThreads passwords,
      TokenService tokens,
      Limiter loginsPerAccountAndAddress,
      Limiter failuresPerAccount,
      LoginThrottle throttle,
      Limiter loginsPerIp,
      Limiter registrationsPerIp,
      Clock clock) {
    this.users = users;
    this.sessions = sessions;
    this.termination = termination;
    this.hasher = hasher;
    this.passwords = passwords;
    this.tokens = tokens;
    this.loginsPerAccountAndAddress = loginsPerAccountAndAddress;
    this.failuresPerAccount = failuresPerAccount;
    this.throttle = throttle;
    this.loginsPerIp = loginsPerIp;
    this.registrationsPerIp = registrationsPerIp;
    this.clock = clock;
  }

  /**
   * Creates an account; at most REGISTRATIONS_PER_IP_PER_HOUR from one client address. Everything
   * is checked at once; the future completes once the password is hashed and the account stored.
   */
  public CompletableFuture<UserView> register(
      String email, String password, String fullName, String username, String clientIp) {
    if (!registrationsPerIp.tryAcquire(ClientAddress.network(clientIp))) {
      throw AppException.rateLimited(
          "Too many accounts were created from this address; try again later.",
          registrationsPerIp.retryAfterSeconds(ClientAddress.network(clientIp)));
    }
    String normalizedEmail = checkEmail(email);
    refuseLookalike(normalizedEmail);
    checkPassword(password);
    String name =
        fullName == null || fullName.isBlank()
            ? normalizedEmail.substring(0, normalizedEmail.indexOf('@'))
            : fullName.strip();
    if (name.length() > MAX_NAME_LENGTH) {
      throw AppException.invalid(
          "fullName", "fullName must be at most " + MAX_NAME_LENGTH + " characters.");
    }
    String normalizedUsername = null;
    if (username != null && !username.isBlank()) {
      normalizedUsername = username.strip().toLowerCase(Locale.ROOT);
      if (!USERNAME.matcher(normalizedUsername).matches()) {
        throw AppException.invalid(
            "username", "username must be 3 to 30 letters, digits, dots, dashes or underscores.");
      }
    }
    String chosenUsername = normalizedUsername;
    return passwords
        .run(ClientAddress.network(clientIp), () -> hasher.hash(password))
        .thenApply(
            hash -> {
              Instant now = clock.instant();
              User user =
                  new User(
                      Ids.newId(now.toEpochMilli()),
                      normalizedEmail,
                      chosenUsername,
                      name,
                      hash,
                      false,
                      now,
                      now);
              users.insert(user);
              return user.view();
            });
  }

  /**
   * How long the answer to a login for this email waits: grows with the account's recent failures
   * from every address, a few seconds at most (see {@link LoginThrottle}); the answer itself, right
   * or wrong, is the same.
   */
  public Duration loginDelay(String email, String clientIp) {
    String key = emailKey(email);
    int failures = failuresPerAccount.count(key);
    Duration delay = throttle.delayAfter(failures);
    if (!delay.isZero()) {
      log.info(
          "Login throttled: {} for {} from {} ({} recent failures on the account)",
          delay,
          key,
          clientIp,
          failures);
    }
    return delay;
  }

  /**
   * Checks the password and opens a new session (refresh-token family). Failed attempts are limited
   * per (account, address) and per address; successful ones are not counted, so an office of
   * hundreds behind one address can all sign in, and an attacker elsewhere cannot lock the owner
   * out (they only slow the account's answers down, {@link #loginDelay}).
   */
  public CompletableFuture<Session> login(String email, String password, String clientIp) {
    String key = emailKey(email);
    if (loginsPerIp.isExhausted(ClientAddress.network(clientIp))) {
      log.warn("Login refused: too many failed sign-ins from {}", clientIp);
      throw AppException.rateLimited(
          "Too many failed logins from this address; try again later.",
          loginsPerIp.retryAfterSeconds(ClientAddress.network(clientIp)));
    }
    String pair = key + " " + ClientAddress.network(clientIp);
    if (loginsPerAccountAndAddress.isExhausted(pair)) {
      log.warn("Login refused: too many failed logins for {} from {}", key, clientIp);
      throw AppException.rateLimited(
          "Too many failed logins for this account from this address; try again later.",
          loginsPerAccountAndAddress.retryAfterSeconds(pair));
    }
    if (key.isEmpty() || password == null || password.isEmpty()) {
      throw AppException.invalid(
          key.isEmpty() ? "email" : "password", "email and password are required.");
    }
    Optional<User> found = users.findByEmail(key);
    return passwords
        .run(ClientAddress.network(clientIp), () -> passwordMatches(password, found))
        .thenApply(
            ok -> {
              if (!ok) {
                loginsPerAccountAndAddress.record(pair);
                failuresPerAccount.record(key);
                loginsPerIp.record(ClientAddress.network(clientIp));
                throw AppException.unauthorized("Invalid email or password.");
              }
              loginsPerAccountAndAddress.reset(pair);
              failuresPerAccount.reset(key);
              if (users.isDeactivated(found.get().id())) {
                throw AppException.forbidden(
                    "This account was deactivated. Ask an admin of your team to reactivate it.");
              }
              return openSession(found.get());
            });
  }

  /**
   * Hashes a new account's password on a password thread (an invite's account is created by the
   * team feature); checks it first, at once.
   */
  public CompletableFuture<String> hashNewPassword(String clientIp, String password) {
    checkPassword(password);
    return passwords.run(ClientAddress.network(clientIp), () -> hasher.hash(password));
  }

  /** A wrong email takes as long as a wrong password. */
  private boolean passwordMatches(String password, Optional<User> found) {
    if (found.isEmpty()) {
      hasher.burnVerification(password);
      return false;
    }
    return hasher.matches(password, found.get().passwordHash());
  }

  /**
   * The account key of a typed email: trimmed and lower-cased, and kept out of log lines when it is
   * not an address at all (it is attacker-chosen text).
   */
  private static String emailKey(String email) {
    if (email == null) {
      return "";
    }
    return UserFields.email(email).orElse(email.isBlank() ? "" : "(not an email)");
  }

  /** Counts a failed sign-in of another kind (a refused identity token) against the address. */
  public void recordFailedSignIn(String clientIp) {
    loginsPerIp.record(ClientAddress.network(clientIp));
  }

  /** Refuses a sign-in of any kind from an address that has failed too often. */
  public void checkSignInAllowed(String clientIp) {
    if (loginsPerIp.isExhausted(ClientAddress.network(clientIp))) {
      throw AppException.rateLimited(
          "Too many failed sign-ins from this address; try again later.",
          loginsPerIp.retryAfterSeconds(ClientAddress.network(clientIp)));
    }
  }

  /** Opens a new login session for a user who has proved who they are (any kind). */
  public Session openSession(User user) {
    String familyId = Ids.newId();
    String refresh = tokens.newRefreshToken();
    Instant now = clock.instant();
    sessions.insert(
        new RefreshToken(
            Ids.newId(),
            familyId,
            user.id(),
            tokens.hashRefreshToken(refresh),
            now,
            tokens.refreshExpiry(now),
            null,
            null));
    return new Session(user.view(), tokens.issueAccessToken(user, familyId), refresh);
  }

  /**
   * Spends the refresh token and returns a new pair; a token presented twice revokes its whole
   * session.
   */
  public Session refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw AppException.unauthorized("Refresh token required.");
    }
    Instant now = clock.instant();
    String next = tokens.newRefreshToken();
    SessionRepository.Rotation rotation =
        sessions.rotate(
            tokens.hashRefreshToken(refreshToken),
            old ->
                new RefreshToken(
                    Ids.newId(),
                    old.familyId(),
                    old.userId(),
                    tokens.hashRefreshToken(next),
                    now,
                    tokens.refreshExpiry(now),
                    null,
                    null),
            now);
    if (rotation instanceof SessionRepository.Rotation.Rotated rotated) {
      User user =
          users
              .findById(rotated.userId())
              .orElseThrow(() -> AppException.unauthorized("The account no longer exists."));
      if (users.isDeactivated(user.id())) {
        throw AppException.unauthorized("This account was deactivated.");
      }
      return new Session(user.view(), tokens.issueAccessToken(user, rotated.familyId()), next);
    }
    if (rotation instanceof SessionRepository.Rotation.Reused) {
      throw AppException.unauthorized(
          "Refresh token already used; the session was revoked. Please log in again.");
    }
    throw AppException.unauthorized("Invalid or expired refresh token.");
  }

  /**
   * Ends, on every node, the session of the given refresh token and the session of the caller's
   * access token (usually the same one): their tokens are refused and their sockets disconnected.
   */
  public void logout(String refreshToken, Principal caller) {
    if (refreshToken != null && !refreshToken.isBlank()) {
      sessions
          .find(tokens.hashRefreshToken(refreshToken))
          .ifPresent(t -> termination.endSession(t.userId(), t.familyId()));
    }
    if (caller != null) {
      termination.endSession(caller.userId(), caller.sessionId());
    }
  }

  /**
   * Changes an account's password after checking the current one: every session of the account ends
   * everywhere (a thief holding a token is out), and the caller gets a new session.
   */
  public CompletableFuture<Session> changePassword(
      Principal caller, String currentPassword, String newPassword, String clientIp) {
    checkSignInAllowed(clientIp);
    User user =
        users
            .findById(caller.userId())
            .orElseThrow(() -> AppException.unauthorized("The account no longer exists."));
    if (user.kind() != UserKind.ACCOUNT) {
      throw AppException.forbidden("Only accounts that sign in with a password can change it.");
    }
    if (currentPassword == null || currentPassword.isEmpty()) {
      loginsPerIp.record(ClientAddress.network(clientIp));
      throw AppException.unauthorized("The current password is not correct.");
    }
    checkPassword(newPassword);
    // Both the check and the new hash in one turn on a password thread.
    return passwords
        .run(
            ClientAddress.network(clientIp),
            () ->
                hasher.matches(currentPassword, user.passwordHash())
                    ? hasher.hash(newPassword)
                    : null)
        .thenApply(
            newHash -> {
              if (newHash == null) {
                loginsPerIp.record(ClientAddress.network(clientIp));
                throw AppException.unauthorized("The current password is not correct.");
              }
              users.updatePassword(user.id(), newHash);
              termination.endAllSessionsOf(user.id());
              return openSession(user);
            });
  }

  public UserView me(Principal caller) {
    return users
        .findById(caller.userId())
        .map(User::view)
        .orElseThrow(() -> AppException.unauthorized("The account no longer exists."));
  }

  /** Changes the caller's own display name. */
  public UserView changeName(Principal caller, String fullName) {
    String name = fullName == null ? "" : fullName.strip();
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw AppException.invalid(
          "fullName", "fullName must be 1 to " + MAX_NAME_LENGTH + " characters.");
    }
    me(caller);
    users.updateName(caller.userId(), name);
    return me(caller);
  }

  /** The admins, for the dashboard's "assign to" list. Admin only. */
  public List<UserView> admins(Principal caller) {
    requireAdmin(caller);
    return users.findAdmins().stream().map(User::view).toList();
  }

  public Duration accessTtl() {
    return tokens.accessTtl();
  }

  public Duration refreshTtl() {
    return tokens.refreshTtl();
  }

  public static void requireAdmin(Principal caller) {
    if (!caller.isAdmin()) {
      throw AppException.forbidden("Only admins can do this.");
    }
  }

  static String checkEmail(String email) {
    if (email == null || email.isBlank()) {
      throw AppException.invalid("email", "email is required.");
    }
    String normalized =
        UserFields.email(email)
            .orElseThrow(() -> AppException.invalid("email", "email is not a valid address."));
    if (UserFields.mixesAlphabets(normalized)) {
      throw AppException.invalid(
          "email",
          "email mixes letters of different alphabets that look alike (such as a Cyrillic а in a"
              + " Latin word); type it in one alphabet.");
    }
    return normalized;
  }

  /**
   * Refuses an address that only looks like an existing account's (letters of another alphabet
   * standing in for Latin ones), with the same answer as a taken address.
   */
  private void refuseLookalike(String email) {
    String skeleton = UserFields.lookalikeSkeleton(email);
    if (!skeleton.equals(email) && users.findByEmail(skeleton).isPresent()) {
      throw AppException.conflict("An account with this email or username already exists.");
    }
  }

  /** The password rules for a new password (length), for every feature that sets one. */
  static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw AppException.invalid(
          "password", "password must be at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
    if (password.length() > MAX_PASSWORD_LENGTH) {
      throw AppException.invalid(
          "password", "password must be at most " + MAX_PASSWORD_LENGTH + " characters.");
    }
  }
}
