package dev.supportchat.widget;

import dev.supportchat.chat.ChatModule;
import dev.supportchat.chat.ChatService;
import dev.supportchat.config.AppConfig;
import dev.supportchat.error.AppException;
import dev.supportchat.error.ErrorCode;
import dev.supportchat.http.ClientAddress;
import dev.supportchat.limit.Limiter;
import dev.supportchat.store.Ids;
import dev.supportchat.user.AccountService;
import dev.supportchat.user.Principal;
import dev.supportchat.user.TokenService;
import dev.supportchat.user.User;
import dev.supportchat.user.UserContext;
import dev.supportchat.user.UserFields;
import dev.supportchat.user.UserKind;
import dev.supportchat.user.UserRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How people get into the widget without an account of ours: anonymous visitors, and the host
 * site's signed-in users, vouched for by an identity token its backend signed. Both end with the
 * same session (access and refresh token) an account gets at login.
 */
public final class WidgetService {
  private static final Logger log = LoggerFactory.getLogger(WidgetService.class);

  /** The window of WIDGET_VISITORS_PER_IP_PER_HOUR. */
  static final Duration VISITOR_WINDOW = Duration.ofHours(1);

  static final int MAX_NAME_LENGTH = UserFields.MAX_NAME_LENGTH;
  static final int MAX_PAGE_URL_LENGTH = 2048;
  static final int MAX_PAGE_TITLE_LENGTH = 300;
  static final int MAX_LANGUAGE_LENGTH = 35;
  static final int MAX_TIME_ZONE_LENGTH = 64;
  private static final Pattern LANGUAGE = Pattern.compile("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$");
  private static final Pattern TIME_ZONE = Pattern.compile("^[A-Za-z0-9_+\\-/]+$");

  /** What the widget needs to know before anyone has a session. */
  public record Settings(
      boolean visitors, String prechat, boolean identity, ChatModule.MessageRules messages) {}

  /** What the widget reports about the page and browser it runs in. */
  public record ReportedContext(
      String pageUrl, String pageTitle, String language, String timeZone, String userAgent) {}

  private final AppConfig.Widget settings;
  private final IdentityTokenVerifier identities;
  private final IdentityTokenUses tokenUses;
  private final UserRepository users;
  private final AccountService accounts;
  private final ChatService chats;
  private final Limiter visitorsPerIp;
  private final ChatModule.MessageRules messageRules;
  private final Clock clock;

  WidgetService(
      AppConfig.Widget settings,
      IdentityTokenVerifier identities,
      IdentityTokenUses tokenUses,
      UserRepository users,
      AccountService accounts,
      ChatService chats,
      Limiter visitorsPerIp,
      ChatModule.MessageRules messageRules,
      Clock clock) {
    this.settings = settings;
    this.messageRules = messageRules;
    this.identities = identities;
    this.tokenUses = tokenUses;
    this.users = users;
    this.accounts = accounts;
    this.chats = chats;
    this.visitorsPerIp = visitorsPerIp;
    this.clock = clock;
  }

  public Settings settings() {
    return new Settings(
        settings.visitors(),
        settings.prechat().name().toLowerCase(Locale.ROOT),
        identities.configured(),
        messageRules);
  }

  /** A new anonymous visitor with a session; the pre-chat form's name and email if given. */
  public AccountService.Session startVisitor(String name, String email, String clientIp) {
    if (!settings.visitors()) {
      throw AppException.forbidden(
          "Chatting without signing in is turned off here; please sign in to chat.");
    }
    boolean required = settings.prechat() == AppConfig.Prechat.REQUIRED;
    String cleanName = name == null || name.isBlank() ? null : name.strip();
    if (required && cleanName == null) {
      throw AppException.invalid("name", "Please tell us your name.");
    }
    if (cleanName != null && cleanName.length() > MAX_NAME_LENGTH) {
      throw AppException.invalid(
          "name", "Your name can be at most " + MAX_NAME_LENGTH + " characters.");
    }
    String cleanEmail = email == null || email.isBlank() ? null : email.strip();
    if (required && cleanEmail == null) {
      throw AppException.invalid("email", "Please tell us your email address.");
    }
    if (cleanEmail != null) {
      cleanEmail =
          UserFields.email(cleanEmail)
              .orElseThrow(
                  () -> AppException.invalid("email", "That does not look like an email address."));
    }
    if (!visitorsPerIp.tryAcquire(ClientAddress.network(clientIp))) {
      log.info("Visitor sessions from {} are at their hourly limit", clientIp);
      throw AppException.rateLimited(
          "Too many new conversations were started from your network; please try again later.",
          visitorsPerIp.retryAfterSeconds(ClientAddress.network(clientIp)));
    }
    Instant now = clock.instant();
    String id = Ids.newId(now.toEpochMilli());
    User visitor =
        new User(
            id,
            cleanEmail == null ? "" : cleanEmail,
            null,
            cleanName == null
                ? "Visitor " + id.substring(id.length() - 4).toUpperCase(Locale.ROOT)
                : cleanName,
            "",
            false,
            now,
            now,
            UserKind.VISITOR,
            null,
            false);
    users.insert(visitor);
    return accounts.openSession(visitor);
  }

  /**
   * Exchanges the host's identity token for a session of the verified user it names (created on
   * first sight, keyed by the host's user id). A visitor who was chatting in this browser ({@code
   * visitor}, or null) has their conversation merged into that user's.
   */
  public AccountService.Session identify(String token, Principal visitor, String clientIp) {
    accounts.checkSignInAllowed(clientIp);
    User user = verifiedUser(token, clientIp);
    if (visitor != null && !visitor.userId().equals(user.id())) {
      Optional<User> caller = users.findById(visitor.userId());
      if (caller.isPresent() && caller.get().kind() == UserKind.VISITOR) {
        if (chats.mergeVisitor(caller.get().id(), user.id())) {
          log.info(
              "Visitor {} signed in as verified user {}: conversations merged",
              visitor.userId(),
              user.id());
        }
      }
    }
    return accounts.openSession(user);
  }

  /** A socket handshake carrying the host's identity token: the user's new session, if valid. */
  public Optional<TokenService.Verified> socketIdentity(String token, TokenService tokens) {
    if (!identities.configured()) {
      return Optional.empty();
    }
    try {
      User user = verifiedUser(token, null);
      return Optional.of(tokens.verify(accounts.openSession(user).accessToken()));
    } catch (AppException refused) {
      return Optional.empty();
    }
  }

  private User verifiedUser(String token, String clientIp) {
    HostIdentity identity;
    try {
      identity = identities.verify(token);
      if (identity.tokenId() != null && !tokenUses.firstUse(identity)) {
        throw AppException.unauthorized(
            "This identity token was already used; the page must ask its server for a new one.");
      }
    } catch (AppException refused) {
      if (clientIp != null && refused.code() == ErrorCode.UNAUTHORIZED) {
        accounts.recordFailedSignIn(clientIp);
        log.info("Identity token refused from {}: {}", clientIp, refused.getMessage());
      }
      throw refused;
    }
    return findOrCreate(identity);
  }

  private User findOrCreate(HostIdentity identity) {
    Optional<User> existing = users.findByExternalId(identity.subject());
    if (existing.isPresent()) {
      return refreshProfile(existing.get(), identity);
    }
    Instant now = clock.instant();
    User created =
        new User(
            Ids.newId(now.toEpochMilli()),
            identity.email() == null ? "" : identity.email(),
            null,
            identity.name() != null ? identity.name() : displayName(identity),
            "",
            false,
            now,
            now,
            UserKind.VERIFIED,
            identity.subject(),
            identity.email() != null);
    try {
      users.insert(created);
      return created;
    } catch (AppException taken) {
      // Two first sign-ins of the same person at once: the other one created them.
      return users.findByExternalId(identity.subject()).orElseThrow(() -> taken);
    }
  }

  /** The host is the authority on its user's name and email: take what it says now. */
  private User refreshProfile(User user, HostIdentity identity) {
    String name = identity.name() != null ? identity.name() : user.fullName();
    String email = identity.email() != null ? identity.email() : user.email();
    boolean verifiedEmail = identity.email() != null || user.emailVerified();
    if (name.equals(user.fullName()) && email.equals(user.email())) {
      return user;
    }
    users.updateProfile(user.id(), name, email, verifiedEmail);
    return users.findById(user.id()).orElse(user);
  }

  private static String displayName(HostIdentity identity) {
    if (identity.email() != null) {
      return identity.email().substring(0, identity.email().indexOf('@'));
    }
    String sub = identity.subject();
    return "Customer " + (sub.length() > 12 ? sub.substring(0, 12) + "…" : sub);
  }

  /** Remembers where and how the caller is chatting, for the agents. */
  public void saveContext(Principal caller, ReportedContext reported) {
    String pageUrl = limited("pageUrl", reported.pageUrl(), MAX_PAGE_URL_LENGTH);
    if (pageUrl != null) {
      try {
        String scheme = URI.create(pageUrl).getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
          throw AppException.invalid("pageUrl", "pageUrl must be an http or https address.");
        }
      } catch (IllegalArgumentException e) {
        throw AppException.invalid("pageUrl", "pageUrl is not a valid address.");
      }
    }
    String language = limited("language", reported.language(), MAX_LANGUAGE_LENGTH);
    if (language != null && !LANGUAGE.matcher(language).matches()) {
      throw AppException.invalid("language", "language must be a language tag such as en-GB.");
    }
    String timeZone = limited("timeZone", reported.timeZone(), MAX_TIME_ZONE_LENGTH);
    if (timeZone != null && !TIME_ZONE.matcher(timeZone).matches()) {
      throw AppException.invalid("timeZone", "timeZone must be a zone name such as Europe/Paris.");
    }
    users.saveContext(
        caller.userId(),
        new UserContext(
            pageUrl,
            limited("pageTitle", reported.pageTitle(), MAX_PAGE_TITLE_LENGTH),
            BrowserName.of(reported.userAgent()),
            language,
            timeZone,
            clock.instant()));
  }

  private static String limited(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw AppException.invalid(field, field + " must be at most " + max + " characters.");
    }
    return v;
  }
}
