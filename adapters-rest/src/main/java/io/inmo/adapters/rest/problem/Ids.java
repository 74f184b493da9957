package io.inmo.adapters.rest.problem;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.NotFoundException;
import io.inmo.domain.user.UserId;
import java.util.UUID;
import java.util.function.Function;

/**
 * Ids as the API receives them. In a query or a body a malformed id is the caller's mistake (400
 * {@code request.invalid}, wherever it is parsed); in a path it cannot name anything, so it is the
 * same 404 as an unknown id.
 */
public final class Ids {
  private Ids() {}

  /** The optional {@code ?brokerId=} of SUPERADMIN calls; null when absent. */
  public static BrokerId brokerId(String value) {
    UUID id = optional("brokerId", value);
    return id == null ? null : new BrokerId(id);
  }

  /**
   * An optional user id named {@code name} (a query parameter or a body field); null when absent.
   */
  public static UserId userId(String name, String value) {
    UUID id = optional(name, value);
    return id == null ? null : new UserId(id);
  }

  /** A path id; malformed → {@code notFound} (e.g. {@code lead.not_found}). */
  public static <T> T pathId(String value, Function<UUID, T> id, String code, String message) {
    try {
      return id.apply(UUID.fromString(value.strip()));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new NotFoundException(code, message);
    }
  }

  private static UUID optional(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("request.invalid", name + " no es un identificador válido");
    }
  }
}
