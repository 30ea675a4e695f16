package dev.supportchat.realtime.transport;

import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServerContainer;
import org.eclipse.jetty.ee10.websocket.server.internal.JettyServerFrameHandlerFactory;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.UpgradeResponse;
import org.eclipse.jetty.websocket.common.JettyExtensionConfig;
import org.eclipse.jetty.websocket.common.JettyWebSocketFrameHandler;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * Jetty's websocket frame-handler factory, except that a session's upgrade request and response are
 * copies that hold nothing of the HTTP exchange they came from, and only what a session can ask of
 * them.
 *
 * <p>Why: Jetty 12.1.12's {@code CompletedUpgradeResponse} keeps {@code
 * HttpFields.asMap(response.getHeaders())}, a live view of the upgrade response's headers, and
 * through it the whole finished HTTP exchange (request, response, servlet channel, the HTTP/1.1
 * connection and its parser): ~5.5 KB of heap per open websocket, for as long as it is open
 * (measured with a heap dump of 3,000 idle sockets). The copy here keeps the status, the
 * sub-protocol, the negotiated extensions and an immutable copy of the headers, which is all {@link
 * UpgradeResponse} exposes. The request side is {@link DetachedUpgradeRequest}.
 *
 * <p>{@code JettyWebSocketServlet} takes its factory from the context's websocket container, so
 * {@link #install} replaces the container's one before the servlet configures its mapping. Only the
 * upgrade request and response differ.
 */
final class DetachingFrameHandlerFactory extends JettyServerFrameHandlerFactory {

  private DetachingFrameHandlerFactory(
      JettyWebSocketServerContainer container, WebSocketComponents components) {
    super(container, components);
  }

  /** Makes this the factory every Jetty websocket servlet of the context gets. Idempotent. */
  static void install(ServletContext servletContext) {
    JettyWebSocketServerContainer container =
        JettyWebSocketServerContainer.getContainer(servletContext);
    if (container == null) {
      // JettyWebSocketServlet fails the same way without a container; say why here.
      throw new IllegalStateException("No Jetty websocket container in this servlet context");
    }
    synchronized (container) {
      JettyServerFrameHandlerFactory current =
          container.getBean(JettyServerFrameHandlerFactory.class);
      if (current instanceof DetachingFrameHandlerFactory) {
        return;
      }
      WebSocketComponents components =
          WebSocketServerComponents.getWebSocketComponents(
              ServletContextHandler.getServletContextHandler(servletContext));
      if (current != null) {
        container.removeBean(current);
      }
      container.addBean(new DetachingFrameHandlerFactory(container, components));
    }
  }

  @Override
  public FrameHandler newFrameHandler(
      Object websocketPojo,
      ServerUpgradeRequest upgradeRequest,
      ServerUpgradeResponse upgradeResponse) {
    FrameHandler handler = super.newFrameHandler(websocketPojo, upgradeRequest, upgradeResponse);
    if (handler instanceof JettyWebSocketFrameHandler jetty) {
      // Replaced before the session exists: the session copies the references when the socket
      // opens.
      DetachedUpgradeRequest request =
          websocketPojo instanceof EngineIoJettyWebSocket engineIo
              // the same headers and query, already copied: share them
              ? new DetachedUpgradeRequest(
                  upgradeRequest, engineIo.getConnectionHeaders(), engineIo.getQuery())
              : new DetachedUpgradeRequest(
                  upgradeRequest,
                  EngineIoJettyWebSocket.immutableHeaders(
                      HttpFields.asMap(upgradeRequest.getHeaders())),
                  null);
      jetty.setUpgradeRequest(request);
      jetty.setUpgradeResponse(new DetachedUpgradeResponse(upgradeResponse));
    }
    return handler;
  }

  /**
   * What a websocket session may ask of its upgrade response, copied when the upgrade completes.
   */
  private static final class DetachedUpgradeResponse implements UpgradeResponse {
    private final HttpFields headers;
    private final int status;
    private final String acceptedSubProtocol;
    private final List<ExtensionConfig> extensions;

    DetachedUpgradeResponse(ServerUpgradeResponse response) {
      this.headers = response.getHeaders().asImmutable();
      this.status = response.getStatus();
      this.acceptedSubProtocol = response.getAcceptedSubProtocol();
      this.extensions =
          response.getExtensions().stream()
              .<ExtensionConfig>map(JettyExtensionConfig::new)
              .toList();
    }

    @Override
    public String getAcceptedSubProtocol() {
      return acceptedSubProtocol;
    }

    @Override
    public List<ExtensionConfig> getExtensions() {
      return extensions;
    }

    @Override
    public String getHeader(String name) {
      return headers.get(name);
    }

    @Override
    public Set<String> getHeaderNames() {
      return headers.getFieldNamesCollection();
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return HttpFields.asMap(headers);
    }

    @Override
    public List<String> getHeaders(String name) {
      return headers.getValuesList(name);
    }

    @Override
    public int getStatusCode() {
      return status;
    }
  }
}
