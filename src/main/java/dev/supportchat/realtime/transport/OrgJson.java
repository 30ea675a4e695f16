package dev.supportchat.realtime.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Between org.json, socket.io-server's JSON, and ours: plain Java values (maps, lists, strings,
 * numbers, booleans, null) into the org.json tree it sends, keeping nulls as JSON {@code null}
 * ({@code new JSONObject(map)} would drop those keys); and the org.json tree it parsed from a
 * client packet into a Jackson tree. Both cheaper than writing JSON text and parsing it again, once
 * per event and once per client packet.
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

  /**
   * The Jackson tree of what socket.io-server parsed: the tree Jackson would have read from the
   * same text.
   */
  public static JsonNode toJackson(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value == null || value == JSONObject.NULL) {
      return nodes.nullNode();
    }
    if (value instanceof JSONObject o) {
      ObjectNode node = nodes.objectNode();
      for (String key : o.keySet()) {
        node.set(key, toJackson(o.opt(key)));
      }
      return node;
    }
    if (value instanceof JSONArray a) {
      ArrayNode node = nodes.arrayNode(a.length());
      for (int i = 0; i < a.length(); i++) {
        node.add(toJackson(a.opt(i)));
      }
      return node;
    }
    if (value instanceof String text) {
      return nodes.textNode(text);
    }
    if (value instanceof Boolean b) {
      return nodes.booleanNode(b);
    }
    if (value instanceof Integer n) {
      return nodes.numberNode(n);
    }
    if (value instanceof Long n) {
      return nodes.numberNode(n);
    }
    if (value instanceof BigInteger n) {
      return nodes.numberNode(n);
    }
    if (value
        instanceof
        Number n) { // org.json keeps decimals as BigDecimal; Jackson reads them as doubles
      return nodes.numberNode(n.doubleValue());
    }
    return nodes.textNode(String.valueOf(value));
  }
}
