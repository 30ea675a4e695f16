package dev.supportchat.team;

import dev.supportchat.error.AppException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inbox's pure rules for saved replies and labels: what a shortcut, a reply body, a label name
 * and a colour may be, how many there may be, and which template variables a body uses.
 */
public final class InboxRules {
  /** Saved replies the team may keep: a long list, not a way to fill the database. */
  public static final int MAX_SAVED_REPLIES = 500;

  public static final int MAX_SHORTCUT_LENGTH = 32;

  /** The composer's own limit on a message (ConversationPane's maxLength). */
  public static final int MAX_REPLY_BODY_CHARS = 5000;

  public static final int MAX_LABELS = 100;
  public static final int MAX_LABEL_NAME_LENGTH = 40;
  public static final int MAX_LABELS_PER_CHAT = 10;

  /** The variables the dashboard fills in when a saved reply is inserted. */
  public static final Set<String> VARIABLES = Set.of("user.name", "user.email", "agent.name");

  private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

  /** {@code {{ name }}}: the same pattern as web/src/dashboard/inbox/templates.ts. */
  static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*\\}\\}");

  private InboxRules() {}

  /** A shortcut as stored: lower case, without the slash typed before it. */
  public static String shortcut(String raw) {
    if (raw == null || raw.isBlank()) {
      throw AppException.invalid("shortcut", "shortcut is required, for example refund.");
    }
    String s = raw.strip();
    if (s.startsWith("/")) {
      s = s.substring(1);
    }
    s = s.toLowerCase(Locale.ROOT);
    if (s.isEmpty() || s.length() > MAX_SHORTCUT_LENGTH || !SHORTCUT.matcher(s).matches()) {
      throw AppException.invalid(
          "shortcut",
          "shortcut must be 1 to "
              + MAX_SHORTCUT_LENGTH
              + " letters a-z, digits, - or _, starting with a letter or digit.");
    }
    return s;
  }

  public static String replyBody(String raw) {
    if (raw == null || raw.isBlank()) {
      throw AppException.invalid("body", "body is required: the text the reply inserts.");
    }
    if (raw.length() > MAX_REPLY_BODY_CHARS) {
      throw AppException.tooLarge(
          "body must be at most " + MAX_REPLY_BODY_CHARS + " characters, like any message.");
    }
    return raw.strip();
  }

  /** The variables a body names, in order of first use. */
  public static List<String> variables(String body) {
    List<String> names = new ArrayList<>();
    Matcher m = VARIABLE.matcher(body);
    while (m.find()) {
      if (!names.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** The variables nothing fills in: shown to whoever saves the reply, left as typed in chats. */
  public static List<String> unknownVariables(String body) {
    return variables(body).stream().filter(v -> !VARIABLES.contains(v)).toList();
  }

  public static void checkRoomForReply(long existing) {
    if (existing >= MAX_SAVED_REPLIES) {
      throw AppException.conflict(
          "The team already has "
              + MAX_SAVED_REPLIES
              + " saved replies: delete one you no longer use first.");
    }
  }

  public static String labelName(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (s.isEmpty()
        || s.length() > MAX_LABEL_NAME_LENGTH
        || s.chars().anyMatch(Character::isISOControl)) {
      throw AppException.invalid(
          "name", "name must be 1 to " + MAX_LABEL_NAME_LENGTH + " characters on one line.");
    }
    return s;
  }

  /** The key that makes two names the same label ("Billing" and "billing"). */
  public static String labelKey(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** A colour as {@code #rrggbb}, stored in lower case. */
  public static String colour(String raw) {
    if (raw == null || !COLOUR.matcher(raw.strip()).matches()) {
      throw AppException.invalid("colour", "colour must be written #rrggbb, for example #2f6fde.");
    }
    return raw.strip().toLowerCase(Locale.ROOT);
  }

  public static void checkRoomForLabel(long existing) {
    if (existing >= MAX_LABELS) {
      throw AppException.conflict(
          "The team already has " + MAX_LABELS + " labels: delete one you no longer use first.");
    }
  }

  public static void checkRoomOnChat(long onChat) {
    if (onChat >= MAX_LABELS_PER_CHAT) {
      throw AppException.conflict(
          "A chat can carry at most " + MAX_LABELS_PER_CHAT + " labels: remove one first.");
    }
  }
}
