package io.inmo.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {
  private static final Path HOME = Path.of("/home/corredora");

  @Test
  void givenNoVariables_whenRead_thenEmbeddedDefaults() {
    AppConfig config = AppConfig.from(Map.of(), HOME);

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.externalDatabase()).isEmpty();
    assertThat(config.dataDir()).isEqualTo(Path.of("/home/corredora/.inmo"));
    assertThat(config.embeddedDatabasePort()).isNotEqualTo(5432);
    assertThat(config.redisUrl()).isEmpty();
    assertThat(config.logFormat()).isEqualTo("text");
    assertThat(config.publicUrl().toString()).isEqualTo("http://localhost:8080");
    assertThat(config.providerUrls())
        .containsEntry("INMO_TELEGRAM_API_URL", java.net.URI.create("https://api.telegram.org"))
        .containsEntry("INMO_WHATSAPP_API_URL", java.net.URI.create("https://graph.facebook.com"));
  }

  @Test
  void givenProductionVariables_whenRead_thenExternalServices() {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "INMO_PORT", "9090",
                "INMO_DATABASE_URL", "jdbc:postgresql://db.corredora.cl:5432/inmo",
                "INMO_DATABASE_USER", "inmo",
                "INMO_DATABASE_PASSWORD", "s3cr3t-clave",
                "INMO_REDIS_URL", "redis://cache:6379",
                "INMO_LOG_FORMAT", "JSON",
                "INMO_TELEGRAM_API_URL", "http://127.0.0.1:8089"),
            HOME);

    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.externalDatabase())
        .get()
        .extracting(AppConfig.Database::user)
        .isEqualTo("inmo");
    assertThat(config.redisUrl()).get().hasToString("redis://cache:6379");
    assertThat(config.logFormat()).isEqualTo("json");
    assertThat(config.providerUrls().get("INMO_TELEGRAM_API_URL"))
        .hasToString("http://127.0.0.1:8089");
  }

  @Test
  void givenDatabasePassword_whenConfigPrinted_thenPasswordNotShown() {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "INMO_DATABASE_URL",
                "jdbc:postgresql://db:5432/inmo",
                "INMO_DATABASE_PASSWORD",
                "s3cr3t-clave"),
            HOME);

    assertThat(config.toString()).doesNotContain("s3cr3t-clave");
  }

  @Test
  void givenSeveralBadVariables_whenRead_thenEveryProblemNamedAtOnce() {
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(
                        "INMO_PORT", "ochenta",
                        "INMO_DATABASE_URL", "postgres://db/inmo",
                        "INMO_REDIS_URL", "http://cache:6379",
                        "INMO_LOG_FORMAT", "xml",
                        "INMO_EMBEDDED_DB_PORT", "5432"),
                    HOME))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(5)
                    .anySatisfy(p -> assertThat(p).startsWith("INMO_PORT must be a whole number"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("INMO_DATABASE_URL must look like jdbc:postgresql://"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("INMO_REDIS_URL must be a redis or rediss URL"))
                    .anySatisfy(p -> assertThat(p).startsWith("INMO_LOG_FORMAT"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("INMO_EMBEDDED_DB_PORT must not be 5432")));
  }

  @Test
  void givenPortOutOfRange_whenRead_thenRejected() {
    assertThatThrownBy(() -> AppConfig.from(Map.of("INMO_PORT", "70000"), HOME))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("INMO_PORT must be between 0 and 65535");
  }

  @Test
  void givenEncryptionKeyOfWrongLength_whenRead_thenRejectedWithoutEchoingIt() {
    String key = java.util.Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> AppConfig.from(Map.of("INMO_ENCRYPTION_KEY", key), HOME))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("INMO_ENCRYPTION_KEY must be the Base64 encoding of exactly 32")
        .hasMessageNotContaining(key);
  }

  @Test
  void givenEncryptionKeyNotBase64_whenRead_thenRejected() {
    assertThatThrownBy(
            () -> AppConfig.from(Map.of("INMO_ENCRYPTION_KEY", "clave-de-valparaíso!!"), HOME))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("INMO_ENCRYPTION_KEY");
  }

  @Test
  void givenValidEncryptionKey_whenRead_thenKeptAndNeverPrinted() {
    String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    AppConfig config = AppConfig.from(Map.of("INMO_ENCRYPTION_KEY", key), HOME);
    assertThat(config.encryptionKey()).isPresent();
    assertThat(config.encryptionKey().get().reveal()).isEqualTo(key);
    assertThat(config.toString()).doesNotContain(key);
  }

  @Test
  void givenNoEncryptionKey_whenRead_thenEmpty() {
    assertThat(AppConfig.from(Map.of(), HOME).encryptionKey()).isEmpty();
  }

  @Test
  void givenNoLlmVariables_whenRead_thenTheOfflineAgent() {
    assertThat(AppConfig.from(Map.of(), HOME).llm().offline()).isTrue();
  }

  @Test
  void givenAProviderWithFallbacks_whenRead_thenTheChainInOrderWithTheirOwnKeys() {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "INMO_LLM_PROVIDER", "openai",
                "INMO_LLM_MODEL", "gpt-4o-mini",
                "INMO_LLM_API_KEY", "sk-clave-principal",
                "INMO_LLM_FALLBACKS", "anthropic:claude-haiku-4-5, ollama:llama3.1",
                "INMO_LLM_ANTHROPIC_API_KEY", "sk-ant-respaldo",
                "INMO_LLM_OLLAMA_BASE_URL", "http://ollama:11434",
                "INMO_LLM_TIMEOUT_SECONDS", "8"),
            HOME);

    AppConfig.Llm llm = config.llm();
    assertThat(llm.offline()).isFalse();
    assertThat(llm.primary().toString()).isEqualTo("openai:gpt-4o-mini");
    assertThat(llm.fallbacks())
        .extracting(Object::toString)
        .containsExactly("anthropic:claude-haiku-4-5", "ollama:llama3.1");
    assertThat(llm.fallbacks().getFirst().apiKey().orElseThrow().reveal())
        .isEqualTo("sk-ant-respaldo");
    assertThat(llm.fallbacks().get(1).baseUrl()).isEqualTo("http://ollama:11434");
    assertThat(llm.timeout()).hasSeconds(8);
    assertThat(config.toString()).doesNotContain("sk-clave-principal", "sk-ant-respaldo");
  }

  @Test
  void givenIncompleteLlmVariables_whenRead_thenEveryProblemIsNamed() {
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(
                        "INMO_LLM_PROVIDER", "anthropic",
                        "INMO_LLM_FALLBACKS", "gemini:gemini-2.0-flash,nadie"),
                    HOME))
        .hasMessageContaining("INMO_LLM_MODEL is required")
        .hasMessageContaining("INMO_LLM_API_KEY is required for anthropic")
        .hasMessageContaining("INMO_LLM_GEMINI_API_KEY is required for gemini")
        .hasMessageContaining("INMO_LLM_FALLBACKS must list provider:model pairs");
    assertThatThrownBy(() -> AppConfig.from(Map.of("INMO_LLM_PROVIDER", "watson"), HOME))
        .hasMessageContaining("'watson' is not one of offline");
  }
}
