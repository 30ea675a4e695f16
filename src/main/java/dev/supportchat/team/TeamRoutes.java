package dev.supportchat.team;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.http.Auth;
import dev.supportchat.http.ClientAddress;
import dev.supportchat.http.RequestBody;
import dev.supportchat.http.Responses;
import dev.supportchat.json.JsonBody;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /api/v1/team}: the Team page, invites, members, availability and settings. */
final class TeamRoutes implements EndpointGroup {
  private final TeamService team;
  private final Auth<Principal> auth;
  private final ClientAddress clientAddress;

  TeamRoutes(TeamService team, Auth<Principal> auth, ClientAddress clientAddress) {
    this.team = team;
    this.auth = auth;
    this.clientAddress = clientAddress;
  }

  @Override
  public void addEndpoints() {
    get("", ctx -> Responses.ok(ctx, team.overview(auth.require(ctx)), "Team fetched"));
    patch("/settings", this::settings);
    get("/invites", ctx -> Responses.ok(ctx, team.invites(auth.require(ctx)), "Invites fetched"));
    post("/invites", this::invite);
    delete("/invites/{inviteId}", this::revokeInvite);
    post("/invites/preview", this::preview);
    post("/invites/accept", this::accept);
    patch("/agents/{agentId}", this::updateAgent);
    post("/agents/{agentId}/deactivate", ctx -> setActive(ctx, false));
    post("/agents/{agentId}/reactivate", ctx -> setActive(ctx, true));
    put("/me/availability", this::availability);
  }

  private void settings(Context ctx) {
    Principal caller = auth.require(ctx);
    JsonBody body = RequestBody.json(ctx);
    Responses.ok(
        ctx,
        team.updateSettings(caller, body.bool("autoAssign"), body.integer("defaultCapacity")),
        "Settings saved");
  }

  private void invite(Context ctx) {
    Principal caller = auth.require(ctx);
    JsonBody body = RequestBody.json(ctx);
    Responses.created(
        ctx, team.invite(caller, body.string("email"), body.string("role")), "Invite created");
  }

  private void revokeInvite(Context ctx) {
    team.revokeInvite(auth.require(ctx), ctx.pathParam("inviteId"));
    Responses.ok(ctx, Map.of(), "Invite withdrawn");
  }

  private void preview(Context ctx) {
    JsonBody body = RequestBody.json(ctx);
    Responses.ok(
        ctx, team.previewInvite(body.string("token"), clientAddress.of(ctx)), "Invite is valid");
  }

  /** Answers once the new account's password is hashed (on a password thread, without a thread). */
  private void accept(Context ctx) {
    JsonBody body = RequestBody.json(ctx);
    var accepted =
        team.acceptInvite(
            body.string("token"),
            body.string("fullName"),
            body.string("password"),
            clientAddress.of(ctx));
    ctx.future(() -> accepted.thenAccept(s -> Responses.created(ctx, s, "Welcome to the team")));
  }

  private void updateAgent(Context ctx) {
    Principal caller = auth.require(ctx);
    JsonBody body = RequestBody.json(ctx);
    JsonNode capacity = body.root().get("capacity");
    boolean clear = capacity != null && capacity.isNull();
    Responses.ok(
        ctx,
        team.updateAgent(
            caller, ctx.pathParam("agentId"), body.string("role"), body.integer("capacity"), clear),
        "Member updated");
  }

  private void setActive(Context ctx, boolean active) {
    Principal caller = auth.require(ctx);
    Responses.ok(
        ctx,
        team.setActive(caller, ctx.pathParam("agentId"), active),
        active ? "Member reactivated" : "Member deactivated");
  }

  private void availability(Context ctx) {
    Principal caller = auth.require(ctx);
    JsonBody body = RequestBody.json(ctx);
    Responses.ok(ctx, team.setAvailability(caller, body.string("status")), "Availability changed");
  }
}
