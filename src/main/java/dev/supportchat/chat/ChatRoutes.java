package dev.supportchat.chat;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import dev.supportchat.config.AppConfig;
import dev.supportchat.error.AppException;
import dev.supportchat.http.Auth;
import dev.supportchat.http.ClientAddress;
import dev.supportchat.http.FileAnswer;
import dev.supportchat.http.QueryParams;
import dev.supportchat.http.RequestBody;
import dev.supportchat.http.Responses;
import dev.supportchat.json.JsonBody;
import dev.supportchat.json.TextInput;
import dev.supportchat.limit.SharedBudget;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /api/v1/chats}: the seed's nine support-chat endpoints, plus message edits and
 * attachments.
 */
final class ChatRoutes implements EndpointGroup {
  private final ChatService chats;
  private final ChatStatistics statistics;
  private final AttachmentStore attachments;
  private final Auth<Principal> auth;
  private final SupportPresence presence;
  private final ChatLabels labels;
  private final SharedBudget downloadsAtOnce;
  private final long downloadMinBytesPerSecond;
  private final ClientAddress clientAddress;

  ChatRoutes(
      ChatService chats,
      ChatStatistics statistics,
      AttachmentStore attachments,
      Auth<Principal> auth,
      SupportPresence presence,
      ChatLabels labels,
      SharedBudget downloadsAtOnce,
      long downloadMinBytesPerSecond,
      ClientAddress clientAddress) {
    this.clientAddress = clientAddress;
    this.labels = labels;
    this.downloadsAtOnce = downloadsAtOnce;
    this.downloadMinBytesPerSecond = downloadMinBytesPerSecond;
    this.chats = chats;
    this.statistics = statistics;
    this.attachments = attachments;
    this.auth = auth;
    this.presence = presence;
  }

  @Override
  public void addEndpoints() {
    post("/support", this::createOrGet);
    get("/support", this::ownChat);
    get("/admin/all", this::adminList);
    get("/admin/stats", this::stats);
    get("/{chatId}/messages", this::messages);
    post("/{chatId}/messages", this::send);
    patch("/{chatId}/messages/{messageId}", this::edit);
    post("/{chatId}/read", this::markRead);
    put("/{chatId}/status", this::updateStatus);
    post("/{chatId}/assign", this::assign);
    post("/{chatId}/unassign", this::unassign);
    get("/{chatId}/events", this::timeline);
    get("/{chatId}/person", this::person);
    get("/{chatId}/rating", this::ratings);
    post("/{chatId}/rating", this::rate);
    post("/{chatId}/attachments", this::upload);
    get("/{chatId}/attachments/{attachmentId}", this::download);
  }

  private void createOrGet(Context ctx) {
    Principal caller = auth.require(ctx);
    JsonBody body = RequestBody.json(ctx);
    ChatService.Opened opened =
        chats.createOrGet(
            caller,
            body.string("subject"),
            body.string("priority"),
            body.string("message"),
            body.string("clientMessageId"));
    Map<String, Object> chat = userChat(opened.chat(), caller);
    if (opened.created()) {
      Responses.created(ctx, chat, "Support chat created");
    } else {
      Responses.ok(ctx, chat, "Support chat fetched");
    }
  }

  /**
   * The caller's chat; 404 without one, as the contract says. With {@code optional=true}, a 200
   * with {@code data: null} instead: browsers log every 404 as an error in the console, and a
   * visitor without a chat yet is the normal case for the widget.
   */
  private void ownChat(Context ctx) {
    Principal caller = auth.require(ctx);
    if ("true".equals(ctx.queryParam("optional"))) {
      Optional<Chat> chat = chats.findOwnChat(caller);
      if (chat.isEmpty()) {
        Responses.ok(ctx, null, "You have no support chat yet");
        return;
      }
      Responses.ok(ctx, userChat(chat.get(), caller), "Support chat fetched");
      return;
    }
    Responses.ok(ctx, userChat(chats.ownChat(caller), caller), "Support chat fetched");
  }

  /** The chat as its reader sees it, with whether support is online right now. */
  private Map<String, Object> userChat(Chat chat, Principal caller) {
    Map<String, Object> view = new LinkedHashMap<>(ChatJson.chat(chat, caller.isAdmin()));
    view.put("supportOnline", presence.anyAdminOnline());
    // Median first response of the last 7 days (null: too few chats to say); the widget words it.
    view.put("typicalReplyMs", statistics.typicalFirstResponseMs());
    return view;
  }

  private void messages(Context ctx) {
    Principal caller = auth.require(ctx);
    Responses.ok(
        ctx,
        ChatJson.messagePage(
            chats.messages(
                caller,
                ctx.pathParam("chatId"),
                QueryParams.optionalInt(ctx, "limit"),
                ctx.queryParam("before"),
                ctx.queryParam("since"))),
        "Messages fetched");
  }

  private void send(Context ctx) {
    Principal caller = auth.require(ctx);
    ChatService.SendResult result =
        chats.send(caller, ctx.pathParam("chatId"), SendPayload.read(RequestBody.json(ctx)));
    if (result.duplicate()) {
      Responses.ok(ctx, ChatJson.message(result.message()), "Message already stored");
    } else {
      Responses.created(ctx, ChatJson.message(result.message()), "Message sent");
    }
  }

  private void edit(Context ctx) {
    Principal caller = auth.require(ctx);
    Message edited =
        chats.edit(
            caller,
            ctx.pathParam("chatId"),
            ctx.pathParam("messageId"),
            RequestBody.json(ctx).requiredString("content"));
    Responses.ok(ctx, ChatJson.message(edited), "Message edited");
  }

  private void rate(Context ctx) {
    Principal caller = auth.require(ctx);
    JsonBody body = RequestBody.json(ctx);
    Rating r =
        chats.rate(caller, ctx.pathParam("chatId"), body.integer("score"), body.string("comment"));
    Responses.created(ctx, ChatJson.rating(r), "Thank you for your rating");
  }

  private void ratings(Context ctx) {
    Principal caller = auth.require(ctx);
    Responses.ok(
        ctx, ChatJson.ratingView(chats.ratings(caller, ctx.pathParam("chatId"))), "Rating fetched");
  }

  private void markRead(Context ctx) {
    Principal caller = auth.require(ctx);
    Responses.ok(
        ctx,
        ChatJson.readReceipt(chats.markRead(caller, ctx.pathParam("chatId"))),
        "Messages marked as read");
  }

  private void adminList(Context ctx) {
    Principal caller = auth.require(ctx);
    ChatPage page =
        chats.adminList(
            caller,
            ctx.queryParam("status"),
            ctx.queryParam("priority"),
            ctx.queryParam("assigned"),
            TextInput.checked("q", ctx.queryParam("q")),
            ctx.queryParam("label"),
            QueryParams.optionalInt(ctx, "page"),
            QueryParams.optionalInt(ctx, "limit"));
    Responses.ok(
        ctx,
        ChatJson.chatPage(page, labels.of(page.chats().stream().map(Chat::id).toList())),
        "Chats fetched");
  }

  private void person(Context ctx) {
    Responses.ok(
        ctx,
        ChatJson.person(chats.person(auth.require(ctx), ctx.pathParam("chatId"))),
        "Person fetched");
  }

  private void stats(Context ctx) {
    Responses.ok(ctx, statistics.compute(auth.require(ctx)), "Statistics fetched");
  }

  private void updateStatus(Context ctx) {
    Principal caller = auth.require(ctx);
    JsonBody body = RequestBody.json(ctx);
    Chat chat =
        chats.updateStatus(
            caller, ctx.pathParam("chatId"), body.string("status"), body.string("priority"));
    Responses.ok(ctx, ChatJson.chat(chat, true), "Chat updated");
  }

  private void assign(Context ctx) {
    Principal caller = auth.require(ctx);
    Chat chat =
        chats.assign(caller, ctx.pathParam("chatId"), RequestBody.json(ctx).string("adminId"));
    Responses.ok(ctx, ChatJson.chat(chat, true), "Chat assigned");
  }

  private void unassign(Context ctx) {
    Chat chat = chats.unassign(auth.require(ctx), ctx.pathParam("chatId"));
    Responses.ok(ctx, ChatJson.chat(chat, true), "Chat back in the queue");
  }

  private void timeline(Context ctx) {
    List<ChatEvent> events = chats.timeline(auth.require(ctx), ctx.pathParam("chatId"));
    Responses.ok(ctx, events.stream().map(ChatJson::event).toList(), "Chat events fetched");
  }

  private void upload(Context ctx) {
    Principal caller = auth.require(ctx);
    long length = ctx.req().getContentLengthLong();
    if (length > attachments.maxBytes() + AppConfig.MULTIPART_OVERHEAD_BYTES) {
      throw AppException.tooLarge("Files can be at most " + attachments.maxBytes() + " bytes.");
    }
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
      throw AppException.invalid(
          "file", "Upload the file as multipart/form-data in a field named 'file'.");
    }
    UploadedFile file;
    try {
      file = ctx.uploadedFile("file");
    } catch (Exception e) {
      // Jetty's multipart parser refuses both oversize parts and malformed bodies with a (sneaky)
      // ServletException.
      if (length > attachments.maxBytes()) {
        throw AppException.tooLarge("Files can be at most " + attachments.maxBytes() + " bytes.");
      }
      throw AppException.invalid("file", "The multipart body could not be read.");
    }
    if (file == null) {
      throw AppException.invalid("file", "Upload the file in a multipart field named 'file'.");
    }
    try (InputStream in = file.content()) {
      Attachment a =
          attachments.upload(
              caller,
              ctx.pathParam("chatId"),
              file.filename(),
              file.contentType(),
              file.size(),
              in);
      Responses.created(ctx, ChatJson.attachment(a), "File uploaded");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void download(Context ctx) {
    Principal caller = auth.require(ctx);
    AttachmentStore.Download d =
        attachments.download(caller, ctx.pathParam("chatId"), ctx.pathParam("attachmentId"));
    Attachment a = d.attachment();
    boolean inline = a.contentType().startsWith("image/");
    ctx.header("Content-Type", a.contentType());
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
    ctx.header("Cache-Control", "private, max-age=3600");
    ctx.header(
        "Content-Disposition",
        (inline ? "inline" : "attachment")
            + "; filename=\""
            + a.fileName().replaceAll("[^\\x20-\\x7E]", "_")
            + "\"; filename*=UTF-8''"
            + URLEncoder.encode(a.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
    // Written without a thread (FileAnswer), each download holding one of the download slots while
    // it is written: they bound the open files and chunks that downloads hold, in all and per
    // network (per user would not do: visitor sessions are free).
    String network = clientAddress.networkOf(ctx);
    SharedBudget.Refusal refusal = downloadsAtOnce.take(network, 1);
    if (refusal == SharedBudget.Refusal.HOLDER_FULL) {
      throw AppException.rateLimited(
          "Too many files are being downloaded from your network at once. Try again in a moment.",
          2);
    }
    if (refusal == SharedBudget.Refusal.ALL_FULL) {
      throw AppException.unavailable(
          "The server is sending too many files at once. Try again in a moment.", 2);
    }
    ctx.future(() -> startWriting(ctx, d.file(), network));
  }

  /** Starts the asynchronous write of a download; its slot is given back when it ends. */
  private CompletableFuture<Void> startWriting(Context ctx, Path file, String network) {
    boolean started = false;
    try {
      CompletableFuture<Void> written =
          FileAnswer.write(ctx.req(), ctx.res(), file, downloadMinBytesPerSecond)
              .whenComplete((ignored, failure) -> downloadsAtOnce.giveBack(network, 1));
      started = true;
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (!started) {
        downloadsAtOnce.giveBack(network, 1);
      }
    }
  }
}
