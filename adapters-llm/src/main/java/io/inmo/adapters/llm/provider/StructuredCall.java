package io.inmo.adapters.llm.provider;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.inmo.adapters.llm.provider.AgentUnavailableException.Reason;
import io.inmo.adapters.llm.provider.ProviderCallListener.ProviderCall;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One structured call to one provider: the request with our JSON schema (as response format or as
 * one forced tool), the output checked by a parser, one repair request when it is unusable, and
 * every failure turned into an {@link AgentUnavailableException} with a reason for the router.
 */
final class StructuredCall {
  private static final System.Logger LOG = System.getLogger(StructuredCall.class.getName());
  private static final int MAX_ECHOED_OUTPUT = 2000;

  private final ProviderSettings settings;
  private final ChatModel model;
  private final PromptTemplates prompts;
  private final ProviderCallListener listener;

  StructuredCall(
      ProviderSettings settings,
      ChatModel model,
      PromptTemplates prompts,
      ProviderCallListener listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.model = Objects.requireNonNull(model, "model");
    this.prompts = Objects.requireNonNull(prompts, "prompts");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Asks, parses, repairs once; the parser throws {@link InvalidOutputException}. */
  /** Whose call it is, for the call records. */
  record Subject(BrokerId broker, LeadId lead) {}

  <T> T call(
      Subject subject,
      List<ChatMessage> messages,
      String schemaName,
      JsonObjectSchema schema,
      Function<String, T> parser) {
    String raw = null;
    InvalidOutputException first;
    try {
      raw = ask(subject, messages, schemaName, schema, 1);
      return parser.apply(raw);
    } catch (InvalidOutputException e) {
      first = e;
    }
    LOG.log(
        System.Logger.Level.INFO,
        "{0}/{1} gave an invalid {2}, asking once more: {3}",
        settings.provider().apiValue(),
        settings.model(),
        schemaName,
        first.getMessage());
    List<ChatMessage> repair = new ArrayList<>(messages);
    repair.add(AiMessage.from(echo(raw)));
    repair.add(
        UserMessage.from(
            prompts.render(
                "repair.txt", Map.of("error", first.getMessage(), "schema_name", schemaName))));
    try {
      return parser.apply(ask(subject, repair, schemaName, schema, 2));
    } catch (InvalidOutputException second) {
      throw failure(Reason.INVALID_OUTPUT, null, "after one repair: " + second.getMessage(), null);
    }
  }

  private String ask(
      Subject subject,
      List<ChatMessage> messages,
      String schemaName,
      JsonObjectSchema schema,
      int n) {
    ChatRequest.Builder request = ChatRequest.builder().messages(messages);
    if (settings.structuredOutput() == StructuredOutputMode.TOOL_CALL) {
      request
          .toolSpecifications(
              ToolSpecification.builder()
                  .name(schemaName)
                  .description("Entrega el resultado. Llámala siempre, una sola vez.")
                  .parameters(schema)
                  .build())
          .toolChoice(ToolChoice.REQUIRED);
    } else {
      request.responseFormat(
          ResponseFormat.builder()
              .type(ResponseFormatType.JSON)
              .jsonSchema(JsonSchema.builder().name(schemaName).rootElement(schema).build())
              .build());
    }
    long start = System.nanoTime();
    ChatResponse response;
    try {
      response = model.chat(request.build());
    } catch (RuntimeException e) {
      AgentUnavailableException failure = classify(e);
      record(subject, schemaName, n, null, start, failure.reason().apiValue());
      throw failure;
    }
    try {
      String text = output(response);
      record(subject, schemaName, n, response.tokenUsage(), start, "ok");
      return text;
    } catch (AgentUnavailableException e) {
      record(subject, schemaName, n, response.tokenUsage(), start, e.reason().apiValue());
      throw e;
    } catch (InvalidOutputException e) {
      record(
          subject, schemaName, n, response.tokenUsage(), start, Reason.INVALID_OUTPUT.apiValue());
      throw e;
    }
  }

  private String output(ChatResponse response) {
    FinishReason finish = response.finishReason();
    if (finish == FinishReason.CONTENT_FILTER) {
      throw failure(Reason.CONTENT_FILTERED, null, "finish reason content_filter", null);
    }
    AiMessage ai = response.aiMessage();
    String text = null;
    if (ai != null && ai.hasToolExecutionRequests()) {
      ToolExecutionRequest call = ai.toolExecutionRequests().getFirst();
      text = call.arguments();
    } else if (ai != null) {
      text = ai.text();
    }
    if (finish == FinishReason.LENGTH) {
      throw new InvalidOutputException(
          "la respuesta quedó cortada por largo; responde más breve (reply de una a tres frases)");
    }
    if (text == null || text.isBlank()) {
      throw new InvalidOutputException("la respuesta vino vacía");
    }
    return text;
  }

  private void record(
      Subject subject, String purpose, int attempt, TokenUsage usage, long start, String outcome) {
    try {
      listener.onCall(
          new ProviderCall(
              subject.broker(),
              subject.lead(),
              settings.provider().apiValue(),
              settings.model(),
              purpose,
              attempt,
              usage == null ? null : usage.inputTokenCount(),
              usage == null ? null : usage.outputTokenCount(),
              Duration.ofNanos(System.nanoTime() - start),
              outcome));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "provider call listener failed", e);
    }
  }

  /** Maps what LangChain4j (or our HTTP client) threw to a reason the router understands. */
  AgentUnavailableException classify(RuntimeException e) {
    Duration retryAfter = null;
    Integer status = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProviderHttpClient.ProviderHttpException p) {
        retryAfter = p.retryAfter();
      }
      if (t instanceof HttpException h && status == null) {
        status = h.statusCode();
      }
    }
    Reason reason;
    if (status != null) {
      reason =
          switch (status) {
            case 401, 403 -> Reason.AUTH;
            case 408 -> Reason.TIMEOUT;
            case 429 -> Reason.RATE_LIMITED;
            default -> status >= 500 ? Reason.SERVER_ERROR : Reason.BAD_REQUEST;
          };
    } else if (has(e, TimeoutException.class) || has(e, HttpTimeoutException.class)) {
      reason = Reason.TIMEOUT;
    } else if (has(e, RateLimitException.class)) {
      reason = Reason.RATE_LIMITED;
    } else if (has(e, AuthenticationException.class)) {
      reason = Reason.AUTH;
    } else if (has(e, ContentFilteredException.class)) {
      reason = Reason.CONTENT_FILTERED;
    } else if (has(e, InternalServerException.class)) {
      reason = Reason.SERVER_ERROR;
    } else if (has(e, UnresolvedModelServerException.class)
        || has(e, UnresolvedAddressException.class)
        || has(e, UnknownHostException.class)
        || has(e, ConnectException.class)) {
      reason = Reason.UNREACHABLE;
    } else {
      reason = Reason.PROVIDER_ERROR;
    }
    // The provider's error body may quote the request: only the status goes into the message.
    String detail = status == null ? e.getClass().getSimpleName() : "HTTP " + status;
    return failure(reason, retryAfter, detail, e);
  }

  private AgentUnavailableException failure(
      Reason reason, Duration retryAfter, String detail, Throwable cause) {
    return new AgentUnavailableException(
        reason, settings.provider().apiValue(), settings.model(), retryAfter, detail, cause);
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String echo(String raw) {
    if (raw == null || raw.isBlank()) {
      return "(respuesta vacía)";
    }
    return raw.length() > MAX_ECHOED_OUTPUT ? raw.substring(0, MAX_ECHOED_OUTPUT) + "…" : raw;
  }
}
