package io.inmo.adapters.llm.provider;

/** How a provider is asked for the JSON answer (ADR 0018). */
public enum StructuredOutputMode {
  /**
   * The provider's native response format with our JSON schema: OpenAI {@code response_format}
   * json_schema (strict), Gemini {@code responseSchema}, Ollama {@code format}, Anthropic {@code
   * output_config} (only newer Claude models accept it).
   */
  JSON_SCHEMA,
  /**
   * One forced tool call whose input schema is our JSON schema; the arguments are the answer. Every
   * Claude model with tool use supports it, so it is Anthropic's default.
   */
  TOOL_CALL;

  /** The default per provider family. */
  public static StructuredOutputMode defaultFor(ProviderKind kind) {
    return kind == ProviderKind.ANTHROPIC ? TOOL_CALL : JSON_SCHEMA;
  }
}
