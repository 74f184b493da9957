package io.inmo.application.port.in.broker;

import io.inmo.application.security.Actor;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;

/**
 * Inbound port: read a brokerage. Any staff member reads their own; a SUPERADMIN reads any. {@code
 * target} null means the caller's own broker; another tenant's id is not found (404).
 */
public interface GetBrokerUseCase {

  Broker get(Actor actor, BrokerId target);
}
