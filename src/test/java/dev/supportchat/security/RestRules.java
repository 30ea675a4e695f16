package dev.supportchat.security;

import static dev.supportchat.security.Access.ADMINS;
import static dev.supportchat.security.Access.CHAT_MEMBERS;
import static dev.supportchat.security.Access.PUBLIC;
import static dev.supportchat.security.Access.SENDER;
import static dev.supportchat.security.Access.SIGNED_IN;
import static dev.supportchat.security.Access.USERS;

import dev.supportchat.error.ErrorCode;
import dev.supportchat.http.WebServer;
import dev.supportchat.security.HostileHttp.Request;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The authorization rule of every REST route, keyed like the router lists them ({@code GET
 * /api/v1/users/me}), with a request that would succeed for a caller the rule lets through.
 */
final class RestRules {
  /** One route's rule; {@code exceptions} are cells the access kind alone does not describe. */
  record Rule(
      Access access,
      int successStatus,
      Map<Caller, String> exceptions,
      Function<MatrixFixture, Request> request) {

    Rule except(Caller caller, ErrorCode code) {
      Map<Caller, String> more = new EnumMap<>(Caller.class);
      more.putAll(exceptions);
      more.put(caller, refused(code));
      return new Rule(access, successStatus, more, request);
    }

    /**
     * The cell's expected outcome: {@code "200"}, or status and error code ({@code "403
     * forbidden"}).
     */
    String expected(Caller caller) {
      if (exceptions.containsKey(caller)) {
        return exceptions.get(caller);
      }
      return access.refusal(caller).map(RestRules::refused).orElse(String.valueOf(successStatus));
    }
  }

  static final Map<String, Rule> RULES = build();

  private static final String IDENTIFY = "POST /api/v1/widget/identify";
  private static final String LOGOUT = "POST /api/v1/users/logout";

  /**
   * The routes as {@code METHOD /path}, in the order their cells must be asked: identify next to
   * last (with the visitor's token it merges the visitor into a verified user), logout last (each
   * caller's logout ends its own session, so every later cell and fixture step would get 401).
   */
  static List<String> inAskingOrder(List<WebServer.Route> routes) {
    return routes.stream()
        .map(r -> r.method() + " " + r.path())
        .sorted(Comparator.comparing(r -> r.equals(LOGOUT) ? 2 : r.equals(IDENTIFY) ? 1 : 0))
        .toList();
  }

  private RestRules() {}

  private static Map<String, Rule> build() {
    Map<String, Rule> r = new LinkedHashMap<>();
    r.put("GET /health", rule(PUBLIC, 200, f -> Request.of("GET", "/health")));
    r.put(
        "GET /api/v1/openapi.json",
        rule(PUBLIC, 200, f -> Request.of("GET", "/api/v1/openapi.json")));
    r.put("GET /api/docs", rule(PUBLIC, 200, f -> Request.of("GET", "/api/docs")));
    // Only the METRICS_TOKEN opens it (MetricsIT); no caller of the matrix has it.
    RestRules.Rule metrics = rule(PUBLIC, 200, f -> Request.of("GET", "/metrics"));
    for (Caller caller : Caller.values()) {
      metrics = metrics.except(caller, ErrorCode.UNAUTHORIZED);
    }
    r.put("GET /metrics", metrics);
    r.put(
        "POST /api/v1/users/register",
        rule(
            PUBLIC,
            201,
            f ->
                Request.json(
                    "POST",
                    "/api/v1/users/register",
                    Map.of("email", f.newEmail(), "password", MatrixFixture.PASSWORD))));
    r.put(
        "POST /api/v1/users/login",
        rule(
            PUBLIC,
            200,
            f ->
                Request.json(
                    "POST",
                    "/api/v1/users/login",
                    Map.of(
                        "email",
                        MatrixFixture.CHAT_USER_EMAIL,
                        "password",
                        MatrixFixture.PASSWORD))));
    r.put(
        "POST /api/v1/users/refresh-token",
        rule(
            PUBLIC,
            200,
            f ->
                Request.json(
                    "POST",
                    "/api/v1/users/refresh-token",
                    Map.of("refreshToken", f.freshRefreshToken()))));
    // Without a refresh token in the body, logout needs the access token to know whose login to
    // end.
    r.put(
        "POST /api/v1/users/logout",
        rule(SIGNED_IN, 200, f -> Request.of("POST", "/api/v1/users/logout")));
    // A wrong current password, so that the cell ends no session (SessionEndIT shows the change):
    // accounts are told it is wrong, visitors and verified users that they have no password here.
    r.put(
        "POST /api/v1/users/change-password",
        rule(
                SIGNED_IN,
                200,
                f ->
                    Request.json(
                        "POST",
                        "/api/v1/users/change-password",
                        Map.of(
                            "currentPassword", "not-the-password", "newPassword", "new-pass-123")))
            .except(Caller.CHAT_USER, ErrorCode.UNAUTHORIZED)
            .except(Caller.OTHER_USER, ErrorCode.UNAUTHORIZED)
            .except(Caller.ADMIN, ErrorCode.UNAUTHORIZED)
            .except(Caller.VISITOR, ErrorCode.FORBIDDEN)
            .except(Caller.VERIFIED_USER, ErrorCode.FORBIDDEN));
    r.put("GET /api/v1/users/me", rule(SIGNED_IN, 200, f -> Request.of("GET", "/api/v1/users/me")));
    r.put(
        "GET /api/v1/users/admins",
        rule(ADMINS, 200, f -> Request.of("GET", "/api/v1/users/admins")));
    // Both users already have a chat, so both get theirs back (200).
    r.put(
        "POST /api/v1/chats/support",
        rule(USERS, 200, f -> Request.json("POST", "/api/v1/chats/support", Map.of())));
    // An admin passes the check but has no chat of its own.
    r.put(
        "GET /api/v1/chats/support",
        rule(SIGNED_IN, 200, f -> Request.of("GET", "/api/v1/chats/support"))
            .except(Caller.ADMIN, ErrorCode.NOT_FOUND));
    r.put(
        "GET /api/v1/chats/admin/all",
        rule(ADMINS, 200, f -> Request.of("GET", "/api/v1/chats/admin/all")));
    r.put(
        "GET /api/v1/chats/admin/stats",
        rule(ADMINS, 200, f -> Request.of("GET", "/api/v1/chats/admin/stats")));
    r.put(
        "GET /api/v1/chats/admin/messages/search",
        rule(ADMINS, 200, f -> Request.of("GET", "/api/v1/chats/admin/messages/search?q=hello")));
    r.put(
        "GET /api/v1/chats/{chatId}/messages",
        rule(CHAT_MEMBERS, 200, f -> Request.of("GET", f.chatPath("/messages"))));
    r.put(
        "POST /api/v1/chats/{chatId}/messages",
        rule(
            CHAT_MEMBERS,
            201,
            f -> Request.json("POST", f.chatPath("/messages"), Map.of("content", "matrix"))));
    r.put(
        "PATCH /api/v1/chats/{chatId}/messages/{messageId}",
        rule(
            SENDER,
            200,
            f ->
                Request.json(
                    "PATCH", f.chatPath("/messages/" + f.messageId), Map.of("content", "edited"))));
    r.put(
        "POST /api/v1/chats/{chatId}/read",
        rule(CHAT_MEMBERS, 200, f -> Request.of("POST", f.chatPath("/read"))));
    r.put(
        "PUT /api/v1/chats/{chatId}/status",
        rule(
            ADMINS,
            200,
            f -> Request.json("PUT", f.chatPath("/status"), Map.of("priority", "high"))));
    r.put(
        "POST /api/v1/chats/{chatId}/assign",
        rule(ADMINS, 200, f -> Request.json("POST", f.chatPath("/assign"), Map.of())));
    r.put(
        "POST /api/v1/chats/{chatId}/unassign",
        rule(ADMINS, 200, f -> Request.json("POST", f.chatPath("/unassign"), Map.of())));
    r.put(
        "GET /api/v1/chats/{chatId}/events",
        rule(ADMINS, 200, f -> Request.of("GET", f.chatPath("/events"))));
    r.put(
        "POST /api/v1/chats/{chatId}/attachments",
        rule(
            CHAT_MEMBERS,
            201,
            f ->
                Request.upload(
                    f.chatPath("/attachments"),
                    "more.txt",
                    "text/plain",
                    "more".getBytes(StandardCharsets.UTF_8))));
    r.put(
        "GET /api/v1/chats/{chatId}/attachments/{attachmentId}",
        rule(
            CHAT_MEMBERS,
            200,
            f -> Request.of("GET", f.chatPath("/attachments/" + f.attachmentId))));
    r.put(
        "GET /api/v1/chats/{chatId}/person",
        rule(ADMINS, 200, f -> Request.of("GET", f.chatPath("/person"))));
    r.put(
        "GET /api/v1/chats/{chatId}/rating",
        rule(CHAT_MEMBERS, 200, f -> Request.of("GET", f.chatPath("/rating"))));
    // The chat's user only; the matrix's chat is not resolved, so its user hears 409 (RatingIT
    // rates resolved chats).
    r.put(
        "POST /api/v1/chats/{chatId}/rating",
        rule(SENDER, 201, f -> Request.json("POST", f.chatPath("/rating"), Map.of("score", 5)))
            .except(Caller.CHAT_USER, ErrorCode.CONFLICT));
    r.put(
        "GET /api/v1/widget/config",
        rule(PUBLIC, 200, f -> Request.of("GET", "/api/v1/widget/config")));
    r.put(
        "POST /api/v1/widget/visitors",
        rule(PUBLIC, 201, f -> Request.json("POST", "/api/v1/widget/visitors", Map.of())));
    // Identify with another caller's token: only a visitor's token would merge, and the matrix
    // runs this route last (AuthorizationMatrixIT), so the visitor's later cells are unaffected.
    r.put(
        "POST /api/v1/widget/identify",
        rule(
            PUBLIC,
            200,
            f ->
                Request.json(
                    "POST", "/api/v1/widget/identify", Map.of("token", f.identityToken()))));
    r.put(
        "PUT /api/v1/widget/context",
        rule(
            SIGNED_IN,
            200,
            f ->
                Request.json(
                    "PUT",
                    "/api/v1/widget/context",
                    Map.of("pageUrl", "https://shop.example.com/", "language", "en"))));
    businessHours(r);
    webhooks(r);
    email(r);
    unsubscribe(r);
    team(r);
    inbox(r);
    return Map.copyOf(r);
  }

  /**
   * The unsubscribe link of follow-up emails (issue 17): no sign-in, the signature is the proof, so
   * every caller gets the same answer (EmailFollowUpIT refuses changed and foreign signatures).
   */
  private static void unsubscribe(Map<String, Rule> r) {
    r.put(
        "GET /api/v1/email/unsubscribe",
        rule(PUBLIC, 200, f -> Request.of("GET", f.unsubscribePath())));
    r.put(
        "POST /api/v1/email/unsubscribe",
        rule(PUBLIC, 200, f -> Request.of("POST", f.unsubscribePath())));
  }

  /**
   * The team's routes (issue 16): staff-only, admin-only, the invitee's public ones, self-service.
   */
  private static void team(Map<String, Rule> r) {
    r.put(
        "PATCH /api/v1/users/me",
        rule(
            SIGNED_IN,
            200,
            f -> Request.json("PATCH", "/api/v1/users/me", Map.of("fullName", "Matrix Name"))));
    r.put("GET /api/v1/team", rule(ADMINS, 200, f -> Request.of("GET", "/api/v1/team")));
    r.put(
        "PATCH /api/v1/team/settings",
        rule(
            ADMINS,
            200,
            f -> Request.json("PATCH", "/api/v1/team/settings", Map.of("autoAssign", false))));
    r.put(
        "GET /api/v1/team/invites",
        rule(ADMINS, 200, f -> Request.of("GET", "/api/v1/team/invites")));
    r.put(
        "POST /api/v1/team/invites",
        rule(
            ADMINS,
            201,
            f -> Request.json("POST", "/api/v1/team/invites", Map.of("email", f.newEmail()))));
    r.put(
        "DELETE /api/v1/team/invites/{inviteId}",
        rule(
            ADMINS,
            200,
            f ->
                Request.of("DELETE", "/api/v1/team/invites/" + f.newInvite().get("_id").asText())));
    r.put(
        "POST /api/v1/team/invites/preview",
        rule(
            PUBLIC,
            200,
            f ->
                Request.json(
                    "POST",
                    "/api/v1/team/invites/preview",
                    Map.of("token", f.newInvite().get("token").asText()))));
    r.put(
        "POST /api/v1/team/invites/accept",
        rule(
            PUBLIC,
            201,
            f ->
                Request.json(
                    "POST",
                    "/api/v1/team/invites/accept",
                    Map.of(
                        "token",
                        f.newInvite().get("token").asText(),
                        "fullName",
                        "Invitee",
                        "password",
                        MatrixFixture.PASSWORD))));
    r.put(
        "PATCH /api/v1/team/agents/{agentId}",
        rule(
            ADMINS,
            200,
            f ->
                Request.json(
                    "PATCH", "/api/v1/team/agents/" + f.newAgentId(), Map.of("capacity", 3))));
    r.put(
        "POST /api/v1/team/agents/{agentId}/deactivate",
        rule(
            ADMINS,
            200,
            f -> Request.of("POST", "/api/v1/team/agents/" + f.newAgentId() + "/deactivate")));
    r.put(
        "POST /api/v1/team/agents/{agentId}/reactivate",
        rule(
            ADMINS,
            200,
            f -> Request.of("POST", "/api/v1/team/agents/" + f.newAgentId() + "/reactivate")));
    r.put(
        "PUT /api/v1/team/me/availability",
        rule(
            ADMINS,
            200,
            f -> Request.json("PUT", "/api/v1/team/me/availability", Map.of("status", "online"))));
  }

  /**
   * Saved replies and labels (issue 16 §4, §6): staff only; people who chat get 403 for every one.
   * (Agents managing saved replies are refused in InboxIT: the matrix's admin is a team admin.)
   */
  private static void inbox(Map<String, Rule> r) {
    r.put(
        "GET /api/v1/saved-replies",
        rule(ADMINS, 200, f -> Request.of("GET", "/api/v1/saved-replies")));
    r.put(
        "POST /api/v1/saved-replies",
        rule(
            ADMINS,
            201,
            f ->
                Request.json(
                    "POST",
                    "/api/v1/saved-replies",
                    Map.of("shortcut", f.unique("s"), "body", "Thanks, {{user.name}}!"))));
    r.put(
        "PATCH /api/v1/saved-replies/{replyId}",
        rule(
            ADMINS,
            200,
            f ->
                Request.json(
                    "PATCH",
                    "/api/v1/saved-replies/" + f.newSavedReplyId(),
                    Map.of("body", "Changed"))));
    r.put(
        "DELETE /api/v1/saved-replies/{replyId}",
        rule(
            ADMINS,
            200,
            f -> Request.of("DELETE", "/api/v1/saved-replies/" + f.newSavedReplyId())));
    r.put("GET /api/v1/labels", rule(ADMINS, 200, f -> Request.of("GET", "/api/v1/labels")));
    r.put(
        "POST /api/v1/labels",
        rule(
            ADMINS,
            201,
            f ->
                Request.json(
                    "POST",
                    "/api/v1/labels",
                    Map.of("name", f.unique("Label "), "colour", "#aa3300"))));
    r.put(
        "PATCH /api/v1/labels/{labelId}",
        rule(
            ADMINS,
            200,
            f ->
                Request.json(
                    "PATCH", "/api/v1/labels/" + f.newLabelId(), Map.of("colour", "#00aa33"))));
    r.put(
        "DELETE /api/v1/labels/{labelId}",
        rule(ADMINS, 200, f -> Request.of("DELETE", "/api/v1/labels/" + f.newLabelId())));
    r.put(
        "GET /api/v1/chats/{chatId}/labels",
        rule(ADMINS, 200, f -> Request.of("GET", f.chatPath("/labels"))));
    r.put(
        "PUT /api/v1/chats/{chatId}/labels/{labelId}",
        rule(ADMINS, 200, f -> Request.of("PUT", f.chatPath("/labels/" + f.newLabelId()))));
    r.put(
        "DELETE /api/v1/chats/{chatId}/labels/{labelId}",
        rule(ADMINS, 200, f -> Request.of("DELETE", f.chatPath("/labels/" + f.newLabelId()))));
  }

  /** Webhooks (issue 17): admins only. */
  private static void webhooks(Map<String, Rule> r) {
    // Webhooks (admins only). An endpoint for an event that never fires, so the matrix sends
    // nothing anywhere; the routes of one endpoint are asked about an unknown id: every other
    // caller is refused before the admin learns it does not exist.
    r.put("GET /api/v1/webhooks", rule(ADMINS, 200, f -> Request.of("GET", "/api/v1/webhooks")));
    r.put(
        "POST /api/v1/webhooks",
        rule(
            ADMINS,
            201,
            f ->
                Request.json(
                    "POST",
                    "/api/v1/webhooks",
                    Map.of(
                        "url", "https://93.184.215.14/matrix", "events", List.of("chat.rated")))));
    r.put(
        "PUT /api/v1/webhooks/{id}",
        rule(
                ADMINS,
                200,
                f ->
                    Request.json(
                        "PUT", "/api/v1/webhooks/" + UNKNOWN_ID, Map.of("isActive", false)))
            .except(Caller.ADMIN, ErrorCode.NOT_FOUND));
    r.put(
        "DELETE /api/v1/webhooks/{id}",
        rule(ADMINS, 200, f -> Request.of("DELETE", "/api/v1/webhooks/" + UNKNOWN_ID))
            .except(Caller.ADMIN, ErrorCode.NOT_FOUND));
    r.put(
        "GET /api/v1/webhooks/{id}/deliveries",
        rule(ADMINS, 200, f -> Request.of("GET", "/api/v1/webhooks/" + UNKNOWN_ID + "/deliveries"))
            .except(Caller.ADMIN, ErrorCode.NOT_FOUND));
    r.put(
        "POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
        rule(
                ADMINS,
                201,
                f ->
                    Request.of(
                        "POST",
                        "/api/v1/webhooks/"
                            + UNKNOWN_ID
                            + "/deliveries/"
                            + UNKNOWN_ID
                            + "/redeliver"))
            .except(Caller.ADMIN, ErrorCode.NOT_FOUND));
  }

  /**
   * Business hours (issue 17): staff read, the team's admins write (an always-open schedule, so no
   * automatic reply changes the other cells), everyone reads the status.
   */
  private static void businessHours(Map<String, Rule> r) {
    r.put(
        "GET /api/v1/business-hours",
        rule(ADMINS, 200, f -> Request.of("GET", "/api/v1/business-hours")));
    r.put(
        "PUT /api/v1/business-hours",
        rule(
            ADMINS,
            200,
            f ->
                Request.json(
                    "PUT",
                    "/api/v1/business-hours",
                    Map.of("timeZone", "UTC", "weekly", Map.of()))));
    r.put(
        "GET /api/v1/business-hours/status",
        rule(PUBLIC, 200, f -> Request.of("GET", "/api/v1/business-hours/status")));
  }

  /** Email (issue 17); the matrix runs with SMTP_URL (see MatrixFixture). */
  private static void email(Map<String, Rule> r) {
    r.put(
        "GET /api/v1/email/status",
        rule(PUBLIC, 200, f -> Request.of("GET", "/api/v1/email/status")));
    // The chat's person only; the matrix's chat is not resolved, so its person hears 409.
    Rule transcript =
        rule(
                SENDER,
                202,
                f -> Request.json("POST", "/api/v1/email/transcript", Map.of("chatId", f.chatId)))
            .except(Caller.CHAT_USER, ErrorCode.CONFLICT);
    r.put("POST /api/v1/email/transcript", transcript);
    r.put(
        "GET /api/v1/email/preferences",
        rule(ADMINS, 200, f -> Request.of("GET", "/api/v1/email/preferences")));
    r.put(
        "PUT /api/v1/email/preferences",
        rule(
            ADMINS,
            200,
            f -> Request.json("PUT", "/api/v1/email/preferences", Map.of("newChatEmails", false))));
  }

  private static final String UNKNOWN_ID = "000000000000000000000000";

  private static Rule rule(
      Access access, int successStatus, Function<MatrixFixture, Request> request) {
    return new Rule(access, successStatus, Map.of(), request);
  }

  private static String refused(ErrorCode code) {
    return code.httpStatus() + " " + code.wireName();
  }
}
