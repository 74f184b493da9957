package io.inmo.domain.broker;

import io.inmo.domain.shared.Ids;
import io.inmo.domain.shared.Secret;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A broker's voice-call settings: provider ({@code vapi} or {@code bland}, null = not configured),
 * credentials, caller number, default assistant, calling hours and concurrency. Immutable.
 *
 * <p>The provider is its API value rather than {@code call.VoiceProvider} so that {@code broker}
 * depends on no other domain package (the call package depends on {@code BrokerId}).
 *
 * @param provider {@code vapi}, {@code bland} or null when voice is not configured
 * @param credentials provider credentials by key (e.g. {@code api_key}); values print masked
 * @param phoneNumberId nullable provider id of the outbound number
 * @param assistantIdDefault nullable provider id of the default assistant
 * @param callingHoursStart inclusive, broker-local; before {@code callingHoursEnd}
 * @param callingHoursEnd exclusive, broker-local
 * @param maxConcurrentCalls > 0
 * @param version optimistic-locking version read from storage; the domain never changes it
 */
public record BrokerVoiceConfig(
    UUID id,
    BrokerId brokerId,
    String provider,
    Map<String, Secret> credentials,
    String phoneNumberId,
    String assistantIdDefault,
    LocalTime callingHoursStart,
    LocalTime callingHoursEnd,
    int maxConcurrentCalls,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The API values of the supported voice providers. */
  public static final Set<String> PROVIDERS = Set.of("vapi", "bland");

  public static final LocalTime DEFAULT_CALLING_HOURS_START = LocalTime.of(9, 0);
  public static final LocalTime DEFAULT_CALLING_HOURS_END = LocalTime.of(20, 0);
  public static final int DEFAULT_MAX_CONCURRENT_CALLS = 2;
  private static final int MAX_ID_LENGTH = 255;

  public BrokerVoiceConfig {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(brokerId, "brokerId must not be null");
    if (provider != null) {
      provider = provider.strip().toLowerCase(Locale.ROOT);
      if (provider.isEmpty()) {
        provider = null;
      } else if (!PROVIDERS.contains(provider)) {
        throw new IllegalArgumentException("voice provider must be vapi or bland: " + provider);
      }
    }
    credentials = Credentials.copyOf(credentials);
    phoneNumberId = optionalId("phoneNumberId", phoneNumberId);
    assistantIdDefault = optionalId("assistantIdDefault", assistantIdDefault);
    Objects.requireNonNull(callingHoursStart, "callingHoursStart must not be null");
    Objects.requireNonNull(callingHoursEnd, "callingHoursEnd must not be null");
    if (!callingHoursStart.isBefore(callingHoursEnd)) {
      throw new IllegalArgumentException(
          "calling hours must start before they end: " + callingHoursStart + "–" + callingHoursEnd);
    }
    if (maxConcurrentCalls <= 0) {
      throw new IllegalArgumentException("maxConcurrentCalls must be > 0: " + maxConcurrentCalls);
    }
    Objects.requireNonNull(createdAt, "createdAt must not be null");
    Objects.requireNonNull(updatedAt, "updatedAt must not be null");
  }

  /** Not configured, calling hours 09:00–20:00, two concurrent calls. */
  public static BrokerVoiceConfig defaults(BrokerId brokerId, Instant now) {
    return new BrokerVoiceConfig(
        Ids.newUuid(),
        brokerId,
        null,
        Map.of(),
        null,
        null,
        DEFAULT_CALLING_HOURS_START,
        DEFAULT_CALLING_HOURS_END,
        DEFAULT_MAX_CONCURRENT_CALLS,
        now,
        now,
        0L);
  }

  /** Whether a provider is chosen, i.e. calls can be placed. */
  public boolean isConfigured() {
    return provider != null;
  }

  /** Whether a broker-local time lies within the calling hours (start inclusive, end exclusive). */
  public boolean isWithinCallingHours(LocalTime localTime) {
    return !localTime.isBefore(callingHoursStart) && localTime.isBefore(callingHoursEnd);
  }

  /** A copy with a (possibly null) provider and its credentials and ids. */
  public BrokerVoiceConfig withProvider(
      String newProvider,
      Map<String, Secret> newCredentials,
      String newPhoneNumberId,
      String newAssistantIdDefault,
      Instant now) {
    return new BrokerVoiceConfig(
        id,
        brokerId,
        newProvider,
        newCredentials,
        newPhoneNumberId,
        newAssistantIdDefault,
        callingHoursStart,
        callingHoursEnd,
        maxConcurrentCalls,
        createdAt,
        Objects.requireNonNull(now, "now"),
        version);
  }

  public BrokerVoiceConfig withCalling(
      LocalTime newStart, LocalTime newEnd, int newMaxConcurrentCalls, Instant now) {
    return new BrokerVoiceConfig(
        id,
        brokerId,
        provider,
        credentials,
        phoneNumberId,
        assistantIdDefault,
        newStart,
        newEnd,
        newMaxConcurrentCalls,
        createdAt,
        Objects.requireNonNull(now, "now"),
        version);
  }

  private static String optionalId(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(field + " must be at most " + MAX_ID_LENGTH + " chars");
    }
    return v;
  }
}
