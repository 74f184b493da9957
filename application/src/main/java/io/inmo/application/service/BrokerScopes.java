package io.inmo.application.service;

import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.security.Actor;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.NotFoundException;

/**
 * The broker a call about a broker's data is about (§3): staff work in their own broker (naming
 * another is indistinguishable from naming one that does not exist); a SUPERADMIN belongs to none
 * and must name an existing one.
 */
public final class BrokerScopes {
  private BrokerScopes() {}

  /**
   * The caller's own broker, or for a SUPERADMIN the one named.
   *
   * @param requiredCode the 400 code when a SUPERADMIN names none (e.g. {@code
   *     lead.broker_required})
   * @param requiredMessage its message
   */
  public static BrokerId target(
      Actor actor,
      BrokerId requested,
      BrokerRepository brokers,
      String requiredCode,
      String requiredMessage) {
    if (actor.isSuperadmin()) {
      if (requested == null) {
        throw new InvalidValueException(requiredCode, requiredMessage);
      }
      return brokers
          .findById(requested)
          .map(broker -> broker.id())
          .orElseThrow(BrokerScopes::notFound);
    }
    if (requested != null && !requested.equals(actor.brokerId())) {
      throw notFound();
    }
    return actor.brokerId();
  }

  private static NotFoundException notFound() {
    return new NotFoundException("broker.not_found", "La corredora no existe.");
  }
}
