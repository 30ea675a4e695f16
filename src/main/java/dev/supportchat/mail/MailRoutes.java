package dev.supportchat.mail;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import dev.supportchat.error.AppException;
import dev.supportchat.store.Database;
import dev.supportchat.store.Sql;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;

/**
 * The link in every follow-up email: {@code GET /api/v1/email/unsubscribe?u=&s=} shows a page with
 * one button (a mail scanner that follows links changes nothing); the button, or a mail client's
 * one-click unsubscribe (RFC 8058), POSTs to the same address and turns the emails off. No login:
 * the signature is the proof.
 */
final class MailRoutes implements EndpointGroup {
  private final Database db;
  private final UnsubscribeLinks links;

  MailRoutes(Database db, UnsubscribeLinks links) {
    this.db = db;
    this.links = links;
  }

  @Override
  public void addEndpoints() {
    get("/unsubscribe", this::confirmPage);
    post("/unsubscribe", this::unsubscribe);
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
