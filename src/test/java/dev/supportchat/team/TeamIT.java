package dev.supportchat.team;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.json.IsoTime;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Team page's rules over real HTTP and sockets, on SQLite and on PostgreSQL. */
class TeamIT {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anInviteLinkWorksOnceForItsAddressUntilItExpires(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      TeamFixture f = new TeamFixture(t);
      Login admin = t.http.admin();
      Response invite =
          t.http.post(
              "/api/v1/team/invites",
              Map.of("email", "Ann@Example.org", "role", "agent"),
              admin.accessToken());
      assertThat(invite.status()).isEqualTo(201);
      String token = invite.data().get("token").asText();
      assertThat(invite.data().get("path").asText()).isEqualTo("/admin/support#invite=" + token);
      assertThat(invite.data().get("email").asText()).isEqualTo("ann@example.org");
      assertThat(invite.data().get("state").asText()).isEqualTo("pending");
      assertThat(invite.data().get("expiresAt").asText())
          .isEqualTo(IsoTime.of(t.clock.instant().plus(Duration.ofDays(7))));

      Response preview = t.http.post("/api/v1/team/invites/preview", Map.of("token", token), null);
      assertThat(preview.status()).isEqualTo(200);
      assertThat(preview.data().get("email").asText()).isEqualTo("ann@example.org");
      assertThat(preview.data().get("role").asText()).isEqualTo("agent");

      assertError(
          t.http.post(
              "/api/v1/team/invites/accept",
              Map.of("token", token, "fullName", "Ann", "password", "short"),
              null),
          400,
          "invalid");
      Response accepted =
          t.http.post(
              "/api/v1/team/invites/accept",
              Map.of("token", token, "fullName", "Ann Lee", "password", "agent-password-1"),
              null);
      assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
      assertThat(accepted.data().path("user").path("isAdmin").asBoolean())
          .as("the seed's isAdmin is true for agents")
          .isTrue();
      Login ann = t.http.login("ann@example.org", "agent-password-1");
      JsonNode me = f.member(ann, ann.userId());
      assertThat(me.get("role").asText()).isEqualTo("agent");
      assertThat(me.get("fullName").asText()).isEqualTo("Ann Lee");

      Response again =
          t.http.post(
              "/api/v1/team/invites/accept",
              Map.of("token", token, "fullName", "Mallory", "password", "agent-password-1"),
              null);
      assertError(again, 409, "conflict");
      assertThat(again.json().get("message").asText()).contains("already used");

      Response late =
          t.http.post(
              "/api/v1/team/invites", Map.of("email", "late@example.org"), admin.accessToken());
      Response withdrawn =
          t.http.post(
              "/api/v1/team/invites", Map.of("email", "gone@example.org"), admin.accessToken());
      assertThat(
              t.http
                  .send(
                      "DELETE",
                      "/api/v1/team/invites/" + withdrawn.data().get("_id").asText(),
                      null,
                      admin.accessToken(),
                      Map.of())
                  .status())
          .isEqualTo(200);
      Response refusedWithdrawn =
          t.http.post(
              "/api/v1/team/invites/preview",
              Map.of("token", withdrawn.data().get("token").asText()),
              null);
      assertError(refusedWithdrawn, 409, "conflict");
      assertThat(refusedWithdrawn.json().get("message").asText()).contains("withdrawn");

      t.clock.advance(Duration.ofDays(7).plusSeconds(1));
      admin = t.http.admin(); // the old access token expired meanwhile
      Response expired =
          t.http.post(
              "/api/v1/team/invites/accept",
              Map.of(
                  "token",
                  late.data().get("token").asText(),
                  "fullName",
                  "Late",
                  "password",
                  "agent-password-1"),
              null);
      assertError(expired, 409, "conflict");
      assertThat(expired.json().get("message").asText()).contains("expired");
      assertError(
          t.http.post("/api/v1/team/invites/preview", Map.of("token", "not-a-token"), null),
          404,
          "not_found");
      assertError(
          t.http.post("/api/v1/team/invites", Map.of("email", "not-an-email"), admin.accessToken()),
          400,
          "invalid");
      assertError(
          t.http.post(
              "/api/v1/team/invites",
              Map.of("email", "x@example.org", "role", "owner"),
              admin.accessToken()),
          400,
          "invalid");

      // An address that already has an account (a customer's) cannot be invited into a second one.
      t.http.newUser("customer@example.org");
      Response forCustomer =
          t.http.post(
              "/api/v1/team/invites", Map.of("email", "customer@example.org"), admin.accessToken());
      assertError(
          t.http.post(
              "/api/v1/team/invites/accept",
              Map.of(
                  "token",
                  forCustomer.data().get("token").asText(),
                  "fullName",
                  "C",
                  "password",
                  "agent-password-1"),
              null),
          409,
          "conflict");
      Response list = t.http.get("/api/v1/team/invites", admin.accessToken());
      assertThat(list.data())
          .extracting(n -> n.get("state").asText())
          .contains("accepted", "revoked", "expired", "pending");
      assertThat(list.raw()).doesNotContain("token");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void agentsWorkChatsButCannotManageTheTeamAndUsersSeeNothingOfIt(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      TeamFixture f = new TeamFixture(t);
      Login admin = t.http.admin();
      Login agent = f.join(admin, "agent@example.org", "agent");
      Login user = t.http.newUser("user@example.org");
      String agentToken = agent.accessToken();

      assertThat(f.team(agent).get("agents")).hasSize(2);
      for (Login refused : new Login[] {agent, user}) {
        String token = refused.accessToken();
        assertError(
            t.http.post("/api/v1/team/invites", Map.of("email", "x@example.org"), token),
            403,
            "forbidden");
        assertError(t.http.get("/api/v1/team/invites", token), 403, "forbidden");
        assertError(
            t.http.patch("/api/v1/team/settings", Map.of("autoAssign", true), token),
            403,
            "forbidden");
        assertError(
            t.http.patch("/api/v1/team/agents/" + admin.userId(), Map.of("role", "agent"), token),
            403,
            "forbidden");
        assertError(
            t.http.post("/api/v1/team/agents/" + admin.userId() + "/deactivate", Map.of(), token),
            403,
            "forbidden");
      }
      assertError(t.http.get("/api/v1/team", user.accessToken()), 403, "forbidden");
      assertError(
          t.http.put("/api/v1/team/me/availability", Map.of("status", "away"), user.accessToken()),
          403,
          "forbidden");
      assertError(t.http.get("/api/v1/team", null), 401, "unauthorized");
      assertError(
          t.http.put("/api/v1/team/me/availability", Map.of("status", "offline"), agentToken),
          400,
          "invalid");
      assertThat(
              t.http
                  .put("/api/v1/team/me/availability", Map.of("status", "away"), agentToken)
                  .data()
                  .get("chosenAvailability")
                  .asText())
          .isEqualTo("away");
      // The admin's own view was not changed by any of the refused calls.
      JsonNode adminRow = f.member(admin, admin.userId());
      assertThat(adminRow.get("role").asText()).isEqualTo("admin");
      assertThat(adminRow.get("active").asBoolean()).isTrue();
      assertThat(f.team(admin).get("settings").get("autoAssign").asBoolean()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theLastActiveAdminStaysAndRolesChangeOtherwise(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      TeamFixture f = new TeamFixture(t);
      Login admin = t.http.admin();
      Login ann = f.join(admin, "ann@example.org", "agent");
      Response demoteSelf =
          t.http.patch(
              "/api/v1/team/agents/" + admin.userId(),
              Map.of("role", "agent"),
              admin.accessToken());
      assertError(demoteSelf, 409, "conflict");
      assertThat(demoteSelf.json().get("message").asText()).contains("last active admin");
      assertError(
          t.http.post(
              "/api/v1/team/agents/" + admin.userId() + "/deactivate",
              Map.of(),
              admin.accessToken()),
          409,
          "conflict");

      Response promote =
          t.http.patch(
              "/api/v1/team/agents/" + ann.userId(),
              Map.of("role", "admin", "capacity", 3),
              admin.accessToken());
      assertThat(promote.status()).as(promote.raw()).isEqualTo(200);
      assertThat(promote.data().get("role").asText()).isEqualTo("admin");
      assertThat(promote.data().get("capacity").asInt()).isEqualTo(3);
      // Ann's existing token works for admin work at once (roles are read from the database).
      assertThat(t.http.get("/api/v1/team/invites", ann.accessToken()).status()).isEqualTo(200);
      Response demoteFirst =
          t.http.patch(
              "/api/v1/team/agents/" + admin.userId(), Map.of("role", "agent"), ann.accessToken());
      assertThat(demoteFirst.status()).isEqualTo(200);
      assertError(t.http.get("/api/v1/team/invites", admin.accessToken()), 403, "forbidden");
      assertError(
          t.http.patch(
              "/api/v1/team/agents/" + ann.userId(), Map.of("capacity", 101), ann.accessToken()),
          400,
          "invalid");
      assertError(
          t.http.patch(
              "/api/v1/team/agents/unknown-id", Map.of("role", "agent"), ann.accessToken()),
          404,
          "not_found");
      assertError(
          t.http.patch(
              "/api/v1/team/agents/" + t.http.newUser("u@example.org").userId(),
              Map.of("role", "admin"),
              ann.accessToken()),
          404,
          "not_found");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void deactivationEndsEverySessionAtOnceAndGivesTheChatsBack(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      TeamFixture f = new TeamFixture(t);
      Login admin = t.http.admin();
      Login ann = f.join(admin, "ann@example.org", "agent");
      Login user = t.http.newUser("user@example.org");
      String chatId = f.chatOf(user);
      assertThat(
              t.http
                  .post(
                      "/api/v1/chats/" + chatId + "/assign",
                      Map.of("adminId", ann.userId()),
                      admin.accessToken())
                  .status())
          .isEqualTo(200);
      NodeScript.Running dashboard =
          NodeScript.start("staff-sockets.mjs", t.baseUrl(), ann.accessToken());
      TeamFixture.awaitConnected(dashboard, 1);

      Response off =
          t.http.post(
              "/api/v1/team/agents/" + ann.userId() + "/deactivate", Map.of(), admin.accessToken());
      assertThat(off.status()).as(off.raw()).isEqualTo(200);
      assertThat(off.data().get("active").asBoolean()).isFalse();
      assertThat(off.data().get("isAdmin").asBoolean()).isFalse();

      JsonNode line = dashboard.nextLine();
      while (!line.path("event").asText().equals("disconnect")) {
        line = dashboard.nextLine();
      }
      assertThat(line.get("payload").asText()).isEqualTo("io server disconnect");
      assertError(t.http.get("/api/v1/team", ann.accessToken()), 401, "unauthorized");
      assertError(
          t.http.post(
              "/api/v1/users/refresh-token", Map.of("refreshToken", ann.refreshToken()), null),
          401,
          "unauthorized");
      Response login =
          t.http.post(
              "/api/v1/users/login",
              Map.of("email", "ann@example.org", "password", TeamFixture.PASSWORD),
              null);
      assertError(login, 403, "forbidden");
      assertThat(login.json().get("message").asText()).contains("deactivated");
      TeamFixture.eventually("the chat is back in the queue", () -> f.assigneeOf(user) == null);
      assertThat(f.chatOf(user, false).get("status").asText()).isEqualTo("open");
      assertThat(f.team(admin).get("queue").get("length").asInt()).isEqualTo(1);
      assertError(
          t.http.post(
              "/api/v1/chats/" + chatId + "/assign",
              Map.of("adminId", ann.userId()),
              admin.accessToken()),
          400,
          "invalid");
      dashboard.finish();

      assertThat(
              t.http
                  .post(
                      "/api/v1/team/agents/" + ann.userId() + "/reactivate",
                      Map.of(),
                      admin.accessToken())
                  .status())
          .isEqualTo(200);
      Login back = t.http.login("ann@example.org", TeamFixture.PASSWORD);
      assertThat(back.isAdmin()).isTrue();
      assertThat(f.member(back, ann.userId()).get("role").asText()).isEqualTo("agent");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyoneChangesTheirOwnNameAndPasswordWithTheCurrentOne(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      TeamFixture f = new TeamFixture(t);
      Login admin = t.http.admin();
      Login ann = f.join(admin, "ann@example.org", "agent");
      Login otherDevice = t.http.login("ann@example.org", TeamFixture.PASSWORD);

      Response renamed =
          t.http.patch("/api/v1/users/me", Map.of("fullName", "Ann B."), ann.accessToken());
      assertThat(renamed.data().get("fullName").asText()).isEqualTo("Ann B.");
      assertError(
          t.http.patch("/api/v1/users/me", Map.of("fullName", " "), ann.accessToken()),
          400,
          "invalid");
      Response wrong =
          t.http.post(
              "/api/v1/users/change-password",
              Map.of("currentPassword", "wrong-password", "newPassword", "new-password-2"),
              ann.accessToken());
      assertError(wrong, 401, "unauthorized");
      Response changed =
          t.http.post(
              "/api/v1/users/change-password",
              Map.of("currentPassword", TeamFixture.PASSWORD, "newPassword", "new-password-2"),
              ann.accessToken());
      assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
      assertError(
          t.http.post(
              "/api/v1/users/refresh-token",
              Map.of("refreshToken", otherDevice.refreshToken()),
              null),
          401,
          "unauthorized");
      assertThat(
              t.http
                  .post(
                      "/api/v1/users/refresh-token",
                      Map.of("refreshToken", changed.data().get("refreshToken").asText()),
                      null)
                  .status())
          .as("the session the change opened is signed in")
          .isEqualTo(200);
      t.http.login("ann@example.org", "new-password-2");
      assertThat(f.member(admin, ann.userId()).get("role").asText())
          .as("a password change keeps the role")
          .isEqualTo("agent");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void onlyTheTeamsAdminsManageWebhooksAgentsAreRefused(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      TeamFixture f = new TeamFixture(t);
      Login admin = t.http.admin();
      Login ann = f.join(admin, "ann@example.org", "agent");
      Map<String, Object> hook =
          Map.of("url", "https://93.184.215.14/hook", "events", java.util.List.of("chat.rated"));

      assertError(t.http.post("/api/v1/webhooks", hook, ann.accessToken()), 403, "forbidden");
      assertError(t.http.get("/api/v1/webhooks", ann.accessToken()), 403, "forbidden");
      assertThat(t.http.post("/api/v1/webhooks", hook, admin.accessToken()).status())
          .as("the admin beside her is unaffected")
          .isEqualTo(201);
      assertThat(t.http.get("/api/v1/webhooks", admin.accessToken()).data().get("endpoints"))
          .as("only the admin's endpoint exists")
          .hasSize(1);
    }
  }
}
