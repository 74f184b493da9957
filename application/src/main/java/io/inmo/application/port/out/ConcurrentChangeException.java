package io.inmo.application.port.out;

import io.inmo.domain.shared.DomainException;

/**
 * Part of {@link UnitOfWorkPort}'s contract: the unit of work was rolled back because another
 * writer changed the same data first (a stale version, a serialization failure or a deadlock).
 * Nothing of the unit was written; reading again and retrying is safe. Answers 409 {@code
 * conflict.concurrent_change}.
 */
public class ConcurrentChangeException extends DomainException {
  public static final String CODE = "conflict.concurrent_change";

  public ConcurrentChangeException(Throwable cause) {
    super(
        CODE,
        "Otra solicitud cambió estos datos al mismo tiempo y no se guardó nada. Vuelva a cargarlos"
            + " e intente de nuevo.");
    initCause(cause);
  }
}
