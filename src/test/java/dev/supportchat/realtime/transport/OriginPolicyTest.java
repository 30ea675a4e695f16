package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

  private final OriginPolicy policy =
      new OriginPolicy(List.of("https://Widget.example.com/", "http://localhost:5173"));

  @Test
  void allowsRequestsWithoutOrigin() {
    assertThat(policy.permits(null, "http", "chat.example.com")).isTrue();
  }

  @Test
  void allowsConfiguredOriginsAfterNormalization() {
    assertThat(policy.permits("https://widget.example.com", "http", "chat.example.com")).isTrue();
    assertThat(policy.permits("https://widget.example.com:443", "http", "chat.example.com"))
        .isTrue();
    assertThat(policy.permits("http://localhost:5173", "http", "chat.example.com")).isTrue();
    assertThat(policy.configuredOrigins())
        .containsExactly("https://widget.example.com", "http://localhost:5173");
  }

  @Test
  void allowsTheServersOwnOrigin() {
    assertThat(policy.permits("https://chat.example.com", "https", "chat.example.com")).isTrue();
    assertThat(policy.permits("http://127.0.0.1:8000", "http", "127.0.0.1:8000")).isTrue();
  }

  @Test
  void refusesEverythingElse() {
    assertThat(policy.permits("http://widget.example.com", "http", "chat.example.com"))
        .isFalse(); // scheme
    assertThat(policy.permits("http://localhost:5174", "http", "chat.example.com"))
        .isFalse(); // port
    assertThat(policy.permits("https://evil.example", "https", "chat.example.com")).isFalse();
    assertThat(policy.permits("null", "https", "chat.example.com")).isFalse();
    assertThat(policy.permits("http://127.0.0.1:8001", "http", "127.0.0.1:8000")).isFalse();
  }

  @Test
  void rejectsWildcardAndGarbageConfiguration() {
    assertThatThrownBy(() -> new OriginPolicy(List.of("*")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OriginPolicy(List.of("widget.example.com")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OriginPolicy(List.of("https://a.example/path")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
