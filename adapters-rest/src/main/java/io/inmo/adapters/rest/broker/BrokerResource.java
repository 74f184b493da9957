package io.inmo.adapters.rest.broker;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.adapters.rest.auth.Callers;
import io.inmo.adapters.rest.broker.BrokerViews.BrokerResponse;
import io.inmo.adapters.rest.broker.BrokerViews.ChatConfigResponse;
import io.inmo.adapters.rest.broker.BrokerViews.ChatConnectionTestResponse;
import io.inmo.adapters.rest.broker.BrokerViews.LeadConfigResponse;
import io.inmo.adapters.rest.broker.BrokerViews.LlmConfigResponse;
import io.inmo.adapters.rest.broker.BrokerViews.PromptConfigResponse;
import io.inmo.adapters.rest.broker.BrokerViews.VoiceConfigResponse;
import io.inmo.adapters.rest.problem.BadRequestException;
import io.inmo.adapters.rest.problem.Requests;
import io.inmo.application.port.in.broker.BrokerCommands.BrokerChanges;
import io.inmo.application.port.in.broker.BrokerCommands.ChatSettings;
import io.inmo.application.port.in.broker.BrokerCommands.HoursRange;
import io.inmo.application.port.in.broker.BrokerCommands.LeadSettings;
import io.inmo.application.port.in.broker.BrokerCommands.LlmSettings;
import io.inmo.application.port.in.broker.BrokerCommands.PromptSettings;
import io.inmo.application.port.in.broker.BrokerCommands.VoiceSettings;
import io.inmo.application.port.in.broker.GetBrokerConfigUseCase;
import io.inmo.application.port.in.broker.GetBrokerUseCase;
import io.inmo.application.port.in.broker.TestChatConnectionUseCase;
import io.inmo.application.port.in.broker.UpdateBrokerConfigUseCase;
import io.inmo.application.port.in.broker.UpdateBrokerUseCase;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatProvider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST adapter for a brokerage and its four configs (§15). {@code /api/v1/broker} is the caller's
 * own broker; {@code /api/v1/brokers/{id}} names one (own id for staff, any for a SUPERADMIN;
 * another tenant's id answers 404). Credentials are masked on read and write-only on PUT.
 */
@Path("/api/v1/{scope: broker|brokers/[^/]+}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "broker")
public class BrokerResource {
  private static final String MERGE_PATCH = "application/merge-patch+json";

  private final GetBrokerUseCase getBroker;
  private final UpdateBrokerUseCase updateBroker;
  private final GetBrokerConfigUseCase getConfig;
  private final UpdateBrokerConfigUseCase updateConfig;
  private final TestChatConnectionUseCase chatConnection;

  @Inject
  public BrokerResource(
      GetBrokerUseCase getBroker,
      UpdateBrokerUseCase updateBroker,
      GetBrokerConfigUseCase getConfig,
      UpdateBrokerConfigUseCase updateConfig,
      TestChatConnectionUseCase chatConnection) {
    this.getBroker = getBroker;
    this.updateBroker = updateBroker;
    this.getConfig = getConfig;
    this.updateConfig = updateConfig;
    this.chatConnection = chatConnection;
  }

  public record PromptConfigRequest(
      String agentName,
      String identityPrompt,
      String businessContext,
      String agentRules,
      String language,
      Boolean enableAppointmentBooking) {}

  public record LeadConfigRequest(
      Map<String, Integer> fieldWeights,
      Integer coldMaxScore,
      Integer warmMaxScore,
      Integer hotMinScore,
      List<String> fieldPriority,
      List<List<String>> requiredProfileFields,
      Long qualifiedIncome,
      Long potentialIncome,
      Long acceptableDebt,
      Boolean autoCloseNotQualified,
      Integer hotAlertScore,
      Boolean agentsSeeUnassigned,
      Integer staleAfterDays) {}

  /**
   * {@code telegram}: {@code botToken, webhookSecret}; {@code whatsapp}: {@code phoneNumberId,
   * accessToken, appSecret, verifyToken}. A key left out or sent back masked keeps its value; null
   * or "" clears it.
   */
  public record ChatConfigRequest(
      List<String> enabledProviders,
      String defaultProvider,
      Map<String, String> telegram,
      Map<String, String> whatsapp,
      Integer burstWindowSeconds,
      Integer takeoverIdleMinutes) {}

  /** Which channel to test: {@code telegram} or {@code whatsapp}. */
  public record ChatTestRequest(String provider) {}

  public record VoiceConfigRequest(
      String provider,
      Map<String, String> providerCredentials,
      String phoneNumberId,
      String assistantIdDefault,
      String callingHoursStart,
      String callingHoursEnd,
      Integer maxConcurrentCalls) {}

  /**
   * The broker's language-model chain and monthly budget (ADR 0018). {@code provider} null = the
   * server's chain, {@code offline} = the built-in agent only; {@code apiKeys} by provider are
   * write-only like other credentials (send back the masked value to keep one, null to clear it).
   */
  public record LlmConfigRequest(
      String provider,
      String model,
      String baseUrl,
      List<String> fallbacks,
      Map<String, String> apiKeys,
      java.math.BigDecimal monthlyBudgetUsd) {}

  private static final Map<String, String> TELEGRAM_KEYS =
      Map.of("botToken", "telegram.bot_token", "webhookSecret", "telegram.webhook_secret");
  private static final Map<String, String> WHATSAPP_KEYS =
      Map.of(
          "phoneNumberId", "whatsapp.phone_number_id",
          "accessToken", "whatsapp.access_token",
          "appSecret", "whatsapp.app_secret",
          "verifyToken", "whatsapp.verify_token");

  // ---- broker ----

  @GET
  @Operation(
      summary = "The brokerage: slug, name, contact, timezone, business hours",
      security = @SecurityRequirement(name = "bearer"))
  public BrokerResponse get(
      @Parameter(description = "broker or brokers/{id}") @PathParam("scope") String scope,
      @Context SecurityContext security) {
    return BrokerResponse.of(getBroker.get(Callers.actor(security), target(scope)));
  }

  @PATCH
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
  @Operation(
      summary =
          "Change name, phone, email, timezone (IANA) or businessHours; absent fields stay, null"
              + " phone/email clear",
      security = @SecurityRequirement(name = "bearer"))
  public BrokerResponse update(
      @PathParam("scope") String scope,
      JsonNode body,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    var actor = Callers.actor(security);
    BrokerId target = target(scope);
    JsonNode request = Requests.requireBody(body);
    if (!request.isObject()) {
      throw new BadRequestException("request.invalid", "El cuerpo debe ser un objeto JSON.");
    }
    BrokerChanges changes =
        Requests.parse(
            () ->
                new BrokerChanges(
                    text(request, "name"),
                    request.has("phone"),
                    text(request, "phone"),
                    request.has("email"),
                    text(request, "email"),
                    text(request, "timezone"),
                    businessHours(request.get("businessHours"))));
    return BrokerResponse.of(updateBroker.update(actor, target, changes, Callers.origin(headers)));
  }

  // ---- configs ----

  @GET
  @Path("config/prompt")
  @Operation(summary = "The AI agent's persona", security = @SecurityRequirement(name = "bearer"))
  public PromptConfigResponse prompt(
      @PathParam("scope") String scope, @Context SecurityContext security) {
    return PromptConfigResponse.of(getConfig.prompt(Callers.actor(security), target(scope)));
  }

  @PUT
  @Path("config/prompt")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace the prompt config",
      security = @SecurityRequirement(name = "bearer"))
  public PromptConfigResponse replacePrompt(
      @PathParam("scope") String scope,
      PromptConfigRequest body,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    var actor = Callers.actor(security);
    BrokerId target = target(scope);
    PromptConfigRequest r = Requests.requireBody(body);
    PromptSettings settings =
        Requests.parse(
            () ->
                new PromptSettings(
                    r.agentName(),
                    r.identityPrompt(),
                    r.businessContext(),
                    r.agentRules(),
                    r.language(),
                    r.enableAppointmentBooking()));
    return PromptConfigResponse.of(
        updateConfig.replacePrompt(actor, target, settings, Callers.origin(headers)));
  }

  @GET
  @Path("config/lead")
  @Operation(
      summary = "Scoring weights and thresholds, field priority, qualification limits",
      security = @SecurityRequirement(name = "bearer"))
  public LeadConfigResponse lead(
      @PathParam("scope") String scope, @Context SecurityContext security) {
    return LeadConfigResponse.of(getConfig.lead(Callers.actor(security), target(scope)));
  }

  /** The lead settings of a request body (also the proposal of a score preview). */
  public static LeadSettings settings(LeadConfigRequest r) {
    return new LeadSettings(
        r.fieldWeights(),
        r.coldMaxScore(),
        r.warmMaxScore(),
        r.hotMinScore(),
        r.fieldPriority(),
        r.requiredProfileFields(),
        r.qualifiedIncome(),
        r.potentialIncome(),
        r.acceptableDebt(),
        r.autoCloseNotQualified(),
        r.hotAlertScore(),
        r.agentsSeeUnassigned(),
        r.staleAfterDays());
  }

  @PUT
  @Path("config/lead")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the lead config", security = @SecurityRequirement(name = "bearer"))
  public LeadConfigResponse replaceLead(
      @PathParam("scope") String scope,
      LeadConfigRequest body,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    var actor = Callers.actor(security);
    BrokerId target = target(scope);
    LeadConfigRequest r = Requests.requireBody(body);
    LeadSettings settings = Requests.parse(() -> settings(r));
    return LeadConfigResponse.of(
        updateConfig.replaceLead(actor, target, settings, Callers.origin(headers)));
  }

  @GET
  @Path("config/chat")
  @Operation(
      summary =
          "Chat channels; credentials masked, webhook addresses to register at each provider"
              + " (ADMIN only)",
      security = @SecurityRequirement(name = "bearer"))
  public ChatConfigResponse chat(
      @PathParam("scope") String scope, @Context SecurityContext security) {
    var actor = Callers.actor(security);
    BrokerId target = target(scope);
    return ChatConfigResponse.of(
        getConfig.chat(actor, target), chatConnection.webhooks(actor, target));
  }

  @POST
  @Path("config/chat/test")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Test the stored Telegram or WhatsApp credentials against the provider; a provider's"
              + " refusal or timeout is ok=false with a problem, not an HTTP error (ADMIN only)",
      security = @SecurityRequirement(name = "bearer"))
  public ChatConnectionTestResponse testChat(
      @PathParam("scope") String scope,
      ChatTestRequest body,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    var actor = Callers.actor(security);
    BrokerId target = target(scope);
    ChatTestRequest request = Requests.requireBody(body);
    ChatProvider provider =
        Requests.parse(
            () -> {
              if (request.provider() == null || request.provider().isBlank()) {
                throw new IllegalArgumentException("provider es obligatorio: telegram o whatsapp");
              }
              try {
                return ChatProvider.fromApiValue(request.provider());
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("provider debe ser telegram o whatsapp");
              }
            });
    return ChatConnectionTestResponse.of(
        chatConnection.test(actor, target, provider, Callers.origin(headers)));
  }

  @PUT
  @Path("config/chat")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace the chat config; credentials are write-only",
      security = @SecurityRequirement(name = "bearer"))
  public ChatConfigResponse replaceChat(
      @PathParam("scope") String scope,
      ChatConfigRequest body,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    var actor = Callers.actor(security);
    BrokerId target = target(scope);
    ChatConfigRequest r = Requests.requireBody(body);
    ChatSettings settings =
        Requests.parse(
            () -> {
              Map<String, String> credentials = new HashMap<>();
              credentials(r.telegram(), TELEGRAM_KEYS, "telegram", credentials);
              credentials(r.whatsapp(), WHATSAPP_KEYS, "whatsapp", credentials);
              return new ChatSettings(
                  r.enabledProviders(),
                  r.defaultProvider(),
                  credentials,
                  r.burstWindowSeconds(),
                  r.takeoverIdleMinutes());
            });
    return ChatConfigResponse.of(
        updateConfig.replaceChat(actor, target, settings, Callers.origin(headers)),
        chatConnection.webhooks(actor, target));
  }

  @GET
  @Path("config/voice")
  @Operation(
      summary = "Voice provider and calling hours; credentials masked (ADMIN only)",
      security = @SecurityRequirement(name = "bearer"))
  public VoiceConfigResponse voice(
      @PathParam("scope") String scope, @Context SecurityContext security) {
    return VoiceConfigResponse.of(getConfig.voice(Callers.actor(security), target(scope)));
  }

  @PUT
  @Path("config/voice")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace the voice config; providerCredentials are write-only",
      security = @SecurityRequirement(name = "bearer"))
  public VoiceConfigResponse replaceVoice(
      @PathParam("scope") String scope,
      VoiceConfigRequest body,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    var actor = Callers.actor(security);
    BrokerId target = target(scope);
    VoiceConfigRequest r = Requests.requireBody(body);
    VoiceSettings settings =
        Requests.parse(
            () ->
                new VoiceSettings(
                    r.provider(),
                    r.providerCredentials(),
                    r.phoneNumberId(),
                    r.assistantIdDefault(),
                    r.callingHoursStart(),
                    r.callingHoursEnd(),
                    r.maxConcurrentCalls()));
    return VoiceConfigResponse.of(
        updateConfig.replaceVoice(actor, target, settings, Callers.origin(headers)));
  }

  @GET
  @Path("config/llm")
  @Operation(
      summary = "The broker's AI provider chain and monthly budget; keys masked (ADMIN only)",
      security = @SecurityRequirement(name = "bearer"))
  public LlmConfigResponse llm(
      @PathParam("scope") String scope, @Context SecurityContext security) {
    return LlmConfigResponse.of(getConfig.llm(Callers.actor(security), target(scope)));
  }

  @PUT
  @Path("config/llm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace the AI provider chain and budget; apiKeys are write-only",
      security = @SecurityRequirement(name = "bearer"))
  public LlmConfigResponse replaceLlm(
      @PathParam("scope") String scope,
      LlmConfigRequest body,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    var actor = Callers.actor(security);
    BrokerId target = target(scope);
    LlmConfigRequest r = Requests.requireBody(body);
    Map<String, String> credentials = new java.util.HashMap<>();
    if (r.apiKeys() != null) {
      r.apiKeys().forEach((provider, key) -> credentials.put(provider + ".api_key", key));
    }
    LlmSettings settings =
        Requests.parse(
            () ->
                new LlmSettings(
                    r.provider(),
                    r.model(),
                    r.baseUrl(),
                    r.fallbacks(),
                    credentials,
                    r.monthlyBudgetUsd()));
    return LlmConfigResponse.of(
        updateConfig.replaceLlm(actor, target, settings, Callers.origin(headers)));
  }

  // ---- parsing ----

  /** Null for {@code broker} (own); the id of {@code brokers/{id}}; 404 for a malformed id. */
  static BrokerId target(String scope) {
    if (scope == null || scope.equals("broker")) {
      return null;
    }
    String id = scope.substring("brokers/".length());
    try {
      return BrokerId.of(id);
    } catch (IllegalArgumentException e) {
      throw new jakarta.ws.rs.NotFoundException();
    }
  }

  private static void credentials(
      Map<String, String> wire, Map<String, String> keys, String what, Map<String, String> out) {
    if (wire == null) {
      return; // object left out: every credential of the provider stays
    }
    wire.forEach(
        (name, value) -> {
          String key = keys.get(name);
          if (key == null) {
            throw new IllegalArgumentException(
                "campo desconocido en "
                    + what
                    + ": "
                    + name
                    + " (se esperaba "
                    + keys.keySet()
                    + ")");
          }
          out.put(key, value);
        });
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " debe ser texto");
    }
    return value.asText();
  }

  /** {@code {"monday":[{"start":"09:00","end":"19:00"}], …}}; null when absent. */
  private static Map<String, List<HoursRange>> businessHours(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("businessHours debe ser un objeto por día de la semana");
    }
    Map<String, List<HoursRange>> days = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> day = fields.next();
      JsonNode ranges = day.getValue();
      List<HoursRange> parsed = new ArrayList<>();
      if (ranges != null && !ranges.isNull()) {
        if (!ranges.isArray()) {
          throw new IllegalArgumentException(
              "businessHours." + day.getKey() + " debe ser una lista de {start, end}");
        }
        for (JsonNode range : ranges) {
          if (!range.isObject()) {
            throw new IllegalArgumentException(
                "businessHours." + day.getKey() + " debe ser una lista de {start, end}");
          }
          parsed.add(new HoursRange(text(range, "start"), text(range, "end")));
        }
      }
      days.put(day.getKey(), parsed);
    }
    return days;
  }
}
