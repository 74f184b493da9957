package io.inmo.application.service.lead;

import io.inmo.application.port.in.lead.RescoreLeadsUseCase;
import io.inmo.application.port.out.ActivityLogRepository;
import io.inmo.application.port.out.AppointmentRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.ChatMessageRepository;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.application.port.out.LeadRepository;
import io.inmo.application.port.out.NotificationPort;
import io.inmo.application.port.out.RescoringRunRepository;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.application.security.Actor;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.RescoringRun;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Application service: works background rescoring runs batch by batch with the same recompute as
 * every other lead change. A rescoring raises no hot-lead alerts: a settings change that makes
 * thousands of leads hot at once is not news about any one of them.
 */
public final class LeadRescoringService implements RescoreLeadsUseCase {
  private final LeadRepository leads;
  private final RescoringRunRepository runs;
  private final BrokerConfigRepository configs;
  private final BrokerRepository brokers;
  private final LeadRecompute recompute;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public LeadRescoringService(
      LeadRepository leads,
      RescoringRunRepository runs,
      BrokerConfigRepository configs,
      BrokerRepository brokers,
      ChatMessageRepository messages,
      AppointmentRepository appointments,
      ActivityLogRepository activity,
      UserRepository users,
      NotificationPort notifications,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.leads = Objects.requireNonNull(leads, "leads");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.recompute =
        new LeadRecompute(
            configs, messages, appointments, activity, new LeadAlerts(users, notifications));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A batch that lost a race with a person editing one of its leads is tried again; any other
   * failure marks the run failed (in a unit of work of its own) and is rethrown for the job's log,
   * so one broken run never holds up the runs of other brokers behind it.
   */
  @Override
  public boolean processNextBatch() {
    AtomicReference<RescoringRun> working = new AtomicReference<>();
    try {
      return processNextBatch(working);
    } catch (ConcurrentChangeException e) {
      return true;
    } catch (RuntimeException e) {
      RescoringRun failed = working.get();
      if (failed != null) {
        unitOfWork.inTransaction(
            () ->
                runs.findById(failed.brokerId(), failed.id())
                    .filter(run -> run.status().isOpen())
                    .ifPresent(run -> runs.save(run.fail(clock.instant()))));
      }
      throw e;
    }
  }

  private boolean processNextBatch(AtomicReference<RescoringRun> working) {
    return unitOfWork.inTransaction(
        () -> {
          Optional<RescoringRun> claimed = runs.claimNext();
          if (claimed.isEmpty()) {
            return false;
          }
          Instant now = clock.instant();
          RescoringRun run = claimed.get();
          working.set(run);
          if (run.status() == RescoringRun.Status.PENDING) {
            run = run.start(leads.countLive(run.brokerId()), now);
          }
          BrokerLeadConfig config =
              configs
                  .findLeadConfig(run.brokerId())
                  .orElseThrow(() -> new IllegalStateException("broker without lead config"));
          List<Lead> page = leads.findLiveAfter(run.brokerId(), run.lastLeadId(), BATCH_SIZE);
          List<LeadRecompute.Outcome> outcomes =
              recompute.applyAll(page, config, LeadRecompute.Cause.SYSTEM, now).stream()
                  .filter(LeadRecompute.Outcome::changed)
                  .toList();
          leads.saveAll(outcomes.stream().map(LeadRecompute.Outcome::lead).toList());
          recompute.record(outcomes, now, false);
          run =
              run.progress(
                  page.isEmpty() ? null : page.getLast().id(), page.size(), outcomes.size());
          if (page.size() < BATCH_SIZE) {
            run = run.finish(now);
          }
          runs.save(run);
          return true;
        });
  }

  @Override
  public Optional<RescoringRun> latest(Actor actor, BrokerId brokerId) {
    Objects.requireNonNull(actor, "actor");
    LeadAccess.requireManager(actor, "ver el recálculo de puntajes.");
    return unitOfWork.inTransaction(() -> runs.latest(LeadAccess.broker(actor, brokerId, brokers)));
  }
}
