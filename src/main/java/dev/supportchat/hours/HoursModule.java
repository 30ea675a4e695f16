package dev.supportchat.hours;

import dev.supportchat.config.ConfigException;
import dev.supportchat.http.Auth;
import dev.supportchat.store.Database;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Clock;
import java.util.function.Predicate;

/** Wires business hours: the service (read by chats and statistics) and its routes. */
public final class HoursModule {
  private final HoursService service;

  private HoursModule(HoursService service) {
    this.service = service;
  }

  /**
   * Reads the stored settings once, so that a row that cannot be read stops start-up with one
   * sentence rather than failing the first message at night.
   */
  public static HoursModule create(Database db, Predicate<Principal> managesTeam, Clock clock) {
    HoursStore store = new HoursStore(db);
    try {
      store.load();
    } catch (IllegalStateException e) {
      throw new ConfigException(e.getMessage());
    }
    return new HoursModule(new HoursService(store, managesTeam, clock));
  }

  public HoursService service() {
    return service;
  }

  public EndpointGroup routes(Auth<Principal> auth) {
    return new HoursRoutes(service, auth);
  }
}
