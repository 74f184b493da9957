package io.inmo.application.port.in.lead;

import io.inmo.application.security.Actor;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.RescoringRun;
import java.util.Optional;

/**
 * Inbound port: the background rescoring of a broker's leads after its scoring settings changed
 * (issue 4). A change of the lead config requests a run; a scheduled worker calls {@link
 * #processNextBatch} on whichever node is free; staff follow the progress.
 */
public interface RescoreLeadsUseCase {
  /** Leads per batch: one transaction each, so progress is kept and a crash loses one batch. */
  int BATCH_SIZE = 500;

  /**
   * Works one batch of the oldest open run of any broker (claimed so no other node works it at the
   * same time); returns whether there was work.
   */
  boolean processNextBatch();

  /**
   * The broker's latest run (ADMIN of the broker, SUPERADMIN naming it); empty when it never had
   * one.
   */
  Optional<RescoringRun> latest(Actor actor, BrokerId brokerId);
}
