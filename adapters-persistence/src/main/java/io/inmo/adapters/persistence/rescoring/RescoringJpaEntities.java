package io.inmo.adapters.persistence.rescoring;

import java.util.List;

/** The JPA entity classes of the rescoring area. */
public final class RescoringJpaEntities {
  public static final List<Class<?>> CLASSES = List.of(RescoringRunJpaEntity.class);

  private RescoringJpaEntities() {}
}
