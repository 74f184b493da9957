package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.CampaignId;
import io.inmo.domain.campaign.CampaignLog;
import io.inmo.domain.campaign.CampaignLogId;
import java.util.List;
import java.util.Optional;

/** Outbound port: stores the execution records of campaign steps. */
public interface CampaignLogRepository {
  /** Inserts or updates the log. */
  void save(CampaignLog log);

  Optional<CampaignLog> findById(BrokerId brokerId, CampaignLogId id);

  /** The campaign's logs, oldest first (by creation time). */
  List<CampaignLog> findByCampaign(BrokerId brokerId, CampaignId campaignId);
}
