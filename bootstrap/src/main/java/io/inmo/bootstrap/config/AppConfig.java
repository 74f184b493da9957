package io.inmo.bootstrap.config;

import io.inmo.application.service.llm.LlmPrices;
import io.inmo.domain.shared.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Inmo's configuration, read only from environment variables (documented in the README) and
 * validated at start: every problem is reported at once with the variable's name. The only class
 * that reads the environment.
 */
public record AppConfig(
    String host,
    int port,
    URI publicUrl,
    Optional<Database> externalDatabase,
    Path dataDir,
    int embeddedDatabasePort,
    int databasePoolSize,
    Optional<URI> redisUrl,
    String logFormat,
    long maxRequestBytes,
    int shutdownGraceSeconds,
    String adminEmail,
    Map<String, URI> providerUrls,
    Optional<Secret> tokenSecret,
    int accessTokenMinutes,
    boolean trustProxy,
    Optional<Secret> encryptionKey,
    long maxImportBytes,
    LocalTime nightlyAt,
    ZoneId nightlyZone,
    Llm llm,
    LlmPrices llmPrices,
    java.time.Duration channelTestTimeout) {

  /**
   * The conversation agent (ADR 0018): {@code offline} (the default), or a provider with its
   * fallbacks, the offline agent always last.
   */
  /**
   * The server's chain and what brokers may do with their own.
   *
   * @param baseUrls {@code INMO_LLM_<PROVIDER>_BASE_URL} by provider: where a broker's chain calls
   *     that provider unless the broker names an endpoint
   * @param brokerEndpoints {@code INMO_LLM_BROKER_ENDPOINTS}: whether a broker may name an endpoint
   */
  public record Llm(
      LlmTarget primary,
      List<LlmTarget> fallbacks,
      java.time.Duration timeout,
      Map<String, String> baseUrls,
      boolean brokerEndpoints) {
    public Llm {
      fallbacks = List.copyOf(fallbacks);
      baseUrls = Map.copyOf(baseUrls);
    }

    public Llm(LlmTarget primary, List<LlmTarget> fallbacks, java.time.Duration timeout) {
      this(primary, fallbacks, timeout, Map.of(), false);
    }

    public boolean offline() {
      return primary == null;
    }

    public static Llm offlineOnly() {
      return new Llm(null, List.of(), java.time.Duration.ofSeconds(20));
    }
  }

  /** One provider and model; the key is never printed. */
  public record LlmTarget(String provider, String model, Optional<Secret> apiKey, String baseUrl) {
    @Override
    public String toString() {
      return provider + ":" + model;
    }
  }

  /** The provider values of {@code INMO_LLM_PROVIDER} and {@code INMO_LLM_FALLBACKS}. */
  static final List<String> LLM_PROVIDERS =
      List.of("openai", "openai_compatible", "anthropic", "gemini", "ollama");

  private static final List<String> LLM_KEYED = List.of("openai", "anthropic", "gemini");

  /** An external PostgreSQL; the password is never printed. */
  public record Database(String jdbcUrl, String user, String password) {
    @Override
    public String toString() {
      return "Database[" + jdbcUrl + ", user=" + user + "]";
    }
  }

  static final Map<String, String> PROVIDER_URL_DEFAULTS =
      Map.of(
          "INMO_TELEGRAM_API_URL", "https://api.telegram.org",
          "INMO_WHATSAPP_API_URL", "https://graph.facebook.com",
          "INMO_VAPI_API_URL", "https://api.vapi.ai",
          "INMO_BLAND_API_URL", "https://api.bland.ai",
          "INMO_GOOGLE_API_URL", "https://www.googleapis.com");

  public static AppConfig fromEnvironment() {
    return fromEnvironment(Map.of());
  }

  /** The environment's configuration with some variables replaced (e.g. {@code INMO_PORT=0}). */
  public static AppConfig fromEnvironment(Map<String, String> overrides) {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.putAll(overrides);
    return from(env, Path.of(System.getProperty("user.home")));
  }

  /**
   * Builds and validates the configuration from the given variables; home is the default data
   * parent.
   */
  public static AppConfig from(Map<String, String> env, Path home) {
    Reader r = new Reader(env);
    String host = r.string("INMO_HOST", "0.0.0.0");
    int port = r.integer("INMO_PORT", 8080, 0, 65535); // 0: any free port (tests)
    Optional<Database> database = Optional.empty();
    String dbUrl = r.optional("INMO_DATABASE_URL");
    if (dbUrl != null) {
      if (!dbUrl.startsWith("jdbc:postgresql://")) {
        r.problem(
            "INMO_DATABASE_URL must look like jdbc:postgresql://host:5432/inmo (got a value of another shape)");
      }
      database =
          Optional.of(
              new Database(
                  dbUrl,
                  r.string("INMO_DATABASE_USER", "inmo"),
                  r.string("INMO_DATABASE_PASSWORD", "")));
    }
    Path dataDir =
        Path.of(r.string("INMO_DATA_DIR", home.resolve(".inmo").toString())).toAbsolutePath();
    int embeddedPort = r.integer("INMO_EMBEDDED_DB_PORT", 15432, 1024, 65535);
    if (embeddedPort == 5432) {
      r.problem("INMO_EMBEDDED_DB_PORT must not be 5432, which a local PostgreSQL server may hold");
    }
    int poolSize = r.integer("INMO_DATABASE_POOL_SIZE", 10, 2, 200);
    Optional<URI> redis = Optional.ofNullable(r.uri("INMO_REDIS_URL", null, "redis", "rediss"));
    String logFormat = r.string("INMO_LOG_FORMAT", "text").toLowerCase(Locale.ROOT);
    if (!logFormat.equals("text") && !logFormat.equals("json")) {
      r.problem("INMO_LOG_FORMAT must be 'text' or 'json'");
    }
    long maxRequestBytes = r.integer("INMO_MAX_REQUEST_BYTES", 1_048_576, 1024, 64 * 1_048_576);
    long maxImportBytes =
        r.integer("INMO_MAX_IMPORT_BYTES", 64 * 1_048_576, 1024, 1024 * 1_048_576);
    int grace = r.integer("INMO_SHUTDOWN_GRACE_SECONDS", 20, 0, 300);
    String adminEmail = r.string("INMO_ADMIN_EMAIL", "admin@inmo.local");
    if (!adminEmail.contains("@")) {
      r.problem("INMO_ADMIN_EMAIL must be an e-mail address");
    }
    URI publicUrl = r.uri("INMO_PUBLIC_URL", "http://localhost:" + port, "http", "https");
    Map<String, URI> providers = new java.util.TreeMap<>();
    PROVIDER_URL_DEFAULTS.forEach(
        (name, fallback) -> providers.put(name, r.uri(name, fallback, "http", "https")));
    Optional<Secret> tokenSecret =
        Optional.ofNullable(r.optional("INMO_JWT_SECRET")).map(Secret::of);
    if (tokenSecret.isPresent()
        && tokenSecret.get().reveal().getBytes(StandardCharsets.UTF_8).length < 32) {
      r.problem("INMO_JWT_SECRET must be at least 32 characters long (256 bits for HS256)");
    }
    int accessTokenMinutes = r.integer("INMO_ACCESS_TOKEN_MINUTES", 15, 5, 60);
    String trustProxy = r.string("INMO_TRUST_PROXY", "false").toLowerCase(Locale.ROOT);
    if (!trustProxy.equals("true") && !trustProxy.equals("false")) {
      r.problem("INMO_TRUST_PROXY must be 'true' or 'false'");
    }
    Optional<Secret> encryptionKey =
        Optional.ofNullable(r.optional("INMO_ENCRYPTION_KEY")).map(Secret::of);
    if (encryptionKey.isPresent() && !isBase64Key(encryptionKey.get().reveal(), 32)) {
      r.problem(
          "INMO_ENCRYPTION_KEY must be the Base64 encoding of exactly 32 random bytes (AES-256),"
              + " e.g. the output of: openssl rand -base64 32");
    }
    LocalTime nightlyAt = LocalTime.of(3, 30);
    String at = r.string("INMO_NIGHTLY_AT", "03:30");
    try {
      nightlyAt = LocalTime.parse(at);
    } catch (DateTimeParseException e) {
      r.problem("INMO_NIGHTLY_AT must be a time of day as HH:mm, e.g. 03:30");
    }
    ZoneId nightlyZone = ZoneId.of("America/Santiago");
    String zone = r.string("INMO_NIGHTLY_TIMEZONE", "America/Santiago");
    try {
      nightlyZone = ZoneId.of(zone);
    } catch (DateTimeException e) {
      r.problem("INMO_NIGHTLY_TIMEZONE must be a time-zone id such as America/Santiago");
    }
    Llm llm = llm(r);
    int channelTestSeconds = r.integer("INMO_CHANNEL_TEST_TIMEOUT_SECONDS", 10, 1, 60);
    LlmPrices prices = LlmPrices.withOverrides(Map.of());
    try {
      prices = LlmPrices.withOverrides(LlmPrices.parse(r.optional("INMO_LLM_PRICES")));
    } catch (IllegalArgumentException e) {
      r.problem("INMO_LLM_PRICES: " + e.getMessage());
    }
    r.throwIfProblems();
    return new AppConfig(
        host,
        port,
        publicUrl,
        database,
        dataDir,
        embeddedPort,
        poolSize,
        redis,
        logFormat,
        maxRequestBytes,
        grace,
        adminEmail,
        Map.copyOf(providers),
        tokenSecret,
        accessTokenMinutes,
        trustProxy.equals("true"),
        encryptionKey,
        maxImportBytes,
        nightlyAt,
        nightlyZone,
        llm,
        prices,
        java.time.Duration.ofSeconds(channelTestSeconds));
  }

  private static Llm llm(Reader r) {
    String provider = r.string("INMO_LLM_PROVIDER", "offline").strip().toLowerCase(Locale.ROOT);
    int timeout = r.integer("INMO_LLM_TIMEOUT_SECONDS", 20, 1, 120);
    Map<String, String> baseUrls = new java.util.HashMap<>();
    for (String p : LLM_PROVIDERS) {
      String name = "INMO_LLM_" + p.toUpperCase(Locale.ROOT) + "_BASE_URL";
      String url = r.optional(name);
      if (url != null && !url.isBlank()) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
          r.problem(name + " must be an http(s) URL");
        }
        baseUrls.put(p, url.strip());
      }
    }
    String endpoints = r.string("INMO_LLM_BROKER_ENDPOINTS", "false").toLowerCase(Locale.ROOT);
    if (!endpoints.equals("true") && !endpoints.equals("false")) {
      r.problem("INMO_LLM_BROKER_ENDPOINTS must be 'true' or 'false'");
    }
    boolean brokerEndpoints = endpoints.equals("true");
    if (provider.equals("offline")) {
      return new Llm(
          null, List.of(), java.time.Duration.ofSeconds(timeout), baseUrls, brokerEndpoints);
    }
    LlmTarget primary =
        target(
            r,
            provider,
            r.optional("INMO_LLM_MODEL"),
            r.optional("INMO_LLM_API_KEY"),
            r.optional("INMO_LLM_BASE_URL"),
            "INMO_LLM");
    List<LlmTarget> fallbacks = new java.util.ArrayList<>();
    String list = r.optional("INMO_LLM_FALLBACKS");
    if (list != null) {
      for (String item : list.split(",")) {
        String[] parts = item.strip().split(":", 2);
        if (parts.length != 2 || parts[1].isBlank()) {
          r.problem(
              "INMO_LLM_FALLBACKS must list provider:model pairs, e.g."
                  + " anthropic:claude-haiku-4-5,ollama:llama3.1");
          continue;
        }
        String p = parts[0].strip().toLowerCase(Locale.ROOT);
        String prefix = "INMO_LLM_" + p.toUpperCase(Locale.ROOT);
        fallbacks.add(
            target(
                r,
                p,
                parts[1].strip(),
                r.optional(prefix + "_API_KEY"),
                r.optional(prefix + "_BASE_URL"),
                prefix));
      }
    }
    return new Llm(
        primary, fallbacks, java.time.Duration.ofSeconds(timeout), baseUrls, brokerEndpoints);
  }

  private static LlmTarget target(
      Reader r, String provider, String model, String key, String baseUrl, String prefix) {
    if (!LLM_PROVIDERS.contains(provider)) {
      r.problem(
          "LLM provider '"
              + provider
              + "' is not one of offline, "
              + String.join(", ", LLM_PROVIDERS));
      return null;
    }
    if (model == null || model.isBlank()) {
      r.problem(
          prefix.equals("INMO_LLM")
              ? "INMO_LLM_MODEL is required with INMO_LLM_PROVIDER=" + provider
              : "a model is required for the fallback " + provider);
    }
    if (LLM_KEYED.contains(provider) && (key == null || key.isBlank())) {
      r.problem(prefix + "_API_KEY is required for " + provider);
    }
    if (provider.equals("openai_compatible") && (baseUrl == null || baseUrl.isBlank())) {
      r.problem(prefix + "_BASE_URL is required for openai_compatible");
    }
    if (baseUrl != null && !baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      r.problem(prefix + "_BASE_URL must be an http(s) URL");
    }
    return new LlmTarget(
        provider,
        model == null ? "" : model.strip(),
        Optional.ofNullable(key).filter(k -> !k.isBlank()).map(Secret::of),
        baseUrl);
  }

  private static boolean isBase64Key(String value, int bytes) {
    try {
      return java.util.Base64.getDecoder().decode(value).length == bytes;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Reads variables, collecting problems instead of failing on the first. */
  private static final class Reader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    Reader(Map<String, String> env) {
      this.env = env;
    }

    String optional(String name) {
      String value = env.get(name);
      return value == null || value.isBlank() ? null : value.strip();
    }

    String string(String name, String fallback) {
      String value = optional(name);
      return value == null ? fallback : value;
    }

    int integer(String name, int fallback, int min, int max) {
      String value = optional(name);
      if (value == null) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value);
        if (parsed < min || parsed > max) {
          problem(name + " must be between " + min + " and " + max + " (got " + parsed + ")");
          return fallback;
        }
        return parsed;
      } catch (NumberFormatException e) {
        problem(name + " must be a whole number (got '" + value + "')");
        return fallback;
      }
    }

    URI uri(String name, String fallback, String... schemes) {
      String value = optional(name);
      if (value == null) {
        return fallback == null ? null : URI.create(fallback);
      }
      try {
        URI uri = new URI(value);
        if (uri.getScheme() == null
            || !List.of(schemes).contains(uri.getScheme())
            || uri.getHost() == null) {
          problem(name + " must be a " + String.join(" or ", schemes) + " URL with a host");
          return fallback == null ? null : URI.create(fallback);
        }
        return uri;
      } catch (java.net.URISyntaxException e) {
        problem(name + " is not a valid URL");
        return fallback == null ? null : URI.create(fallback);
      }
    }

    void problem(String message) {
      problems.add(message);
    }

    void throwIfProblems() {
      if (!problems.isEmpty()) {
        throw new ConfigException(problems);
      }
    }
  }
}
