package io.inmo.adapters.llm.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Response bodies exactly as each provider sends them (INTEGRATIONS §6), around a given output. */
final class Stubs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Stubs() {}

  /** A turn output as the model would write it. */
  static String turn(String factsJson, String intent, boolean escalate, String reply) {
    ObjectNode n = JSON.createObjectNode();
    try {
      n.set("facts", JSON.readTree(factsJson));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
    n.put("intent", intent);
    n.put("escalate", escalate);
    n.put("reply", reply);
    return n.toString();
  }

  static String fact(String field, String value, String currency, int source) {
    return JSON.createObjectNode()
        .put("field", field)
        .put("value", value)
        .put("currency", currency)
        .put("source", source)
        .toString();
  }

  /** Ñuñoa, apartment, buy, 4.500 UF from message 1. */
  static final String NUNOA_TURN =
      turn(
          "["
              + fact("location", "Ñuñoa", "none", 1)
              + ","
              + fact("property_type", "apartment", "none", 1)
              + ","
              + fact("operation", "buy", "none", 1)
              + ","
              + fact("budget", "4500", "uf", 1)
              + "]",
          "property_search",
          false,
          "¡Buenísimo! Anoto que buscas un departamento en Ñuñoa de hasta 4.500 UF."
              + " ¿Para cuándo te gustaría cambiarte?");

  static String openAi(String content, String finishReason) {
    ObjectNode message = JSON.createObjectNode().put("role", "assistant");
    message.put("content", content);
    message.putNull("refusal");
    ObjectNode choice = JSON.createObjectNode().put("index", 0);
    choice.set("message", message);
    choice.put("finish_reason", finishReason);
    ObjectNode root =
        JSON.createObjectNode()
            .put("id", "chatcmpl-9xYz")
            .put("object", "chat.completion")
            .put("created", 1767225600)
            .put("model", "gpt-4o-mini-2024-07-18");
    root.putArray("choices").add(choice);
    root.set(
        "usage",
        JSON.valueToTree(
            Map.of("prompt_tokens", 1450, "completion_tokens", 96, "total_tokens", 1546)));
    root.put("system_fingerprint", "fp_abc123");
    return root.toString();
  }

  static String anthropicTool(String toolName, String inputJson) {
    try {
      ObjectNode block =
          JSON.createObjectNode()
              .put("type", "tool_use")
              .put("id", "toolu_01XyZ")
              .put("name", toolName);
      block.set("input", JSON.readTree(inputJson));
      return anthropic(block, "tool_use");
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String anthropicText(String text, String stopReason) {
    return anthropic(JSON.createObjectNode().put("type", "text").put("text", text), stopReason);
  }

  private static String anthropic(ObjectNode block, String stopReason) {
    ObjectNode root =
        JSON.createObjectNode()
            .put("id", "msg_01AbCd")
            .put("type", "message")
            .put("role", "assistant")
            .put("model", "claude-sonnet-4-5-20250929");
    root.putArray("content").add(block);
    root.put("stop_reason", stopReason);
    root.putNull("stop_sequence");
    root.set("usage", JSON.valueToTree(Map.of("input_tokens", 1500, "output_tokens", 120)));
    return root.toString();
  }

  static String gemini(String text, String finishReason) {
    ObjectNode part = JSON.createObjectNode().put("text", text);
    ObjectNode content = JSON.createObjectNode().put("role", "model");
    content.putArray("parts").add(part);
    ObjectNode candidate = JSON.createObjectNode();
    candidate.set("content", content);
    candidate.put("finishReason", finishReason);
    ObjectNode root = JSON.createObjectNode();
    root.putArray("candidates").add(candidate);
    root.set(
        "usageMetadata",
        JSON.valueToTree(
            Map.of("promptTokenCount", 1400, "candidatesTokenCount", 90, "totalTokenCount", 1490)));
    root.put("modelVersion", "gemini-2.5-flash");
    root.put("responseId", "abc123");
    return root.toString();
  }

  static String ollama(String content, String doneReason) {
    ObjectNode root =
        JSON.createObjectNode()
            .put("model", "llama3.1")
            .put("created_at", "2026-01-01T10:00:00.000Z");
    root.set("message", JSON.createObjectNode().put("role", "assistant").put("content", content));
    root.put("done", true);
    root.put("done_reason", doneReason);
    root.put("prompt_eval_count", 1420);
    root.put("eval_count", 95);
    return root.toString();
  }
}
