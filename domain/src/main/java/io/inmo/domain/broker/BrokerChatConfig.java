package io.inmo.domain.broker;

import io.inmo.domain.shared.Ids;
import io.inmo.domain.shared.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A broker's chat-channel settings: enabled providers, the default one, credentials, the burst
 * window that groups quick messages into one turn and the idle time after which a human takeover
 * ends. Immutable.
 *
 * <p>Providers are API values ({@code telegram|whatsapp|webchat}, as {@code
 * conversation.ChatProvider.apiValue()}) so that {@code broker} depends on no other domain package
 * (the conversation package depends on {@code BrokerId}).
 *
 * @param enabledProviders non-empty, sorted
 * @param defaultProvider one of {@code enabledProviders}
 * @param credentials provider credentials by key (e.g. {@code telegram.bot_token}); print masked
 * @param burstWindowSeconds 0..60
 * @param takeoverIdleMinutes > 0
 * @param version optimistic-locking version read from storage; the domain never changes it
 */
public record BrokerChatConfig(
    UUID id,
    BrokerId brokerId,
    Set<String> enabledProviders,
    String defaultProvider,
    Map<String, Secret> credentials,
    int burstWindowSeconds,
    int takeoverIdleMinutes,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** API values of the chat providers, in the order of {@code conversation.ChatProvider}. */
  public static final List<String> PROVIDERS = List.of("telegram", "whatsapp", "webchat");

  public static final String WEBCHAT = "webchat";
  public static final int DEFAULT_BURST_WINDOW_SECONDS = 2;
  public static final int MAX_BURST_WINDOW_SECONDS = 60;
  public static final int DEFAULT_TAKEOVER_IDLE_MINUTES = 60;

  public BrokerChatConfig {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(brokerId, "brokerId must not be null");
    Objects.requireNonNull(enabledProviders, "enabledProviders must not be null");
    TreeSet<String> enabled = new TreeSet<>();
    for (String p : enabledProviders) {
      enabled.add(provider(p));
    }
    if (enabled.isEmpty()) {
      throw new IllegalArgumentException("at least one chat provider must be enabled");
    }
    enabledProviders = Collections.unmodifiableSet(enabled);
    defaultProvider = provider(defaultProvider);
    if (!enabledProviders.contains(defaultProvider)) {
      throw new IllegalArgumentException(
          "default chat provider " + defaultProvider + " is not enabled: " + enabledProviders);
    }
    credentials = Credentials.copyOf(credentials);
    if (burstWindowSeconds < 0 || burstWindowSeconds > MAX_BURST_WINDOW_SECONDS) {
      throw new IllegalArgumentException("burstWindowSeconds must be 0..60: " + burstWindowSeconds);
    }
    if (takeoverIdleMinutes <= 0) {
      throw new IllegalArgumentException("takeoverIdleMinutes must be > 0: " + takeoverIdleMinutes);
    }
    Objects.requireNonNull(createdAt, "createdAt must not be null");
    Objects.requireNonNull(updatedAt, "updatedAt must not be null");
  }

  /**
   * Web chat only (works without credentials), 2 s burst window, takeover released after 60 min.
   */
  public static BrokerChatConfig defaults(BrokerId brokerId, Instant now) {
    return new BrokerChatConfig(
        Ids.newUuid(),
        brokerId,
        Set.of(WEBCHAT),
        WEBCHAT,
        Map.of(),
        DEFAULT_BURST_WINDOW_SECONDS,
        DEFAULT_TAKEOVER_IDLE_MINUTES,
        now,
        now,
        0L);
  }

  /** Whether a provider (API value, any case) is enabled. */
  public boolean isEnabled(String providerApiValue) {
    return providerApiValue != null
        && enabledProviders.contains(providerApiValue.strip().toLowerCase(Locale.ROOT));
  }

  public Duration burstWindow() {
    return Duration.ofSeconds(burstWindowSeconds);
  }

  public Duration takeoverIdle() {
    return Duration.ofMinutes(takeoverIdleMinutes);
  }

  public BrokerChatConfig withProviders(
      Set<String> newEnabled, String newDefault, Map<String, Secret> newCredentials, Instant now) {
    return new BrokerChatConfig(
        id,
        brokerId,
        newEnabled,
        newDefault,
        newCredentials,
        burstWindowSeconds,
        takeoverIdleMinutes,
        createdAt,
        Objects.requireNonNull(now, "now"),
        version);
  }

  public BrokerChatConfig withTiming(
      int newBurstWindowSeconds, int newTakeoverIdleMinutes, Instant now) {
    return new BrokerChatConfig(
        id,
        brokerId,
        enabledProviders,
        defaultProvider,
        credentials,
        newBurstWindowSeconds,
        newTakeoverIdleMinutes,
        createdAt,
        Objects.requireNonNull(now, "now"),
        version);
  }

  private static String provider(String value) {
    Objects.requireNonNull(value, "chat provider must not be null");
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!PROVIDERS.contains(v)) {
      throw new IllegalArgumentException(
          "chat provider must be one of " + PROVIDERS + ": " + value);
    }
    return v;
  }
}
