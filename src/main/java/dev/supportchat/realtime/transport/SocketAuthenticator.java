package dev.supportchat.realtime.transport;

import java.util.Optional;

/**
 * Turns the access token presented in a Socket.IO handshake into the caller's identity.
 *
 * <p>Called once per namespace CONNECT, on the thread that delivered the packet, so it should be
 * quick (verify a JWT; avoid slow I/O). Empty means "refuse": the client gets {@code connect_error}
 * with the message {@code unauthorized}. An exception is treated the same way.
 *
 * @param <P> the application's principal type
 */
@FunctionalInterface
public interface SocketAuthenticator<P> {

  Optional<P> authenticate(String accessToken);

  /**
   * The principal of a CONNECT that carries no token at all: none (refused, as the application
   * does; its visitors get a token over REST first) unless an authenticator admits such sockets, as
   * the server the official Socket.IO protocol suite is run against does.
   */
  default Optional<P> withoutToken() {
    return Optional.empty();
  }
}
