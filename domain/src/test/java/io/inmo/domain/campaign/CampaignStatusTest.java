package io.inmo.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignStatusTest {
  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "DRAFT, ACTIVE, true",
    "DRAFT, ARCHIVED, true",
    "DRAFT, PAUSED, false",
    "DRAFT, COMPLETED, false",
    "ACTIVE, PAUSED, true",
    "ACTIVE, COMPLETED, true",
    "ACTIVE, ARCHIVED, false",
    "ACTIVE, DRAFT, false",
    "PAUSED, ACTIVE, true",
    "PAUSED, ARCHIVED, true",
    "PAUSED, COMPLETED, true",
    "COMPLETED, ARCHIVED, true",
    "COMPLETED, ACTIVE, false",
    "ARCHIVED, ACTIVE, false",
    "ARCHIVED, DRAFT, false",
  })
  void givenStatus_whenCanTransitionTo_thenMatchesLifecycle(
      CampaignStatus from, CampaignStatus to, boolean allowed) {
    assertThat(from.canTransitionTo(to)).isEqualTo(allowed);
  }
}
