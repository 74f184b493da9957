package io.inmo.domain.broker;

import io.inmo.domain.shared.Ids;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A broker's AI-agent persona: the agent's name, identity prompt, business context and rules, reply
 * language and whether it may book appointments. Immutable; one per broker.
 *
 * @param identityPrompt nullable; blank becomes null
 * @param businessContext nullable; blank becomes null
 * @param agentRules nullable; blank becomes null
 * @param version optimistic-locking version read from storage; the domain never changes it
 */
public record BrokerPromptConfig(
    UUID id,
    BrokerId brokerId,
    String agentName,
    String identityPrompt,
    String businessContext,
    String agentRules,
    String language,
    boolean enableAppointmentBooking,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String DEFAULT_AGENT_NAME = "Sofía";
  public static final String DEFAULT_LANGUAGE = "es-CL";
  public static final int MAX_AGENT_NAME_LENGTH = 100;
  public static final int MAX_TEXT_LENGTH = 20_000;

  private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  public BrokerPromptConfig {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(brokerId, "brokerId must not be null");
    Objects.requireNonNull(agentName, "agentName must not be null");
    agentName = agentName.strip();
    if (agentName.isEmpty() || agentName.length() > MAX_AGENT_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "agentName must be 1.." + MAX_AGENT_NAME_LENGTH + " chars");
    }
    identityPrompt = optionalText("identityPrompt", identityPrompt);
    businessContext = optionalText("businessContext", businessContext);
    agentRules = optionalText("agentRules", agentRules);
    Objects.requireNonNull(language, "language must not be null");
    language = language.strip();
    if (!LANGUAGE_TAG.matcher(language).matches()) {
      throw new IllegalArgumentException("language must be a language tag like es-CL: " + language);
    }
    Objects.requireNonNull(createdAt, "createdAt must not be null");
    Objects.requireNonNull(updatedAt, "updatedAt must not be null");
  }

  /** Agent "Sofía", no custom prompts, {@code es-CL}, booking enabled. */
  public static BrokerPromptConfig defaults(BrokerId brokerId, Instant now) {
    return new BrokerPromptConfig(
        Ids.newUuid(),
        brokerId,
        DEFAULT_AGENT_NAME,
        null,
        null,
        null,
        DEFAULT_LANGUAGE,
        true,
        now,
        now,
        0L);
  }

  /** A copy with every editable setting replaced. */
  public BrokerPromptConfig withSettings(
      String agentName,
      String identityPrompt,
      String businessContext,
      String agentRules,
      String language,
      boolean enableAppointmentBooking,
      Instant now) {
    return new BrokerPromptConfig(
        id,
        brokerId,
        agentName,
        identityPrompt,
        businessContext,
        agentRules,
        language,
        enableAppointmentBooking,
        createdAt,
        Objects.requireNonNull(now, "now"),
        version);
  }

  private static String optionalText(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(field + " must be at most " + MAX_TEXT_LENGTH + " chars");
    }
    return t;
  }
}
