package io.inmo.adapters.llm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.adapters.llm.provider.AgentUnavailableException.Reason;
import io.inmo.adapters.llm.provider.TranscriptAnalyzer.TranscriptAnalysis;
import io.inmo.adapters.llm.provider.TranscriptAnalyzer.TranscriptRequest;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.call.Speaker;
import io.inmo.domain.call.TranscriptLine;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.lead.Financing;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.shared.Money;
import io.inmo.domain.shared.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TranscriptAnalyzerTest extends WireMockProvider {
  private static final List<TranscriptLine> CALL =
      List.of(
          new TranscriptLine(0, Speaker.AGENT, "Hola, le habla Sofía de Propiedades Andes.", 0.4),
          new TranscriptLine(
              1, Speaker.LEAD, "Hola Sofía, sí, yo dejé mis datos en el portal.", 3.1),
          new TranscriptLine(2, Speaker.AGENT, "¿Qué tipo de propiedad está buscando?", 6.0),
          new TranscriptLine(
              3, Speaker.LEAD, "Una casa en La Florida, de tres dormitorios, hasta 5.200 UF.", 9.8),
          new TranscriptLine(4, Speaker.AGENT, "¿Y cómo piensa financiarla?", 15.2),
          new TranscriptLine(
              5, Speaker.LEAD, "Con crédito hipotecario, ya fui al banco a preguntar.", 17.5),
          new TranscriptLine(
              6, Speaker.LEAD, "Ojalá ver algo la próxima semana, el sábado en la mañana.", 22.0));

  private static final String ANALYSIS =
      "{\"facts\":["
          + Stubs.fact("property_type", "house", "none", 4)
          + ","
          + Stubs.fact("location", "La Florida", "none", 4)
          + ","
          + Stubs.fact("bedrooms", "3", "none", 4)
          + ","
          + Stubs.fact("budget", "5200", "uf", 4)
          + ","
          + Stubs.fact("financing", "mortgage", "none", 6)
          + ","
          + Stubs.fact("bedrooms", "muchos", "none", 4)
          + "],\"intent\":\"visit\",\"summary\":\"Busca casa de 3 dormitorios en La Florida hasta"
          + " 5.200 UF, con crédito hipotecario. Quiere visitar el sábado en la mañana; coordinar"
          + " visita.\"}";

  private TranscriptAnalyzer analyzer(ProviderKind kind) {
    String base =
        switch (kind) {
          case OPENAI, OPENAI_COMPATIBLE -> wm.baseUrl() + "/v1";
          case ANTHROPIC -> wm.baseUrl() + "/v1/";
          case GEMINI -> wm.baseUrl() + "/v1beta";
          case OLLAMA -> wm.baseUrl();
        };
    return new LangChain4jTranscriptAnalyzer(
        new ProviderSettings(
            kind, "modelo-x", Secret.of("test-key-000"), base, Duration.ofSeconds(2), 0, null),
        calls::add);
  }

  private void stub(ProviderKind kind, String output) {
    switch (kind) {
      case OPENAI, OPENAI_COMPATIBLE ->
          wm.stubFor(
              post(urlEqualTo("/v1/chat/completions"))
                  .willReturn(okJson(Stubs.openAi(output, "stop"))));
      case ANTHROPIC ->
          wm.stubFor(
              post(urlEqualTo("/v1/messages"))
                  .willReturn(okJson(Stubs.anthropicTool("analisis_llamada", output))));
      case GEMINI ->
          wm.stubFor(
              post(urlPathEqualTo("/v1beta/models/modelo-x:generateContent"))
                  .willReturn(okJson(Stubs.gemini(output, "STOP"))));
      case OLLAMA ->
          wm.stubFor(
              post(urlEqualTo("/api/chat")).willReturn(okJson(Stubs.ollama(output, "stop"))));
    }
  }

  private TranscriptRequest request() {
    return new TranscriptRequest(
        BrokerPromptConfig.defaults(chat.broker, Conversations.NOW), "call-7f3a", CALL);
  }

  @ParameterizedTest
  @EnumSource(ProviderKind.class)
  void eachProviderReturnsFactsIntentAndSummary(ProviderKind kind) throws Exception {
    stub(kind, ANALYSIS);

    TranscriptAnalysis a = analyzer(kind).analyze(request());

    assertThat(a.facts().propertyType().value()).isEqualTo(PropertyType.HOUSE);
    assertThat(a.facts().location().value()).isEqualTo("La Florida");
    assertThat(a.facts().bedrooms().value()).isEqualTo(3);
    assertThat(a.facts().budget().value()).isEqualTo(Money.uf("5200"));
    assertThat(a.facts().budget().sourceMessageId()).isEqualTo("call-7f3a");
    assertThat(a.facts().financing().value()).isEqualTo(Financing.MORTGAGE);
    assertThat(a.intent()).isEqualTo(Intent.VISIT);
    assertThat(a.summary()).startsWith("Busca casa de 3 dormitorios en La Florida");
    String sent = sentBody(0).toString();
    assertThat(sent)
        .contains("[4] lead: Una casa en La Florida, de tres dormitorios, hasta 5.200 UF.")
        .contains("analisis_llamada")
        .contains("summary");
  }

  @Test
  void theOpenAiRequestCarriesTheTranscriptSchemaStrict() {
    stub(ProviderKind.OPENAI, ANALYSIS);

    analyzer(ProviderKind.OPENAI).analyze(request());

    wm.verify(
        postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer test-key-000"))
            .withRequestBody(
                matchingJsonPath("$.response_format.json_schema.name", equalTo("analisis_llamada")))
            .withRequestBody(
                matchingJsonPath("$.response_format.json_schema.strict", equalTo("true"))));
  }

  @Test
  void givenNoSummaryTwice_thenInvalidOutput() throws Exception {
    stub(ProviderKind.GEMINI, "{\"facts\":[],\"intent\":\"visit\",\"summary\":\"\"}");

    assertThatThrownBy(() -> analyzer(ProviderKind.GEMINI).analyze(request()))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_OUTPUT));
    JsonNode repair = sentBody(1);
    assertThat(repair.toString()).contains("\\\"summary\\\" debe ser un texto no vacío");
  }
}
