package io.inmo.domain.campaign;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An automated sequence of steps (messages, calls, stage changes, waits) run for leads enrolled by
 * its trigger; root of the campaign aggregate, which owns its steps.
 */
public final class Campaign {
  public static final int MAX_NAME_LENGTH = 120;
  public static final int MAX_DESCRIPTION_LENGTH = 2000;

  private final CampaignId id;
  private final BrokerId brokerId;
  private String name;
  private String description;
  private CampaignChannel channel;
  private CampaignStatus status;
  private CampaignTrigger trigger;
  private Map<String, String> triggerConfig;
  private boolean exitOnReply;
  private final UserId createdBy;
  private List<CampaignStep> steps;
  private final Instant createdAt;
  private Instant updatedAt;
  private final long version;

  private Campaign(
      CampaignId id,
      BrokerId brokerId,
      String name,
      String description,
      CampaignChannel channel,
      CampaignStatus status,
      CampaignTrigger trigger,
      Map<String, String> triggerConfig,
      boolean exitOnReply,
      UserId createdBy,
      List<CampaignStep> steps,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.brokerId = Objects.requireNonNull(brokerId, "brokerId");
    this.name = Objects.requireNonNull(name, "name");
    this.description = description;
    this.channel = Objects.requireNonNull(channel, "channel");
    this.status = Objects.requireNonNull(status, "status");
    this.trigger = Objects.requireNonNull(trigger, "trigger");
    this.triggerConfig = StringMaps.copy(triggerConfig, "trigger config");
    this.exitOnReply = exitOnReply;
    this.createdBy = createdBy;
    this.steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.version = version;
  }

  /**
   * A new campaign in status {@code DRAFT}; {@code steps} may be empty until it is activated and
   * {@code createdBy} is null for system-created campaigns.
   *
   * @throws DomainException {@code campaign.invalid_step_numbering} unless steps are numbered 1..n
   *     in order, {@code campaign.invalid_trigger_config} when the trigger's config key is missing
   *     or malformed
   */
  public static Campaign draft(
      BrokerId brokerId,
      String name,
      String description,
      CampaignChannel channel,
      CampaignTrigger trigger,
      Map<String, String> triggerConfig,
      boolean exitOnReply,
      UserId createdBy,
      List<CampaignStep> steps,
      Instant now) {
    Objects.requireNonNull(now, "now");
    Map<String, String> config = StringMaps.copy(triggerConfig, "trigger config");
    checkTriggerConfig(Objects.requireNonNull(trigger, "trigger"), config);
    return new Campaign(
        CampaignId.newId(),
        brokerId,
        checkName(name),
        checkDescription(description),
        channel,
        CampaignStatus.DRAFT,
        trigger,
        config,
        exitOnReply,
        createdBy,
        checkSteps(steps),
        now,
        now,
        0L);
  }

  /** Rebuilds a stored campaign with its steps. Persistence adapters only: runs no rules. */
  public static Campaign reconstitute(
      CampaignId id,
      BrokerId brokerId,
      String name,
      String description,
      CampaignChannel channel,
      CampaignStatus status,
      CampaignTrigger trigger,
      Map<String, String> triggerConfig,
      boolean exitOnReply,
      UserId createdBy,
      List<CampaignStep> steps,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new Campaign(
        id,
        brokerId,
        name,
        description,
        channel,
        status,
        trigger,
        triggerConfig,
        exitOnReply,
        createdBy,
        steps,
        createdAt,
        updatedAt,
        version);
  }

  /**
   * Changes the campaign's definition.
   *
   * @throws DomainException {@code campaign.not_editable} unless draft or paused, {@code
   *     campaign.invalid_trigger_config} for a bad trigger config
   */
  public void edit(
      String name,
      String description,
      CampaignChannel channel,
      CampaignTrigger trigger,
      Map<String, String> triggerConfig,
      boolean exitOnReply,
      Instant now) {
    Objects.requireNonNull(now, "now");
    requireEditable();
    String n = checkName(name);
    String d = checkDescription(description);
    Map<String, String> config = StringMaps.copy(triggerConfig, "trigger config");
    checkTriggerConfig(Objects.requireNonNull(trigger, "trigger"), config);
    this.name = n;
    this.description = d;
    this.channel = Objects.requireNonNull(channel, "channel");
    this.trigger = trigger;
    this.triggerConfig = config;
    this.exitOnReply = exitOnReply;
    updatedAt = now;
  }

  /**
   * Replaces all steps.
   *
   * @throws DomainException {@code campaign.not_editable} unless draft or paused, {@code
   *     campaign.invalid_step_numbering} unless numbered 1..n in order, {@code campaign.no_steps}
   *     when emptying a paused campaign (it could not be resumed)
   */
  public void replaceSteps(List<CampaignStep> newSteps, Instant now) {
    Objects.requireNonNull(now, "now");
    requireEditable();
    List<CampaignStep> checked = checkSteps(newSteps);
    if (checked.isEmpty() && status == CampaignStatus.PAUSED) {
      throw noSteps();
    }
    steps = checked;
    updatedAt = now;
  }

  /**
   * Starts running the campaign.
   *
   * @throws DomainException {@code campaign.invalid_transition} unless draft, {@code
   *     campaign.no_steps} without steps
   */
  public void activate(Instant now) {
    if (status != CampaignStatus.DRAFT) {
      throw invalidTransition(CampaignStatus.ACTIVE, "activate");
    }
    if (steps.isEmpty()) {
      throw noSteps();
    }
    moveTo(CampaignStatus.ACTIVE, now);
  }

  /**
   * Stops running steps until resumed.
   *
   * @throws DomainException {@code campaign.invalid_transition} unless active
   */
  public void pause(Instant now) {
    moveTo(CampaignStatus.PAUSED, now);
  }

  /**
   * Runs a paused campaign again.
   *
   * @throws DomainException {@code campaign.invalid_transition} unless paused, {@code
   *     campaign.no_steps} without steps
   */
  public void resume(Instant now) {
    if (status != CampaignStatus.PAUSED) {
      throw invalidTransition(CampaignStatus.ACTIVE, "resume");
    }
    if (steps.isEmpty()) {
      throw noSteps();
    }
    moveTo(CampaignStatus.ACTIVE, now);
  }

  /**
   * Ends the campaign for good.
   *
   * @throws DomainException {@code campaign.invalid_transition} unless active or paused
   */
  public void complete(Instant now) {
    moveTo(CampaignStatus.COMPLETED, now);
  }

  /**
   * Hides the campaign from day-to-day lists.
   *
   * @throws DomainException {@code campaign.invalid_transition} unless draft, paused or completed
   */
  public void archive(Instant now) {
    moveTo(CampaignStatus.ARCHIVED, now);
  }

  /** The step with the given number, or null when there is none. */
  public CampaignStep step(int stepNumber) {
    return stepNumber >= 1 && stepNumber <= steps.size() ? steps.get(stepNumber - 1) : null;
  }

  private void moveTo(CampaignStatus next, Instant now) {
    Objects.requireNonNull(now, "now");
    if (!status.canTransitionTo(next)) {
      throw invalidTransition(next, next.apiValue());
    }
    status = next;
    updatedAt = now;
  }

  private void requireEditable() {
    if (!status.isEditable()) {
      throw new DomainException(
          "campaign.not_editable",
          "campaign " + id + " is " + status.apiValue() + "; pause it before editing");
    }
  }

  private DomainException invalidTransition(CampaignStatus target, String verb) {
    return new DomainException(
        "campaign.invalid_transition",
        "campaign "
            + id
            + " is "
            + status.apiValue()
            + " and cannot "
            + verb
            + " (target "
            + target.apiValue()
            + ")");
  }

  private DomainException noSteps() {
    return new DomainException("campaign.no_steps", "campaign " + id + " has no steps");
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("campaign name must not be blank");
    }
    String n = name.strip();
    if (n.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("campaign name longer than " + MAX_NAME_LENGTH);
    }
    return n;
  }

  private static String checkDescription(String description) {
    if (description == null || description.isBlank()) {
      return null;
    }
    String d = description.strip();
    if (d.length() > MAX_DESCRIPTION_LENGTH) {
      throw new IllegalArgumentException(
          "campaign description longer than " + MAX_DESCRIPTION_LENGTH);
    }
    return d;
  }

  private static List<CampaignStep> checkSteps(List<CampaignStep> steps) {
    Objects.requireNonNull(steps, "steps");
    Set<CampaignStepId> ids = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      CampaignStep step = Objects.requireNonNull(steps.get(i), "step");
      if (step.stepNumber() != i + 1) {
        throw new DomainException(
            "campaign.invalid_step_numbering",
            "steps must be numbered 1.."
                + steps.size()
                + " in order; position "
                + (i + 1)
                + " has number "
                + step.stepNumber());
      }
      if (!ids.add(step.id())) {
        throw new IllegalArgumentException("duplicate step id: " + step.id());
      }
    }
    return List.copyOf(steps);
  }

  private static void checkTriggerConfig(CampaignTrigger trigger, Map<String, String> config) {
    String key = trigger.requiredConfigKey();
    if (key == null) {
      return;
    }
    String value = config.get(key);
    if (value == null || value.isBlank()) {
      throw badTriggerConfig(trigger, "needs '" + key + "'");
    }
    switch (trigger) {
      case SCORE_THRESHOLD -> requireIntIn(trigger, key, value, 0, 100);
      case INACTIVITY -> requireIntIn(trigger, key, value, 1, Integer.MAX_VALUE);
      default -> {}
    }
  }

  private static void requireIntIn(
      CampaignTrigger trigger, String key, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw badTriggerConfig(trigger, "'" + key + "' must be between " + min + " and " + max);
      }
    } catch (NumberFormatException e) {
      throw badTriggerConfig(trigger, "'" + key + "' must be an integer: " + value);
    }
  }

  private static DomainException badTriggerConfig(CampaignTrigger trigger, String detail) {
    return new DomainException(
        "campaign.invalid_trigger_config", "trigger " + trigger.apiValue() + " " + detail);
  }

  public CampaignId id() {
    return id;
  }

  public BrokerId brokerId() {
    return brokerId;
  }

  public String name() {
    return name;
  }

  /** Free-text description; nullable. */
  public String description() {
    return description;
  }

  public CampaignChannel channel() {
    return channel;
  }

  public CampaignStatus status() {
    return status;
  }

  public CampaignTrigger trigger() {
    return trigger;
  }

  /** Trigger parameters (immutable), see {@link CampaignTrigger#requiredConfigKey()}. */
  public Map<String, String> triggerConfig() {
    return triggerConfig;
  }

  /** Whether a lead leaves the campaign when it replies. */
  public boolean exitOnReply() {
    return exitOnReply;
  }

  /** The user who created the campaign; nullable. */
  public UserId createdBy() {
    return createdBy;
  }

  /** The steps in order, numbered 1..n (immutable). */
  public List<CampaignStep> steps() {
    return steps;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The optimistic-locking version read from storage (0 for a new campaign). */
  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Campaign other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Campaign[" + id + ", " + name + ", " + status.apiValue() + "]";
  }
}
