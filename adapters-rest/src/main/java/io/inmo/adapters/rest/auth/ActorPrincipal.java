package io.inmo.adapters.rest.auth;

import io.inmo.application.security.Actor;
import java.security.Principal;
import java.util.Objects;

/** The authenticated {@link Actor} as JAX-RS sees it in the {@code SecurityContext}. */
public record ActorPrincipal(Actor actor) implements Principal {
  public ActorPrincipal {
    Objects.requireNonNull(actor, "actor");
  }

  @Override
  public String getName() {
    return actor.userId().value().toString();
  }
}
