package dev.supportchat.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token secrets that were not configured: generated once, kept in {@code secrets.properties} beside
 * the data so that tokens survive a restart, with a warning that production should set them
 * explicitly.
 */
final class SecretStore {
  private static final Logger log = LoggerFactory.getLogger(SecretStore.class);
  private static final int SECRET_BYTES = 48;

  private final Path file;

  SecretStore(Path dataDir) {
    this.file = dataDir.resolve("secrets.properties");
  }

  synchronized String getOrCreate(String name) {
    Properties props = load();
    String existing = props.getProperty(name);
    if (existing != null && !existing.isBlank()) {
      return existing;
    }
    byte[] bytes = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    props.setProperty(name, secret);
    save(props);
    log.warn(
        "{} is not set: generated one and stored it in {}. Set it explicitly when running several nodes.",
        name,
        file);
    return secret;
  }

  private Properties load() {
    Properties props = new Properties();
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        props.load(in);
      } catch (IOException e) {
        throw new ConfigException(
            "Cannot read the generated secrets in " + file + ": " + e.getMessage() + ".");
      }
    }
    return props;
  }

  private void save(Properties props) {
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.createFile(file);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // Windows: the data folder's own permissions apply.
        }
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        props.store(
            out,
            "Generated token secrets; keep private. Set ACCESS_TOKEN_SECRET/REFRESH_TOKEN_SECRET to replace.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
