package dev.supportchat.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportchat.chat.ChatJson;
import dev.supportchat.chat.ChatService;
import dev.supportchat.chat.SendPayload;
import dev.supportchat.error.AppException;
import dev.supportchat.error.ErrorCode;
import dev.supportchat.json.IsoTime;
import dev.supportchat.json.JsonBody;
import dev.supportchat.logging.LogContext;
import dev.supportchat.metrics.RealtimeMetrics;
import dev.supportchat.realtime.transport.EventAck;
import dev.supportchat.realtime.transport.SocketEvents;
import dev.supportchat.store.Futures;
import io.socket.socketio.server.SocketIoSocket;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client → server events of the contract. Each one checks the socket's token is still valid and
 * its rate, reads the payload's shape, calls the same service method as its REST twin, and answers
 * through the ack.
 */
final class SupportChatEvents {
  private static final Logger LOG = LoggerFactory.getLogger(SupportChatEvents.class);
  private final ChatService chats;
  private final TypingTracker typing;
  private final Clock clock;
  private final SocketRateLimiter limiter;
  private final SocketRateLimiter roomLimiter;

  /**
   * Events that only change which rooms a socket hears or who is typing (and token renewal): cheap,
   * frequent at connect, and on a budget of their own so they never starve the sends (issue 20).
   */
  private static final java.util.Set<String> ROOM_EVENTS =
      java.util.Set.of(
          ClientEvents.JOIN,
          ClientEvents.LEAVE,
          ClientEvents.TYPING_START,
          ClientEvents.TYPING_STOP,
          ClientEvents.REAUTHENTICATE);

  private final Executor sendsCommitted;

  /** Where a retried send's stored copy is looked up (see the send handler). */
  private final Executor retryLookups;

  private final SocketSession session;
  private final Consumer<SocketIoSocket> disconnect;
  private final RealtimeMetrics metrics;

  /** Built once; every socket dispatches through it (see {@link SocketEvents} for why). */
  private final SocketEvents<ClientSocket> events;

  SupportChatEvents(
      ChatService chats,
      TypingTracker typing,
      Clock clock,
      int messagesPerSecond,
      int roomEventsPerSecond,
      int roomEventsBurst,
      Executor sendsCommitted,
      Executor retryLookups,
      SocketSession session,
      Consumer<SocketIoSocket> disconnect,
      RealtimeMetrics metrics) {
    this.metrics = metrics;
    this.disconnect = disconnect;
    this.roomLimiter = new SocketRateLimiter(roomEventsPerSecond, roomEventsBurst);
    this.chats = chats;
    this.session = session;
    this.sendsCommitted = sendsCommitted;
    this.retryLookups = retryLookups;
    this.typing = typing;
    this.clock = clock;
    this.limiter = new SocketRateLimiter(messagesPerSecond);
    SocketEvents.Builder<ClientSocket> b = SocketEvents.builder();
    on(
        b,
        ClientEvents.JOIN,
        (c, p) -> {
          String chatId = p.requiredString("chatId");
          chats.checkAccess(c.user.principal(), chatId);
          c.socket.joinRoom(
              c.user.isAdmin() ? RoomNames.chatStaff(chatId) : RoomNames.chatUser(chatId));
          return Map.of("chatId", chatId);
        });
    on(
        b,
        ClientEvents.LEAVE,
        (c, p) -> {
          String chatId = p.requiredString("chatId");
          c.socket.leaveRoom(RoomNames.chatStaff(chatId), RoomNames.chatUser(chatId));
          typing.stop(c.id(), chatId);
          return Map.of("chatId", chatId);
        });
    // Reported and answered once committed, on the one thread that finishes every send: the commits
    // complete in
    // order on the writer thread, which hands each to sendsCommitted as it completes, so events and
    // acks keep
    // commit order (see ChatService.sendAsync).
    on(
        b,
        ClientEvents.SEND,
        (c, p) -> {
          String chatId = p.requiredString("chatId");
          return chats
              .sendAsync(c.user.principal(), chatId, SendPayload.read(p))
              // A retry of a stored message only looks its copy up: not on the emitting thread,
              // where a database wait (one any client can cause) would hold every other emit.
              .thenCompose(
                  committed ->
                      CompletableFuture.supplyAsync(
                          committed::report,
                          committed.readsStoredCopy() ? retryLookups : sendsCommitted))
              .thenApply(
                  result -> {
                    typing.stop(c.id(), chatId);
                    return ChatJson.message(result.message());
                  });
        });
    on(
        b,
        ClientEvents.TYPING_START,
        (c, p) -> {
          String chatId = p.requiredString("chatId");
          chats.checkAccess(c.user.principal(), chatId);
          c.keepsState(); // its typing state ends when it disconnects
          typing.start(c.id(), chatId, c.user.userId(), c.user.isAdmin());
          return Map.of("chatId", chatId);
        });
    on(
        b,
        ClientEvents.TYPING_STOP,
        (c, p) -> {
          String chatId = p.requiredString("chatId");
          typing.stop(c.id(), chatId);
          return Map.of("chatId", chatId);
        });
    on(
        b,
        ClientEvents.MARK_READ,
        (c, p) -> {
          return ChatJson.readReceipt(
              chats.markRead(c.user.principal(), p.requiredString("chatId")));
        });
    on(
        b,
        ClientEvents.UPDATE_STATUS,
        (c, p) ->
            ChatJson.chat(
                chats.updateStatus(
                    c.user.principal(),
                    p.requiredString("chatId"),
                    p.string("status"),
                    p.string("priority")),
                true));
    on(
        b,
        ClientEvents.ASSIGN,
        (c, p) ->
            ChatJson.chat(
                chats.assign(c.user.principal(), p.requiredString("chatId"), p.string("adminId")),
                true));
    on(
        b,
        ClientEvents.REAUTHENTICATE,
        (c, p) -> {
          SocketUser before = c.user;
          SocketUser fresh = session.renew(before, p.requiredString("token"));
          String oldSession = before.principal().sessionId();
          String newSession = fresh.principal().sessionId();
          if (!oldSession.equals(newSession)) {
            c.socket.joinRoom(RoomNames.session(newSession));
            c.socket.leaveRoom(RoomNames.session(oldSession));
          }
          c.user = fresh;
          return Map.of("expiresAt", IsoTime.of(fresh.tokenExpiresAt()));
        });
    this.events = b.build();
  }

  /**
   * A handler that gets the sending socket and the payload as a {@link JsonBody}, and returns the
   * ack's data, or a {@link CompletionStage} of it to be answered later.
   */
  private interface Handler {
    Object handle(ClientSocket client, JsonBody payload);
  }

  /** Starts answering {@code client}'s events. */
  void attach(ClientSocket client) {
    events.attach(client.socket, client);
  }

  /** The socket is gone: whatever it was typing stops. */
  void disconnected(ClientSocket client) {
    typing.socketGone(client.id());
  }

  private void on(SocketEvents.Builder<ClientSocket> builder, String event, Handler handler) {
    if (!ClientEvents.ALL.contains(event)) {
      // Tests derive the authorization matrix from ClientEvents.ALL; an unlisted event would escape
      // it.
      throw new IllegalStateException("Event '" + event + "' must be listed in ClientEvents.ALL");
    }
    builder.on(
        event,
        (client, payload, ack) -> {
          String refusal = session.refusal(client.user, clock.instant());
          if (refusal != null) {
            // Fail closed: the socket may not stay to receive events it is no longer authorized
            // for.
            ack.error(ErrorCode.UNAUTHORIZED.wireName(), refusal);
            disconnect.accept(client.socket);
            return;
          }
          boolean allowed =
              ROOM_EVENTS.contains(event)
                  ? roomLimiter.tryAcquire(client.roomEvents)
                  : limiter.tryAcquire(client);
          if (!allowed) {
            ack.error(ErrorCode.RATE_LIMITED.wireName(), "Too many events; slow down.");
            return;
          }
          metrics.eventIn(event);
          long arrived = System.nanoTime();
          // Each event is a request of its own in the log (LOG_FORMAT=json: requestId, userId).
          LogContext.begin(LogContext.newRequestId());
          LogContext.user(client.user.userId());
          try {
            handle(client, payload, ack, event, handler, arrived);
          } finally {
            LogContext.end();
          }
        });
  }

  private void handle(
      ClientSocket client,
      ObjectNode payload,
      EventAck ack,
      String event,
      Handler handler,
      long arrived) {
    // The session, expiry and rate checks ran before (each event's gate above).
    Object data;
    try {
      data = handler.handle(client, JsonBody.wrap(payload));
    } catch (AppException e) {
      ack.error(e.code().wireName(), e.getMessage());
      return;
    }
    if (data instanceof CompletionStage<?> later) {
      later.whenComplete(
          (result, failure) -> {
            metrics.acknowledged(event, System.nanoTime() - arrived);
            if (failure == null) {
              answer(ack, result);
            } else {
              answerFailure(ack, event, Futures.unwrap(failure));
            }
          });
    } else {
      metrics.acknowledged(event, System.nanoTime() - arrived);
      answer(ack, data);
    }
  }

  private static void answer(EventAck ack, Object data) {
    if (ack.requested()) {
      ack.okPlain(data);
    }
  }

  /**
   * A rule the event broke is answered with its code; anything else is a bug, logged and answered
   * 'internal'.
   */
  private static void answerFailure(EventAck ack, String event, RuntimeException failure) {
    if (failure instanceof AppException e) {
      ack.error(e.code().wireName(), e.getMessage());
    } else {
      LOG.error("Handler for '{}' failed after its commit", event, failure);
      ack.error(ErrorCode.INTERNAL.wireName(), "internal error");
    }
  }
}
