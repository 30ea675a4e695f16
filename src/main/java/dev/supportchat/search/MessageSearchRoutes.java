package dev.supportchat.search;

import static io.javalin.apibuilder.ApiBuilder.get;

import dev.supportchat.http.Auth;
import dev.supportchat.http.QueryParams;
import dev.supportchat.http.Responses;
import dev.supportchat.json.IsoTime;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/chats/admin/messages/search?q=…&limit=…}. */
final class MessageSearchRoutes implements EndpointGroup {
  private final MessageSearch search;
  private final Auth<Principal> auth;

  MessageSearchRoutes(MessageSearch search, Auth<Principal> auth) {
    this.search = search;
    this.auth = auth;
  }

  @Override
  public void addEndpoints() {
    get("/search", this::search);
  }

  private void search(Context ctx) {
    MessageSearch.Result result =
        search.search(
            auth.require(ctx), ctx.queryParam("q"), QueryParams.optionalInt(ctx, "limit"));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("words", result.query().words());
    data.put("results", result.found().stream().map(MessageSearchRoutes::found).toList());
    data.put("more", result.more());
    Responses.ok(ctx, data, "Messages found");
  }

  private static Map<String, Object> found(MessageSearch.Found f) {
    MessageHit h = f.hit();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", h.messageId());
    m.put("chatId", h.chatId());
    m.put("createdAt", IsoTime.of(h.createdAt()));
    m.put("isInternalNote", h.isInternalNote());
    m.put(
        "sender",
        Map.of("_id", h.senderId(), "fullName", h.senderName(), "isAdmin", h.senderIsAdmin()));
    Snippet s = f.snippet();
    m.put(
        "snippet",
        Map.of(
            "text",
            s.text(),
            "cutBefore",
            s.cutBefore(),
            "cutAfter",
            s.cutAfter(),
            "highlights",
            s.highlights().stream().map(r -> List.of(r.start(), r.end())).toList()));
    Map<String, Object> chat = new LinkedHashMap<>();
    chat.put("_id", h.chatId());
    chat.put("subject", h.chatSubject());
    chat.put("status", h.chatStatus());
    // A visitor may not have given an email.
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("fullName", h.userName());
    user.put("email", h.userEmail());
    chat.put("user", user);
    m.put("chat", chat);
    return m;
  }
}
