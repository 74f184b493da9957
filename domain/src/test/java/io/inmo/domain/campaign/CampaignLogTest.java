package io.inmo.domain.campaign;

import static io.inmo.domain.campaign.CampaignMother.BROKER_ID;
import static io.inmo.domain.campaign.CampaignMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CampaignLogTest {
  private static final Instant DUE = NOW.plus(Duration.ofHours(24));
  private static final CampaignId CAMPAIGN_ID = CampaignId.newId();
  private static final LeadId LEAD_ID = LeadId.newId();

  private static CampaignLog pending() {
    return CampaignLog.schedule(BROKER_ID, CAMPAIGN_ID, LEAD_ID, 2, DUE, NOW);
  }

  @Test
  void givenStep_whenSchedule_thenPendingUntilDue() {
    CampaignLog log = pending();

    assertThat(log.status()).isEqualTo(CampaignLogStatus.PENDING);
    assertThat(log.scheduledAt()).isEqualTo(DUE);
    assertThat(log.executedAt()).isNull();
    assertThat(log.stepNumber()).isEqualTo(2);
  }

  @Test
  void givenStepZero_whenSchedule_thenRejected() {
    assertThatThrownBy(() -> CampaignLog.schedule(BROKER_ID, CAMPAIGN_ID, LEAD_ID, 0, DUE, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenPending_whenMarkSent_thenSentAtExecution() {
    CampaignLog log = pending();

    log.markSent(DUE);

    assertThat(log.status()).isEqualTo(CampaignLogStatus.SENT);
    assertThat(log.executedAt()).isEqualTo(DUE);
    assertThat(log.error()).isNull();
  }

  @Test
  void givenPending_whenMarkSkipped_thenReasonStoredAsError() {
    CampaignLog log = pending();

    log.markSkipped("lead respondió: sale de la campaña", DUE);

    assertThat(log.status()).isEqualTo(CampaignLogStatus.SKIPPED);
    assertThat(log.error()).isEqualTo("lead respondió: sale de la campaña");
  }

  @Test
  void givenSent_whenMarkFailed_thenAlreadyExecuted() {
    CampaignLog log = pending();
    log.markSent(DUE);

    assertThatThrownBy(() -> log.markFailed("429 Too Many Requests", DUE.plusSeconds(5)))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("campaign.log_already_executed");
    assertThat(log.status()).isEqualTo(CampaignLogStatus.SENT);
  }

  @Test
  void givenPending_whenMarkFailedWithoutReason_thenRejected() {
    assertThatThrownBy(() -> pending().markFailed(" ", DUE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenStoredRow_whenReconstitute_thenEveryColumnRoundTrips() {
    CampaignLog source = pending();
    source.markFailed("WhatsApp 131047", DUE);

    CampaignLog copy =
        CampaignLog.reconstitute(
            source.id(),
            source.brokerId(),
            source.campaignId(),
            source.leadId(),
            source.stepNumber(),
            source.status(),
            source.scheduledAt(),
            source.executedAt(),
            source.error(),
            source.createdAt());

    assertThat(copy).usingRecursiveComparison().isEqualTo(source);
  }
}
