package dev.supportchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How the built web app is served: hashed assets cached for a year, pages and the loader
 * revalidated, and a favicon (runs where the web app was built, as in `mvn verify`).
 */
class WebAppFilesIT {
  private static final HttpClient client = HttpClient.newHttpClient();

  @Test
  void hashedAssetsAreImmutableAndPagesAreRevalidated() throws Exception {
    assumeTrue(new WebAppFiles().isPresent(), "the web app is built (mvn verify builds it)");
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      HttpResponse<String> page = get(t, "/admin/support");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Cache-Control")).hasValue(WebAppFiles.REVALIDATE);
      assertThat(page.body()).contains("rel=\"icon\" href=\"/favicon.svg\"");

      Matcher asset = Pattern.compile("/assets/[^\"]+-[A-Za-z0-9_-]{8}\\.js").matcher(page.body());
      assertThat(asset.find()).as("admin.html names a hashed script").isTrue();
      HttpResponse<String> script = get(t, asset.group());
      assertThat(script.statusCode()).isEqualTo(200);
      assertThat(script.headers().firstValue("Cache-Control")).hasValue(WebAppFiles.IMMUTABLE);

      for (String path : new String[] {"/", "/widget.js", "/widget.html"}) {
        HttpResponse<String> r = get(t, path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
      }
      HttpResponse<String> icon = get(t, "/favicon.svg");
      assertThat(icon.statusCode()).isEqualTo(200);
      assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
      assertThat(get(t, "/assets/no-such-file-12345678.js").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void anUnchangedPageIsRevalidatedWithoutItsBody() throws Exception {
    assumeTrue(new WebAppFiles().isPresent(), "the web app is built (mvn verify builds it)");
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      for (String path : new String[] {"/", "/widget.js"}) {
        String etag = get(t, path).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again =
            client.send(
                HttpRequest.newBuilder(URI.create(t.baseUrl() + path))
                    .header("If-None-Match", etag)
                    .build(),
                BodyHandlers.ofString());
        assertThat(again.statusCode()).as(path).isEqualTo(304);
        assertThat(again.body()).as(path).isEmpty();
        assertThat(again.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
      }
    }
  }

  @Test
  void filesOutsideTheServedFoldersAreNotReachable() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      // Javalin's handler resolves paths against the class loader: nothing above its folders.
      for (String path :
          new String[] {
            "/assets/../../logback.xml",
            "/assets/%2e%2e/%2e%2e/logback.xml",
            "/..%2flogback.xml",
            "/public/index.html",
            "/dev/supportchat/App.class",
            "/META-INF/MANIFEST.MF",
            "/api/docs/swagger-ui/../../../logback.xml"
          }) {
        assertThat(get(t, path).statusCode()).as(path).isIn(400, 404);
      }
    }
  }

  private static HttpResponse<String> get(TestApp t, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(t.baseUrl() + path)).build(), BodyHandlers.ofString());
  }
}
