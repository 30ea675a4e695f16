package dev.supportchat.realtime.transport;

import io.socket.socketio.server.SocketIoSocket.ReceivedByLocalAcknowledgementCallback;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.json.JSONObject;

/**
 * The acknowledgement callback of one client event, answered in the contract's shape: {@code
 * {"ok":true,"data":…}} or {@code {"ok":false,"error":{"code":…,"message":…}}}.
 *
 * <p>Answers at most once (a second answer is ignored) and is a no-op when the client emitted
 * without a callback, so handlers can always answer without checking.
 */
public final class EventAck {

  private final ReceivedByLocalAcknowledgementCallback callback;

  /** Where to write the answer ourselves (see {@link AckRoute}); null: through the callback. */
  private final AckRoute route;

  private final AtomicBoolean answered = new AtomicBoolean();

  private EventAck(ReceivedByLocalAcknowledgementCallback callback, AckRoute route) {
    this.callback = callback;
    this.route = route;
  }

  /** The ack of an event read by {@link DirectEvents}: along {@code route}, or none if null. */
  static EventAck routed(AckRoute route) {
    return new EventAck(null, route);
  }

  /**
   * socket.io-server appends the client's callback as the last event argument, when there is one;
   * the answer goes along {@code route} when there is one (null: through the callback).
   */
  static EventAck fromEventArgs(Object[] args, AckRoute route) {
    if (args.length > 0
        && args[args.length - 1] instanceof ReceivedByLocalAcknowledgementCallback callback) {
      return new EventAck(callback, route);
    }
    return new EventAck(null, null); // the client asked for no ack: a route would be a stale one
  }

  public boolean requested() {
    return callback != null || route != null;
  }

  /**
   * @param data JSONObject, JSONArray, String, Number, Boolean or null
   */
  public void ok(Object data) {
    send(okBody(data));
  }

  /**
   * Answers {@code data} given as plain Java values (maps, lists, strings, numbers, booleans,
   * null), written as JSON once, without an org.json copy when the ack has a route.
   */
  public void okPlain(Object data) {
    if (route == null) {
      ok(OrgJson.from(data));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", true);
    body.put("data", data);
    MessagePacket answer = route.answeringPlain(body); // before the one answer is used up
    if (answered.compareAndSet(false, true)) {
      route.write(answer);
    }
  }

  public void error(String code, String message) {
    send(errorBody(code, message));
  }

  public static JSONObject okBody(Object data) {
    // JSONObject.put(key, null) would drop the key; the contract wants "data":null.
    return new JSONObject().put("ok", true).put("data", data == null ? JSONObject.NULL : data);
  }

  public static JSONObject errorBody(String code, String message) {
    return new JSONObject()
        .put("ok", false)
        .put("error", new JSONObject().put("code", code).put("message", message));
  }

  private void send(JSONObject body) {
    if (route != null) {
      answerText(body.toString());
    } else if (callback != null && answered.compareAndSet(false, true)) {
      callback.sendAcknowledgement(body);
    }
  }

  private void answerText(String json) {
    if (answered.compareAndSet(false, true)) {
      route.write(route.answering(json));
    }
  }
}
