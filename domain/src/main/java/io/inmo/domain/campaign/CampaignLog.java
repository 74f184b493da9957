package io.inmo.domain.campaign;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.DomainException;
import java.time.Instant;
import java.util.Objects;

/**
 * The execution record of one campaign step for one lead: pending until the scheduler runs it, then
 * sent, failed or skipped (with the reason in {@code error}).
 */
public final class CampaignLog {
  private static final int MAX_ERROR_LENGTH = 2000;

  private final CampaignLogId id;
  private final BrokerId brokerId;
  private final CampaignId campaignId;
  private final LeadId leadId;
  private final int stepNumber;
  private CampaignLogStatus status;
  private final Instant scheduledAt;
  private Instant executedAt;
  private String error;
  private final Instant createdAt;

  private CampaignLog(
      CampaignLogId id,
      BrokerId brokerId,
      CampaignId campaignId,
      LeadId leadId,
      int stepNumber,
      CampaignLogStatus status,
      Instant scheduledAt,
      Instant executedAt,
      String error,
      Instant createdAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.brokerId = Objects.requireNonNull(brokerId, "brokerId");
    this.campaignId = Objects.requireNonNull(campaignId, "campaignId");
    this.leadId = Objects.requireNonNull(leadId, "leadId");
    this.stepNumber = stepNumber;
    this.status = Objects.requireNonNull(status, "status");
    this.scheduledAt = scheduledAt;
    this.executedAt = executedAt;
    this.error = error;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A pending log for step {@code stepNumber} (≥ 1) due at {@code scheduledAt}. */
  public static CampaignLog schedule(
      BrokerId brokerId,
      CampaignId campaignId,
      LeadId leadId,
      int stepNumber,
      Instant scheduledAt,
      Instant now) {
    Objects.requireNonNull(scheduledAt, "scheduledAt");
    Objects.requireNonNull(now, "now");
    if (stepNumber < 1) {
      throw new IllegalArgumentException("step number must be >= 1: " + stepNumber);
    }
    return new CampaignLog(
        CampaignLogId.newId(),
        brokerId,
        campaignId,
        leadId,
        stepNumber,
        CampaignLogStatus.PENDING,
        scheduledAt,
        null,
        null,
        now);
  }

  /** Rebuilds a stored log. Persistence adapters only: runs no rules. */
  public static CampaignLog reconstitute(
      CampaignLogId id,
      BrokerId brokerId,
      CampaignId campaignId,
      LeadId leadId,
      int stepNumber,
      CampaignLogStatus status,
      Instant scheduledAt,
      Instant executedAt,
      String error,
      Instant createdAt) {
    return new CampaignLog(
        id,
        brokerId,
        campaignId,
        leadId,
        stepNumber,
        status,
        scheduledAt,
        executedAt,
        error,
        createdAt);
  }

  /**
   * The step ran successfully.
   *
   * @throws DomainException {@code campaign.log_already_executed} unless pending
   */
  public void markSent(Instant now) {
    execute(CampaignLogStatus.SENT, null, now);
  }

  /**
   * The step ran and failed with {@code error}.
   *
   * @throws DomainException {@code campaign.log_already_executed} unless pending
   */
  public void markFailed(String error, Instant now) {
    execute(CampaignLogStatus.FAILED, requireReason(error), now);
  }

  /**
   * The step was not run (lead opted out, replied, was taken over…); {@code reason} is stored in
   * {@code error}.
   *
   * @throws DomainException {@code campaign.log_already_executed} unless pending
   */
  public void markSkipped(String reason, Instant now) {
    execute(CampaignLogStatus.SKIPPED, requireReason(reason), now);
  }

  private void execute(CampaignLogStatus next, String reason, Instant now) {
    Objects.requireNonNull(now, "now");
    if (status != CampaignLogStatus.PENDING) {
      throw new DomainException(
          "campaign.log_already_executed",
          "campaign log " + id + " is already " + status.apiValue());
    }
    status = next;
    error = reason;
    executedAt = now;
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
    String r = reason.strip();
    return r.length() > MAX_ERROR_LENGTH ? r.substring(0, MAX_ERROR_LENGTH) : r;
  }

  public CampaignLogId id() {
    return id;
  }

  public BrokerId brokerId() {
    return brokerId;
  }

  public CampaignId campaignId() {
    return campaignId;
  }

  public LeadId leadId() {
    return leadId;
  }

  public int stepNumber() {
    return stepNumber;
  }

  public CampaignLogStatus status() {
    return status;
  }

  /** When the step is due; nullable only for legacy rows. */
  public Instant scheduledAt() {
    return scheduledAt;
  }

  /** When the step ran (or was skipped); null while pending. */
  public Instant executedAt() {
    return executedAt;
  }

  /** Failure or skip reason; null for pending and sent logs. */
  public String error() {
    return error;
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CampaignLog other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "CampaignLog[" + id + ", step " + stepNumber + ", " + status.apiValue() + "]";
  }
}
