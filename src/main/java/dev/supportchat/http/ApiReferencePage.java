package dev.supportchat.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The rendered API reference at {@code /api/docs}: our page and the Swagger UI bundle of the
 * org.webjars:swagger-ui dependency, both served from the jar (no CDN, and the page keeps the
 * server's Content-Security-Policy).
 */
final class ApiReferencePage {
  static final String PATH = "/api/docs";
  private static final String WEBJAR_PROPERTIES =
      "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private final byte[] page;

  ApiReferencePage() {
    this.page = resource("/apidocs/index.html");
  }

  void register(JavalinConfig c) {
    String swaggerUi = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion();
    c.staticFiles.add(
        files -> {
          files.hostedPath = PATH + "/swagger-ui";
          files.directory = swaggerUi;
          files.location = Location.CLASSPATH;
        });
    c.staticFiles.add(
        files -> {
          files.hostedPath = PATH + "/assets";
          files.directory = "/apidocs/assets";
          files.location = Location.CLASSPATH;
        });
  }

  void serve(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  private static String swaggerUiVersion() {
    Properties p = new Properties();
    try (InputStream in = ApiReferencePage.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException("org.webjars:swagger-ui is missing from the classpath");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  private static byte[] resource(String name) {
    try (InputStream in = ApiReferencePage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
