package io.inmo.adapters.persistence.audit;

import java.util.List;

/** The JPA entity classes of the audit log area. */
public final class AuditJpaEntities {
  public static final List<Class<?>> CLASSES = List.of(AuditEntryJpaEntity.class);

  private AuditJpaEntities() {}
}
