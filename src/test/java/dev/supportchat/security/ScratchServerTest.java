package dev.supportchat.security;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchServerTest {
  @Test
  void serve() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE, Map.of("ACCESS_TOKEN_SECRET", MatrixFixture.ACCESS_SECRET))) {
      var u = t.http.newUser("u@example.com");
      Files.writeString(Path.of("/tmp/scratch/server.txt"), t.baseUrl() + " " + u.accessToken() + " " + t.http.admin().accessToken());
      Thread.sleep(Long.parseLong(System.getProperty("scratchMs", "240000")));
    }
  }
}
