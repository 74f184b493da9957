package io.inmo.domain.campaign;

import java.util.Map;
import java.util.Objects;

/**
 * One step of a campaign: what to do ({@code action}), with which template, after how many hours
 * since the previous step, plus action-specific {@code config} (e.g. {@code stage} for {@code
 * UPDATE_STAGE}).
 *
 * <p>{@code templateId} is required for {@code SEND_MESSAGE} and optional otherwise.
 */
public record CampaignStep(
    CampaignStepId id,
    int stepNumber,
    StepAction action,
    MessageTemplateId templateId,
    int delayHours,
    Map<String, String> config) {
  /** The longest delay between two steps: one year. */
  public static final int MAX_DELAY_HOURS = 8760;

  /** Config key naming the target pipeline stage (API value) of an {@code UPDATE_STAGE} step. */
  public static final String STAGE_CONFIG_KEY = "stage";

  public CampaignStep {
    Objects.requireNonNull(id, "step id must not be null");
    Objects.requireNonNull(action, "step action must not be null");
    if (stepNumber < 1) {
      throw new IllegalArgumentException("step number must be >= 1: " + stepNumber);
    }
    if (delayHours < 0 || delayHours > MAX_DELAY_HOURS) {
      throw new IllegalArgumentException(
          "delay hours must be between 0 and " + MAX_DELAY_HOURS + ": " + delayHours);
    }
    config = StringMaps.copy(config == null ? Map.of() : config, "step config");
    if (action == StepAction.SEND_MESSAGE && templateId == null) {
      throw new IllegalArgumentException("a send_message step needs a template");
    }
    if (action == StepAction.UPDATE_STAGE
        && (config.get(STAGE_CONFIG_KEY) == null || config.get(STAGE_CONFIG_KEY).isBlank())) {
      throw new IllegalArgumentException(
          "an update_stage step needs config '" + STAGE_CONFIG_KEY + "'");
    }
  }

  /** A new step with a fresh id. */
  public static CampaignStep of(
      int stepNumber,
      StepAction action,
      MessageTemplateId templateId,
      int delayHours,
      Map<String, String> config) {
    return new CampaignStep(
        CampaignStepId.newId(), stepNumber, action, templateId, delayHours, config);
  }
}
