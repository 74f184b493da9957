package io.inmo.adapters.llm.provider;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.Intent;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON schemas the providers answer in. Facts are a list of {@code {field, value, currency,
 * source}} items rather than one nullable property per fact: every property is required and none is
 * nullable, which OpenAI's strict mode, Gemini's OpenAPI subset, Anthropic tool input and Ollama's
 * grammar all accept alike.
 */
final class OutputSchema {
  static final String TURN_NAME = "turno_agente";
  static final String TRANSCRIPT_NAME = "analisis_llamada";
  static final List<String> FIELDS =
      Arrays.stream(LeadField.values()).map(LeadField::apiValue).toList();
  static final List<String> INTENTS = Arrays.stream(Intent.values()).map(Intent::apiValue).toList();
  static final List<String> CURRENCIES = List.of("clp", "uf", "none");

  private OutputSchema() {}

  static JsonObjectSchema fact() {
    return JsonObjectSchema.builder()
        .addEnumProperty("field", FIELDS)
        .addStringProperty("value")
        .addEnumProperty("currency", CURRENCIES)
        .addIntegerProperty("source", "número del mensaje o línea donde aparece el dato")
        .required("field", "value", "currency", "source")
        .additionalProperties(false)
        .build();
  }

  static JsonObjectSchema turn() {
    return JsonObjectSchema.builder()
        .addProperty("facts", JsonArraySchema.builder().items(fact()).build())
        .addEnumProperty("intent", INTENTS)
        .addBooleanProperty("escalate")
        .addStringProperty("reply")
        .required("facts", "intent", "escalate", "reply")
        .additionalProperties(false)
        .build();
  }

  static JsonObjectSchema transcript() {
    return JsonObjectSchema.builder()
        .addProperty("facts", JsonArraySchema.builder().items(fact()).build())
        .addEnumProperty("intent", INTENTS)
        .addStringProperty("summary")
        .required("facts", "intent", "summary")
        .additionalProperties(false)
        .build();
  }
}
