package dev.supportchat.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Team steps over real HTTP, shared by the team's integration tests. */
final class TeamFixture {
  static final String PASSWORD = "agent-password-1";
  private final TestApp t;

  TeamFixture(TestApp t) {
    this.t = t;
  }

  /** Invites {@code email} as {@code role} and accepts the invite: the new member's login. */
  Login join(Login admin, String email, String role) {
    Response invite =
        t.http.post(
            "/api/v1/team/invites", Map.of("email", email, "role", role), admin.accessToken());
    assertThat(invite.status()).as(invite.raw()).isEqualTo(201);
    Response accepted =
        t.http.post(
            "/api/v1/team/invites/accept",
            Map.of(
                "token",
                invite.data().get("token").asText(),
                "fullName",
                "Agent " + email,
                "password",
                PASSWORD),
            null);
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
    JsonNode d = accepted.data();
    return new Login(
        d.path("user").path("_id").asText(),
        d.path("accessToken").asText(),
        d.path("refreshToken").asText(),
        d.path("user").path("isAdmin").asBoolean());
  }

  JsonNode team(Login caller) {
    Response r = t.http.get("/api/v1/team", caller.accessToken());
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.data();
  }

  JsonNode member(Login caller, String id) {
    for (JsonNode a : team(caller).get("agents")) {
      if (a.get("_id").asText().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no member " + id);
  }

  void settings(Login admin, boolean autoAssign, int capacity) {
    Response r =
        t.http.patch(
            "/api/v1/team/settings",
            Map.of("autoAssign", autoAssign, "defaultCapacity", capacity),
            admin.accessToken());
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
  }

  /** A user with an open chat: the chat's id. */
  String chatOf(Login user) {
    Response r =
        t.http.post(
            "/api/v1/chats/support",
            Map.of("subject", "Help", "message", "hello"),
            user.accessToken());
    assertThat(r.status()).as(r.raw()).isIn(200, 201);
    return r.data().get("_id").asText();
  }

  /** The user's own chat as they see it (status and assignee). */
  JsonNode chatOf(Login user, boolean create) {
    Response r = t.http.get("/api/v1/chats/support", user.accessToken());
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.data();
  }

  /** The id of the agent the user's chat is assigned to, or null. */
  String assigneeOf(Login user) {
    JsonNode admin = chatOf(user, false).get("admin");
    return admin == null || admin.isNull() ? null : admin.get("_id").asText();
  }

  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
