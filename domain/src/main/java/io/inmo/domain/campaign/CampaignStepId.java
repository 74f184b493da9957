package io.inmo.domain.campaign;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies one step of a campaign. */
public record CampaignStepId(UUID value) {
  public CampaignStepId {
    Objects.requireNonNull(value, "campaign step id must not be null");
  }

  public static CampaignStepId newId() {
    return new CampaignStepId(Ids.newUuid());
  }

  public static CampaignStepId of(String value) {
    return new CampaignStepId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
