package io.inmo.domain.lead;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.user.UserId;
import java.time.Instant;

/**
 * Something that happened to a lead, recorded by {@link Lead} and taken once via {@code
 * pullEvents()}.
 */
public sealed interface LeadEvent {
  LeadId leadId();

  BrokerId brokerId();

  Instant at();

  /** A new lead was captured. */
  record LeadCaptured(LeadId leadId, BrokerId brokerId, Instant at) implements LeadEvent {}

  /** The lead moved between stages, including closing (status follows) and reopening. */
  record LeadStageChanged(
      LeadId leadId, BrokerId brokerId, PipelineStage from, PipelineStage to, Instant at)
      implements LeadEvent {}

  /** A new score changed the lead's score or status ({@code applyScore}, {@code optOut}). */
  record LeadScored(
      LeadId leadId,
      BrokerId brokerId,
      LeadScore previousScore,
      LeadScore score,
      LeadStatus previousStatus,
      LeadStatus status,
      Instant at)
      implements LeadEvent {}

  /** The lead was assigned to an agent, reassigned, or unassigned ({@code assignee} null). */
  record LeadAssigned(
      LeadId leadId, BrokerId brokerId, UserId previousAssignee, UserId assignee, Instant at)
      implements LeadEvent {}

  /** The lead withdrew consent to be contacted. */
  record LeadOptedOut(LeadId leadId, BrokerId brokerId, Instant at) implements LeadEvent {}
}
