package io.inmo.application.port.in.broker;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Commands of the broker use cases, in wire-level values (strings for zones, times, lead fields and
 * providers): the services validate them against the domain and answer 400 ({@code
 * InvalidValueException}) with a stable code. Null checks of required values happen here, so that
 * the REST adapter turns them into 400 while parsing.
 */
public final class BrokerCommands {
  private BrokerCommands() {}

  /** One opening interval, {@code HH:mm} broker-local, start inclusive and end exclusive. */
  public record HoursRange(String start, String end) {
    public HoursRange {
      Objects.requireNonNull(start, "start es obligatorio en cada horario");
      Objects.requireNonNull(end, "end es obligatorio en cada horario");
    }
  }

  /**
   * A partial change of the broker: a null {@code name}, {@code timezone} or {@code businessHours}
   * leaves it as it is; {@code phone} and {@code email} change only when their {@code …Given} flag
   * is set, and null (or blank) then clears them. {@code businessHours} maps weekday names ({@code
   * monday}…{@code sunday}) to ranges; a weekday left out is closed.
   */
  public record BrokerChanges(
      String name,
      boolean phoneGiven,
      String phone,
      boolean emailGiven,
      String email,
      String timezone,
      Map<String, List<HoursRange>> businessHours) {
    public BrokerChanges {
      businessHours = businessHours == null ? null : copyHours(businessHours);
    }
  }

  /**
   * A new brokerage created by a SUPERADMIN; slug (optional) is derived from the name when null.
   */
  public record NewBroker(String name, String slug, String timezone, String phone, String email) {
    public NewBroker {
      Objects.requireNonNull(name, "name es obligatorio");
    }
  }

  /** The whole prompt config (PUT). */
  public record PromptSettings(
      String agentName,
      String identityPrompt,
      String businessContext,
      String agentRules,
      String language,
      Boolean enableAppointmentBooking) {
    public PromptSettings {
      Objects.requireNonNull(agentName, "agentName es obligatorio");
      Objects.requireNonNull(enableAppointmentBooking, "enableAppointmentBooking es obligatorio");
    }
  }

  /**
   * The whole lead config (PUT). Lead fields by API value ({@code monthly_income}); {@code
   * hotMinScore} may be omitted (it is always {@code warmMaxScore + 1}); a null {@code
   * requiredProfileFields} or {@code staleAfterDays} keeps the current value, a null {@code
   * language}-like optional stays null.
   */
  public record LeadSettings(
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
      Integer staleAfterDays) {
    public LeadSettings {
      Objects.requireNonNull(fieldWeights, "fieldWeights es obligatorio");
      Objects.requireNonNull(coldMaxScore, "coldMaxScore es obligatorio");
      Objects.requireNonNull(warmMaxScore, "warmMaxScore es obligatorio");
      Objects.requireNonNull(fieldPriority, "fieldPriority es obligatorio");
      Objects.requireNonNull(qualifiedIncome, "qualifiedIncome es obligatorio");
      Objects.requireNonNull(potentialIncome, "potentialIncome es obligatorio");
      fieldWeights = Collections.unmodifiableMap(new LinkedHashMap<>(fieldWeights));
      fieldPriority = Collections.unmodifiableList(new java.util.ArrayList<>(fieldPriority));
      acceptableDebt = acceptableDebt == null ? 0L : acceptableDebt;
      autoCloseNotQualified = autoCloseNotQualified != null && autoCloseNotQualified;
      agentsSeeUnassigned = agentsSeeUnassigned == null || agentsSeeUnassigned;
    }
  }

  /**
   * The whole chat config (PUT). {@code credentials} are write-only changes by key (see {@link
   * #credentialChanges}): a key left out, or sent back masked ({@code ••••1234}), keeps the stored
   * value; null or blank clears it; anything else replaces it.
   */
  public record ChatSettings(
      List<String> enabledProviders,
      String defaultProvider,
      Map<String, String> credentials,
      Integer burstWindowSeconds,
      Integer takeoverIdleMinutes) {
    public ChatSettings {
      Objects.requireNonNull(enabledProviders, "enabledProviders es obligatorio");
      Objects.requireNonNull(defaultProvider, "defaultProvider es obligatorio");
      Objects.requireNonNull(burstWindowSeconds, "burstWindowSeconds es obligatorio");
      Objects.requireNonNull(takeoverIdleMinutes, "takeoverIdleMinutes es obligatorio");
      enabledProviders = List.copyOf(enabledProviders);
      credentials = credentialChanges(credentials);
    }
  }

  /**
   * The whole voice config (PUT); {@code provider} null or blank means not configured. Credentials
   * follow the write-only rules of {@link ChatSettings}. Calling hours as {@code HH:mm}.
   */
  public record VoiceSettings(
      String provider,
      Map<String, String> credentials,
      String phoneNumberId,
      String assistantIdDefault,
      String callingHoursStart,
      String callingHoursEnd,
      Integer maxConcurrentCalls) {
    public VoiceSettings {
      Objects.requireNonNull(callingHoursStart, "callingHoursStart es obligatorio");
      Objects.requireNonNull(callingHoursEnd, "callingHoursEnd es obligatorio");
      Objects.requireNonNull(maxConcurrentCalls, "maxConcurrentCalls es obligatorio");
      credentials = credentialChanges(credentials);
    }
  }

  /**
   * The whole LLM config (PUT): {@code provider} null or blank means the server's chain, {@code
   * offline} the built-in agent only; {@code fallbacks} are {@code provider:model}; credentials
   * ({@code <provider>.api_key}) follow the write-only rules of {@link ChatSettings}; {@code
   * monthlyBudgetUsd} null means no budget.
   */
  public record LlmSettings(
      String provider,
      String model,
      String baseUrl,
      List<String> fallbacks,
      Map<String, String> credentials,
      java.math.BigDecimal monthlyBudgetUsd) {
    public LlmSettings {
      fallbacks =
          fallbacks == null
              ? List.of()
              : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(fallbacks));
      credentials = credentialChanges(credentials);
    }
  }

  /** An unmodifiable copy that keeps null values (they mean "clear"). */
  static Map<String, String> credentialChanges(Map<String, String> changes) {
    if (changes == null) {
      return Map.of();
    }
    Map<String, String> copy = new HashMap<>();
    changes.forEach(
        (key, value) -> {
          if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("el nombre de una credencial no puede estar vacío");
          }
          copy.put(key.strip(), value);
        });
    return Collections.unmodifiableMap(copy);
  }

  private static Map<String, List<HoursRange>> copyHours(Map<String, List<HoursRange>> hours) {
    Map<String, List<HoursRange>> copy = new LinkedHashMap<>();
    hours.forEach(
        (day, ranges) -> {
          Objects.requireNonNull(day, "día de businessHours vacío");
          copy.put(day, ranges == null ? List.of() : List.copyOf(ranges));
        });
    return Collections.unmodifiableMap(copy);
  }
}
