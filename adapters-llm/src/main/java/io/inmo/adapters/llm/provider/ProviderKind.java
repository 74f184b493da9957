package io.inmo.adapters.llm.provider;

import java.util.Locale;
import java.util.Objects;

/** The LLM provider families Inmo speaks to through LangChain4j (PRODUCT §9). */
public enum ProviderKind {
  OPENAI("https://api.openai.com/v1", true),
  /** Any server speaking OpenAI chat completions (vLLM, LM Studio, llama.cpp, Ollama's /v1). */
  OPENAI_COMPATIBLE(null, false),
  ANTHROPIC("https://api.anthropic.com/v1/", true),
  GEMINI("https://generativelanguage.googleapis.com/v1beta", true),
  OLLAMA("http://localhost:11434", false);

  private final String defaultBaseUrl;
  private final boolean requiresApiKey;

  ProviderKind(String defaultBaseUrl, boolean requiresApiKey) {
    this.defaultBaseUrl = defaultBaseUrl;
    this.requiresApiKey = requiresApiKey;
  }

  /** The vendor's public endpoint; null where the operator must name one. */
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  public boolean requiresApiKey() {
    return requiresApiKey;
  }

  /** The lower-snake-case value used in configuration and logs. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a configuration value in any case; throws {@link IllegalArgumentException}. */
  public static ProviderKind fromApiValue(String value) {
    Objects.requireNonNull(value, "provider must not be null");
    String v = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    for (ProviderKind k : values()) {
      if (k.apiValue().equals(v)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown LLM provider: " + value);
  }
}
