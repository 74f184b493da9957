package io.inmo.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Answers of OpenAI's chat completions, as the real service sends them (INTEGRATIONS §6). */
final class OpenAiStubs {
  static final String COMPLETIONS = "/v1/chat/completions";

  private OpenAiStubs() {}

  /**
   * A completion whose content is one agent turn (facts JSON array, intent, reply) with the given
   * token usage.
   */
  static ResponseDefinitionBuilder completion(
      String facts, String reply, int promptTokens, int completionTokens) throws Exception {
    ObjectNode turn = Api.JSON.createObjectNode();
    turn.set("facts", Api.JSON.readTree(facts));
    turn.put("intent", "property_search");
    turn.put("escalate", false);
    turn.put("reply", reply);
    ObjectNode message = Api.JSON.createObjectNode().put("role", "assistant");
    message.put("content", turn.toString());
    ObjectNode body = Api.JSON.createObjectNode();
    body.put("id", "chatcmpl-inmo-1").put("object", "chat.completion").put("model", "gpt-4o-mini");
    body.putArray("choices")
        .addObject()
        .put("index", 0)
        .put("finish_reason", "stop")
        .set("message", message);
    body.putObject("usage")
        .put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }
}
