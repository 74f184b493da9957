package io.inmo.application.service.broker;

import static io.inmo.application.service.broker.Validation.valid;

import io.inmo.application.port.in.broker.BrokerCommands.ChatSettings;
import io.inmo.application.port.in.broker.BrokerCommands.LeadSettings;
import io.inmo.application.port.in.broker.BrokerCommands.LlmSettings;
import io.inmo.application.port.in.broker.BrokerCommands.PromptSettings;
import io.inmo.application.port.in.broker.BrokerCommands.VoiceSettings;
import io.inmo.application.port.in.broker.GetBrokerConfigUseCase;
import io.inmo.application.port.in.broker.UpdateBrokerConfigUseCase;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.RescoringRunRepository;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerLlmConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.BrokerVoiceConfig;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.broker.RequiredProfileFields;
import io.inmo.domain.broker.ScoreThresholds;
import io.inmo.domain.lead.RescoringRun;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Use case implementation: read and replace a broker's prompt, lead, chat and voice configs, with
 * the domain's invariants answered as 400 and provider credentials kept write-only.
 */
public final class BrokerConfigService
    implements GetBrokerConfigUseCase, UpdateBrokerConfigUseCase {
  /** Credential keys of the chat config; {@code whatsapp.phone_number_id} is not secret. */
  public static final Set<String> CHAT_CREDENTIAL_KEYS =
      Set.of(
          "telegram.bot_token",
          "telegram.webhook_secret",
          "whatsapp.phone_number_id",
          "whatsapp.access_token",
          "whatsapp.app_secret",
          "whatsapp.verify_token");

  /** What each enabled chat provider cannot work without. */
  static final Map<String, List<String>> REQUIRED_CHAT_CREDENTIALS =
      Map.of(
          "telegram", List.of("telegram.bot_token"),
          "whatsapp", List.of("whatsapp.phone_number_id", "whatsapp.access_token"));

  private final BrokerConfigRepository configs;
  private final RescoringRunRepository rescorings;
  private final AuditLogRepository audit;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final boolean brokerEndpointsAllowed;

  public BrokerConfigService(
      BrokerConfigRepository configs,
      RescoringRunRepository rescorings,
      AuditLogRepository audit,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this(configs, rescorings, audit, unitOfWork, clock, false);
  }

  /**
   * @param brokerEndpointsAllowed whether a broker may point its LLM chain at an endpoint of its
   *     choosing ({@code baseUrl}, {@code openai_compatible}); off by default, since the server
   *     would send requests wherever a broker admin says ({@code INMO_LLM_BROKER_ENDPOINTS})
   */
  public BrokerConfigService(
      BrokerConfigRepository configs,
      RescoringRunRepository rescorings,
      AuditLogRepository audit,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      boolean brokerEndpointsAllowed) {
    this.brokerEndpointsAllowed = brokerEndpointsAllowed;
    this.configs = Objects.requireNonNull(configs, "configs");
    this.rescorings = Objects.requireNonNull(rescorings, "rescorings");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  // ---- reads ----

  @Override
  public BrokerPromptConfig prompt(Actor actor, BrokerId target) {
    return read(actor, target, configs::findPromptConfig);
  }

  @Override
  public BrokerLeadConfig lead(Actor actor, BrokerId target) {
    return read(actor, target, configs::findLeadConfig);
  }

  @Override
  public BrokerChatConfig chat(Actor actor, BrokerId target) {
    requireCredentialReader(actor);
    return read(actor, target, configs::findChatConfig);
  }

  @Override
  public BrokerVoiceConfig voice(Actor actor, BrokerId target) {
    requireCredentialReader(actor);
    return read(actor, target, configs::findVoiceConfig);
  }

  @Override
  public BrokerLlmConfig llm(Actor actor, BrokerId target) {
    requireCredentialReader(actor);
    return read(actor, target, this::findLlmConfig);
  }

  /** The stored LLM config, or the defaults of an existing broker that never saved one. */
  private Optional<BrokerLlmConfig> findLlmConfig(BrokerId broker) {
    return configs
        .findLlmConfig(broker)
        .or(
            () ->
                configs
                    .findPromptConfig(broker)
                    .map(any -> BrokerLlmConfig.defaults(broker, clock.instant())));
  }

  // ---- writes ----

  @Override
  public BrokerPromptConfig replacePrompt(
      Actor actor, BrokerId target, PromptSettings s, Origin origin) {
    return replace(
        actor,
        target,
        "prompt",
        configs::findPromptConfig,
        current ->
            valid(
                "broker.invalid_prompt_config",
                () ->
                    current.withSettings(
                        s.agentName(),
                        s.identityPrompt(),
                        s.businessContext(),
                        s.agentRules(),
                        s.language() == null || s.language().isBlank()
                            ? BrokerPromptConfig.DEFAULT_LANGUAGE
                            : s.language(),
                        s.enableAppointmentBooking(),
                        clock.instant())),
        configs::save,
        BrokerConfigService::summary,
        BrokerPromptConfig::id,
        origin);
  }

  @Override
  public BrokerLeadConfig replaceLead(Actor actor, BrokerId target, LeadSettings s, Origin origin) {
    // parse what does not depend on the stored config first: fails fast, outside the transaction
    Function<BrokerLeadConfig, BrokerLeadConfig> apply = leadSettings(s, clock);
    AtomicReference<BrokerLeadConfig> before = new AtomicReference<>();
    return replace(
        actor,
        target,
        "lead",
        configs::findLeadConfig,
        current -> {
          before.set(current);
          return apply.apply(current);
        },
        next -> {
          configs.save(next);
          if (!scoring(before.get()).equals(scoring(next))) {
            // every lead of the broker is scored again in the background (issue 4)
            Instant now = clock.instant();
            rescorings.supersedeOpen(next.brokerId(), now);
            rescorings.save(RescoringRun.request(next.brokerId(), actor.userId(), now));
          }
        },
        BrokerConfigService::summary,
        BrokerLeadConfig::id,
        origin);
  }

  /**
   * The lead config that {@code s} makes of a stored one, validated (400 {@code broker.invalid_*});
   * the settings are parsed at once, the config built when the stored one is known. Used to save
   * and to preview.
   */
  public static Function<BrokerLeadConfig, BrokerLeadConfig> leadSettings(
      LeadSettings s, Clock clock) {
    Map<LeadField, Integer> weights = new EnumMap<>(LeadField.class);
    s.fieldWeights()
        .forEach(
            (field, weight) -> {
              LeadField f = valid("broker.invalid_lead_field", () -> LeadField.fromApiValue(field));
              if (weight == null) {
                throw new InvalidValueException(
                    "broker.invalid_field_weights", "el peso de " + field + " no puede ser nulo");
              }
              weights.put(f, weight);
            });
    ScoreThresholds thresholds =
        valid(
            "broker.invalid_thresholds",
            () ->
                new ScoreThresholds(
                    s.coldMaxScore(),
                    s.warmMaxScore(),
                    s.hotMinScore() == null ? s.warmMaxScore() + 1 : s.hotMinScore()));
    List<LeadField> priority = new ArrayList<>();
    for (String field : s.fieldPriority()) {
      priority.add(valid("broker.invalid_lead_field", () -> LeadField.fromApiValue(field)));
    }
    RequiredProfileFields required =
        s.requiredProfileFields() == null ? null : requiredFields(s.requiredProfileFields());
    Integer staleAfterDays = s.staleAfterDays();
    if (staleAfterDays != null
        && (staleAfterDays < BrokerLeadConfig.MIN_STALE_AFTER_DAYS
            || staleAfterDays > BrokerLeadConfig.MAX_STALE_AFTER_DAYS)) {
      throw new InvalidValueException(
          "broker.invalid_stale_after_days",
          "staleAfterDays debe estar entre "
              + BrokerLeadConfig.MIN_STALE_AFTER_DAYS
              + " y "
              + BrokerLeadConfig.MAX_STALE_AFTER_DAYS
              + " días");
    }
    return current ->
        valid(
            "broker.invalid_lead_config",
            () ->
                new BrokerLeadConfig(
                    current.id(),
                    current.brokerId(),
                    weights,
                    thresholds,
                    priority,
                    required == null ? current.requiredProfileFields() : required,
                    s.qualifiedIncome(),
                    s.potentialIncome(),
                    s.acceptableDebt(),
                    s.autoCloseNotQualified(),
                    s.hotAlertScore(),
                    s.agentsSeeUnassigned(),
                    staleAfterDays == null ? current.staleAfterDays() : staleAfterDays,
                    current.createdAt(),
                    clock.instant(),
                    current.version()));
  }

  /** The settings a lead's score, status, qualification or automatic stage depend on. */
  private static List<Object> scoring(BrokerLeadConfig c) {
    return List.of(
        c.fieldWeights(),
        c.thresholds(),
        c.requiredProfileFields(),
        c.qualifiedIncome(),
        c.potentialIncome(),
        c.acceptableDebt(),
        c.autoCloseNotQualified());
  }

  @Override
  public BrokerChatConfig replaceChat(Actor actor, BrokerId target, ChatSettings s, Origin origin) {
    for (String key : s.credentials().keySet()) {
      if (!CHAT_CREDENTIAL_KEYS.contains(key)) {
        throw new InvalidValueException(
            "broker.invalid_chat_config", "credencial de chat desconocida: " + key);
      }
    }
    return replace(
        actor,
        target,
        "chat",
        configs::findChatConfig,
        current -> {
          Map<String, Secret> credentials =
              CredentialChanges.apply(current.credentials(), s.credentials());
          BrokerChatConfig next =
              valid(
                  "broker.invalid_chat_config",
                  () ->
                      new BrokerChatConfig(
                          current.id(),
                          current.brokerId(),
                          Set.copyOf(s.enabledProviders()),
                          s.defaultProvider(),
                          credentials,
                          s.burstWindowSeconds(),
                          s.takeoverIdleMinutes(),
                          current.createdAt(),
                          clock.instant(),
                          current.version()));
          for (String provider : next.enabledProviders()) {
            for (String key : REQUIRED_CHAT_CREDENTIALS.getOrDefault(provider, List.of())) {
              if (!credentials.containsKey(key)) {
                throw new InvalidValueException(
                    "broker.chat_credentials_missing",
                    "para habilitar " + provider + " falta la credencial " + key);
              }
            }
          }
          return next;
        },
        configs::save,
        BrokerConfigService::summary,
        BrokerChatConfig::id,
        origin);
  }

  @Override
  public BrokerVoiceConfig replaceVoice(
      Actor actor, BrokerId target, VoiceSettings s, Origin origin) {
    LocalTime start =
        Validation.time("broker.invalid_voice_config", "callingHoursStart", s.callingHoursStart());
    LocalTime end =
        Validation.time("broker.invalid_voice_config", "callingHoursEnd", s.callingHoursEnd());
    return replace(
        actor,
        target,
        "voice",
        configs::findVoiceConfig,
        current ->
            valid(
                "broker.invalid_voice_config",
                () ->
                    new BrokerVoiceConfig(
                        current.id(),
                        current.brokerId(),
                        s.provider(),
                        CredentialChanges.apply(current.credentials(), s.credentials()),
                        s.phoneNumberId(),
                        s.assistantIdDefault(),
                        start,
                        end,
                        s.maxConcurrentCalls(),
                        current.createdAt(),
                        clock.instant(),
                        current.version())),
        configs::save,
        BrokerConfigService::summary,
        BrokerVoiceConfig::id,
        origin);
  }

  @Override
  public BrokerLlmConfig replaceLlm(Actor actor, BrokerId target, LlmSettings s, Origin origin) {
    boolean ownEndpoint =
        (s.baseUrl() != null && !s.baseUrl().isBlank())
            || "openai_compatible".equalsIgnoreCase(String.valueOf(s.provider()).strip());
    if (ownEndpoint && !brokerEndpointsAllowed) {
      throw new InvalidValueException(
          "broker.llm_endpoint_not_allowed",
          "Esta instalación no permite que una corredora elija la dirección de su proveedor de IA"
              + " (baseUrl, openai_compatible); pide al administrador de la plataforma que active"
              + " INMO_LLM_BROKER_ENDPOINTS.");
    }
    return replace(
        actor,
        target,
        "llm",
        this::findLlmConfig,
        current -> {
          BrokerLlmConfig next =
              valid(
                  "broker.invalid_llm_config",
                  () ->
                      current.withSettings(
                          s.provider(),
                          s.model(),
                          s.baseUrl(),
                          s.fallbacks(),
                          CredentialChanges.apply(current.credentials(), s.credentials()),
                          s.monthlyBudgetUsd(),
                          clock.instant()));
          List<String> missing = next.missingCredentials();
          if (!missing.isEmpty()) {
            throw new InvalidValueException(
                "broker.llm_credentials_missing",
                "Falta la clave de API de tu cuenta para "
                    + String.join(", ", missing)
                    + ": una corredora que elige su modelo lo usa con su propia clave.");
          }
          return next;
        },
        configs::save,
        BrokerConfigService::summary,
        BrokerLlmConfig::id,
        origin);
  }

  // ---- plumbing ----

  private <C> C read(Actor actor, BrokerId target, Function<BrokerId, Optional<C>> find) {
    BrokerId id = BrokerAccess.resolve(actor, target);
    return unitOfWork.inTransaction(() -> find.apply(id).orElseThrow(BrokerAccess::notFound));
  }

  private <C> C replace(
      Actor actor,
      BrokerId target,
      String kind,
      Function<BrokerId, Optional<C>> find,
      Function<C, C> change,
      java.util.function.Consumer<C> save,
      Function<C, Map<String, Object>> summarize,
      Function<C, java.util.UUID> idOf,
      Origin origin) {
    BrokerId id = BrokerAccess.resolve(actor, target);
    BrokerAccess.requireManager(actor);
    Origin o = origin == null ? Origin.SYSTEM : origin;
    Supplier<C> work =
        () -> {
          C current = find.apply(id).orElseThrow(BrokerAccess::notFound);
          C next = change.apply(current);
          save.accept(next);
          audit.append(
              AuditEntry.record(
                  id,
                  actor.userId(),
                  "broker_config.update",
                  "broker_" + kind + "_config",
                  idOf.apply(next).toString(),
                  summarize.apply(current),
                  summarize.apply(next),
                  o.ip(),
                  o.requestId(),
                  clock.instant()));
          return next;
        };
    return unitOfWork.inTransaction(work);
  }

  private static void requireCredentialReader(Actor actor) {
    if (!actor.isSuperadmin() && !actor.isAdmin()) {
      throw new PermissionDeniedException(
          "Solo un administrador del corredor puede ver la configuración con credenciales.");
    }
  }

  private static RequiredProfileFields requiredFields(List<List<String>> groups) {
    List<Set<LeadField>> parsed = new ArrayList<>();
    for (List<String> group : groups) {
      if (group == null) {
        throw new InvalidValueException(
            "broker.invalid_lead_config", "requiredProfileFields no admite grupos nulos");
      }
      Set<LeadField> fields = EnumSet.noneOf(LeadField.class);
      for (String f : group) {
        fields.add(valid("broker.invalid_lead_field", () -> LeadField.fromApiValue(f)));
      }
      parsed.add(fields);
    }
    return valid("broker.invalid_lead_config", () -> new RequiredProfileFields(parsed));
  }

  // ---- audit summaries: never credential values, not even masked ----

  static Map<String, Object> summary(BrokerPromptConfig c) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("agentName", c.agentName());
    s.put("language", c.language());
    s.put("enableAppointmentBooking", c.enableAppointmentBooking());
    s.put("identityPromptChars", length(c.identityPrompt()));
    s.put("businessContextChars", length(c.businessContext()));
    s.put("agentRulesChars", length(c.agentRules()));
    return s;
  }

  static Map<String, Object> summary(BrokerLeadConfig c) {
    Map<String, Object> s = new LinkedHashMap<>();
    Map<String, Object> weights = new LinkedHashMap<>();
    c.fieldWeights().forEach((f, w) -> weights.put(f.apiValue(), w));
    s.put("fieldWeights", weights);
    s.put("coldMaxScore", c.thresholds().coldMax());
    s.put("warmMaxScore", c.thresholds().warmMax());
    s.put("hotMinScore", c.thresholds().hotMin());
    s.put("fieldPriority", c.fieldPriority().stream().map(LeadField::apiValue).toList());
    s.put("qualifiedIncome", c.qualifiedIncome());
    s.put("potentialIncome", c.potentialIncome());
    s.put("acceptableDebt", c.acceptableDebt());
    s.put("autoCloseNotQualified", c.autoCloseNotQualified());
    s.put("hotAlertScore", c.hotAlertScore());
    s.put("agentsSeeUnassigned", c.agentsSeeUnassigned());
    s.put("staleAfterDays", c.staleAfterDays());
    return s;
  }

  static Map<String, Object> summary(BrokerChatConfig c) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("enabledProviders", List.copyOf(c.enabledProviders()));
    s.put("defaultProvider", c.defaultProvider());
    s.put("credentialKeys", List.copyOf(c.credentials().keySet()));
    s.put("burstWindowSeconds", c.burstWindowSeconds());
    s.put("takeoverIdleMinutes", c.takeoverIdleMinutes());
    return s;
  }

  static Map<String, Object> summary(BrokerVoiceConfig c) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("provider", c.provider());
    s.put("credentialKeys", List.copyOf(c.credentials().keySet()));
    s.put("phoneNumberId", c.phoneNumberId());
    s.put("assistantIdDefault", c.assistantIdDefault());
    s.put("callingHoursStart", c.callingHoursStart().toString());
    s.put("callingHoursEnd", c.callingHoursEnd().toString());
    s.put("maxConcurrentCalls", c.maxConcurrentCalls());
    return s;
  }

  static Map<String, Object> summary(BrokerLlmConfig c) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("provider", c.provider());
    s.put("model", c.model());
    s.put("baseUrl", c.baseUrl());
    s.put("fallbacks", c.fallbacks());
    s.put("credentialKeys", List.copyOf(c.credentials().keySet()));
    s.put("monthlyBudgetUsd", c.monthlyBudgetUsd());
    return s;
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }
}
