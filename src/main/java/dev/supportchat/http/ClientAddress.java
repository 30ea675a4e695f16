package dev.supportchat.http;

import dev.supportchat.config.TrustedProxies;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The client's IP address, as the per-address limits see it.
 *
 * <p>Without {@code TRUST_PROXY} it is the connection's peer. With it, and only when the peer is
 * one of {@code TRUSTED_PROXIES}, {@code X-Forwarded-For} is read from the right: each proxy
 * appends the address it received the request from, so entries are skipped while they are trusted
 * proxies and the first one that is not is the client (nginx's {@code real_ip_recursive on}).
 * Everything left of it was written by the client itself and is never believed: a new header per
 * request cannot make a new address.
 */
public final class ClientAddress {
  private final boolean trustProxy;
  private final TrustedProxies proxies;

  public ClientAddress(boolean trustProxy, TrustedProxies proxies) {
    this.trustProxy = trustProxy;
    this.proxies = proxies;
  }

  public String of(Context ctx) {
    return of(
        ctx.req().getRemoteAddr(),
        java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
  }

  /** {@code forwardedFor}: every X-Forwarded-For header of the request, in order. */
  public String of(String remoteAddress, Iterable<String> forwardedFor) {
    Optional<InetAddress> peer = TrustedProxies.literal(remoteAddress);
    if (!trustProxy || peer.isEmpty() || !proxies.contains(peer.get())) {
      return peer.map(InetAddress::getHostAddress).orElse(remoteAddress);
    }
    StringBuilder joined = new StringBuilder();
    for (String header : forwardedFor) {
      joined.append(joined.length() == 0 ? "" : ",").append(header);
    }
    String[] hops = joined.toString().split(",");
    InetAddress client = peer.get();
    for (int i = hops.length - 1; i >= 0; i--) {
      Optional<InetAddress> hop = TrustedProxies.literal(withoutPort(hops[i].strip()));
      if (hop.isEmpty()) {
        // Not an address where a trusted proxy should have written one: the nearest proxy that
        // spoke is the client as far as we can tell (never a value the client chose).
        break;
      }
      client = hop.get();
      if (!proxies.contains(client)) {
        break;
      }
    }
    return client.getHostAddress();
  }

  /**
   * The network {@code address} belongs to, for limits on what one client holds at once: an IPv4
   * address itself, an IPv6 address's /64 (one home or phone is given a whole /64, so each of its
   * addresses is not a client of its own).
   */
  public String networkOf(Context ctx) {
    return network(of(ctx));
  }

  /** As {@link #networkOf}, for an address already read from a request. */
  public static String network(String address) {
    Optional<InetAddress> parsed = TrustedProxies.literal(address);
    if (parsed.isEmpty() || parsed.get().getAddress().length != 16) {
      return address;
    }
    byte[] prefix = Arrays.copyOf(parsed.get().getAddress(), 16);
    Arrays.fill(prefix, 8, 16, (byte) 0);
    try {
      return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible); // 16 bytes is an IPv6 address
    }
  }

  /** {@code 1.2.3.4:5678} and {@code [::1]:5678} without the port (some proxies add it). */
  private static String withoutPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end < 0 ? hop : hop.substring(0, end + 1);
    }
    int colon = hop.indexOf(':');
    return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
  }
}
