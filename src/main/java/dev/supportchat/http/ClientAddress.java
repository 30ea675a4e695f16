package dev.supportchat.http;

import io.javalin.http.Context;

/**
 * The client's IP: the socket's peer, or with {@code TRUST_PROXY} the first address of
 * X-Forwarded-For.
 */
public final class ClientAddress {
  private final boolean trustProxy;

  public ClientAddress(boolean trustProxy) {
    this.trustProxy = trustProxy;
  }

  public String of(Context ctx) {
    return of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
  }

  public String of(String remoteAddress, String forwardedFor) {
    if (trustProxy && forwardedFor != null && !forwardedFor.isBlank()) {
      return forwardedFor.split(",")[0].strip();
    }
    return remoteAddress;
  }
}
