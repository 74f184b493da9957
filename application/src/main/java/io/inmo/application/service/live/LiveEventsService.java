package io.inmo.application.service.live;

import io.inmo.application.port.in.live.LiveEventsUseCase;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.LiveEventsPort;
import io.inmo.application.port.out.LiveEventsPort.Kind;
import io.inmo.application.port.out.LiveEventsPort.LiveEvent;
import io.inmo.application.port.out.LiveEventsPort.Subscription;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.security.Actor;
import io.inmo.application.service.BrokerScopes;
import io.inmo.application.service.lead.LeadAccess;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.Role;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hands a caller the live events of its broker it may see (ADR 0017). The AGENT's view of
 * unassigned leads is read when the stream opens; streams are short-lived (the dashboard reconnects
 * with a fresh token), so a change of that switch reaches open streams within minutes.
 */
public final class LiveEventsService implements LiveEventsUseCase {
  private final LiveEventsPort events;
  private final BrokerRepository brokers;
  private final BrokerConfigRepository configs;
  private final UnitOfWorkPort unitOfWork;

  public LiveEventsService(
      LiveEventsPort events,
      BrokerRepository brokers,
      BrokerConfigRepository configs,
      UnitOfWorkPort unitOfWork) {
    this.events = Objects.requireNonNull(events, "events");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public Subscription subscribe(Actor actor, BrokerId brokerId, Consumer<LiveEvent> listener) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(listener, "listener");
    record Scope(BrokerId broker, boolean seesUnassigned) {}
    Scope scope =
        unitOfWork.inTransaction(
            () -> {
              BrokerId broker =
                  BrokerScopes.target(
                      actor,
                      brokerId,
                      brokers,
                      "events.broker_required",
                      "Indica la corredora (brokerId) cuyos eventos quieres seguir.");
              return new Scope(broker, LeadAccess.agentsSeeUnassigned(actor, broker, configs));
            });
    return events.subscribe(
        scope.broker(),
        event -> {
          if (visible(actor, event, scope.seesUnassigned())) {
            listener.accept(event);
          }
        });
  }

  static boolean visible(Actor actor, LiveEvent event, boolean seesUnassigned) {
    if (event.kind() == Kind.TURN_DUE || event.kind() == Kind.BROKER_CONFIG) {
      return false;
    }
    if (event.kind() == Kind.RESYNC || actor.role() != Role.AGENT) {
      return true;
    }
    boolean reassigned = "true".equals(event.data().get("reassigned"));
    return actor.userId().equals(event.assignedTo())
        || actor.userId().equals(event.previouslyAssignedTo())
        || (event.assignedTo() == null && seesUnassigned)
        // an unassigned lead the agent saw was just given to someone else: it leaves their view
        || (reassigned && event.previouslyAssignedTo() == null && seesUnassigned);
  }
}
