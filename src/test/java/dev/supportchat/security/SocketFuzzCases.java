package dev.supportchat.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportchat.realtime.ClientEvents;
import java.util.Base64;
import java.util.List;

/**
 * Hostile Socket.IO traffic for node-tests/security-fuzz.mjs, as JSON: events (known and unknown,
 * before and after joining) with hostile payloads, non-object payloads, binary, several or no
 * arguments; and raw protocol packets the official client would never send. Binary values travel as
 * {@code {"$binary": base64}}.
 */
final class SocketFuzzCases {
  /** Names of no client event: server → client events, reserved words, hostile strings. */
  private static final List<String> UNKNOWN_EVENTS =
      List.of(
          "new_support_message",
          "admin_presence",
          "__proto__",
          "constructor",
          "toString",
          "hasOwnProperty",
          "join_support_chat ",
          "JOIN_SUPPORT_CHAT",
          "echo",
          "x".repeat(5_000));

  /**
   * Deeper payloads are sent raw: the official client's JSON.stringify overflows its stack on them.
   */
  private static final int MAX_EMIT_DEPTH = 1_001;

  private final HostileStrings strings;
  private final HostileJson json;
  private final String chatId;
  private final String otherChatId;

  /**
   * @param otherChatId a real chat the fuzzing user may not touch, for the raw packets to aim at
   */
  SocketFuzzCases(HostileStrings strings, String chatId, String otherChatId) {
    this.strings = strings;
    this.json = new HostileJson(strings, MAX_EMIT_DEPTH);
    this.chatId = chatId;
    this.otherChatId = otherChatId;
  }

  /**
   * An emit with an ack; {@code wellFormed} marks a send in the right shape (content hostile or
   * not), whose content must come back unchanged if it is accepted.
   */
  ObjectNode next() {
    int roll = strings.random().nextInt(20);
    if (roll < 2) {
      return raw();
    }
    ObjectNode c =
        HostileJson.WRITER
            .createObjectNode()
            .put("kind", "emit")
            .put("as", strings.random().nextInt(5) == 0 ? "admin" : "user");
    if (roll < 5) {
      String content = strings.random().nextBoolean() ? strings.storable() : strings.next();
      c.put("event", ClientEvents.SEND)
          .put("wellFormed", true)
          .set(
              "args",
              HostileJson.array(
                  List.of(
                      HostileJson.WRITER
                          .createObjectNode()
                          .put("chatId", chatId)
                          .put("content", content))));
      return c;
    }
    c.put("event", roll < 7 ? unknownEvent() : strings.pick(ClientEvents.ALL));
    c.set("args", HostileJson.array(args()));
    return c;
  }

  private String unknownEvent() {
    return strings.random().nextBoolean() ? strings.pick(UNKNOWN_EVENTS) : strings.next();
  }

  private List<JsonNode> args() {
    return switch (strings.random().nextInt(10)) {
      case 0 -> List.of();
      case 1 -> List.of(json.value());
      case 2 -> List.of(json.object(chatId), json.value());
      case 3 -> List.of(binary());
      case 4 -> List.of(json.object(chatId).set("content", binary()));
      default -> List.of(json.object(chatId));
    };
  }

  private ObjectNode binary() {
    byte[] bytes = new byte[strings.random().nextInt(2_000)];
    strings.random().nextBytes(bytes);
    return HostileJson.WRITER
        .createObjectNode()
        .put("$binary", Base64.getEncoder().encodeToString(bytes));
  }

  /**
   * A Socket.IO packet as raw engine.io message text (or a binary frame, or a text frame that is
   * not UTF-8). They aim at a chat the user may not write to, so a packet that slipped through
   * could not store silently.
   */
  private ObjectNode raw() {
    String send =
        "[\"send_support_message\",{\"chatId\":\"" + otherChatId + "\",\"content\":\"raw\"}]";
    String packet =
        strings.pick(
            List.of(
                "2[\"send_support_message\"",
                "2[]",
                "2[1,2,3]",
                "2{\"a\":1}",
                "2\"just a string\"",
                "2null",
                "21abc" + send,
                "2999999999999999999999" + send,
                "9",
                "",
                "4{\"message\":\"x\"}",
                "0/nope,{\"token\":\"x\"}",
                "0",
                "31[{\"ok\":true}]",
                "51-" + send.replace("\"raw\"", "{\"_placeholder\":true,\"num\":0}"),
                "52-" + send,
                "5-" + send,
                "2" + "[".repeat(20_000),
                "2[\"join_support_chat\","
                    + "{\"a\":".repeat(5_000)
                    + "1"
                    + "}".repeat(5_000)
                    + "]",
                "2/other," + send,
                "2[\"send_support_message\",{\"chatId\":\""
                    + otherChatId
                    + "\",\"content\":\"\\ud800\"}]",
                "1",
                "BINARY",
                "NOT_UTF8"));
    return HostileJson.WRITER
        .createObjectNode()
        .put("kind", "raw")
        .put("as", "user")
        .put("packet", packet);
  }
}
