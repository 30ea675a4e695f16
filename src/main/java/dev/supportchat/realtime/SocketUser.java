package dev.supportchat.realtime;

import dev.supportchat.user.Principal;
import java.time.Instant;

/** Who a socket authenticated as, and until when its access token is valid. */
public record SocketUser(Principal principal, Instant tokenExpiresAt) {
  public String userId() {
    return principal.userId();
  }

  public boolean isAdmin() {
    return principal.isAdmin();
  }
}
