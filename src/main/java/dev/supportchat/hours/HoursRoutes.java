package dev.supportchat.hours;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.supportchat.error.AppException;
import dev.supportchat.http.Auth;
import dev.supportchat.http.RequestBody;
import dev.supportchat.http.Responses;
import dev.supportchat.json.IsoTime;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/business-hours}: the settings (staff read, admins write) and the public status.
 */
final class HoursRoutes implements EndpointGroup {
  private final HoursService hours;
  private final Auth<Principal> auth;

  HoursRoutes(HoursService hours, Auth<Principal> auth) {
    this.hours = hours;
    this.auth = auth;
  }

  @Override
  public void addEndpoints() {
    get("", this::settings);
    put("", this::update);
    get("/status", this::status);
  }

  private void settings(Context ctx) {
    Responses.ok(ctx, hours.settings(auth.require(ctx)).toJson(), "Business hours fetched");
  }

  private void update(Context ctx) {
    Principal caller = auth.require(ctx);
    HoursSettings parsed;
    try {
      parsed = HoursSettings.parse(RequestBody.json(ctx).root());
    } catch (HoursSettings.Invalid e) {
      throw AppException.invalid(e.field(), e.getMessage());
    }
    Responses.ok(ctx, hours.update(caller, parsed).toJson(), "Business hours saved");
  }

  private void status(Context ctx) {
    HoursService.Status s = hours.status();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("open", s.open());
    view.put("alwaysOpen", s.alwaysOpen());
    view.put("nextOpenAt", IsoTime.of(s.nextOpenAt()));
    view.put("timeZone", s.timeZone());
    Responses.ok(ctx, view, "Business hours status");
  }
}
