package dev.supportchat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for tests, speaking JSON to the real server. */
public final class HttpTestClient {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  public HttpTestClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A response with its parsed JSON body (or null when it was not JSON). */
  public record Response(int status, String raw, JsonNode json, HttpHeaders headers) {
    public JsonNode data() {
      return json.get("data");
    }

    public String errorCode() {
      return json.path("errors").path(0).path("code").asText(null);
    }
  }

  /** A logged-in account. */
  public record Login(String userId, String accessToken, String refreshToken, boolean isAdmin) {}

  public Response get(String path, String token) {
    return send("GET", path, null, token, Map.of());
  }

  public Response post(String path, Object body, String token) {
    return send("POST", path, body, token, Map.of());
  }

  public Response put(String path, Object body, String token) {
    return send("PUT", path, body, token, Map.of());
  }

  public Response patch(String path, Object body, String token) {
    return send("PATCH", path, body, token, Map.of());
  }

  /**
   * Sends a request; a String body is sent as it is (to test malformed JSON), anything else as
   * JSON.
   */
  public Response send(
      String method, String path, Object body, String token, Map<String, String> headers) {
    try {
      String payload =
          body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .timeout(Duration.ofSeconds(30))
              .method(
                  method,
                  payload.isEmpty()
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(payload));
      if (!payload.isEmpty()) {
        b.header("Content-Type", "application/json");
      }
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      headers.forEach(b::header);
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = r.body().isEmpty() ? null : JSON.readTree(r.body());
      } catch (IOException notJson) {
        // left null: the test asserts on raw
      }
      return new Response(r.statusCode(), r.body(), json, r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response register(String email, String password, String fullName) {
    return post(
        "/api/v1/users/register",
        Map.of("email", email, "password", password, "fullName", fullName),
        null);
  }

  public Login login(String email, String password) {
    Response r = post("/api/v1/users/login", Map.of("email", email, "password", password), null);
    if (r.status() != 200) {
      throw new IllegalStateException("login failed: " + r.status() + " " + r.raw());
    }
    JsonNode d = r.data();
    return new Login(
        d.path("user").path("_id").asText(),
        d.path("accessToken").asText(),
        d.path("refreshToken").asText(),
        d.path("user").path("isAdmin").asBoolean());
  }

  /** Registers a new user and logs it in. */
  public Login newUser(String email) {
    Response r = register(email, "password-123", email.substring(0, email.indexOf('@')));
    if (r.status() != 201) {
      throw new IllegalStateException("register failed: " + r.status() + " " + r.raw());
    }
    return login(email, "password-123");
  }

  public Login admin() {
    return login(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD);
  }

  /** Opens (or gets) the user's chat with a first message; its id. */
  public String openChat(Login user, String subject, String message) {
    Response r =
        post(
            "/api/v1/chats/support",
            Map.of("subject", subject, "message", message),
            user.accessToken());
    if (r.status() != 201 && r.status() != 200) {
      throw new IllegalStateException("opening a chat failed: " + r.status() + " " + r.raw());
    }
    return r.data().get("_id").asText();
  }

  /** Sends a message (or an internal note) as this caller and expects it stored. */
  public void send(Login sender, String chatId, String text, boolean internalNote) {
    Response r =
        post(
            "/api/v1/chats/" + chatId + "/messages",
            Map.of("content", text, "isInternalNote", internalNote),
            sender.accessToken());
    if (r.status() != 201) {
      throw new IllegalStateException("sending failed: " + r.status() + " " + r.raw());
    }
  }
}
