package dev.supportchat.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.http.ApiDescription;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /api/v1/openapi.json} against the live server: a valid OpenAPI 3.1 document (checked
 * by swagger-parser), a description file for every route of {@code App.routes()} and a route for
 * every description file, and every real response of the authorization matrix (each route × each
 * caller: successes and refusals) valid against the document's schema for its status (checked by
 * networknt's json-schema-validator in the OpenAPI 3.1 dialect). It lives beside the matrix to
 * reuse its fixture and requests: a new route needs its rule in {@link RestRules} and its file in
 * {@code src/main/resources/openapi/operations/}.
 */
class ApiDescriptionIT {
  private static final Path OPERATIONS = Path.of("src/main/resources/openapi/operations");
  private static final String DOC_IRI = "https://support-chat.invalid/openapi.json";
  private static final String IDENTIFY = "POST /api/v1/widget/identify";
  private static final Map<String, String> SETTINGS = MatrixFixture.SERVER_SETTINGS;

  @ParameterizedTest(name = "OpenAPI description on {0}")
  @EnumSource(Engine.class)
  void theDescriptionIsValidCoversEveryRouteAndMatchesRealResponses(Engine engine)
      throws Exception {
    try (TestApp t = TestApp.start(engine, SETTINGS)) {
      Response served = t.http.get("/api/v1/openapi.json", null);
      assertThat(served.status()).isEqualTo(200);
      String doc = served.raw();

      List<String> routes =
          t.app.routes().stream()
              .map(r -> r.method() + " " + r.path())
              .sorted(Comparator.comparing(r -> r.equals(IDENTIFY)))
              .toList();
      assertThat(undescribed(routes))
          .as("routes without a description: write these files (an OpenAPI Operation object each)")
          .isEmpty();
      assertThat(describedButAbsent(routes))
          .as("description files for routes the server does not have")
          .isEmpty();

      SwaggerParseResult parsed = parse(doc);
      assertThat(parsed.getMessages()).as("swagger-parser's complaints").isEmpty();
      assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");

      JsonNode document = served.json();
      SchemaRegistry registry =
          SchemaRegistry.withDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(DOC_IRI, doc)));
      MatrixFixture f = new MatrixFixture(t);
      List<String> problems = new ArrayList<>();
      int validated = 0;
      for (String route : routes) {
        RestRules.Rule rule = RestRules.RULES.get(route);
        for (Caller caller : Caller.values()) {
          Response r = f.http.send(rule.request().apply(f), f.token(caller));
          String problem = check(document, registry, route, r);
          if (problem != null) {
            problems.add(route + " × " + caller + " → " + r.status() + ": " + problem);
          } else {
            validated++;
          }
        }
      }
      assertThat(problems).as("responses that do not match the description").isEmpty();
      System.out.printf(
          "OPENAPI %s: %d routes described, %d real responses validated%n",
          engine, routes.size(), validated);
    }
  }

  private static SwaggerParseResult parse(String doc) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(doc, null, options);
  }

  private static List<String> undescribed(List<String> routes) {
    return routes.stream()
        .filter(
            route -> {
              String[] mp = route.split(" ", 2);
              return !Files.exists(OPERATIONS.resolve(ApiDescription.operationFile(mp[0], mp[1])));
            })
        .map(
            route -> {
              String[] mp = route.split(" ", 2);
              return route + " → " + OPERATIONS.resolve(ApiDescription.operationFile(mp[0], mp[1]));
            })
        .toList();
  }

  private static List<String> describedButAbsent(List<String> routes) throws IOException {
    TreeSet<String> expected = new TreeSet<>();
    for (String route : routes) {
      String[] mp = route.split(" ", 2);
      expected.add(ApiDescription.operationFile(mp[0], mp[1]));
    }
    try (Stream<Path> files = Files.list(OPERATIONS)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> !expected.contains(name))
          .sorted()
          .toList();
    }
  }

  /** Null when the response matches its description, else what is wrong. */
  private static String check(
      JsonNode document, SchemaRegistry registry, String route, Response r) {
    String[] mp = route.split(" ", 2);
    String method = mp[0].toLowerCase(Locale.ROOT);
    JsonNode responses = document.path("paths").path(mp[1]).path(method).path("responses");
    String status = String.valueOf(r.status());
    if (!responses.has(status)) {
      return "status not described (described: " + fieldNames(responses) + ")";
    }
    JsonNode response = responses.get(status);
    if (response.has("$ref")) {
      String name = response.get("$ref").asText().replace("#/components/responses/", "");
      response = document.path("components").path("responses").path(name);
    }
    String contentType = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    JsonNode content = response.path("content");
    if (!content.has(contentType) && !content.has("*/*")) {
      return "content type "
          + contentType
          + " not described (described: "
          + fieldNames(content)
          + ")";
    }
    if (!contentType.equals("application/json")) {
      return null;
    }
    String pointer =
        "/paths/"
            + escape(mp[1])
            + "/"
            + method
            + "/responses/"
            + status
            + (responses.get(status).has("$ref") ? "" : "/content/application~1json/schema");
    String location =
        responses.get(status).has("$ref")
            ? DOC_IRI
                + "#/components/responses/"
                + responses.get(status).get("$ref").asText().replace("#/components/responses/", "")
                + "/content/application~1json/schema"
            : DOC_IRI + "#" + pointer;
    var errors =
        registry.getSchema(SchemaLocation.of(location)).validate(r.raw(), InputFormat.JSON);
    return errors.isEmpty() ? null : errors.toString() + " in " + excerpt(r.raw());
  }

  private static String escape(String path) {
    return path.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
  }

  private static String excerpt(String body) {
    return body.length() > 400 ? body.substring(0, 400) + "…" : body;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
