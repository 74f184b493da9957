package io.inmo.adapters.persistence.campaign;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.Campaign;
import io.inmo.domain.campaign.CampaignChannel;
import io.inmo.domain.campaign.CampaignId;
import io.inmo.domain.campaign.CampaignStatus;
import io.inmo.domain.campaign.CampaignStep;
import io.inmo.domain.campaign.CampaignStepId;
import io.inmo.domain.campaign.CampaignTrigger;
import io.inmo.domain.campaign.MessageTemplateId;
import io.inmo.domain.campaign.StepAction;
import io.inmo.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps campaigns and their steps between the domain and the JPA entities. */
final class CampaignJpaMapper {
  private CampaignJpaMapper() {}

  /** The campaign with {@code steps}, which must be ordered by step number. */
  static Campaign toDomain(CampaignJpaEntity e, List<CampaignStepJpaEntity> steps) {
    return Campaign.reconstitute(
        new CampaignId(e.id),
        new BrokerId(e.brokerId),
        e.name,
        e.description,
        CampaignChannel.fromApiValue(e.channel),
        CampaignStatus.fromApiValue(e.status),
        CampaignTrigger.fromApiValue(e.trigger),
        e.triggerConfig == null ? Map.of() : e.triggerConfig,
        e.exitOnReply,
        e.createdBy == null ? null : new UserId(e.createdBy),
        steps.stream().map(CampaignJpaMapper::toDomain).toList(),
        e.createdAt,
        e.updatedAt,
        e.version);
  }

  static CampaignStep toDomain(CampaignStepJpaEntity s) {
    return new CampaignStep(
        new CampaignStepId(s.id),
        s.stepNumber,
        StepAction.fromApiValue(s.action),
        s.templateId == null ? null : new MessageTemplateId(s.templateId),
        s.delayHours,
        s.config == null ? Map.of() : s.config);
  }

  /** Copies every campaign column except the version, which JPA manages. */
  static void copy(Campaign c, CampaignJpaEntity e) {
    e.id = c.id().value();
    e.brokerId = c.brokerId().value();
    e.name = c.name();
    e.description = c.description();
    e.channel = c.channel().apiValue();
    e.status = c.status().apiValue();
    e.trigger = c.trigger().apiValue();
    e.triggerConfig = new LinkedHashMap<>(c.triggerConfig());
    e.exitOnReply = c.exitOnReply();
    e.createdBy = c.createdBy() == null ? null : c.createdBy().value();
    e.createdAt = c.createdAt();
    e.updatedAt = c.updatedAt();
  }

  /** A new step row of campaign {@code c}; the broker comes from the campaign. */
  static CampaignStepJpaEntity toEntity(Campaign c, CampaignStep step) {
    CampaignStepJpaEntity s = new CampaignStepJpaEntity();
    s.id = step.id().value();
    s.brokerId = c.brokerId().value();
    s.campaignId = c.id().value();
    s.stepNumber = step.stepNumber();
    s.action = step.action().apiValue();
    s.templateId = step.templateId() == null ? null : step.templateId().value();
    s.delayHours = step.delayHours();
    s.config = new LinkedHashMap<>(step.config());
    return s;
  }
}
