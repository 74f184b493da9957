package io.inmo.application.service.broker;

import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.security.Actor;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.NotFoundException;

/**
 * Who may touch which broker: staff their own (another tenant's id is simply not found), a
 * SUPERADMIN any (but has no own broker); only ADMIN and SUPERADMIN may change anything.
 */
final class BrokerAccess {
  static final String NOT_FOUND = "broker.not_found";

  private BrokerAccess() {}

  /** The broker the call is about; 404 for a foreign or unknown id. */
  static BrokerId resolve(Actor actor, BrokerId target) {
    if (actor.isSuperadmin()) {
      if (target == null) {
        throw new NotFoundException(
            NOT_FOUND,
            "Un SUPERADMIN no pertenece a ningún corredor; indica el corredor en la ruta"
                + " (/api/v1/brokers/{id}).");
      }
      return target;
    }
    if (target != null && !target.equals(actor.brokerId())) {
      throw notFound();
    }
    return actor.brokerId();
  }

  static Broker load(BrokerRepository brokers, BrokerId id) {
    return brokers.findById(id).orElseThrow(BrokerAccess::notFound);
  }

  static void requireManager(Actor actor) {
    if (!actor.isSuperadmin() && !actor.isAdmin()) {
      throw new PermissionDeniedException(
          "Solo un administrador del corredor puede cambiar su configuración.");
    }
  }

  static void requireSuperadmin(Actor actor) {
    if (!actor.isSuperadmin()) {
      throw new PermissionDeniedException(
          "Solo un administrador de la plataforma puede gestionar corredores.");
    }
  }

  static NotFoundException notFound() {
    return new NotFoundException(NOT_FOUND, "No existe ese corredor.");
  }
}
