package dev.supportchat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.config.DatabaseSettings.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsAreSqliteInTheDataFolderOnPort8000() {
    AppConfig c = ConfigLoader.load(Map.of("DATA_DIR", dir.toString()));
    assertThat(c.port()).isEqualTo(8000);
    assertThat(c.database().engine()).isEqualTo(Engine.SQLITE);
    assertThat(c.database().jdbcUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("support-chat.db"));
    assertThat(c.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(c.corsOrigins()).isEmpty();
    assertThat(c.redisUrl()).isEmpty();
  }

  @Test
  void missingSecretsAreGeneratedOnceAndKept() {
    AppConfig first = ConfigLoader.load(Map.of("DATA_DIR", dir.toString()));
    AppConfig second = ConfigLoader.load(Map.of("DATA_DIR", dir.toString()));
    assertThat(first.accessTokenSecret())
        .hasSizeGreaterThan(40)
        .isEqualTo(second.accessTokenSecret());
    assertThat(first.refreshTokenSecret())
        .isNotEqualTo(first.accessTokenSecret())
        .isEqualTo(second.refreshTokenSecret());
    assertThat(Files.exists(dir.resolve("secrets.properties"))).isTrue();
  }

  @Test
  void postgresUrlsAreTranslatedToJdbcWithCredentials() {
    AppConfig c =
        ConfigLoader.load(
            Map.of(
                "DATA_DIR",
                dir.toString(),
                "DATABASE_URL",
                "postgres://chat:p%40ss@db.internal/support?sslmode=require"));
    assertThat(c.database().engine()).isEqualTo(Engine.POSTGRES);
    assertThat(c.database().jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:5432/support?sslmode=require");
    assertThat(c.database().user()).isEqualTo("chat");
    assertThat(c.database().password()).isEqualTo("p@ss");
    assertThat(c.database().describe()).doesNotContain("p@ss");
  }

  @Test
  void everyProblemIsReportedInOneMessage() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(
                        "DATA_DIR",
                        dir.toString(),
                        "DATABASE_URL",
                        "mysql://root:hunter2@x/y",
                        "PORT",
                        "eighty",
                        "CORS_ORIGIN",
                        "*",
                        "ADMIN_EMAIL",
                        "boss@example.com",
                        "ACCESS_TOKEN_EXPIRY",
                        "soon",
                        "TRUSTED_PROXIES",
                        "10.0.0.0/8, lb.internal")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("DATABASE_URL must start with postgres://")
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("PORT must be a whole number")
        .hasMessageContaining("TRUSTED_PROXIES must list IP addresses or CIDR ranges")
        .hasMessageContaining("CORS_ORIGIN must list origins")
        .hasMessageContaining("ADMIN_EMAIL and ADMIN_PASSWORD must be set together")
        .hasMessageContaining("ACCESS_TOKEN_EXPIRY must be a duration");
  }

  @Test
  void durationsAndOriginListsAreParsed() {
    AppConfig c =
        ConfigLoader.load(
            Map.of(
                "DATA_DIR",
                dir.toString(),
                "ACCESS_TOKEN_EXPIRY",
                "30m",
                "REFRESH_TOKEN_EXPIRY",
                "7d",
                "CORS_ORIGIN",
                "https://shop.example.com, http://localhost:3000/"));
    assertThat(c.accessTokenTtl()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
    assertThat(c.corsOrigins())
        .containsExactly("https://shop.example.com", "http://localhost:3000");
  }

  @Test
  void dotEnvFilesAreRead() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "# comment\nexport PORT=9001\nCORS_ORIGIN=\"https://a.example\"\n");
    assertThat(DotEnv.read(env))
        .containsEntry("PORT", "9001")
        .containsEntry("CORS_ORIGIN", "https://a.example");
  }

  @Test
  void mailIsOffWithoutSmtpUrlAndParsedWithIt() {
    AppConfig off = ConfigLoader.load(Map.of("DATA_DIR", dir.toString()));
    assertThat(off.outgoing().smtp()).isEmpty();
    assertThat(off.outgoing().emailAfter()).isEqualTo(Duration.ofMinutes(5));
    assertThat(off.outgoing().retryFor()).isEqualTo(Duration.ofHours(24));
    assertThat(off.outgoing().webhooksAllowPrivate()).isFalse();

    AppConfig on =
        ConfigLoader.load(
            Map.of(
                "DATA_DIR",
                dir.toString(),
                "SMTP_URL",
                "smtps://mailer%40shop:p%3Ass@mail.example.com",
                "MAIL_FROM",
                "Support <support@example.com>",
                "PUBLIC_URL",
                "https://support.example.com/",
                "EMAIL_AFTER",
                "90s"));
    SmtpSettings smtp = on.outgoing().smtp().orElseThrow();
    assertThat(smtp.host()).isEqualTo("mail.example.com");
    assertThat(smtp.port()).isEqualTo(465);
    assertThat(smtp.implicitTls()).isTrue();
    assertThat(smtp.user()).contains("mailer@shop");
    assertThat(smtp.password()).contains("p:ss");
    assertThat(smtp.toString()).doesNotContain("p:ss");
    assertThat(on.outgoing().publicUrl()).contains("https://support.example.com");
    assertThat(on.outgoing().emailAfter()).isEqualTo(Duration.ofSeconds(90));
    assertThat(SmtpSettings.parse("smtp://127.0.0.1").port()).isEqualTo(587);
  }

  @Test
  void badMailSettingsStopStartUpWithOneSentenceEach() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(
                        "DATA_DIR",
                        dir.toString(),
                        "SMTP_URL",
                        "imap://u:hunter2@mail.example.com",
                        "EMAIL_AFTER",
                        "later",
                        "WEBHOOKS_ALLOW_PRIVATE",
                        "maybe")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SMTP_URL must start with smtp:// or smtps://")
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("MAIL_FROM must be set when SMTP_URL is")
        .hasMessageContaining("PUBLIC_URL must be set when SMTP_URL is")
        .hasMessageContaining("EMAIL_AFTER must be a duration")
        .hasMessageContaining("WEBHOOKS_ALLOW_PRIVATE must be on or off");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(
                        "DATA_DIR",
                        dir.toString(),
                        "SMTP_URL",
                        "smtp://mail.example.com",
                        "MAIL_FROM",
                        "not an address",
                        "PUBLIC_URL",
                        "javascript:alert(1)")))
        .hasMessageContaining("MAIL_FROM is not an email address")
        .hasMessageContaining("PUBLIC_URL must be an http(s) address");
  }

  @Test
  void shortOrPublishedTokenSecretsStopStartUpWithOneSentenceEach() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(
                        "DATA_DIR",
                        dir.toString(),
                        "ACCESS_TOKEN_SECRET",
                        "your_jwt_secret",
                        "REFRESH_TOKEN_SECRET",
                        "only-twenty-bytes!!!")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ACCESS_TOKEN_SECRET is a value published in examples")
        .hasMessageContaining(
            "REFRESH_TOKEN_SECRET must be at least 32 bytes of random text (it has 20)")
        .hasMessageNotContaining("only-twenty");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(
                        "DATA_DIR",
                        dir.toString(),
                        "ACCESS_TOKEN_SECRET",
                        "0123456789ABCDEF0123456789ABCDEF")))
        .hasMessageContaining("published in examples");
    // 32 random bytes are fine, and an unset secret is generated as before.
    AppConfig ok =
        ConfigLoader.load(
            Map.of(
                "DATA_DIR",
                dir.toString(),
                "ACCESS_TOKEN_SECRET",
                "k3J9x2Lq8vN4pR7tW1yZ5bC0dF6gH2jM"));
    assertThat(ok.accessTokenSecret()).hasSize(32);
    assertThat(ok.refreshTokenSecret().length()).isGreaterThanOrEqualTo(32);
  }
}
