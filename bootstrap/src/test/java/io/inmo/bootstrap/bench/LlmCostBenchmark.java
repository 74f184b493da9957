package io.inmo.bootstrap.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.bootstrap.Inmo;
import io.inmo.bootstrap.config.AppConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the AI costs per qualified lead (issue 7): the scripted 7-message conversation that
 * qualifies Francisca Soto runs through the real server with {@code INMO_LLM_PROVIDER=openai} at a
 * WireMock stand-in for the model. The stand-in answers each turn with the facts a model would read
 * (scripted) and reports as usage the tokens of the very request Inmo sent — prompt, history and
 * JSON schema, counted with the o200k tokenizer of gpt-4o-mini — and of its answer. The cost is
 * Inmo's own figure ({@code GET /api/v1/llm/usage}: cost per qualified lead) at list prices. What
 * is simulated is the model's answer, not the size of what Inmo asks. Report in
 * bootstrap/target/benchmarks/llm-cost.md.
 *
 * <pre>./inmo mvn -B -o -pl bootstrap verify -Pbenchmark -Dtest=LlmCostBenchmark</pre>
 */
@Tag("benchmark")
@ExtendWith(TestPostgres.class)
class LlmCostBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OpenAiTokenCountEstimator O200K =
      new OpenAiTokenCountEstimator("gpt-4o-mini");

  /** The lead's messages and what a model would answer to each. */
  private static final String[][] SCRIPT = {
    {"hola", "[]", "greeting", "¡Hola! Soy Sofía, de la corredora. ¿Con quién tengo el gusto?"},
    {
      "me llamo francisca soto",
      "[" + fact("name", "Francisca Soto", "none") + "]",
      "other",
      "¡Gracias, Francisca! ¿Buscas comprar o arrendar, y en qué comuna?"
    },
    {
      "busco depto para comprar en nunoa, 2 dormitorios",
      "["
          + fact("operation", "buy", "none")
          + ","
          + fact("property_type", "apartment", "none")
          + ","
          + fact("location", "Ñuñoa", "none")
          + ","
          + fact("bedrooms", "2", "none")
          + "]",
      "property_search",
      "Anoto un departamento de 2 dormitorios en Ñuñoa para comprar. ¿Cuál es tu presupuesto?"
    },
    {
      "mi presupuesto es de 4.500 UF",
      "[" + fact("budget", "4500", "uf") + "]",
      "property_search",
      "Perfecto, hasta 4.500 UF. ¿Cuál es tu renta líquida mensual aproximada?"
    },
    {
      "gano 2 millones y medio liquidos",
      "[" + fact("monthly_income", "2500000", "clp") + "]",
      "financing_question",
      "Gracias. ¿Tienes deudas morosas registradas (DICOM)?"
    },
    {
      "no tengo dicom 🙌",
      "[" + fact("dicom_status", "clean", "none") + "]",
      "financing_question",
      "¡Excelente! ¿Me dejas un teléfono para que una ejecutiva te contacte?"
    },
    {
      "mi cel es 9 8765 4321, perdón, es 9 8765 4322",
      "[" + fact("phone", "9 8765 4322", "none") + "]",
      "other",
      "¡Listo, Francisca! Te escribiremos al +56 9 8765 4322 para coordinar visitas."
    },
  };

  /** Plays the model: the scripted answer of each turn, with the request's real token count. */
  static final class ScriptedModel implements ResponseDefinitionTransformerV2 {
    final List<int[]> usage = new ArrayList<>();

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      try {
        JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode m : request.get("messages")) {
          String content = m.get("content").asText();
          messages.add(
              m.get("role").asText().equals("system")
                  ? SystemMessage.from(content)
                  : UserMessage.from(content));
        }
        int in =
            O200K.estimateTokenCountInMessages(messages)
                + O200K.estimateTokenCountInText(request.get("response_format").toString());
        StringBuilder text = new StringBuilder();
        messages.forEach(m -> text.append(m).append('\n'));
        String[] step = SCRIPT[stepOf(text.toString())];
        ObjectNode output = JSON.createObjectNode();
        output.set("facts", JSON.readTree(step[1]));
        output.put("intent", step[2]);
        output.put("escalate", false);
        output.put("reply", step[3]);
        String content = output.toString();
        int out = O200K.estimateTokenCountInText(content) + 3;
        synchronized (usage) {
          usage.add(new int[] {in, out});
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-" + UUID.randomUUID()).put("object", "chat.completion");
        body.put("model", "gpt-4o-mini");
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.put("content", content);
        body.putArray("choices")
            .addObject()
            .put("index", 0)
            .put("finish_reason", "stop")
            .set("message", message);
        body.putObject("usage")
            .put("prompt_tokens", in)
            .put("completion_tokens", out)
            .put("total_tokens", in + out);
        // the body as text: WireMock's own (shaded) Jackson cannot write our JsonNode
        return aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody(body.toString())
            .build();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    /** The turn whose lead message is the newest one in the request. */
    private static int stepOf(String prompt) {
      for (int i = SCRIPT.length - 1; i > 0; i--) {
        if (prompt.contains(SCRIPT[i][0])) {
          return i;
        }
      }
      return 0;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return "scripted-model";
    }
  }

  @Test
  void measure(PgDatabase database) throws Exception {
    ScriptedModel model = new ScriptedModel();
    WireMockServer openAi = new WireMockServer(options().dynamicPort().extensions(model));
    openAi.start();
    openAi.stubFor(
        post(urlEqualTo("/v1/chat/completions"))
            .willReturn(aResponse().withTransformers("scripted-model")));
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("INMO_PORT", "0"),
            Map.entry("INMO_HOST", "127.0.0.1"),
            Map.entry("INMO_DATABASE_URL", database.jdbcUrl()),
            Map.entry("INMO_DATABASE_USER", database.user()),
            Map.entry(
                "INMO_DATABASE_PASSWORD", database.password() == null ? "" : database.password()),
            Map.entry("INMO_DATA_DIR", Files.createTempDirectory("inmo-cost").toString()),
            Map.entry("INMO_LLM_PROVIDER", "openai"),
            Map.entry("INMO_LLM_MODEL", "gpt-4o-mini"),
            Map.entry("INMO_LLM_API_KEY", "sk-costo-prueba-0001"),
            Map.entry("INMO_LLM_BASE_URL", openAi.baseUrl() + "/v1"));
    try (Inmo inmo =
        Inmo.start(AppConfig.from(env, Path.of(System.getProperty("java.io.tmpdir"))))) {
      URI base = URI.create("http://127.0.0.1:" + inmo.port());
      HttpClient http = HttpClient.newHttpClient();
      JsonNode registered =
          call(
              http,
              base,
              "POST",
              "/api/v1/auth/register",
              null,
              "{\"brokerName\":\"Propiedades Costo "
                  + UUID.randomUUID().toString().substring(0, 6)
                  + "\",\"name\":\"Valentina Soto\",\"email\":\"valentina."
                  + UUID.randomUUID().toString().substring(0, 6)
                  + "@andes.cl\",\"password\":\"Ñuñoa-Vista-2026\"}");
      String token = registered.get("accessToken").asText();
      String slug = call(http, base, "GET", "/api/v1/broker", token, null).get("slug").asText();
      String session =
          call(http, base, "POST", "/api/v1/webchat/" + slug + "/sessions", null, null)
              .get("sessionToken")
              .asText();
      int sent = 0;
      for (String[] step : SCRIPT) {
        sent++;
        HttpRequest request =
            HttpRequest.newBuilder(base.resolve("/api/v1/webchat/" + slug + "/messages"))
                .header("Content-Type", "application/json")
                .header("X-Inmo-Chat-Session", session)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.createObjectNode()
                            .put("text", step[0])
                            .put("clientMessageId", "costo-" + sent + "-" + UUID.randomUUID())
                            .toString()))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
            .isEqualTo(202);
        awaitReplies(http, base, slug, session, sent);
      }
      JsonNode leads = call(http, base, "GET", "/api/v1/leads?channel=webchat", token, null);
      JsonNode lead = leads.get("items").get(0);
      assertThat(lead.get("qualification").asText()).isEqualTo("QUALIFIED");
      JsonNode usage = call(http, base, "GET", "/api/v1/llm/usage", token, null);
      assertThat(usage.get("calls").asLong()).isEqualTo(SCRIPT.length);

      StringBuilder report = new StringBuilder("# Cost per qualified lead (LlmCostBenchmark)\n\n");
      report.append("| turn | lead says | tokens in | tokens out |\n|---:|---|---:|---:|\n");
      for (int i = 0; i < model.usage.size(); i++) {
        report.append(
            "| %d | %s | %d | %d |%n"
                .formatted(i + 1, SCRIPT[i][0], model.usage.get(i)[0], model.usage.get(i)[1]));
      }
      report.append(
          "%nCalls %d, tokens in %d, out %d; estimated cost %s USD; qualified leads %d;"
                  .formatted(
                      usage.get("calls").asLong(),
                      usage.get("tokensIn").asLong(),
                      usage.get("tokensOut").asLong(),
                      usage.get("costUsd").asText(),
                      usage.get("qualifiedLeads").asLong())
              + " **cost per qualified lead %s USD** (gpt-4o-mini list price 0.15/0.60 per M)."
                  .formatted(usage.get("costPerQualifiedLeadUsd").asText()));
      long in = usage.get("tokensIn").asLong();
      long out = usage.get("tokensOut").asLong();
      report.append(
          "%nThe same tokens at other list prices (USD per qualified lead): claude-haiku-4-5 %.5f,"
                  .formatted((in * 1.00 + out * 5.00) / 1e6)
              + " gemini-2.0-flash %.5f, gpt-4o %.5f.%n"
                  .formatted((in * 0.10 + out * 0.40) / 1e6, (in * 2.50 + out * 10.00) / 1e6));
      Path out_ = Path.of("target", "benchmarks", "llm-cost.md");
      Files.createDirectories(out_.getParent());
      Files.writeString(out_, report);
      System.out.println(report);
    } finally {
      openAi.stop();
    }
  }

  private static void awaitReplies(
      HttpClient http, URI base, String slug, String session, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/webchat/" + slug + "/messages"))
                  .header("X-Inmo-Chat-Session", session)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(r.body());
      int replies = 0;
      for (JsonNode m : body.get("items")) {
        if (m.get("from").asText().equals("agent")) {
          replies++;
        }
      }
      if (replies >= expected) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no reply to message " + expected);
  }

  private static JsonNode call(
      HttpClient http, URI base, String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    return JSON.readTree(r.body());
  }

  private static String fact(String field, String value, String currency) {
    return JSON.createObjectNode()
        .put("field", field)
        .put("value", value)
        .put("currency", currency)
        .put("source", 1)
        .toString();
  }
}
