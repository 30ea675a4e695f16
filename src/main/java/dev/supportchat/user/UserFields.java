package dev.supportchat.user;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The shape of a user's name and email, one rule for every way in (accounts, visitors, hosts). */
public final class UserFields {
  public static final int MAX_NAME_LENGTH = 100;
  static final int MAX_EMAIL_LENGTH = 254;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

  /**
   * Letters of other alphabets that look like Latin ones (the common part of Unicode's confusables
   * list, TR39, for Cyrillic and Greek), lower-case. Enough to find the Latin address a look-alike
   * imitates; fullwidth and other compatibility forms are already folded by NFKC.
   */
  private static final Map<Character, Character> LOOKALIKES =
      Map.ofEntries(
          Map.entry('а', 'a'),
          Map.entry('в', 'b'),
          Map.entry('с', 'c'),
          Map.entry('ԁ', 'd'),
          Map.entry('е', 'e'),
          Map.entry('ё', 'e'),
          Map.entry('һ', 'h'),
          Map.entry('і', 'i'),
          Map.entry('ї', 'i'),
          Map.entry('ј', 'j'),
          Map.entry('к', 'k'),
          Map.entry('ӏ', 'l'),
          Map.entry('м', 'm'),
          Map.entry('н', 'h'),
          Map.entry('о', 'o'),
          Map.entry('р', 'p'),
          Map.entry('ԛ', 'q'),
          Map.entry('ѕ', 's'),
          Map.entry('т', 't'),
          Map.entry('у', 'y'),
          Map.entry('ԝ', 'w'),
          Map.entry('х', 'x'),
          Map.entry('α', 'a'),
          Map.entry('β', 'b'),
          Map.entry('ε', 'e'),
          Map.entry('η', 'n'),
          Map.entry('ι', 'i'),
          Map.entry('κ', 'k'),
          Map.entry('ν', 'v'),
          Map.entry('ο', 'o'),
          Map.entry('ρ', 'p'),
          Map.entry('τ', 't'),
          Map.entry('υ', 'u'),
          Map.entry('χ', 'x'),
          Map.entry('ɡ', 'g'),
          Map.entry('ı', 'i'));

  /** Scripts every alphabet shares (digits, punctuation, combining marks). */
  private static final Set<UnicodeScript> SHARED =
      EnumSet.of(UnicodeScript.COMMON, UnicodeScript.INHERITED);

  private UserFields() {}

  /**
   * The email in the one form we store and compare: stripped, NFKC-normalised (fullwidth and other
   * compatibility forms become the plain letters) and lower-cased, if it looks like an address;
   * empty otherwise.
   */
  public static Optional<String> email(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String e =
        Normalizer.normalize(
            Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT),
            Normalizer.Form.NFKC);
    return e.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(e).matches()
        ? Optional.of(e)
        : Optional.empty();
  }

  /**
   * True when one part of the (normalised) address, the name or a domain label, mixes letters of
   * different alphabets, like {@code exаmple} with a Cyrillic {@code а}: the classic way to pose as
   * another address. Accounts refuse such addresses (an address written in one alphabet is fine).
   */
  public static boolean mixesAlphabets(String email) {
    for (String part : email.split("[@.]")) {
      UnicodeScript seen = null;
      for (int i = 0; i < part.length(); ) {
        int cp = part.codePointAt(i);
        i += Character.charCount(cp);
        UnicodeScript script = UnicodeScript.of(cp);
        if (SHARED.contains(script)) {
          continue;
        }
        if (seen != null && seen != script) {
          return true;
        }
        seen = script;
      }
    }
    return false;
  }

  /**
   * The address with look-alike letters of other alphabets replaced by the Latin letters they
   * imitate: {@code аdmin@example.com} (Cyrillic {@code а}) gives {@code admin@example.com}. Equal
   * to the input when it has none.
   */
  public static String lookalikeSkeleton(String email) {
    StringBuilder out = new StringBuilder(email.length());
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      out.append(LOOKALIKES.getOrDefault(c, c));
    }
    return out.toString();
  }
}
