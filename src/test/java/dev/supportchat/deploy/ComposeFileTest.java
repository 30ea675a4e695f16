package dev.supportchat.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose.yaml parses as YAML and has what Compose requires and what the deployment needs:
 * every service an image, dependencies and named volumes that exist, PostgreSQL, Redis, two nodes
 * of our image on them with health checks, and nginx in front with the config file it mounts.
 */
class ComposeFileTest {
  private static final Path DEPLOY = Path.of("deploy");

  @Test
  void composeFileHasTheRequiredKeysAndConsistentReferences() throws Exception {
    // SnakeYAML (under jackson-dataformat-yaml) resolves the anchors and merge keys (<<: *node) as
    // Compose does.
    Object yaml = new Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
    JsonNode compose = new ObjectMapper().valueToTree(yaml);
    JsonNode services = compose.path("services");
    assertThat(services.isObject()).as("top-level 'services' (the key Compose requires)").isTrue();
    assertThat(names(services))
        .containsExactlyInAnyOrder("postgres", "redis", "node1", "node2", "nginx");
    List<String> declaredVolumes = names(compose.path("volumes"));
    services
        .fields()
        .forEachRemaining(
            e -> {
              String name = e.getKey();
              JsonNode service = e.getValue();
              assertThat(service.path("image").asText()).as(name + ".image").isNotBlank();
              names(service.path("depends_on"))
                  .forEach(
                      dep ->
                          assertThat(names(services))
                              .as(name + " depends on " + dep)
                              .contains(dep));
              service
                  .path("volumes")
                  .forEach(
                      v -> {
                        String source = v.asText().split(":")[0];
                        if (!source.startsWith(".") && !source.startsWith("/")) {
                          assertThat(declaredVolumes)
                              .as(name + " uses volume " + source)
                              .contains(source);
                        } else {
                          assertThat(DEPLOY.resolve(source))
                              .as(name + " mounts " + source)
                              .exists();
                        }
                      });
            });
    for (String node : List.of("node1", "node2")) {
      JsonNode n = services.path(node);
      assertThat(n.path("image").asText()).startsWith("support-chat:");
      assertThat(n.path("environment").path("DATABASE_URL").asText()).contains("@postgres:5432/");
      assertThat(n.path("environment").path("REDIS_URL").asText()).isEqualTo("redis://redis:6379");
      assertThat(n.path("environment").path("ACCESS_TOKEN_SECRET").asText()).contains(":?");
      assertThat(n.path("healthcheck").path("test").toString()).contains("health");
      assertThat(n.path("depends_on").path("postgres").path("condition").asText())
          .isEqualTo("service_healthy");
    }
    assertThat(services.path("nginx").path("ports").toString()).contains(":80");
    String nginx = Files.readString(DEPLOY.resolve("nginx.conf"));
    assertThat(nginx)
        .contains("server node1:8000;", "server node2:8000;", "ip_hash;", "Upgrade $http_upgrade");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
