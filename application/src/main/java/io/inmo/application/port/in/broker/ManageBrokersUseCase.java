package io.inmo.application.port.in.broker;

import io.inmo.application.port.in.broker.BrokerCommands.NewBroker;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;
import java.util.List;

/**
 * Inbound port of the platform administration (SUPERADMIN only, every other role gets 403): list,
 * create, deactivate and activate brokerages. Every change is audited.
 */
public interface ManageBrokersUseCase {

  /** Brokers ordered by name, {@code limit} (1..200) from {@code offset}. */
  BrokerPage list(Actor actor, int offset, int limit);

  /** Creates a broker and its four configs with defaults. */
  Broker create(Actor actor, NewBroker broker, Origin origin);

  /** Switches a broker off: its users can no longer sign in. */
  Broker deactivate(Actor actor, BrokerId id, Origin origin);

  Broker activate(Actor actor, BrokerId id, Origin origin);

  /** One page of brokers and the total count. */
  record BrokerPage(List<Broker> items, long total, int offset, int limit) {
    public BrokerPage {
      items = List.copyOf(items);
    }
  }
}
