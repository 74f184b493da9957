package io.inmo.adapters.persistence.campaign;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.CampaignId;
import io.inmo.domain.campaign.CampaignLog;
import io.inmo.domain.campaign.CampaignLogId;
import io.inmo.domain.campaign.CampaignLogStatus;
import io.inmo.domain.lead.LeadId;

/** Maps campaign logs between the domain and {@link CampaignLogJpaEntity}. */
final class CampaignLogJpaMapper {
  private CampaignLogJpaMapper() {}

  static CampaignLog toDomain(CampaignLogJpaEntity e) {
    return CampaignLog.reconstitute(
        new CampaignLogId(e.id),
        new BrokerId(e.brokerId),
        new CampaignId(e.campaignId),
        new LeadId(e.leadId),
        e.stepNumber,
        CampaignLogStatus.fromApiValue(e.status),
        e.scheduledAt,
        e.executedAt,
        e.error,
        e.createdAt);
  }

  static void copy(CampaignLog log, CampaignLogJpaEntity e) {
    e.id = log.id().value();
    e.brokerId = log.brokerId().value();
    e.campaignId = log.campaignId().value();
    e.leadId = log.leadId().value();
    e.stepNumber = log.stepNumber();
    e.status = log.status().apiValue();
    e.scheduledAt = log.scheduledAt();
    e.executedAt = log.executedAt();
    e.error = log.error();
    e.createdAt = log.createdAt();
  }
}
