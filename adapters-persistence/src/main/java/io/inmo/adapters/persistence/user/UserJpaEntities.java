package io.inmo.adapters.persistence.user;

import java.util.List;

/** The JPA entity classes of the user area. */
public final class UserJpaEntities {
  public static final List<Class<?>> CLASSES = List.of(UserJpaEntity.class);

  private UserJpaEntities() {}
}
