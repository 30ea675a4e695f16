package dev.supportchat.widget;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Firefox 133 on Windows" from a User-Agent header, for the agents' view of who they talk to. A
 * guess from the usual tokens, never used for anything but display; unknown agents show as they
 * are, shortened.
 */
final class BrowserName {
  private static final int MAX_RAW = 120;
  private static final String[][] BROWSERS = {
    {"Edg/", "Edge"},
    {"OPR/", "Opera"},
    {"SamsungBrowser/", "Samsung Internet"},
    {"Firefox/", "Firefox"},
    {"FxiOS/", "Firefox"},
    {"CriOS/", "Chrome"},
    {"Chrome/", "Chrome"},
    {"Version/", "Safari"}
  };
  private static final String[][] SYSTEMS = {
    {"Windows", "Windows"},
    {"iPhone", "iOS"},
    {"iPad", "iPadOS"},
    {"Android", "Android"},
    {"Mac OS X", "macOS"},
    {"CrOS", "ChromeOS"},
    {"Linux", "Linux"}
  };

  private BrowserName() {}

  static String of(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return null;
    }
    String browser = null;
    for (String[] b : BROWSERS) {
      Matcher m = Pattern.compile(Pattern.quote(b[0]) + "(\\d+)").matcher(userAgent);
      if (m.find()) {
        browser = b[1] + " " + m.group(1);
        break;
      }
    }
    String system = null;
    for (String[] s : SYSTEMS) {
      if (userAgent.contains(s[0])) {
        system = s[1];
        break;
      }
    }
    if (browser == null) {
      String raw = userAgent.strip();
      return raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) + "…" : raw;
    }
    return system == null ? browser : browser + " on " + system;
  }
}
