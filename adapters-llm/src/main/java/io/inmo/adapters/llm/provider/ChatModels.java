package io.inmo.adapters.llm.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Objects;

/**
 * Builds the LangChain4j {@link ChatModel} for a provider's settings: our HTTP/1.1 client, no
 * retries (the router's job), a low temperature, the output cap, and the JSON-schema capability
 * declared so LangChain4j passes our schema to the provider natively.
 */
public final class ChatModels {
  static final double TEMPERATURE = 0.3;

  private ChatModels() {}

  public static ChatModel build(ProviderSettings s) {
    Objects.requireNonNull(s, "settings");
    ProviderHttpClient.Builder http = ProviderHttpClient.builder(s.timeout());
    String key = s.apiKey() == null ? null : s.apiKey().reveal();
    return switch (s.provider()) {
      case OPENAI, OPENAI_COMPATIBLE ->
          OpenAiChatModel.builder()
              .httpClientBuilder(http)
              .baseUrl(s.baseUrl())
              .apiKey(key)
              .modelName(s.model())
              .temperature(TEMPERATURE)
              .maxCompletionTokens(s.maxOutputTokens())
              .strictJsonSchema(true)
              .strictTools(true)
              .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
              .timeout(s.timeout())
              .maxRetries(0)
              .build();
      case ANTHROPIC ->
          AnthropicChatModel.builder()
              .httpClientBuilder(http)
              .baseUrl(s.baseUrl())
              .apiKey(key)
              .modelName(s.model())
              .temperature(TEMPERATURE)
              .maxTokens(s.maxOutputTokens())
              .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
              .timeout(s.timeout())
              .maxRetries(0)
              .build();
      case GEMINI ->
          GoogleAiGeminiChatModel.builder()
              .httpClientBuilder(http)
              .baseUrl(s.baseUrl())
              .apiKey(key)
              .modelName(s.model())
              .temperature(TEMPERATURE)
              .maxOutputTokens(s.maxOutputTokens())
              .timeout(s.timeout())
              .maxRetries(0)
              .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
              .build();
      case OLLAMA -> {
        OllamaChatModel.OllamaChatModelBuilder b =
            OllamaChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(s.baseUrl())
                .modelName(s.model())
                .temperature(TEMPERATURE)
                .numPredict(s.maxOutputTokens())
                .timeout(s.timeout())
                .maxRetries(0)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        if (key != null) {
          // a proxied Ollama behind a bearer token
          b.customHeaders(java.util.Map.of("Authorization", "Bearer " + key));
        }
        yield b.build();
      }
    };
  }
}
