package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    assertThatThrownBy(() -> OrgJson.from(List.of(new Object()))).isInstanceOf(IllegalArgumentException.class);
  }
}
