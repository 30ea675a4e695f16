package dev.supportchat.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hostile JSON built from {@link HostileStrings}: the fields the API reads, filled with wrong
 * types, nulls, deep nesting and hostile strings; and raw bodies that are not JSON at all (invalid
 * UTF-8, truncated, oversized).
 */
final class HostileJson {
  /** Every field name a REST body or socket payload is read for, plus ones nobody reads. */
  static final List<String> FIELDS =
      List.of(
          "chatId",
          "content",
          "messageType",
          "attachments",
          "isInternalNote",
          "clientMessageId",
          "subject",
          "priority",
          "message",
          "status",
          "adminId",
          "email",
          "password",
          "fullName",
          "username",
          "refreshToken",
          "__proto__",
          "_id",
          "sender",
          "isAdmin");

  /**
   * Escaping everything outside ASCII keeps lone surrogates intact on their way through JSON text.
   */
  static final ObjectMapper WRITER =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<byte[]> INVALID_UTF8 =
      List.of(
          new byte[] {(byte) 0xC3, 0x28},
          new byte[] {(byte) 0xFF, (byte) 0xFE},
          new byte[] {(byte) 0xC0, (byte) 0xAF},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0xE2, (byte) 0x82},
          new byte[] {0x00});

  private static final List<Integer> DEPTHS = List.of(3, 50, 999, 1_001, 5_000, 20_000);

  private final HostileStrings strings;
  private final List<Integer> depths;

  /**
   * @param maxDepth the deepest nesting to make (a JavaScript client cannot serialise 20,000
   *     levels)
   */
  HostileJson(HostileStrings strings, int maxDepth) {
    this.strings = strings;
    this.depths = DEPTHS.stream().filter(d -> d <= maxDepth).toList();
  }

  /** Any JSON value, hostile in type, size or content. */
  JsonNode value() {
    return switch (strings.random().nextInt(12)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(strings.random().nextBoolean());
      case 2 ->
          NODES.numberNode(
              strings.pick(
                  List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 9_007_199_254_740_993L)));
      case 3 -> NODES.numberNode(strings.pick(List.of(1.5e308, -0.0, 4.9e-324)));
      case 4 -> NODES.arrayNode().add(strings.next()).add(NODES.nullNode());
      case 5 -> NODES.objectNode().put("$gt", "").put("_id", strings.lookAlikeId());
      case 6 -> nested(strings.pick(depths));
      default -> NODES.textNode(strings.next());
    };
  }

  /**
   * An object with some of {@link #FIELDS}, each hostile, and sometimes a valid chat id among them.
   */
  ObjectNode object(String chatId) {
    ObjectNode o = NODES.objectNode();
    int fields = strings.random().nextInt(6);
    for (int i = 0; i < fields; i++) {
      o.set(strings.pick(FIELDS), value());
    }
    if (chatId != null && strings.random().nextInt(3) > 0) {
      o.put("chatId", chatId);
    }
    return o;
  }

  /**
   * Arrays inside arrays (or objects inside objects) {@code depth} levels deep, kept as raw text:
   * JSON libraries, this test's included, refuse to write what parsers should refuse to read.
   */
  JsonNode nested(int depth) {
    boolean arrays = strings.random().nextBoolean();
    String open = arrays ? "[" : "{\"content\":";
    String close = arrays ? "]" : "}";
    return NODES.rawValueNode(
        new RawValue(open.repeat(depth) + "\"bottom\"" + close.repeat(depth)));
  }

  /**
   * A request body: usually a hostile object, sometimes another JSON value, sometimes bytes that
   * are not JSON.
   */
  byte[] body(String chatId) {
    return switch (strings.random().nextInt(10)) {
      case 0 -> bytes(value());
      case 1 -> notJson();
      case 2 -> new byte[0];
      default -> bytes(object(chatId));
    };
  }

  private byte[] notJson() {
    return switch (strings.random().nextInt(6)) {
      case 0 ->
          concat(
              "{\"content\":\"".getBytes(StandardCharsets.US_ASCII),
              strings.pick(INVALID_UTF8),
              "\"}".getBytes(StandardCharsets.US_ASCII));
      case 1 -> strings.pick(INVALID_UTF8);
      case 2 -> "{\"content\":\"unterminated".getBytes(StandardCharsets.UTF_8);
      case 3 -> "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
      case 4 ->
          ("{\"content\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
      default ->
          "{\"content\":\"a\",\"content\":{\"nested\":true}}".getBytes(StandardCharsets.UTF_8);
    };
  }

  static byte[] bytes(JsonNode node) {
    try {
      return WRITER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ArrayNode array(List<JsonNode> items) {
    ArrayNode a = NODES.arrayNode();
    items.forEach(a::add);
    return a;
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
