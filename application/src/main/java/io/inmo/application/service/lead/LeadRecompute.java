package io.inmo.application.service.lead;

import io.inmo.application.port.out.ActivityLogRepository;
import io.inmo.application.port.out.AppointmentRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.ChatMessageRepository;
import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.activity.ActivityType;
import io.inmo.domain.activity.ActorType;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.lead.PipelineAdvancementPolicy;
import io.inmo.domain.lead.QualificationPolicy;
import io.inmo.domain.lead.ScoringPolicy;
import io.inmo.domain.pipeline.StageMove;
import io.inmo.domain.scoring.Engagement;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.scoring.ScoreResult;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one place a lead's score, status, financial qualification and automatic stage are recomputed
 * (PRODUCT §5, §6) — after any change of its facts, contact data, conversation or appointments,
 * whoever made it. The domain policies decide; this writes what changed to the activity log and
 * raises the hot-lead alert. Won and lost leads keep the score they closed with.
 */
public final class LeadRecompute {
  private final BrokerConfigRepository configs;
  private final ChatMessageRepository messages;
  private final AppointmentRepository appointments;
  private final ActivityLogRepository activity;
  private final LeadAlerts alerts;

  public LeadRecompute(
      BrokerConfigRepository configs,
      ChatMessageRepository messages,
      AppointmentRepository appointments,
      ActivityLogRepository activity,
      LeadAlerts alerts) {
    this.configs = Objects.requireNonNull(configs, "configs");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.appointments = Objects.requireNonNull(appointments, "appointments");
    this.activity = Objects.requireNonNull(activity, "activity");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
  }

  /** Who caused the recompute, for the activity log. */
  public record Cause(ActorType type, UserId user) {
    public static final Cause SYSTEM = new Cause(ActorType.SYSTEM, null);
  }

  /** The broker's lead config, loaded once for many leads (an import). */
  public BrokerLeadConfig config(Lead lead) {
    return configs
        .findLeadConfig(lead.brokerId())
        .orElseThrow(() -> new IllegalStateException("broker without lead config"));
  }

  /**
   * What a recompute changed: the lead is already updated; its activity entries and alert are
   * written by {@link #record} once the lead itself is stored (they reference it).
   */
  public record Outcome(
      Lead lead,
      BrokerLeadConfig config,
      boolean changed,
      boolean rescored,
      LeadScore scoreBefore,
      LeadStatus statusBefore,
      List<ActivityEntry> entries) {
    static Outcome unchanged(Lead lead, BrokerLeadConfig config) {
      return new Outcome(lead, config, false, false, lead.score(), lead.status(), List.of());
    }
  }

  /**
   * Recomputes {@code lead} under {@code config}, changing only the lead; {@code stored} false for
   * a lead created in this unit (it has no conversation or appointments to read yet).
   */
  public Outcome apply(
      Lead lead, BrokerLeadConfig config, Cause cause, Instant now, boolean stored) {
    return apply(lead, config, cause, now, stored, true);
  }

  /**
   * As {@link #apply(Lead, BrokerLeadConfig, Cause, Instant, boolean)}; {@code advance} false
   * rescores without automatic stage moves (a lead a person just put in a stage stays there).
   */
  Outcome apply(
      Lead lead,
      BrokerLeadConfig config,
      Cause cause,
      Instant now,
      boolean stored,
      boolean advance) {
    if (lead.isDeleted() || lead.isClosed()) {
      return Outcome.unchanged(lead, config);
    }
    Engagement engagement =
        stored
            ? messages
                .engagements(lead.brokerId(), List.of(lead.id()))
                .getOrDefault(lead.id(), Engagement.NONE)
            : Engagement.NONE;
    boolean appointment =
        stored
            && !appointments
                .leadsWithActiveAppointments(lead.brokerId(), List.of(lead.id()))
                .isEmpty();
    return apply(lead, config, cause, now, engagement, appointment, advance);
  }

  /**
   * Recomputes many stored leads of one broker, reading their conversations and appointments with
   * one query each for all of them (a rescoring batch, an import chunk's merges).
   */
  List<Outcome> applyAll(List<Lead> stored, BrokerLeadConfig config, Cause cause, Instant now) {
    if (stored.isEmpty()) {
      return List.of();
    }
    BrokerId broker = stored.getFirst().brokerId();
    List<LeadId> ids = stored.stream().map(Lead::id).toList();
    Map<LeadId, Engagement> engagement = messages.engagements(broker, ids);
    Set<LeadId> appointment = appointments.leadsWithActiveAppointments(broker, ids);
    List<Outcome> outcomes = new ArrayList<>(stored.size());
    for (Lead lead : stored) {
      outcomes.add(
          apply(
              lead,
              config,
              cause,
              now,
              engagement.getOrDefault(lead.id(), Engagement.NONE),
              appointment.contains(lead.id()),
              true));
    }
    return outcomes;
  }

  /**
   * The recompute itself, with the lead's engagement and appointment state already read (a batch
   * reads them for all its leads at once).
   */
  Outcome apply(
      Lead lead,
      BrokerLeadConfig config,
      Cause cause,
      Instant now,
      Engagement engagement,
      boolean appointment,
      boolean advance) {
    if (lead.isDeleted() || lead.isClosed()) {
      return Outcome.unchanged(lead, config);
    }

    LeadScore scoreBefore = lead.score();
    LeadStatus statusBefore = lead.status();
    Qualification qualificationBefore = lead.qualification();
    ScoreResult result = ScoringPolicy.forBroker(config).score(lead, engagement, now);
    LeadStatus status = LeadStatus.forScore(result.score(), config.thresholds());
    Qualification qualification = QualificationPolicy.forBroker(config).qualify(lead.facts());
    boolean figures =
        !result.score().equals(scoreBefore)
            || status != statusBefore
            || qualification != qualificationBefore;
    boolean rescored = figures || !result.components().equals(lead.scoreComponents());
    List<ActivityEntry> entries = new ArrayList<>();
    if (rescored) {
      lead.applyScore(result.score(), result.components(), status, qualification, now);
    }
    if (figures) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("from", scoreBefore.value());
      details.put("to", result.score().value());
      details.put("statusFrom", statusBefore.apiValue());
      details.put("statusTo", status.apiValue());
      details.put("qualification", qualification == null ? null : qualification.name());
      entries.add(entry(lead, ActivityType.SCORE_CHANGED, details, cause, now));
    }
    List<StageMove> moves =
        advance
            ? PipelineAdvancementPolicy.forBroker(config).advance(lead, appointment, now)
            : List.of();
    for (StageMove move : moves) {
      entries.add(
          entry(
              lead,
              move.closes() ? ActivityType.LEAD_CLOSED : ActivityType.STAGE_CHANGED,
              details(move),
              cause,
              now));
    }
    return new Outcome(
        lead,
        config,
        rescored || !moves.isEmpty(),
        rescored,
        scoreBefore,
        statusBefore,
        List.copyOf(entries));
  }

  /**
   * Writes the outcomes' activity entries and, if {@code alert}, raises their alerts; the leads are
   * stored. An import does not alert (its ADMIN sees the result; thousands of hot leads in a file
   * would bury the inbox).
   */
  void record(List<Outcome> outcomes, Instant now, boolean alert) {
    List<ActivityEntry> entries = new ArrayList<>();
    outcomes.forEach(outcome -> entries.addAll(outcome.entries()));
    activity.appendAll(entries);
    if (!alert) {
      return;
    }
    for (Outcome outcome : outcomes) {
      if (outcome.rescored()) {
        alerts.afterScoring(
            outcome.lead(), outcome.scoreBefore(), outcome.statusBefore(), outcome.config(), now);
      }
    }
  }

  public void record(Outcome outcome, Instant now) {
    record(List.of(outcome), now, true);
  }

  /** What the activity log keeps of a stage move, automatic or manual. */
  static Map<String, Object> details(StageMove move) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", move.from().apiValue());
    details.put("to", move.to().apiValue());
    details.put("rule", move.rule().apiValue());
    details.put("reason", move.reason());
    return details;
  }

  private static ActivityEntry entry(
      Lead lead, ActivityType type, Map<String, Object> details, Cause cause, Instant now) {
    return ActivityEntry.record(
        lead.brokerId(), lead.id(), type, details, cause.type(), cause.user(), now);
  }
}
