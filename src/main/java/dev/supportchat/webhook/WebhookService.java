package dev.supportchat.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportchat.error.AppException;
import dev.supportchat.json.Json;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.store.Ids;
import dev.supportchat.user.Principal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Admins' management of webhook endpoints: register (the secret is shown once), change, remove,
 * list recent deliveries and redeliver one. Only admins; every URL passes {@link TargetPolicy}.
 */
public final class WebhookService {
  /** Endpoints one server keeps: enough for every integration, a bound on fan-out per event. */
  public static final int MAX_ENDPOINTS = 20;

  public static final int MAX_DESCRIPTION_CHARS = 200;
  public static final int MAX_DELIVERIES_LISTED = 100;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookStore store;
  private final Outbox outbox;
  private final Function<String, List<InetAddress>> resolver;
  private final boolean allowPrivate;
  private final Predicate<Principal> managesTeam;
  private final Clock clock;

  WebhookService(
      WebhookStore store,
      Outbox outbox,
      Function<String, List<InetAddress>> resolver,
      boolean allowPrivate,
      Predicate<Principal> managesTeam,
      Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.resolver = resolver;
    this.allowPrivate = allowPrivate;
    this.managesTeam = managesTeam;
    this.clock = clock;
  }

  /** What an admin asked to set; null fields stay as they are. */
  public record Changes(String url, List<String> events, String description, Boolean isActive) {}

  public List<WebhookEndpoint> list(Principal caller) {
    requireAdmin(caller);
    return store.all();
  }

  public WebhookEndpoint create(Principal caller, Changes c) {
    requireAdmin(caller);
    if (c.url() == null) {
      throw AppException.invalid("url", "url is required.");
    }
    if (c.events() == null) {
      throw AppException.invalid(
          "events", "events is required: a list of " + WebhookEndpoint.EVENTS + ".");
    }
    if (store.count() >= MAX_ENDPOINTS) {
      throw AppException.conflict(
          "At most " + MAX_ENDPOINTS + " webhook endpoints; remove one first.");
    }
    Instant now = clock.instant();
    WebhookEndpoint e =
        new WebhookEndpoint(
            Ids.newId(now.toEpochMilli()),
            checkedUrl(c.url()),
            newSecret(),
            checkedEvents(c.events()),
            checkedDescription(c.description()),
            c.isActive() == null || c.isActive(),
            now,
            now);
    store.insert(e, caller.userId());
    return e;
  }

  public WebhookEndpoint update(Principal caller, String id, Changes c) {
    requireAdmin(caller);
    WebhookEndpoint old = existing(id);
    WebhookEndpoint e =
        new WebhookEndpoint(
            old.id(),
            c.url() == null ? old.url() : checkedUrl(c.url()),
            old.secret(),
            c.events() == null ? old.events() : checkedEvents(c.events()),
            c.description() == null ? old.description() : checkedDescription(c.description()),
            c.isActive() == null ? old.isActive() : c.isActive(),
            old.createdAt(),
            clock.instant());
    store.update(e);
    return e;
  }

  public void delete(Principal caller, String id) {
    requireAdmin(caller);
    if (!store.delete(id)) {
      throw AppException.notFound("Webhook endpoint not found.");
    }
  }

  public List<Outbox.Row> deliveries(Principal caller, String id, int limit) {
    requireAdmin(caller);
    existing(id);
    if (limit < 1 || limit > MAX_DELIVERIES_LISTED) {
      throw AppException.invalid(
          "limit", "limit must be between 1 and " + MAX_DELIVERIES_LISTED + ".");
    }
    return outbox.recent(id, limit);
  }

  /**
   * Sends a delivery again as a new one (a new delivery id, {@code redeliveryOf} naming the first),
   * so a receiver that dropped the first by its id still takes this one.
   */
  public Outbox.Row redeliver(Principal caller, String id, String deliveryId) {
    requireAdmin(caller);
    existing(id);
    Outbox.Row original =
        outbox
            .find(deliveryId)
            .filter(r -> id.equals(r.target()) && WebhookEffects.KIND.equals(r.kind()))
            .orElseThrow(() -> AppException.notFound("Delivery not found for this endpoint."));
    ObjectNode payload;
    try {
      payload = (ObjectNode) Json.MAPPER.readTree(original.payload());
    } catch (IOException e) {
      throw new IllegalStateException("unreadable webhook payload " + deliveryId, e);
    }
    payload.put("redeliveryOf", original.id());
    Instant now = clock.instant();
    String newId =
        outbox
            .add(new Outbox.NewItem(WebhookEffects.KIND, null, id, payload.toString(), now), now)
            .orElseThrow();
    return outbox.find(newId).orElseThrow();
  }

  private WebhookEndpoint existing(String id) {
    return store.find(id).orElseThrow(() -> AppException.notFound("Webhook endpoint not found."));
  }

  private String checkedUrl(String url) {
    URI uri;
    try {
      uri = TargetPolicy.parse(url);
    } catch (TargetPolicy.Refused refused) {
      throw AppException.invalid("url", refused.getMessage());
    }
    Optional<String> refusal = TargetPolicy.refusal(resolver.apply(uri.getHost()), allowPrivate);
    if (refusal.isPresent()) {
      throw AppException.invalid("url", "This url is refused: " + refusal.get());
    }
    return uri.toString();
  }

  private static List<String> checkedEvents(List<String> events) {
    LinkedHashSet<String> set = new LinkedHashSet<>(events);
    if (set.isEmpty()) {
      throw AppException.invalid("events", "events must name at least one event.");
    }
    for (String e : set) {
      if (!WebhookEndpoint.EVENTS.contains(e)) {
        throw AppException.invalid(
            "events", "Unknown event '" + clip(e) + "'; known: " + WebhookEndpoint.EVENTS + ".");
      }
    }
    return List.copyOf(set);
  }

  private static String checkedDescription(String d) {
    if (d == null) {
      return "";
    }
    if (d.length() > MAX_DESCRIPTION_CHARS) {
      throw AppException.invalid(
          "description", "description must be at most " + MAX_DESCRIPTION_CHARS + " characters.");
    }
    return d.strip();
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private void requireAdmin(Principal caller) {
    if (!caller.isAdmin() || !managesTeam.test(caller)) {
      throw AppException.forbidden("Only admins manage webhooks.");
    }
  }
}
