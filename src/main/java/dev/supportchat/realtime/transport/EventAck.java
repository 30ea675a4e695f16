package dev.supportchat.realtime.transport;

import io.socket.socketio.server.SocketIoSocket.ReceivedByLocalAcknowledgementCallback;
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
  private final AtomicBoolean answered = new AtomicBoolean();

  private EventAck(ReceivedByLocalAcknowledgementCallback callback) {
    this.callback = callback;
  }

  /**
   * socket.io-server appends the client's callback as the last event argument, when there is one.
   */
  static EventAck fromEventArgs(Object[] args) {
    if (args.length > 0
        && args[args.length - 1] instanceof ReceivedByLocalAcknowledgementCallback callback) {
      return new EventAck(callback);
    }
    return new EventAck(null);
  }

  public boolean requested() {
    return callback != null;
  }

  /**
   * @param data JSONObject, JSONArray, String, Number, Boolean or null
   */
  public void ok(Object data) {
    send(okBody(data));
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
    if (callback != null && answered.compareAndSet(false, true)) {
      callback.sendAcknowledgement(body);
    }
  }
}
