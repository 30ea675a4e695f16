package dev.supportchat.http;

import dev.supportchat.logging.LogContext;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * Finds and verifies the caller's access token: {@code Authorization: Bearer …} first, else the
 * cookie.
 *
 * @param <P> the verified caller, as {@link AccessTokenVerifier} returns it
 */
public final class Auth<P> {
  public static final String ACCESS_COOKIE = "accessToken";
  public static final String REFRESH_COOKIE = "refreshToken";
  private static final String BEARER = "bearer ";

  private final AccessTokenVerifier<P> tokens;
  private final Function<P, String> userIdOf;

  /**
   * @param userIdOf the caller's user id, which the request's log lines then carry
   */
  public Auth(AccessTokenVerifier<P> tokens, Function<P, String> userIdOf) {
    this.tokens = tokens;
    this.userIdOf = userIdOf;
  }

  /** The verified caller; throws {@code unauthorized} when there is no valid token. */
  public P require(Context ctx) {
    return known(
        ctx, tokens.verify(tokenOf(ctx.header("Authorization"), ctx.cookie(ACCESS_COOKIE))));
  }

  private P known(Context ctx, P caller) {
    String userId = userIdOf.apply(caller);
    ctx.attribute(LogContext.USER_ID, userId);
    LogContext.user(userId);
    return caller;
  }

  /** The caller if a valid token came with the request, else null. */
  public P optional(Context ctx) {
    String token = tokenOf(ctx.header("Authorization"), ctx.cookie(ACCESS_COOKIE));
    if (token == null) {
      return null;
    }
    P caller;
    try {
      caller = tokens.verify(token);
    } catch (RuntimeException invalid) {
      return null;
    }
    return known(ctx, caller);
  }

  /** The bearer token of an Authorization header if there is one, else the cookie's value. */
  public static String tokenOf(String authorizationHeader, String cookie) {
    if (authorizationHeader != null
        && authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String token = authorizationHeader.substring(BEARER.length()).strip();
      return token.isEmpty() ? null : token;
    }
    return cookie == null || cookie.isBlank() ? null : cookie;
  }
}
