package io.inmo.adapters.rest.broker;

import io.inmo.application.port.in.broker.TestChatConnectionUseCase.ChatConnectionReport;
import io.inmo.application.port.out.ChatConnectionCheckPort.Account;
import io.inmo.application.port.out.ChatConnectionCheckPort.Webhook;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerLlmConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.BrokerVoiceConfig;
import io.inmo.domain.broker.BusinessHours;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.Secret;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** JSON shapes of brokers and their configs (§15); credentials only ever leave masked. */
public final class BrokerViews {
  private BrokerViews() {}

  public record RangeView(String start, String end) {}

  public record BrokerResponse(
      String id,
      String slug,
      String name,
      String phone,
      String email,
      String timezone,
      Map<String, List<RangeView>> businessHours,
      boolean active,
      Instant createdAt,
      Instant updatedAt) {
    static BrokerResponse of(Broker b) {
      return new BrokerResponse(
          b.id().value().toString(),
          b.slug().value(),
          b.name(),
          b.phone() == null ? null : b.phone().value(),
          b.email() == null ? null : b.email().value(),
          b.timezone().getId(),
          hours(b.businessHours()),
          b.isActive(),
          b.createdAt(),
          b.updatedAt());
    }
  }

  public record BrokerPageResponse(List<BrokerResponse> items, long total, int offset, int limit) {}

  public record PromptConfigResponse(
      String agentName,
      String identityPrompt,
      String businessContext,
      String agentRules,
      String language,
      boolean enableAppointmentBooking,
      Instant updatedAt) {
    static PromptConfigResponse of(BrokerPromptConfig c) {
      return new PromptConfigResponse(
          c.agentName(),
          c.identityPrompt(),
          c.businessContext(),
          c.agentRules(),
          c.language(),
          c.enableAppointmentBooking(),
          c.updatedAt());
    }
  }

  public record LeadConfigResponse(
      Map<String, Integer> fieldWeights,
      int coldMaxScore,
      int warmMaxScore,
      int hotMinScore,
      List<String> fieldPriority,
      List<List<String>> requiredProfileFields,
      long qualifiedIncome,
      long potentialIncome,
      long acceptableDebt,
      boolean autoCloseNotQualified,
      Integer hotAlertScore,
      boolean agentsSeeUnassigned,
      int staleAfterDays,
      Instant updatedAt) {
    static LeadConfigResponse of(BrokerLeadConfig c) {
      Map<String, Integer> weights = new LinkedHashMap<>();
      c.fieldWeights().forEach((f, w) -> weights.put(f.apiValue(), w));
      List<List<String>> groups = new ArrayList<>();
      for (Set<LeadField> group : c.requiredProfileFields().groups()) {
        groups.add(group.stream().sorted().map(LeadField::apiValue).toList());
      }
      return new LeadConfigResponse(
          weights,
          c.thresholds().coldMax(),
          c.thresholds().warmMax(),
          c.thresholds().hotMin(),
          c.fieldPriority().stream().map(LeadField::apiValue).toList(),
          groups,
          c.qualifiedIncome(),
          c.potentialIncome(),
          c.acceptableDebt(),
          c.autoCloseNotQualified(),
          c.hotAlertScore(),
          c.agentsSeeUnassigned(),
          c.staleAfterDays(),
          c.updatedAt());
    }
  }

  public record TelegramView(String botToken, String webhookSecret) {}

  public record WhatsappView(
      String phoneNumberId, String accessToken, String appSecret, String verifyToken) {}

  public record ChatConfigResponse(
      List<String> enabledProviders,
      String defaultProvider,
      TelegramView telegram,
      WhatsappView whatsapp,
      int burstWindowSeconds,
      int takeoverIdleMinutes,
      Map<String, String> webhooks,
      Instant updatedAt) {
    /**
     * @param webhooks the addresses to register at each provider, by provider ({@code telegram},
     *     {@code whatsapp})
     */
    static ChatConfigResponse of(BrokerChatConfig c, Map<ChatProvider, URI> webhooks) {
      Map<String, Secret> k = c.credentials();
      Secret phoneNumberId = k.get("whatsapp.phone_number_id");
      return new ChatConfigResponse(
          List.copyOf(c.enabledProviders()),
          c.defaultProvider(),
          new TelegramView(
              masked(k.get("telegram.bot_token")), masked(k.get("telegram.webhook_secret"))),
          new WhatsappView(
              // an identifier, not a secret: shown as stored
              phoneNumberId == null ? null : phoneNumberId.reveal(),
              masked(k.get("whatsapp.access_token")),
              masked(k.get("whatsapp.app_secret")),
              masked(k.get("whatsapp.verify_token"))),
          c.burstWindowSeconds(),
          c.takeoverIdleMinutes(),
          byProvider(webhooks),
          c.updatedAt());
    }
  }

  /**
   * A connection test's answer. {@code problem} is absent when {@code ok}; {@code details} holds
   * what the provider told (absent fields: it did not tell, or could not be asked).
   */
  public record ChatConnectionTestResponse(
      String provider,
      boolean ok,
      Instant checkedAt,
      ConnectionDetails details,
      ProblemView problem) {
    static ChatConnectionTestResponse of(ChatConnectionReport r) {
      Account account = r.account();
      Webhook webhook = r.webhook();
      boolean telegram = r.provider() == ChatProvider.TELEGRAM;
      return new ChatConnectionTestResponse(
          r.provider().apiValue(),
          r.ok(),
          r.checkedAt(),
          new ConnectionDetails(
              r.enabled(),
              r.webhookUrl().toString(),
              webhook == null ? null : webhook.matches(),
              webhook == null ? null : webhook.url(),
              webhook == null ? null : webhook.pendingUpdateCount(),
              webhook == null ? null : webhook.lastErrorAt(),
              webhook == null ? null : webhook.lastErrorMessage(),
              account != null && telegram ? account.id() : null,
              account == null ? null : account.username(),
              account == null ? null : account.displayName(),
              account != null && !telegram ? account.id() : null,
              account == null ? null : account.displayPhoneNumber(),
              account == null ? null : account.verifiedName(),
              account == null ? null : account.qualityRating(),
              r.lastMessageReceivedAt()),
          r.problem() == null ? null : new ProblemView(r.problem().code(), r.problem().message()));
    }
  }

  /**
   * What a connection test found.
   *
   * @param enabled whether the channel is switched on in the chat config
   * @param webhookUrl the address to register at the provider
   * @param webhookMatches whether the provider delivers to {@code webhookUrl}; absent when the
   *     provider does not tell (WhatsApp)
   * @param currentWebhookUrl where the provider delivers now ("" when nowhere)
   * @param lastMessageReceivedAt when a lead last wrote on this channel
   */
  public record ConnectionDetails(
      boolean enabled,
      String webhookUrl,
      Boolean webhookMatches,
      String currentWebhookUrl,
      Integer pendingUpdateCount,
      Instant lastErrorAt,
      String lastErrorMessage,
      String botId,
      String botUsername,
      String botName,
      String phoneNumberId,
      String displayPhoneNumber,
      String verifiedName,
      String qualityRating,
      Instant lastMessageReceivedAt) {}

  /** What to fix: a stable code and a message in Spanish. */
  public record ProblemView(String code, String message) {}

  private static Map<String, String> byProvider(Map<ChatProvider, URI> urls) {
    Map<String, String> out = new LinkedHashMap<>();
    urls.forEach((provider, url) -> out.put(provider.apiValue(), url.toString()));
    return out;
  }

  public record VoiceConfigResponse(
      String provider,
      Map<String, String> providerCredentials,
      String phoneNumberId,
      String assistantIdDefault,
      String callingHoursStart,
      String callingHoursEnd,
      int maxConcurrentCalls,
      boolean configured,
      Instant updatedAt) {
    static VoiceConfigResponse of(BrokerVoiceConfig c) {
      Map<String, String> credentials = new LinkedHashMap<>();
      c.credentials().forEach((key, secret) -> credentials.put(key, secret.masked()));
      return new VoiceConfigResponse(
          c.provider(),
          credentials,
          c.phoneNumberId(),
          c.assistantIdDefault(),
          c.callingHoursStart().toString(),
          c.callingHoursEnd().toString(),
          c.maxConcurrentCalls(),
          c.isConfigured(),
          c.updatedAt());
    }
  }

  /**
   * @param provider null when the broker uses the server's chain
   * @param apiKeys masked keys by provider
   * @param agent who answers now: {@code server}, {@code broker} or {@code offline}
   */
  public record LlmConfigResponse(
      String provider,
      String model,
      String baseUrl,
      List<String> fallbacks,
      Map<String, String> apiKeys,
      java.math.BigDecimal monthlyBudgetUsd,
      String agent,
      Instant updatedAt) {
    static LlmConfigResponse of(BrokerLlmConfig c) {
      Map<String, String> keys = new LinkedHashMap<>();
      c.credentials()
          .forEach(
              (key, secret) ->
                  keys.put(key.substring(0, key.length() - ".api_key".length()), secret.masked()));
      return new LlmConfigResponse(
          c.provider(),
          c.model(),
          c.baseUrl(),
          c.fallbacks(),
          keys,
          c.monthlyBudgetUsd(),
          c.usesServerChain() ? "server" : c.offlineOnly() ? "offline" : "broker",
          c.updatedAt());
    }
  }

  static Map<String, List<RangeView>> hours(BusinessHours hours) {
    Map<String, List<RangeView>> days = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      days.put(
          day.name().toLowerCase(Locale.ROOT),
          hours.on(day).stream()
              .map(r -> new RangeView(r.start().toString(), r.end().toString()))
              .toList());
    }
    return days;
  }

  private static String masked(Secret secret) {
    return secret == null ? null : secret.masked();
  }
}
