package io.inmo.adapters.persistence.activity;

import java.util.List;

/** The JPA entity classes of the activity log area. */
public final class ActivityJpaEntities {
  public static final List<Class<?>> CLASSES = List.of(ActivityEntryJpaEntity.class);

  private ActivityJpaEntities() {}
}
