package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.Campaign;
import io.inmo.domain.campaign.CampaignId;
import java.util.List;
import java.util.Optional;

/** Outbound port: stores and finds campaigns of one brokerage, each with its steps. */
public interface CampaignRepository {
  Optional<Campaign> findById(BrokerId brokerId, CampaignId id);

  /** All campaigns of the brokerage, newest first. */
  List<Campaign> findByBroker(BrokerId brokerId);

  /** Inserts or updates the campaign and replaces its steps (optimistic locking on its version). */
  void save(Campaign campaign);
}
