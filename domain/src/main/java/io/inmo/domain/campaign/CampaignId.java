package io.inmo.domain.campaign;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a campaign: an automated sequence of steps run for enrolled leads. */
public record CampaignId(UUID value) {
  public CampaignId {
    Objects.requireNonNull(value, "campaign id must not be null");
  }

  public static CampaignId newId() {
    return new CampaignId(Ids.newUuid());
  }

  public static CampaignId of(String value) {
    return new CampaignId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
