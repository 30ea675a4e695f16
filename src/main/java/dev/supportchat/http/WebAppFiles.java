package dev.supportchat.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * The built web app (web/dist, packed into the jar under {@code /public}): the demo page at {@code
 * /}, the widget, its loader script and the dashboard, whose client-side routes under {@code
 * /admin} all load {@code admin.html}.
 */
public final class WebAppFiles {
  private static final String CLASSPATH_DIR = "/public";

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
    c.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = CLASSPATH_DIR;
          files.location = Location.CLASSPATH;
        });
    c.spaRoot.addFile("/admin", CLASSPATH_DIR + "/admin.html", Location.CLASSPATH);
  }
}
