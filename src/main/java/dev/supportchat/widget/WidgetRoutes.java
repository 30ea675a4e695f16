package dev.supportchat.widget;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.supportchat.error.AppException;
import dev.supportchat.http.Auth;
import dev.supportchat.http.ClientAddress;
import dev.supportchat.http.RequestBody;
import dev.supportchat.http.Responses;
import dev.supportchat.json.JsonBody;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /api/v1/widget}: how the widget lets in visitors and the host site's signed-in users. */
final class WidgetRoutes implements EndpointGroup {
  private final WidgetService widget;
  private final Auth<Principal> auth;
  private final ClientAddress clientAddress;

  WidgetRoutes(WidgetService widget, Auth<Principal> auth, ClientAddress clientAddress) {
    this.widget = widget;
    this.auth = auth;
    this.clientAddress = clientAddress;
  }

  @Override
  public void addEndpoints() {
    get("/config", this::config);
    post("/visitors", this::startVisitor);
    post("/identify", this::identify);
    put("/context", this::context);
  }

  private void config(Context ctx) {
    Responses.ok(ctx, widget.settings(), "Widget settings");
  }

  private void startVisitor(Context ctx) {
    JsonBody body = RequestBody.json(ctx);
    Responses.created(
        ctx,
        widget.startVisitor(body.string("name"), body.string("email"), clientAddress.of(ctx)),
        "Visitor session started");
  }

  private void identify(Context ctx) {
    JsonBody body = RequestBody.json(ctx);
    Responses.ok(
        ctx,
        widget.identify(body.string("token"), visitorOf(ctx), clientAddress.of(ctx)),
        "Identity verified");
  }

  /**
   * The visitor whose conversation should follow them into their account, if the widget sent its
   * access token. A token that no longer verifies only means nothing is merged.
   */
  private Principal visitorOf(Context ctx) {
    try {
      return auth.optional(ctx);
    } catch (AppException stale) {
      return null;
    }
  }

  private void context(Context ctx) {
    Principal caller = auth.require(ctx);
    JsonBody body = RequestBody.json(ctx);
    widget.saveContext(
        caller,
        new WidgetService.ReportedContext(
            body.string("pageUrl"),
            body.string("pageTitle"),
            body.string("language"),
            body.string("timeZone"),
            ctx.header("User-Agent")));
    Responses.ok(ctx, Map.of(), "Context saved");
  }
}
