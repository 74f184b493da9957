package io.inmo.application.port.in.maintenance;

import io.inmo.domain.broker.BrokerId;
import java.time.Duration;
import java.util.List;

/**
 * Inbound port: the nightly job (PRODUCT §5–§6, ADR 0014), run once a night across the cluster by
 * the scheduler. For every active broker it rescores the leads whose score depends on time (the
 * engagement bonus decays: "contacted in the last 7 days" expires), flags open leads nobody has
 * worked for the broker's stale period and sends each agent (or, for unassigned leads, the admins)
 * one digest notification of the leads newly flagged; then it deletes old finished rescoring runs
 * and read notifications. Running it twice in a night changes nothing the second time.
 */
public interface NightlyMaintenanceUseCase {

  /** Runs the whole job now and reports what it did. */
  Report run();

  /**
   * What one run did.
   *
   * @param brokers active brokers visited
   * @param failures the brokers whose part failed, with why (the others went on; the caller logs
   *     them)
   * @param examined candidate leads looked at
   * @param rescored leads whose score, status, qualification or stage changed
   * @param flaggedStale leads newly flagged stale
   * @param digests digest notifications sent
   * @param rescoringRunsDeleted finished rescoring runs deleted by retention
   * @param notificationsDeleted read notifications deleted by retention
   * @param took how long the run took
   */
  record Report(
      int brokers,
      List<Failure> failures,
      long examined,
      long rescored,
      long flaggedStale,
      int digests,
      int rescoringRunsDeleted,
      int notificationsDeleted,
      Duration took) {
    public Report {
      failures = List.copyOf(failures);
    }
  }

  /** A broker the run could not finish, and the error. */
  record Failure(BrokerId brokerId, RuntimeException error) {}
}
