package dev.supportchat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAPI 3.1 document of the server, assembled from the routes the router really has: for each
 * route, its operation from {@code openapi/operations/<file>} (see {@link #operationFile}), under
 * the base document {@code openapi/openapi.json}, plus each schema an operation refers to ({@code
 * #/components/schemas/Name} is {@code openapi/schemas/Name.json}).
 *
 * <p>One file per route, so that branches adding routes in parallel add files instead of editing
 * one large document; and because the paths come from the router, a documented route that no longer
 * exists cannot linger. A route without its file is still listed, marked as not described yet (and
 * {@code ApiDescriptionIT} fails, naming the file to write).
 */
public final class ApiDescription {
  private static final Logger log = LoggerFactory.getLogger(ApiDescription.class);
  static final String FOLDER = "/openapi/";
  private static final Pattern SCHEMA_REF =
      Pattern.compile("\"#/components/schemas/([A-Za-z0-9_]+)\"");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
  // The files are ours, not input, so they get a plain mapper (no request nesting limits).
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Supplier<List<WebServer.Route>> routes;
  private volatile byte[] json;

  ApiDescription(Supplier<List<WebServer.Route>> routes) {
    this.routes = routes;
  }

  /**
   * The file describing a route, relative to {@code openapi/operations/}: the path without its
   * leading slash and braces, slashes as dots, then the method: {@code GET /api/v1/chats/{chatId}}
   * is {@code api.v1.chats.chatId.get.json}.
   */
  public static String operationFile(String method, String path) {
    String name = path.replaceFirst("^/", "").replace("{", "").replace("}", "").replace('/', '.');
    return name + "." + method.toLowerCase(Locale.ROOT) + ".json";
  }

  /** The document as served; built on first use, when every route is registered. */
  byte[] json() {
    byte[] built = json;
    if (built == null) {
      try {
        built = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(build(routes.get()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      json = built;
    }
    return built;
  }

  /** The OpenAPI document for these routes. */
  public static ObjectNode build(List<WebServer.Route> routes) {
    ObjectNode doc = (ObjectNode) read(FOLDER + "openapi.json");
    ObjectNode paths = doc.putObject("paths");
    List<String> undescribed = new ArrayList<>();
    for (WebServer.Route route : routes) {
      String file = operationFile(route.method(), route.path());
      JsonNode operation = readIfPresent(FOLDER + "operations/" + file);
      if (operation == null) {
        undescribed.add(route.method() + " " + route.path() + " (" + file + ")");
        operation = notDescribedYet(route.path());
      }
      ObjectNode item =
          paths.has(route.path())
              ? (ObjectNode) paths.get(route.path())
              : paths.putObject(route.path());
      item.set(route.method().toLowerCase(Locale.ROOT), operation);
    }
    if (!undescribed.isEmpty()) {
      log.warn("Routes without an OpenAPI description in {}operations/: {}", FOLDER, undescribed);
    }
    addReferencedSchemas(doc);
    return doc;
  }

  /** Adds each schema referred to, and the ones those refer to, from its own file. */
  private static void addReferencedSchemas(ObjectNode doc) {
    ObjectNode schemas = ((ObjectNode) doc.get("components")).putObject("schemas");
    TreeSet<String> pending = new TreeSet<>(referencedSchemas(doc));
    while (!pending.isEmpty()) {
      String name = pending.pollFirst();
      if (schemas.has(name)) {
        continue;
      }
      JsonNode schema = readIfPresent(FOLDER + "schemas/" + name + ".json");
      if (schema == null) {
        throw new IllegalStateException(
            "OpenAPI schema "
                + name
                + " is referred to but "
                + FOLDER
                + "schemas/"
                + name
                + ".json does not exist");
      }
      schemas.set(name, schema);
      pending.addAll(referencedSchemas(schema));
    }
  }

  private static List<String> referencedSchemas(JsonNode node) {
    Matcher m = SCHEMA_REF.matcher(node.toString());
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static JsonNode notDescribedYet(String path) {
    ObjectNode op = MAPPER.createObjectNode();
    op.put("summary", "Not described yet");
    // Its path parameters, so that the document stays valid OpenAPI meanwhile.
    Matcher m = PATH_PARAMETER.matcher(path);
    while (m.find()) {
      ObjectNode parameter = op.withArray("parameters").addObject();
      parameter.put("name", m.group(1)).put("in", "path").put("required", true);
      parameter.putObject("schema").put("type", "string");
    }
    op.putObject("responses").putObject("default").put("description", "Not described yet.");
    return op;
  }

  private static JsonNode read(String resource) {
    JsonNode node = readIfPresent(resource);
    if (node == null) {
      throw new IllegalStateException("missing resource " + resource);
    }
    return node;
  }

  private static JsonNode readIfPresent(String resource) {
    try (InputStream in = ApiDescription.class.getResourceAsStream(resource)) {
      return in == null ? null : MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
