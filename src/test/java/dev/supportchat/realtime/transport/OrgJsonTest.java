package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.json.Json;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class OrgJsonTest {

  @Test
  void keepsNullsAndNesting() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("admin", null);
    m.put("n", 3L);
    m.put("list", Arrays.asList("a", null, Map.of("ok", true)));
    JSONObject o = (JSONObject) OrgJson.from(m);
    assertThat(o.has("admin")).isTrue();
    assertThat(o.isNull("admin")).isTrue();
    assertThat(o.getLong("n")).isEqualTo(3L);
    assertThat(o.getJSONArray("list").toString()).isEqualTo("[\"a\",null,{\"ok\":true}]");
  }

  @Test
  void refusesWhatIsNotJson() {
    assertThatThrownBy(() -> OrgJson.from(List.of(new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aParsedClientPayloadBecomesTheJacksonTreeOfTheSameText() throws Exception {
    String[] payloads = {
      "{\"chatId\":\"abc\",\"content\":\"hé \\u0000 \\\"q\\\" 😀\",\"isInternalNote\":true,\"attachmentIds\":[\"a\",null]}",
      "{\"n\":1,\"big\":12345678901234,\"huge\":123456789012345678901234567890,\"f\":1.5,\"neg\":-0.25}",
      "{\"nested\":{\"deep\":{\"list\":[[],{},false]}},\"nothing\":null,\"empty\":\"\"}",
    };
    for (String text : payloads) {
      JsonNode expected = Json.MAPPER.readTree(text);
      JsonNode converted = OrgJson.toJackson(new JSONObject(text));
      assertThat(converted).as(text).isEqualTo(expected);
    }
  }
}
