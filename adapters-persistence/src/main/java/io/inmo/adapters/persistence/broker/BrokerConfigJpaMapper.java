package io.inmo.adapters.persistence.broker;

import static io.inmo.adapters.persistence.broker.BrokerJpaMapper.micros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inmo.adapters.persistence.FieldCodec;
import io.inmo.adapters.persistence.JsonColumns;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerLlmConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.BrokerVoiceConfig;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.broker.RequiredProfileFields;
import io.inmo.domain.broker.ScoreThresholds;
import io.inmo.domain.shared.Secret;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Maps the four broker configs between the domain and their entities. Lead fields and providers are
 * stored by API value; credential values pass through the {@link FieldCodec}.
 */
final class BrokerConfigJpaMapper {
  static final String VOICE_CREDENTIALS = "broker_voice_configs.provider_credentials";
  static final String CHAT_CREDENTIALS = "broker_chat_configs.provider_credentials";
  static final String LLM_CREDENTIALS = "broker_llm_configs.provider_credentials";

  private BrokerConfigJpaMapper() {}

  // ---- prompt ----

  static BrokerPromptConfig toDomain(BrokerPromptConfigJpaEntity e) {
    return new BrokerPromptConfig(
        e.id,
        new BrokerId(e.brokerId),
        e.agentName,
        e.identityPrompt,
        e.businessContext,
        e.agentRules,
        e.language,
        e.enableAppointmentBooking,
        e.createdAt,
        e.updatedAt,
        e.version);
  }

  /** Copies every column except the version, which JPA manages. */
  static void copy(BrokerPromptConfig c, BrokerPromptConfigJpaEntity e) {
    e.id = c.id();
    e.brokerId = c.brokerId().value();
    e.agentName = c.agentName();
    e.identityPrompt = c.identityPrompt();
    e.businessContext = c.businessContext();
    e.agentRules = c.agentRules();
    e.language = c.language();
    e.enableAppointmentBooking = c.enableAppointmentBooking();
    e.createdAt = micros(c.createdAt());
    e.updatedAt = micros(c.updatedAt());
  }

  // ---- lead ----

  static BrokerLeadConfig toDomain(BrokerLeadConfigJpaEntity e) {
    Map<LeadField, Integer> weights = new EnumMap<>(LeadField.class);
    JsonColumns.read(e.fieldWeights)
        .properties()
        .forEach(w -> weights.put(LeadField.fromApiValue(w.getKey()), w.getValue().intValue()));
    List<LeadField> priority = new ArrayList<>();
    JsonColumns.read(e.fieldPriority)
        .forEach(f -> priority.add(LeadField.fromApiValue(f.asText())));
    List<Set<LeadField>> groups = new ArrayList<>();
    for (JsonNode group : JsonColumns.read(e.requiredProfileFields)) {
      Set<LeadField> fields = EnumSet.noneOf(LeadField.class);
      group.forEach(f -> fields.add(LeadField.fromApiValue(f.asText())));
      groups.add(fields);
    }
    return new BrokerLeadConfig(
        e.id,
        new BrokerId(e.brokerId),
        weights,
        new ScoreThresholds(e.coldMaxScore, e.warmMaxScore, e.hotMinScore),
        priority,
        new RequiredProfileFields(groups),
        e.qualifiedIncome,
        e.potentialIncome,
        e.acceptableDebt,
        e.autoCloseNotQualified,
        e.hotAlertScore,
        e.agentsSeeUnassigned,
        e.staleAfterDays,
        e.createdAt,
        e.updatedAt,
        e.version);
  }

  /** Copies every column except the version, which JPA manages. */
  static void copy(BrokerLeadConfig c, BrokerLeadConfigJpaEntity e) {
    e.id = c.id();
    e.brokerId = c.brokerId().value();
    ObjectNode weights = JsonColumns.object();
    c.fieldWeights().forEach((field, weight) -> weights.put(field.apiValue(), weight));
    e.fieldWeights = JsonColumns.replaceIfChanged(e.fieldWeights, weights);
    e.coldMaxScore = c.thresholds().coldMax();
    e.warmMaxScore = c.thresholds().warmMax();
    e.hotMinScore = c.thresholds().hotMin();
    ArrayNode priority = JsonColumns.array();
    c.fieldPriority().forEach(f -> priority.add(f.apiValue()));
    e.fieldPriority = JsonColumns.replaceIfChanged(e.fieldPriority, priority);
    ArrayNode groups = JsonColumns.array();
    for (Set<LeadField> group : c.requiredProfileFields().groups()) {
      ArrayNode g = groups.addArray();
      // enum order, so that the same group always serialises the same way
      EnumSet.copyOf(group).forEach(f -> g.add(f.apiValue()));
    }
    e.requiredProfileFields = JsonColumns.replaceIfChanged(e.requiredProfileFields, groups);
    e.qualifiedIncome = c.qualifiedIncome();
    e.potentialIncome = c.potentialIncome();
    e.acceptableDebt = c.acceptableDebt();
    e.autoCloseNotQualified = c.autoCloseNotQualified();
    e.hotAlertScore = c.hotAlertScore();
    e.agentsSeeUnassigned = c.agentsSeeUnassigned();
    e.staleAfterDays = c.staleAfterDays();
    e.createdAt = micros(c.createdAt());
    e.updatedAt = micros(c.updatedAt());
  }

  // ---- voice ----

  static BrokerVoiceConfig toDomain(BrokerVoiceConfigJpaEntity e, FieldCodec codec) {
    return new BrokerVoiceConfig(
        e.id,
        new BrokerId(e.brokerId),
        e.provider,
        credentials(e.providerCredentials, codec, VOICE_CREDENTIALS, e.brokerId),
        e.phoneNumberId,
        e.assistantIdDefault,
        e.callingHoursStart,
        e.callingHoursEnd,
        e.maxConcurrentCalls,
        e.createdAt,
        e.updatedAt,
        e.version);
  }

  /** Copies every column except the version, which JPA manages. */
  static void copy(BrokerVoiceConfig c, BrokerVoiceConfigJpaEntity e, FieldCodec codec) {
    e.id = c.id();
    e.brokerId = c.brokerId().value();
    e.provider = c.provider();
    e.providerCredentials =
        credentialsColumn(
            e.providerCredentials, c.credentials(), codec, VOICE_CREDENTIALS, e.brokerId);
    e.phoneNumberId = c.phoneNumberId();
    e.assistantIdDefault = c.assistantIdDefault();
    e.callingHoursStart = c.callingHoursStart();
    e.callingHoursEnd = c.callingHoursEnd();
    e.maxConcurrentCalls = c.maxConcurrentCalls();
    e.createdAt = micros(c.createdAt());
    e.updatedAt = micros(c.updatedAt());
  }

  // ---- llm ----

  static BrokerLlmConfig toDomain(BrokerLlmConfigJpaEntity e, FieldCodec codec) {
    List<String> fallbacks = new ArrayList<>();
    JsonColumns.read(e.fallbacks).forEach(f -> fallbacks.add(f.asText()));
    return new BrokerLlmConfig(
        e.id,
        new BrokerId(e.brokerId),
        e.provider,
        e.model,
        e.baseUrl,
        fallbacks,
        credentials(e.providerCredentials, codec, LLM_CREDENTIALS, e.brokerId),
        e.monthlyBudgetUsd,
        e.createdAt,
        e.updatedAt,
        e.version);
  }

  /** Copies every column except the version, which JPA manages. */
  static void copy(BrokerLlmConfig c, BrokerLlmConfigJpaEntity e, FieldCodec codec) {
    e.id = c.id();
    e.brokerId = c.brokerId().value();
    e.provider = c.provider();
    e.model = c.model();
    e.baseUrl = c.baseUrl();
    ArrayNode fallbacks = JsonColumns.array();
    c.fallbacks().forEach(fallbacks::add);
    e.fallbacks = JsonColumns.replaceIfChanged(e.fallbacks, fallbacks);
    e.providerCredentials =
        credentialsColumn(
            e.providerCredentials, c.credentials(), codec, LLM_CREDENTIALS, e.brokerId);
    e.monthlyBudgetUsd = c.monthlyBudgetUsd();
    e.createdAt = micros(c.createdAt());
    e.updatedAt = micros(c.updatedAt());
  }

  // ---- chat ----

  static BrokerChatConfig toDomain(BrokerChatConfigJpaEntity e, FieldCodec codec) {
    Set<String> enabled = new LinkedHashSet<>();
    JsonColumns.read(e.enabledProviders).forEach(p -> enabled.add(p.asText()));
    return new BrokerChatConfig(
        e.id,
        new BrokerId(e.brokerId),
        enabled,
        e.defaultProvider,
        credentials(e.providerCredentials, codec, CHAT_CREDENTIALS, e.brokerId),
        e.burstWindowSeconds,
        e.takeoverIdleMinutes,
        e.createdAt,
        e.updatedAt,
        e.version);
  }

  /** Copies every column except the version, which JPA manages. */
  static void copy(BrokerChatConfig c, BrokerChatConfigJpaEntity e, FieldCodec codec) {
    e.id = c.id();
    e.brokerId = c.brokerId().value();
    ArrayNode enabled = JsonColumns.array();
    c.enabledProviders().forEach(enabled::add);
    e.enabledProviders = JsonColumns.replaceIfChanged(e.enabledProviders, enabled);
    e.defaultProvider = c.defaultProvider();
    e.providerCredentials =
        credentialsColumn(
            e.providerCredentials, c.credentials(), codec, CHAT_CREDENTIALS, e.brokerId);
    e.burstWindowSeconds = c.burstWindowSeconds();
    e.takeoverIdleMinutes = c.takeoverIdleMinutes();
    e.createdAt = micros(c.createdAt());
    e.updatedAt = micros(c.updatedAt());
  }

  // ---- credentials ----

  /** The codec context of one credential: column, broker and key, so values cannot be moved. */
  static String context(String column, UUID brokerId, String key) {
    return column + ":" + brokerId + ":" + key;
  }

  private static Map<String, Secret> credentials(
      String column, FieldCodec codec, String columnName, UUID brokerId) {
    Map<String, Secret> credentials = new TreeMap<>();
    if (column == null) {
      return credentials;
    }
    JsonColumns.read(column)
        .properties()
        .forEach(
            entry ->
                credentials.put(
                    entry.getKey(),
                    Secret.of(
                        codec.decode(
                            entry.getValue().asText(),
                            context(columnName, brokerId, entry.getKey())))));
    return credentials;
  }

  /**
   * The column for {@code credentials}: null when there are none, the current value when it decodes
   * to the same credentials (an encrypting codec never yields the same text twice), else a freshly
   * encoded object.
   */
  private static String credentialsColumn(
      String current,
      Map<String, Secret> credentials,
      FieldCodec codec,
      String columnName,
      UUID brokerId) {
    if (credentials.isEmpty()) {
      return null;
    }
    if (current != null && credentials(current, codec, columnName, brokerId).equals(credentials)) {
      return current;
    }
    ObjectNode node = JsonColumns.object();
    credentials.forEach(
        (key, secret) ->
            node.put(key, codec.encode(secret.reveal(), context(columnName, brokerId, key))));
    return JsonColumns.write(node);
  }
}
