package dev.supportchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Numeric list parameters at their extremes answer 400 or a capped page, never a 500. */
class ListBoundsIT {

  @ParameterizedTest(name = "list bounds on {0}")
  @EnumSource(Engine.class)
  void hugeOrNegativePagesAndLimitsAreAnsweredClearly(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      String admin = t.http.admin().accessToken();
      for (String bad :
          new String[] {
            "page=2147483647", "page=-1", "page=0", "limit=0", "page=99999999999", "limit=abc"
          }) {
        Response r = t.http.get("/api/v1/chats/admin/all?" + bad, admin);
        assertThat(r.status()).as(bad + ": " + r.raw()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("invalid");
      }
      Response last = t.http.get("/api/v1/chats/admin/all?page=1000000&limit=100", admin);
      assertThat(last.status()).as(last.raw()).isEqualTo(200);
      assertThat(last.data().get("chats")).isEmpty();
      Response capped = t.http.get("/api/v1/chats/admin/all?limit=2147483647", admin);
      assertThat(capped.status()).isEqualTo(200);
      assertThat(capped.data().get("pagination").get("limit").asInt()).isEqualTo(100);
    }
  }
}
