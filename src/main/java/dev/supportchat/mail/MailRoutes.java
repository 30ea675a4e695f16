package dev.supportchat.mail;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.supportchat.error.AppException;
import dev.supportchat.http.ApiEnvelope;
import dev.supportchat.http.Auth;
import dev.supportchat.http.RequestBody;
import dev.supportchat.http.Responses;
import dev.supportchat.store.Database;
import dev.supportchat.store.Sql;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The link in every follow-up email: {@code GET /api/v1/email/unsubscribe?u=&s=} shows a page with
 * one button (a mail scanner that follows links changes nothing); the button, or a mail client's
 * one-click unsubscribe (RFC 8058), POSTs to the same address and turns the emails off. No login:
 * the signature is the proof.
 */
final class MailRoutes implements EndpointGroup {
  private final Database db;
  private final UnsubscribeLinks links;
  private final Transcripts transcripts;
  private final Auth<Principal> auth;

  /**
   * @param links null when mail is off: then the unsubscribe pages do not exist, and the other
   *     routes say that mail is off
   */
  MailRoutes(Database db, UnsubscribeLinks links, Transcripts transcripts, Auth<Principal> auth) {
    this.db = db;
    this.links = links;
    this.transcripts = transcripts;
    this.auth = auth;
  }

  @Override
  public void addEndpoints() {
    get("/status", ctx -> Responses.ok(ctx, Map.of("enabled", links != null), "Email status"));
    post("/transcript", this::transcript);
    get("/preferences", this::preferences);
    put("/preferences", this::setPreferences);
    if (links != null) {
      get("/unsubscribe", this::confirmPage);
      post("/unsubscribe", this::unsubscribe);
    }
  }

  /** The person's transcript of a resolved chat, by email: 202 queued, 200 already asked. */
  private void transcript(Context ctx) {
    Principal caller = auth.require(ctx);
    String chatId = RequestBody.json(ctx).string("chatId");
    if (transcripts == null) {
      throw AppException.conflict("This server does not send email.");
    }
    boolean queued = transcripts.request(caller, chatId);
    int status = queued ? 202 : 200;
    ctx.status(status)
        .json(
            ApiEnvelope.ok(
                status,
                Map.of("queued", queued),
                queued ? "The transcript is on its way" : "This transcript was already requested"));
  }

  /** An agent's own email settings: whether new chats are emailed while they are offline. */
  private void preferences(Context ctx) {
    Principal caller = requireAgent(ctx);
    boolean on =
        db.read(
            c ->
                Sql.one(
                        c,
                        "SELECT new_chat_emails FROM users WHERE id = ?",
                        rs -> rs.getBoolean(1),
                        caller.userId())
                    .orElse(false));
    Responses.ok(
        ctx, Map.of("newChatEmails", on, "mailEnabled", links != null), "Email preferences");
  }

  private void setPreferences(Context ctx) {
    Principal caller = requireAgent(ctx);
    Boolean on = RequestBody.json(ctx).bool("newChatEmails");
    if (on == null) {
      throw AppException.invalid("newChatEmails", "newChatEmails must be true or false.");
    }
    db.write(
        c ->
            Sql.update(
                c, "UPDATE users SET new_chat_emails = ? WHERE id = ?", on, caller.userId()));
    Responses.ok(
        ctx, Map.of("newChatEmails", on, "mailEnabled", links != null), "Email preferences saved");
  }

  private Principal requireAgent(Context ctx) {
    Principal caller = auth.require(ctx);
    if (!caller.isAdmin()) {
      throw AppException.forbidden("Only agents have email preferences.");
    }
    return caller;
  }

  private void confirmPage(Context ctx) {
    if (!links.verify(ctx.queryParam("u"), ctx.queryParam("s"))) {
      ctx.status(400)
          .html(
              page(
                  "This link is not valid",
                  "<p>This unsubscribe link is incomplete or was changed. Please use the link from the"
                      + " email exactly as it is.</p>"));
      return;
    }
    ctx.html(
        page(
            "Stop reply emails?",
            "<p>We email you when a reply from support waits for you while you are away.</p>"
                + "<form method=\"post\"><button type=\"submit\">Stop these emails</button></form>"));
  }

  private void unsubscribe(Context ctx) {
    String user = ctx.queryParam("u");
    String signature = ctx.queryParam("s");
    if (!links.verify(user, signature)) {
      throw AppException.invalid("s", "This unsubscribe link is not valid.");
    }
    db.write(c -> Sql.update(c, "UPDATE users SET reply_emails_off = TRUE WHERE id = ?", user));
    ctx.html(
        page(
            "You will get no more reply emails",
            "<p>Replies from support still wait for you in the chat.</p>"));
  }

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + title
        + "</title></head><body><main><h1>"
        + title
        + "</h1>"
        + body
        + "</main></body></html>";
  }
}
