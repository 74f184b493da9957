package io.inmo.adapters.llm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.inmo.adapters.llm.provider.ProviderCallListener.ProviderCall;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One WireMock server per test class standing in for a provider's API. */
abstract class WireMockProvider {
  static final ObjectMapper JSON = new ObjectMapper();
  static WireMockServer wm;

  final List<ProviderCall> calls = new CopyOnWriteArrayList<>();
  Conversations chat;

  @BeforeAll
  static void start() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
  }

  @AfterAll
  static void stop() {
    wm.stop();
  }

  @BeforeEach
  void reset() {
    wm.resetAll();
    calls.clear();
    chat = new Conversations().withSmallTalk();
  }

  static ResponseDefinitionBuilder okJson(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  static ResponseDefinitionBuilder error(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** The body of the i-th request received (0 = first). */
  static JsonNode sentBody(int i) throws Exception {
    return JSON.readTree(wm.getAllServeEvents().reversed().get(i).getRequest().getBodyAsString());
  }
}
