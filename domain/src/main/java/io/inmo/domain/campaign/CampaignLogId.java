package io.inmo.domain.campaign;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies one campaign log row: the execution record of a step for a lead. */
public record CampaignLogId(UUID value) {
  public CampaignLogId {
    Objects.requireNonNull(value, "campaign log id must not be null");
  }

  public static CampaignLogId newId() {
    return new CampaignLogId(Ids.newUuid());
  }

  public static CampaignLogId of(String value) {
    return new CampaignLogId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
