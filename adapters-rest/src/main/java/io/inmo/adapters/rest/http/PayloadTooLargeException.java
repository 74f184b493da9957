package io.inmo.adapters.rest.http;

import io.inmo.adapters.rest.problem.WebApplicationExceptionMapper;
import jakarta.ws.rs.WebApplicationException;

/** A request body larger than the configured limit; answered as a 413 problem. */
public final class PayloadTooLargeException extends WebApplicationException
    implements WebApplicationExceptionMapper.ClientMessage {

  public PayloadTooLargeException(long limitBytes) {
    super("El cuerpo de la solicitud excede el máximo de " + limitBytes + " bytes.", 413);
  }
}
