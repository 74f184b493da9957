package io.inmo.adapters.persistence.session;

import java.util.List;

/** The JPA entity classes of the session area (refresh tokens), for {@code JpaEntities}. */
public final class SessionJpaEntities {
  public static final List<Class<?>> CLASSES = List.of(RefreshTokenJpaEntity.class);

  private SessionJpaEntities() {}
}
