package dev.supportchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The renderings that the REST answer, the socket ack and the emitted event share, checked without
 * a server.
 */
class ChatJsonTest {

  @Test
  void aReadReceiptCarriesEveryFieldAnyReaderOfTheReadPayloadUses() {
    Map<String, Object> json =
        ChatJson.readReceipt(
            new ReadReceipt("c1", 3, "u1", false, Instant.parse("2026-01-02T03:04:05Z")));
    assertThat(json)
        .containsExactly(
            Map.entry("chatId", "c1"),
            Map.entry("markedCount", 3),
            Map.entry("readBy", "u1"),
            Map.entry("readerIsAdmin", false),
            Map.entry("readAt", "2026-01-02T03:04:05.000Z"));
  }

  @Test
  void aChatPageCountsItsPagesFromTheLimitItWasReadWith() {
    Map<String, Object> json = ChatJson.chatPage(new ChatPage(List.of(), 3, 20, 41), Map.of());
    assertThat(json.get("pagination"))
        .isEqualTo(Map.of("page", 3, "limit", 20, "total", 41L, "pages", 3L));
  }
}
