package io.inmo.application.port.in.live;

import io.inmo.application.port.out.LiveEventsPort.LiveEvent;
import io.inmo.application.port.out.LiveEventsPort.Subscription;
import io.inmo.application.security.Actor;
import io.inmo.domain.broker.BrokerId;
import java.util.function.Consumer;

/**
 * Inbound port: the dashboard's live updates (PRODUCT §13, ADR 0017) — the events of one broker the
 * caller may see: an ADMIN (or a SUPERADMIN naming the broker) all of them, an AGENT those of the
 * leads assigned to them, were assigned to them until this change, or, when the broker lets agents
 * see them, are (or were until this change) unassigned. Internal events (turn wake-ups) are never
 * handed out.
 */
public interface LiveEventsUseCase {

  /**
   * @throws io.inmo.domain.shared.DomainException {@code events.broker_required} (400) for a
   *     SUPERADMIN without a broker, {@code broker.not_found} (404) for an unknown one
   */
  Subscription subscribe(Actor actor, BrokerId brokerId, Consumer<LiveEvent> listener);
}
