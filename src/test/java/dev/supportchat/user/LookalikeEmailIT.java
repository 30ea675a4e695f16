package dev.supportchat.user;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nobody registers an address that only looks like an existing account's (issue 13, part 6):
 * compatibility forms fold to the same address, mixed alphabets are refused, and an address written
 * in look-alike letters of another alphabet counts as taken. Both engines.
 */
class LookalikeEmailIT {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void confusableAddressesCannotPoseAsAnotherAccount(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      t.http.newUser("ace@example.com");
      // Fullwidth: the same address after NFKC, so the same account.
      assertError(
          t.http.register("ＡＣＥ@example.com", "password-123", "Fake"),
          409,
          "conflict",
          "already exists");
      assertThat(t.http.login("ＡＣＥ@ＥＸＡＭＰＬＥ.ＣＯＭ", "password-123").userId()).isNotBlank();
      // The admin's address with a Cyrillic а in the domain.
      assertError(
          t.http.register("admin@ex\u0430mple.com", "password-123", "Fake admin"),
          400,
          "invalid",
          "alphabets");
      // All-Cyrillic "асе" looks exactly like "ace": taken.
      assertError(
          t.http.register("\u0430\u0441\u0435@example.com", "password-123", "Fake"),
          409,
          "conflict",
          "already exists");
      // A real address in one other alphabet is welcome.
      assertThat(t.http.register("иван@пример.рф", "password-123", "Иван").status()).isEqualTo(201);
      assertThat(
              t.http
                  .post(
                      "/api/v1/users/login",
                      Map.of("email", "admin@ex\u0430mple.com", "password", TestApp.ADMIN_PASSWORD),
                      null)
                  .status())
          .isEqualTo(401);
    }
  }
}
