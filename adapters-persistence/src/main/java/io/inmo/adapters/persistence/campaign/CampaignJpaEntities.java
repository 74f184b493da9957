package io.inmo.adapters.persistence.campaign;

import java.util.List;

/** The JPA entity classes of the campaign area (campaigns, steps, logs, templates). */
public final class CampaignJpaEntities {
  public static final List<Class<?>> CLASSES =
      List.of(
          CampaignJpaEntity.class,
          CampaignStepJpaEntity.class,
          CampaignLogJpaEntity.class,
          MessageTemplateJpaEntity.class);

  private CampaignJpaEntities() {}
}
