package dev.supportchat.realtime.transport;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * Mounts a {@link SocketIoTransport} on the Jetty server Javalin creates, on the same port as the
 * routes.
 */
public final class SocketIoJavalin {

  /**
   * Socket.IO's default path; Javalin's own servlet is mapped to "/*", and the longer prefix wins.
   */
  public static final String PATH_SPEC = "/socket.io/*";

  private SocketIoJavalin() {}

  public static void mount(JavalinConfig config, SocketIoTransport<?> transport) {
    config.jetty.modifyServletContextHandler(
        context -> {
          ServletHolder holder = new ServletHolder("socket.io", transport.servlet());
          holder.setAsyncSupported(true); // long-polling parks requests with startAsync()
          context.addServlet(holder, PATH_SPEC);
        });
    config.events.serverStopped(transport::close);
  }
}
