package dev.supportchat.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} entries we believe ({@code TRUSTED_PROXIES}): addresses
 * and CIDR ranges, IPv4 and IPv6. Only literal addresses are accepted, never host names, so that
 * parsing one never asks DNS.
 */
public final class TrustedProxies {
  /** The loopback ranges: a proxy on the same machine. */
  public static final String DEFAULT = "127.0.0.1/8,::1";

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private record Range(byte[] network, int prefixBits) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefixBits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = ranges;
  }

  /**
   * Parses a comma- or space-separated list; throws {@link IllegalArgumentException} with a
   * sentence naming the first entry that is not an address or CIDR range.
   */
  public static TrustedProxies parse(String list) {
    List<Range> ranges = new ArrayList<>();
    for (String raw : list.split("[,\\s]+")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      String host = slash < 0 ? entry : entry.substring(0, slash);
      byte[] address =
          literal(host)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "'" + entry + "' is not an IP address or CIDR range"))
              .getAddress();
      int bits = address.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException(
              "'" + entry + "' has a prefix length outside 0.." + bits);
        }
      }
      ranges.add(new Range(address, prefix));
    }
    return new TrustedProxies(List.copyOf(ranges));
  }

  /** The address of an IP literal (IPv4, IPv6, {@code [IPv6]}), never resolving a name. */
  public static Optional<InetAddress> literal(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(t));
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (Range r : ranges) {
      if (r.contains(bytes)) {
        return true;
      }
    }
    return false;
  }
}
