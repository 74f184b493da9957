package io.inmo.application.service.lead;

import io.inmo.application.port.in.maintenance.NightlyMaintenanceUseCase;
import io.inmo.application.port.out.ActivityLogRepository;
import io.inmo.application.port.out.AppointmentRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.ChatMessageRepository;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.application.port.out.LeadRepository;
import io.inmo.application.port.out.NotificationPort;
import io.inmo.application.port.out.NotificationRepository;
import io.inmo.application.port.out.RescoringRunRepository;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.activity.ActivityType;
import io.inmo.domain.activity.ActorType;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.lead.ScoringPolicy;
import io.inmo.domain.notification.Notification;
import io.inmo.domain.notification.NotificationKind;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Application service: the nightly job ({@link NightlyMaintenanceUseCase}). Each broker's book is
 * walked in batches of {@value #BATCH_SIZE} candidate leads, one unit of work per batch, with the
 * same recompute as every other lead change; the domain decides what decays and what is stale.
 * Decay raises no hot-lead alert (it only lowers scores).
 */
public final class NightlyMaintenanceService implements NightlyMaintenanceUseCase {
  static final int BATCH_SIZE = 500;

  /** Finished rescoring runs are kept this long (each broker's latest one always). */
  static final Duration RESCORING_RUN_RETENTION = Duration.ofDays(90);

  /** Read notifications are kept this long; unread ones until read. */
  static final Duration READ_NOTIFICATION_RETENTION = Duration.ofDays(90);

  /** Names a digest lists before "y N más". */
  private static final int DIGEST_NAMES = 5;

  private static final int BROKER_PAGE = 200;
  private static final int BATCH_ATTEMPTS = 3;

  private final LeadRepository leads;
  private final BrokerRepository brokers;
  private final BrokerConfigRepository configs;
  private final UserRepository users;
  private final ActivityLogRepository activity;
  private final NotificationPort notifications;
  private final NotificationRepository inbox;
  private final RescoringRunRepository runs;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final LeadRecompute recompute;

  public NightlyMaintenanceService(
      LeadRepository leads,
      BrokerRepository brokers,
      BrokerConfigRepository configs,
      UserRepository users,
      ChatMessageRepository messages,
      AppointmentRepository appointments,
      ActivityLogRepository activity,
      NotificationPort notifications,
      NotificationRepository inbox,
      RescoringRunRepository runs,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.leads = Objects.requireNonNull(leads, "leads");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.users = Objects.requireNonNull(users, "users");
    this.activity = Objects.requireNonNull(activity, "activity");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.recompute =
        new LeadRecompute(
            configs, messages, appointments, activity, new LeadAlerts(users, notifications));
  }

  @Override
  public Report run() {
    long started = System.nanoTime();
    Instant now = clock.instant();
    Totals totals = new Totals();
    List<BrokerId> active = activeBrokers();
    for (BrokerId broker : active) {
      try {
        maintain(broker, now, totals);
      } catch (RuntimeException e) {
        // one broker's trouble never holds up the others; tomorrow's run tries again
        totals.failures.add(new Failure(broker, e));
      }
    }
    int runsDeleted =
        unitOfWork.inTransaction(
            () -> runs.deleteFinishedBefore(now.minus(RESCORING_RUN_RETENTION)));
    int notificationsDeleted =
        unitOfWork.inTransaction(
            () -> inbox.deleteReadBefore(now.minus(READ_NOTIFICATION_RETENTION)));
    return new Report(
        active.size(),
        totals.failures,
        totals.examined,
        totals.rescored,
        totals.flagged,
        totals.digests,
        runsDeleted,
        notificationsDeleted,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private List<BrokerId> activeBrokers() {
    List<BrokerId> active = new ArrayList<>();
    int offset = 0;
    List<Broker> page;
    do {
      int from = offset;
      page = unitOfWork.inTransaction(() -> brokers.findPage(from, BROKER_PAGE));
      page.stream().filter(Broker::isActive).map(Broker::id).forEach(active::add);
      offset += page.size();
    } while (page.size() == BROKER_PAGE);
    return active;
  }

  /** The leads of one broker, batch by batch, then the digests of the leads newly flagged. */
  private void maintain(BrokerId broker, Instant now, Totals totals) {
    Optional<BrokerLeadConfig> found =
        unitOfWork.inTransaction(() -> configs.findLeadConfig(broker));
    BrokerLeadConfig config =
        found.orElseThrow(() -> new IllegalStateException("broker without lead config"));
    List<User> staff = unitOfWork.inTransaction(() -> users.findByBroker(broker));
    Map<UserId, List<Lead>> stale = new LinkedHashMap<>();
    LeadId after = null;
    Batch batch;
    do {
      batch = batchWithRetries(config, after, now);
      after = batch.last();
      totals.examined += batch.examined();
      totals.rescored += batch.rescored();
      totals.flagged += batch.flagged().size();
      for (Lead lead : batch.flagged()) {
        for (UserId recipient : LeadAlerts.recipients(lead, staff)) {
          stale.computeIfAbsent(recipient, r -> new ArrayList<>()).add(lead);
        }
      }
    } while (batch.examined() == BATCH_SIZE);
    if (!stale.isEmpty()) {
      unitOfWork.inTransaction(
          () ->
              stale.forEach(
                  (recipient, flagged) ->
                      notifications.send(digest(broker, recipient, flagged, config, now))));
      totals.digests += stale.size();
    }
  }

  private Batch batchWithRetries(BrokerLeadConfig config, LeadId after, Instant now) {
    for (int attempt = 1; ; attempt++) {
      try {
        return unitOfWork.inTransaction(() -> batch(config, after, now));
      } catch (ConcurrentChangeException e) {
        // someone edited one of the batch's leads meanwhile: read the batch again
        if (attempt == BATCH_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** What one batch did: how many leads it looked at, the last one, and the leads it flagged. */
  private record Batch(int examined, LeadId last, long rescored, List<Lead> flagged) {}

  private Batch batch(BrokerLeadConfig config, LeadId after, Instant now) {
    BrokerId broker = config.brokerId();
    Duration idle = config.staleAfter();
    List<Lead> page =
        leads.findNightlyCandidates(
            broker, ScoringPolicy.ENGAGEMENT_FACTOR, now.minus(idle), after, BATCH_SIZE);
    if (page.isEmpty()) {
      return new Batch(0, after, 0, List.of());
    }
    List<LeadRecompute.Outcome> outcomes =
        recompute.applyAll(page, config, LeadRecompute.Cause.SYSTEM, now);
    List<LeadRecompute.Outcome> changed = new ArrayList<>();
    List<Lead> toSave = new ArrayList<>();
    List<Lead> flagged = new ArrayList<>();
    List<ActivityEntry> staleEntries = new ArrayList<>();
    for (LeadRecompute.Outcome outcome : outcomes) {
      Lead lead = outcome.lead();
      if (outcome.changed()) {
        changed.add(outcome);
      }
      boolean nowStale = lead.flagIfIdle(idle, now);
      if (nowStale) {
        flagged.add(lead);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("staleAfterDays", config.staleAfterDays());
        details.put("lastActivityAt", lead.lastActivityAt().toString());
        staleEntries.add(
            ActivityEntry.record(
                broker, lead.id(), ActivityType.LEAD_STALE, details, ActorType.SYSTEM, null, now));
      }
      if (outcome.changed() || nowStale) {
        toSave.add(lead);
      }
    }
    leads.saveAll(toSave);
    recompute.record(changed, now, false);
    activity.appendAll(staleEntries);
    return new Batch(page.size(), page.getLast().id(), changed.size(), flagged);
  }

  /** One notification listing the recipient's leads flagged tonight. */
  private static Notification digest(
      BrokerId broker, UserId recipient, List<Lead> flagged, BrokerLeadConfig config, Instant now) {
    int count = flagged.size();
    String title = count == 1 ? "1 lead sin actividad" : count + " leads sin actividad";
    List<String> names =
        flagged.stream().limit(DIGEST_NAMES).map(NightlyMaintenanceService::shortName).toList();
    String listed =
        count > DIGEST_NAMES
            ? String.join(", ", names) + " y " + (count - DIGEST_NAMES) + " más"
            : joinSpanish(names);
    String body =
        listed
            + (count == 1 ? " no tiene" : " no tienen")
            + " contacto ni cambio de etapa hace "
            + config.staleAfterDays()
            + (config.staleAfterDays() == 1 ? " día" : " días")
            + ". Encuéntralos en Leads con el filtro «Sin actividad».";
    return Notification.create(
        broker,
        recipient,
        NotificationKind.LEADS_STALE,
        count == 1 ? flagged.getFirst().id() : null,
        title,
        body,
        now);
  }

  private static String shortName(Lead lead) {
    String name = lead.name() == null ? "Lead sin nombre" : lead.name();
    return name.length() <= 60 ? name : name.substring(0, 59) + "…";
  }

  private static String joinSpanish(List<String> names) {
    if (names.size() == 1) {
      return names.getFirst();
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " y " + names.getLast();
  }

  private static final class Totals {
    final List<Failure> failures = new ArrayList<>();
    long examined;
    long rescored;
    long flagged;
    int digests;
  }
}
