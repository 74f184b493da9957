package io.inmo.application.port.in.broker;

import io.inmo.application.port.in.broker.BrokerCommands.BrokerChanges;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;

/**
 * Inbound port: change a brokerage's name, contact, timezone and business hours. ADMIN of the
 * broker or SUPERADMIN; audited as {@code broker.update}. {@code target} null means own broker.
 */
public interface UpdateBrokerUseCase {

  Broker update(Actor actor, BrokerId target, BrokerChanges changes, Origin origin);
}
