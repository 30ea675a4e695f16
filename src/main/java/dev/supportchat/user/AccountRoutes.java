package dev.supportchat.user;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.supportchat.error.AppException;
import dev.supportchat.http.Auth;
import dev.supportchat.http.ClientAddress;
import dev.supportchat.http.RequestBody;
import dev.supportchat.http.Responses;
import dev.supportchat.json.JsonBody;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** {@code /api/v1/users}: register, login, refresh-token, logout, change-password, me, admins. */
public final class AccountRoutes implements EndpointGroup {
  private final AccountService accounts;
  private final Auth<Principal> auth;
  private final ClientAddress clientAddress;
  private final PresenceLookup presence;
  private final Executor answers;

  /** Tells whether an admin is connected right now (the realtime layer knows; REST only asks). */
  public interface PresenceLookup {
    boolean isOnline(String userId);
  }

  public AccountRoutes(
      AccountService accounts,
      Auth<Principal> auth,
      ClientAddress clientAddress,
      PresenceLookup presence,
      Executor answers) {
    this.accounts = accounts;
    this.answers = answers;
    this.auth = auth;
    this.clientAddress = clientAddress;
    this.presence = presence;
  }

  @Override
  public void addEndpoints() {
    post("/register", this::register);
    post("/login", this::login);
    post("/refresh-token", this::refresh);
    post("/logout", this::logout);
    post("/change-password", this::changePassword);
    get("/me", this::me);
    patch("/me", this::changeName);
    get("/admins", this::admins);
  }

  // Register, login and change-password answer once their password is hashed or checked, on a
  // password thread (PasswordThreads); the request waits without a thread.

  private void register(Context ctx) {
    JsonBody body = RequestBody.json(ctx);
    CompletableFuture<UserView> registered =
        accounts.register(
            body.string("email"),
            body.string("password"),
            body.string("fullName"),
            body.string("username"),
            clientAddress.of(ctx));
    ctx.future(
        () ->
            registered.thenAccept(
                user -> Responses.created(ctx, user, "User registered successfully")));
  }

  /**
   * Answers after the account's throttling delay (usually none) or once the password is checked,
   * whichever is later; a refusal waits for the delay too. Neither wait holds a thread.
   */
  private void login(Context ctx) {
    JsonBody body = RequestBody.json(ctx);
    String email = body.string("email");
    String address = clientAddress.of(ctx);
    Duration delay = accounts.loginDelay(email, address);
    CompletableFuture<AccountService.Session> attempt;
    try {
      attempt = accounts.login(email, body.string("password"), address);
    } catch (AppException refused) {
      if (delay.isZero()) {
        throw refused;
      }
      attempt = CompletableFuture.failedFuture(refused);
    }
    // The delay's timer runs beside the check; the answer, or the refusal, waits for both.
    CompletableFuture<AccountService.Session> checked = attempt;
    CompletableFuture<Void> answered =
        after(delay).thenCompose(waited -> checked).thenAccept(s -> answerLogin(ctx, s));
    ctx.future(() -> answered);
  }

  /** Completes after {@code delay}, on a request thread (now, if there is none). */
  private CompletableFuture<Void> after(Duration delay) {
    if (delay.isZero()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(
        () -> {},
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, answers));
  }

  private void answerLogin(Context ctx, AccountService.Session session) {
    setSessionCookies(ctx, session);
    Responses.ok(ctx, session, "User logged in successfully");
  }

  /** The refresh token from the body, or else from its cookie. */
  private static String refreshTokenOf(Context ctx) {
    String token = RequestBody.json(ctx).string("refreshToken");
    return token != null ? token : ctx.cookie(Auth.REFRESH_COOKIE);
  }

  private void refresh(Context ctx) {
    AccountService.Session session = accounts.refresh(refreshTokenOf(ctx));
    setSessionCookies(ctx, session);
    Responses.ok(ctx, session, "Access token refreshed");
  }

  private void logout(Context ctx) {
    String token = refreshTokenOf(ctx);
    Principal caller = auth.optional(ctx);
    if (caller == null && token == null) {
      throw AppException.unauthorized("Authentication required.");
    }
    accounts.logout(token, caller);
    clearCookie(ctx, Auth.ACCESS_COOKIE);
    clearCookie(ctx, Auth.REFRESH_COOKIE);
    Responses.ok(ctx, Map.of(), "User logged out");
  }

  private void changePassword(Context ctx) {
    Principal caller = auth.require(ctx);
    JsonBody body = RequestBody.json(ctx);
    CompletableFuture<AccountService.Session> changed =
        accounts.changePassword(
            caller,
            body.string("currentPassword"),
            body.string("newPassword"),
            clientAddress.of(ctx));
    ctx.future(
        () ->
            changed.thenAccept(
                session -> {
                  setSessionCookies(ctx, session);
                  Responses.ok(ctx, session, "Password changed; every other session was ended");
                }));
  }

  private void me(Context ctx) {
    Responses.ok(ctx, accounts.me(auth.require(ctx)), "Current user fetched");
  }

  private void changeName(Context ctx) {
    Principal caller = auth.require(ctx);
    JsonBody body = RequestBody.json(ctx);
    Responses.ok(ctx, accounts.changeName(caller, body.string("fullName")), "Name changed");
  }

  private void admins(Context ctx) {
    var list =
        accounts.admins(auth.require(ctx)).stream()
            .map(
                a ->
                    Map.of(
                        "_id",
                        a.id(),
                        "fullName",
                        a.fullName(),
                        "email",
                        a.email(),
                        "isAdmin",
                        true,
                        "online",
                        presence.isOnline(a.id())))
            .toList();
    Responses.ok(ctx, list, "Admins fetched");
  }

  private void setSessionCookies(Context ctx, AccountService.Session session) {
    boolean secure =
        "https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    ctx.cookie(cookie(Auth.ACCESS_COOKIE, session.accessToken(), accounts.accessTtl(), secure));
    ctx.cookie(cookie(Auth.REFRESH_COOKIE, session.refreshToken(), accounts.refreshTtl(), secure));
  }

  private static Cookie cookie(String name, String value, Duration ttl, boolean secure) {
    return new Cookie(
        name,
        value,
        "/",
        (int) Math.min(Integer.MAX_VALUE, ttl.toSeconds()),
        secure,
        true,
        null,
        SameSite.LAX);
  }

  private static void clearCookie(Context ctx, String name) {
    ctx.cookie(new Cookie(name, "", "/", 0, false, true, null, SameSite.LAX));
  }
}
