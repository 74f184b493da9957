package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.RescoringRun;
import java.time.Instant;
import java.util.Optional;

/** Outbound port: background rescoring runs, claimed by one worker at a time across nodes. */
public interface RescoringRunRepository {
  /** Inserts or updates the run. */
  void save(RescoringRun run);

  /**
   * The oldest open run of any broker that no other unit of work holds, locked for this unit of
   * work until it ends (so two nodes never work on one run); empty when there is none.
   */
  Optional<RescoringRun> claimNext();

  /** The broker's run {@code id}. */
  Optional<RescoringRun> findById(BrokerId brokerId, java.util.UUID id);

  /** The broker's latest run. */
  Optional<RescoringRun> latest(BrokerId brokerId);

  /** Marks the broker's open runs superseded (a newer request covers every lead again). */
  void supersedeOpen(BrokerId brokerId, Instant now);

  /**
   * Deletes the finished runs (done, superseded, failed) of every broker that ended before {@code
   * cutoff}, except each broker's latest run, which the API shows; returns how many.
   */
  int deleteFinishedBefore(Instant cutoff);
}
