package dev.supportchat.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs the server may call (SSRF): http(s) only, no credentials in the URL, and by
 * default only public addresses. Every address a host name resolves to must be allowed, checked at
 * registration and again before each delivery (a name may point elsewhere later). Pure: the caller
 * resolves the name.
 */
final class TargetPolicy {
  static final int MAX_URL_CHARS = 2_000;

  private TargetPolicy() {}

  /** The URL, parsed, or the reason it is refused (one sentence). */
  static URI parse(String url) {
    if (url == null || url.isBlank()) {
      throw new Refused("url is required.");
    }
    if (url.length() > MAX_URL_CHARS) {
      throw new Refused("url must be at most " + MAX_URL_CHARS + " characters.");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new Refused("url is not a valid URL.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Refused("url must start with http:// or https://.");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new Refused("url must name a host.");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Refused("url must not carry a user name or password.");
    }
    if (uri.getRawFragment() != null) {
      throw new Refused("url must not have a #fragment.");
    }
    return uri;
  }

  /** Why these addresses may not be called, if so. */
  static Optional<String> refusal(List<InetAddress> addresses, boolean allowPrivate) {
    if (addresses.isEmpty()) {
      return Optional.of("its host name does not resolve.");
    }
    for (InetAddress a : addresses) {
      if (a.isAnyLocalAddress() || a.isMulticastAddress() || isReserved(a)) {
        return Optional.of("it points at a reserved address (" + a.getHostAddress() + ").");
      }
      if (!allowPrivate && isPrivate(a)) {
        return Optional.of(
            "it points at a private, loopback or link-local address ("
                + a.getHostAddress()
                + "); set WEBHOOKS_ALLOW_PRIVATE=on for receivers on your own network.");
      }
    }
    return Optional.empty();
  }

  /** Loopback, link-local (cloud metadata lives there), private and shared (CGNAT) ranges. */
  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 100 && second >= 64 && second <= 127; // 100.64.0.0/10
    }
    if (a instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
    }
    return false;
  }

  /** 0.0.0.0/8 and 240.0.0.0/4 (and broadcast): never a receiver. */
  private static boolean isReserved(InetAddress a) {
    if (a instanceof Inet4Address) {
      int first = a.getAddress()[0] & 0xff;
      return first == 0 || first >= 240;
    }
    return false;
  }

  /** A refused URL, with the sentence the admin reads. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }
}
