package dev.supportchat.realtime.transport;

import java.util.Collection;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Turns plain Java values (maps, lists, strings, numbers, booleans, null) into the org.json tree socket.io-server
 * sends, keeping nulls as JSON {@code null} ({@code new JSONObject(map)} would drop those keys). Cheaper than
 * writing JSON text and parsing it again, which is what the emit path would otherwise do for every event.
 */
public final class OrgJson {
  private OrgJson() {}

  public static Object from(Object value) {
    if (value == null) {
      return JSONObject.NULL;
    }
    if (value instanceof Map<?, ?> map) {
      JSONObject o = new JSONObject();
      map.forEach((k, v) -> o.put(String.valueOf(k), from(v)));
      return o;
    }
    if (value instanceof Collection<?> list) {
      JSONArray a = new JSONArray();
      list.forEach(v -> a.put(from(v)));
      return a;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
  }
}
