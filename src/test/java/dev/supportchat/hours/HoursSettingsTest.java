package dev.supportchat.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.json.Json;
import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

/** The settings' JSON: what is read back is what was written, and each mistake names its field. */
class HoursSettingsTest {
  private static JsonNode json(String s) throws Exception {
    return Json.MAPPER.readTree(s.replace('\'', '"'));
  }

  @Test
  void readsWhatItWrites() throws Exception {
    HoursSettings s =
        HoursSettings.parse(
            json(
                "{'timeZone':'Europe/Paris','weekly':{'monday':[{'opens':'09:00','closes':'17:00'}],"
                    + "'saturday':[{'opens':'22:00','closes':'02:00'}]},'holidays':['2026-12-25'],"
                    + "'autoReply':' Back {back}. ','businessHoursStats':true}"));
    assertThat(s.hours().weekly().get(DayOfWeek.MONDAY)).hasSize(1);
    assertThat(s.autoReply()).isEqualTo("Back {back}.");
    assertThat(s.businessHoursStats()).isTrue();
    HoursSettings again = HoursSettings.parse(s.toJson());
    assertThat(again.toJson()).isEqualTo(s.toJson());
    assertThat(s.toJson().get("weekly").get("sunday")).isEmpty();
  }

  @Test
  void eachMistakeNamesItsField() {
    String[][] cases = {
      {"{'weekly':{}}", "timeZone"},
      {"{'timeZone':'Mars/Olympus','weekly':{}}", "timeZone"},
      {"{'timeZone':'UTC'}", "weekly"},
      {"{'timeZone':'UTC','weekly':{'funday':[]}}", "weekly"},
      {"{'timeZone':'UTC','weekly':{'monday':[{'opens':'9:00','closes':'17:00'}]}}", "weekly"},
      {"{'timeZone':'UTC','weekly':{'monday':[{'opens':'24:00','closes':'17:00'}]}}", "weekly"},
      {"{'timeZone':'UTC','weekly':{'monday':{}}}", "weekly"},
      {"{'timeZone':'UTC','weekly':{},'holidays':['25/12/2026']}", "holidays"},
      {"{'timeZone':'UTC','weekly':{},'holidays':'2026-12-25'}", "holidays"},
      {"{'timeZone':'UTC','weekly':{},'autoReply':5}", "autoReply"},
      {"{'timeZone':'UTC','weekly':{},'businessHoursStats':'yes'}", "businessHoursStats"},
      {"[]", "body"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> HoursSettings.parse(json(c[0])))
          .as(c[0])
          .isInstanceOfSatisfying(
              HoursSettings.Invalid.class, e -> assertThat(e.field()).isEqualTo(c[1]));
    }
    String longReply = "x".repeat(HoursSettings.MAX_AUTO_REPLY_LENGTH + 1);
    assertThatThrownBy(
            () ->
                HoursSettings.parse(
                    json("{'timeZone':'UTC','weekly':{},'autoReply':'" + longReply + "'}")))
        .hasMessageContaining("at most");
  }
}
