package dev.supportchat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.testing.HttpTestClient.Response;

/**
 * Checks that a response is the error envelope with the expected status and code, and leaks
 * nothing.
 */
public final class ApiAssertions {
  private ApiAssertions() {}

  public static void assertError(Response r, int status, String code) {
    assertThat(r.status()).as(r.raw()).isEqualTo(status);
    JsonNode json = r.json();
    assertThat(json.get("statusCode").asInt()).isEqualTo(status);
    assertThat(json.get("success").asBoolean()).isFalse();
    assertThat(json.has("data") && json.get("data").isNull()).isTrue();
    assertThat(json.get("message").asText()).isNotBlank();
    assertThat(r.errorCode()).isEqualTo(code);
    assertThat(r.raw()).doesNotContain("Exception").doesNotContain("<html");
  }

  /** As {@link #assertError(Response, int, String)}, and the message says {@code words}. */
  public static void assertError(Response r, int status, String code, String words) {
    assertError(r, status, code);
    assertThat(r.json().get("message").asText()).containsIgnoringCase(words);
  }
}
