package io.inmo.adapters.persistence.lead;

import java.util.List;

/** The JPA entity classes of the lead area (leads and their channel identities). */
public final class LeadJpaEntities {
  public static final List<Class<?>> CLASSES =
      List.of(LeadJpaEntity.class, LeadIdentityJpaEntity.class);

  private LeadJpaEntities() {}
}
