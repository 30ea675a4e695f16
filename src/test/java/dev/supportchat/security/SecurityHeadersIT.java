package dev.supportchat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.config.ConfigException;
import dev.supportchat.config.ConfigLoader;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.http.WebAppFiles;
import dev.supportchat.security.HostileHttp.Request;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser-protection headers on the web app's pages, the widget page, and API answers good and
 * bad.
 */
class SecurityHeadersIT {
  private static final String EMBEDDERS = "https://shop.example.com https://*.partner.example";

  private static TestApp t;
  private static HostileHttp http;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    // Commas and spaces both separate sources; the header lists them with spaces.
    t =
        TestApp.start(
            Engine.SQLITE,
            Map.of(
                "WIDGET_FRAME_ANCESTORS", "https://shop.example.com, https://*.partner.example"));
    http = new HostileHttp(t.baseUrl());
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void apiAnswersGoodAndBadCarryTheHeadersAndMayNotBeFramed() {
    String token = t.http.newUser("ann@example.com").accessToken();
    List<Response> answers =
        List.of(
            http.send(Request.of("GET", "/api/v1/users/me"), token),
            http.send(Request.of("GET", "/api/v1/users/me"), null),
            http.send(Request.of("GET", "/api/v1/nothing-here"), token),
            http.send(
                new Request(
                    "POST", "/api/v1/users/login", "{".getBytes(), "application/json", Map.of()),
                null),
            http.send(Request.of("GET", "/health"), null));
    assertThat(answers).extracting(Response::status).containsExactly(200, 401, 404, 400, 200);
    answers.forEach(r -> assertProtected(r, "'self'"));
  }

  @Test
  void pagesOfTheWebAppMayOnlyBeFramedByTheServerItself() {
    for (String page : List.of("/", "/admin/support", "/admin.html")) {
      Response r = http.send(Request.of("GET", page), null);
      assertPageServed(r);
      assertProtected(r, "'self'");
    }
  }

  @Test
  void theWidgetMayBeFramedByTheConfiguredSitesOnly() {
    Response r = http.send(Request.of("GET", "/widget.html"), null);
    assertPageServed(r);
    assertProtected(r, EMBEDDERS);
    assertThat(r.headers().firstValue("X-Frame-Options"))
        .as("would forbid the embedding sites")
        .isEmpty();
  }

  @Test
  void frameAncestorsDefaultToSelfAndRefuseAnythingButSources() {
    assertThat(ConfigLoader.load(Map.of("DATA_DIR", dir.toString())).widgetFrameAncestors())
        .isEqualTo("'self'");
    assertThat(
            ConfigLoader.load(
                    Map.of("DATA_DIR", dir.toString(), "CORS_ORIGIN", "https://shop.example.com"))
                .widgetFrameAncestors())
        .as("sites trusted for CORS may embed the widget")
        .isEqualTo("'self' https://shop.example.com");
    assertThat(
            ConfigLoader.load(
                    Map.of("DATA_DIR", dir.toString(), "WIDGET_FRAME_ANCESTORS", "'none'"))
                .widgetFrameAncestors())
        .isEqualTo("'none'");
    // A ';' would end the directive and smuggle in another one.
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(
                        "DATA_DIR",
                        dir.toString(),
                        "WIDGET_FRAME_ANCESTORS",
                        "https://shop.example.com; script-src *")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("WIDGET_FRAME_ANCESTORS");
  }

  /**
   * Pages exist only when the web app was built into the classes; the headers are checked either
   * way.
   */
  private static void assertPageServed(Response r) {
    if (new WebAppFiles().isPresent()) {
      assertThat(r.status()).isEqualTo(200);
    }
  }

  private static void assertProtected(Response r, String frameAncestors) {
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy"))
        .hasValue("strict-origin-when-cross-origin");
    Map<String, String> csp =
        directives(r.headers().firstValue("Content-Security-Policy").orElseThrow());
    assertThat(csp)
        .containsEntry("default-src", "'self'")
        .containsEntry("script-src", "'self'")
        .containsEntry("object-src", "'none'")
        .containsEntry("connect-src", "'self'")
        .containsEntry("base-uri", "'self'")
        .containsEntry("frame-ancestors", frameAncestors);
    if (frameAncestors.equals("'self'")) {
      assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    }
  }

  private static Map<String, String> directives(String policy) {
    Map<String, String> out = new LinkedHashMap<>();
    Arrays.stream(policy.split(";"))
        .map(String::strip)
        .filter(d -> !d.isEmpty())
        .forEach(
            d -> {
              int space = d.indexOf(' ');
              out.put(d.substring(0, space), d.substring(space + 1).strip());
            });
    return out;
  }
}
