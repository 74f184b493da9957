package io.inmo.adapters.llm.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.domain.conversation.Intent;
import java.util.List;
import java.util.Locale;

/**
 * Checks a model's JSON against the output schema (shape and types; a wrong shape throws {@link
 * InvalidOutputException}, which triggers the one repair) and maps it to domain values (a wrong
 * individual fact is only dropped, see {@link ProposedFacts}).
 */
final class OutputParser {
  static final int MAX_REPLY_CHARS = 1500;
  static final int MAX_SUMMARY_CHARS = 3000;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private OutputParser() {}

  /** What one conversation turn's output said, before the reply rules. */
  record TurnOutput(ProposedFacts facts, Intent intent, boolean escalate, String reply) {}

  /** What a call transcript's analysis said. */
  record TranscriptOutput(ProposedFacts facts, Intent intent, String summary) {}

  static TurnOutput turn(String raw, List<String> sources) {
    JsonNode root = object(raw);
    ProposedFacts facts = ProposedFacts.from(array(root, "facts"), sources);
    Intent intent = intent(root);
    JsonNode escalate = root.get("escalate");
    if (escalate == null || !escalate.isBoolean()) {
      throw new InvalidOutputException("\"escalate\" debe ser true o false");
    }
    String reply = string(root, "reply", MAX_REPLY_CHARS);
    return new TurnOutput(facts, intent, escalate.asBoolean(), reply);
  }

  static TranscriptOutput transcript(String raw, List<String> sources) {
    JsonNode root = object(raw);
    ProposedFacts facts = ProposedFacts.from(array(root, "facts"), sources);
    return new TranscriptOutput(facts, intent(root), string(root, "summary", MAX_SUMMARY_CHARS));
  }

  private static JsonNode object(String raw) {
    String text = stripFence(raw);
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidOutputException(
          "no es JSON válido (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidOutputException("la respuesta debe ser un objeto JSON");
    }
    return root;
  }

  /** Some models wrap JSON in a Markdown fence even when asked not to. */
  private static String stripFence(String raw) {
    String t = raw.strip();
    if (t.startsWith("```")) {
      int start = t.indexOf('\n');
      int end = t.lastIndexOf("```");
      if (start > 0 && end > start) {
        return t.substring(start + 1, end).strip();
      }
    }
    return t;
  }

  private static JsonNode array(JsonNode root, String name) {
    JsonNode n = root.get(name);
    if (n == null || !n.isArray()) {
      throw new InvalidOutputException("\"" + name + "\" debe ser una lista");
    }
    return n;
  }

  private static Intent intent(JsonNode root) {
    JsonNode n = root.get("intent");
    if (n != null && n.isTextual()) {
      String v = n.asText().strip().toUpperCase(Locale.ROOT);
      for (Intent i : Intent.values()) {
        if (i.name().equals(v)) {
          return i;
        }
      }
    }
    throw new InvalidOutputException("\"intent\" debe ser uno de " + OutputSchema.INTENTS);
  }

  private static String string(JsonNode root, String name, int max) {
    JsonNode n = root.get(name);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new InvalidOutputException("\"" + name + "\" debe ser un texto no vacío");
    }
    String s = n.asText().strip();
    if (s.length() > max) {
      throw new InvalidOutputException(
          "\"" + name + "\" es demasiado largo (máximo " + max + " caracteres)");
    }
    return s;
  }
}
