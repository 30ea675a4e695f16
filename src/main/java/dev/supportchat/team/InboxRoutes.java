package dev.supportchat.team;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.supportchat.http.Auth;
import dev.supportchat.http.RequestBody;
import dev.supportchat.http.Responses;
import dev.supportchat.json.JsonBody;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import java.util.Map;

/**
 * {@code /api/v1/saved-replies}, {@code /api/v1/labels} and {@code /api/v1/chats/:chatId/labels}:
 * the inbox's saved replies and labels (docs/API.md "Saved replies", "Labels").
 */
final class InboxRoutes {
  private final InboxService inbox;
  private final Auth<Principal> auth;

  InboxRoutes(InboxService inbox, Auth<Principal> auth) {
    this.inbox = inbox;
    this.auth = auth;
  }

  EndpointGroup savedReplies() {
    return () -> {
      get("", ctx -> Responses.ok(ctx, inbox.replies(auth.require(ctx)), "Saved replies"));
      post(
          "",
          ctx -> {
            Principal caller = auth.require(ctx);
            JsonBody body = RequestBody.json(ctx);
            Responses.created(
                ctx,
                inbox.createReply(caller, body.string("shortcut"), body.string("body")),
                "Saved reply created");
          });
      patch(
          "/{replyId}",
          ctx -> {
            Principal caller = auth.require(ctx);
            JsonBody body = RequestBody.json(ctx);
            Responses.ok(
                ctx,
                inbox.updateReply(
                    caller, ctx.pathParam("replyId"), body.string("shortcut"), body.string("body")),
                "Saved reply updated");
          });
      delete(
          "/{replyId}",
          ctx -> {
            inbox.deleteReply(auth.require(ctx), ctx.pathParam("replyId"));
            Responses.ok(ctx, Map.of(), "Saved reply deleted");
          });
    };
  }

  EndpointGroup labels() {
    return () -> {
      get("", ctx -> Responses.ok(ctx, inbox.labels(auth.require(ctx)), "Labels"));
      post(
          "",
          ctx -> {
            Principal caller = auth.require(ctx);
            JsonBody body = RequestBody.json(ctx);
            Responses.created(
                ctx,
                inbox.createLabel(caller, body.string("name"), body.string("colour")),
                "Label created");
          });
      patch(
          "/{labelId}",
          ctx -> {
            Principal caller = auth.require(ctx);
            JsonBody body = RequestBody.json(ctx);
            Responses.ok(
                ctx,
                inbox.updateLabel(
                    caller, ctx.pathParam("labelId"), body.string("name"), body.string("colour")),
                "Label updated");
          });
      delete(
          "/{labelId}",
          ctx -> {
            inbox.deleteLabel(auth.require(ctx), ctx.pathParam("labelId"));
            Responses.ok(ctx, Map.of(), "Label deleted");
          });
    };
  }

  /** Under {@code /chats}. */
  EndpointGroup chatLabels() {
    return () -> {
      get(
          "/{chatId}/labels",
          ctx ->
              Responses.ok(
                  ctx,
                  inbox.labelsOfChat(auth.require(ctx), ctx.pathParam("chatId")),
                  "Labels of the chat"));
      put(
          "/{chatId}/labels/{labelId}",
          ctx ->
              Responses.ok(
                  ctx,
                  inbox.addToChat(
                      auth.require(ctx), ctx.pathParam("chatId"), ctx.pathParam("labelId")),
                  "Label added"));
      delete(
          "/{chatId}/labels/{labelId}",
          ctx ->
              Responses.ok(
                  ctx,
                  inbox.removeFromChat(
                      auth.require(ctx), ctx.pathParam("chatId"), ctx.pathParam("labelId")),
                  "Label removed"));
    };
  }
}
