package io.inmo.adapters.llm.provider;

import io.inmo.domain.shared.Secret;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one provider model. There are no retries here on purpose: retries, backoff and
 * circuit breaking belong to the provider router, which needs every failure at once.
 *
 * @param apiKey null only for providers that need none (Ollama, an open OpenAI-compatible server)
 * @param baseUrl null means the vendor's public endpoint ({@link ProviderKind#defaultBaseUrl()})
 * @param timeout for connecting and for the whole answer
 * @param maxOutputTokens cap on the answer; a cut answer is an invalid output
 * @param structuredOutput null means {@link StructuredOutputMode#defaultFor}
 */
public record ProviderSettings(
    ProviderKind provider,
    String model,
    Secret apiKey,
    String baseUrl,
    Duration timeout,
    int maxOutputTokens,
    StructuredOutputMode structuredOutput) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
  public static final int DEFAULT_MAX_OUTPUT_TOKENS = 800;

  public ProviderSettings {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    model = model.strip();
    if (model.isEmpty()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    if (apiKey == null && provider.requiresApiKey()) {
      throw new IllegalArgumentException(provider.apiValue() + " needs an API key");
    }
    baseUrl = baseUrl == null || baseUrl.isBlank() ? provider.defaultBaseUrl() : baseUrl.strip();
    if (baseUrl == null) {
      throw new IllegalArgumentException(provider.apiValue() + " needs a base URL");
    }
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (maxOutputTokens <= 0) {
      maxOutputTokens = DEFAULT_MAX_OUTPUT_TOKENS;
    }
    structuredOutput =
        structuredOutput == null ? StructuredOutputMode.defaultFor(provider) : structuredOutput;
  }

  /** Settings with the defaults: vendor endpoint, 20 s timeout, 800 output tokens. */
  public static ProviderSettings of(ProviderKind provider, String model, Secret apiKey) {
    return new ProviderSettings(provider, model, apiKey, null, null, 0, null);
  }

  public ProviderSettings withBaseUrl(String url) {
    return new ProviderSettings(
        provider, model, apiKey, url, timeout, maxOutputTokens, structuredOutput);
  }

  public ProviderSettings withTimeout(Duration t) {
    return new ProviderSettings(
        provider, model, apiKey, baseUrl, t, maxOutputTokens, structuredOutput);
  }

  public ProviderSettings withStructuredOutput(StructuredOutputMode mode) {
    return new ProviderSettings(provider, model, apiKey, baseUrl, timeout, maxOutputTokens, mode);
  }

  /** Names the provider and model only: the key never reaches a log line. */
  @Override
  public String toString() {
    return "ProviderSettings[" + provider.apiValue() + "/" + model + " at " + baseUrl + "]";
  }
}
