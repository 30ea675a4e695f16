package dev.supportchat.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The built web app (web/dist, packed into the jar under {@code /public}): the demo page at {@code
 * /}, the widget, its loader script and the dashboard, whose client-side routes under {@code
 * /admin} all load {@code admin.html}.
 */
public final class WebAppFiles {
  private static final String CLASSPATH_DIR = "/public";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";

  private final boolean present;

  public WebAppFiles() {
    this.present = WebAppFiles.class.getResource(CLASSPATH_DIR + "/index.html") != null;
  }

  public boolean isPresent() {
    return present;
  }

  void register(JavalinConfig c) {
    if (!present) {
      return;
    }
    // Vite names every bundled file after its content (/assets/*-[hash].js): a changed file is a
    // new URL, so browsers may keep these for a year without asking again.
    c.staticFiles.add(
        files -> {
          files.hostedPath = "/assets";
          files.directory = CLASSPATH_DIR + "/assets";
          files.location = Location.CLASSPATH;
          files.headers = Map.of("Cache-Control", IMMUTABLE);
        });
    // Pages and the loader keep their names across releases: revalidated on every use (a 304 when
    // unchanged), so a release reaches every visitor at once.
    c.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = CLASSPATH_DIR;
          files.location = Location.CLASSPATH;
          files.headers = Map.of("Cache-Control", REVALIDATE);
          files.skipFileFunction = request -> request.getRequestURI().startsWith("/assets/");
        });
    c.spaRoot.addFile("/admin", CLASSPATH_DIR + "/admin.html", Location.CLASSPATH);
    // The dashboard's page, whatever its client-side route.
    c.routes.before("/admin", ctx -> ctx.header("Cache-Control", REVALIDATE));
    c.routes.before("/admin/*", ctx -> ctx.header("Cache-Control", REVALIDATE));
  }
}
