package io.inmo.domain.lead;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.Ids;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A background rescoring of one broker's leads after its scoring settings changed (issue 4):
 * requested with the change, worked through in batches in lead-id order (so it resumes where it
 * stopped after a crash), superseded by a newer request of the same broker. Immutable.
 *
 * @param total live leads when the run started; null while pending
 * @param lastLeadId the last lead processed; null before the first batch
 */
public record RescoringRun(
    UUID id,
    BrokerId brokerId,
    Status status,
    UserId requestedBy,
    Long total,
    long processed,
    long changed,
    LeadId lastLeadId,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  /** Where a run is; stored by {@link #apiValue()}. */
  public enum Status {
    PENDING,
    RUNNING,
    DONE,
    SUPERSEDED,
    /** A batch failed for a reason other than a concurrent edit; the run is not retried. */
    FAILED;

    public String apiValue() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromApiValue(String value) {
      return valueOf(Objects.requireNonNull(value, "status").strip().toUpperCase(Locale.ROOT));
    }

    public boolean isOpen() {
      return this == PENDING || this == RUNNING;
    }
  }

  public RescoringRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(brokerId, "brokerId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    if (processed < 0 || changed < 0 || changed > processed) {
      throw new IllegalArgumentException("0 <= changed <= processed: " + changed + "/" + processed);
    }
  }

  /** A new pending run for the broker. */
  public static RescoringRun request(BrokerId brokerId, UserId requestedBy, Instant now) {
    return new RescoringRun(
        Ids.newUuid(), brokerId, Status.PENDING, requestedBy, null, 0, 0, null, now, null, null);
  }

  /** Starts a pending run over {@code total} live leads; a running one is returned as is. */
  public RescoringRun start(long total, Instant now) {
    if (status == Status.RUNNING) {
      return this;
    }
    requireOpen();
    return new RescoringRun(
        id,
        brokerId,
        Status.RUNNING,
        requestedBy,
        total,
        processed,
        changed,
        lastLeadId,
        createdAt,
        now,
        null);
  }

  /** Records a processed batch ending at {@code last}. */
  public RescoringRun progress(LeadId last, int batch, int batchChanged) {
    if (status != Status.RUNNING) {
      throw new IllegalStateException("only a running run progresses: " + status);
    }
    return new RescoringRun(
        id,
        brokerId,
        status,
        requestedBy,
        total,
        processed + batch,
        changed + batchChanged,
        last == null ? lastLeadId : last,
        createdAt,
        startedAt,
        null);
  }

  public RescoringRun finish(Instant now) {
    requireOpen();
    return new RescoringRun(
        id,
        brokerId,
        Status.DONE,
        requestedBy,
        total == null ? processed : total,
        processed,
        changed,
        lastLeadId,
        createdAt,
        startedAt == null ? now : startedAt,
        now);
  }

  /** Gives up on an open run that cannot go on, keeping how far it got. */
  public RescoringRun fail(Instant now) {
    requireOpen();
    return new RescoringRun(
        id,
        brokerId,
        Status.FAILED,
        requestedBy,
        total,
        processed,
        changed,
        lastLeadId,
        createdAt,
        startedAt,
        now);
  }

  private void requireOpen() {
    if (!status.isOpen()) {
      throw new IllegalStateException("run " + id + " is " + status.apiValue());
    }
  }
}
