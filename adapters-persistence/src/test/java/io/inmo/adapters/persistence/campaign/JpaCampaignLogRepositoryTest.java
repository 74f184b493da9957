package io.inmo.adapters.persistence.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.CampaignId;
import io.inmo.domain.campaign.CampaignLog;
import io.inmo.domain.campaign.CampaignLogId;
import io.inmo.domain.campaign.CampaignLogStatus;
import io.inmo.domain.campaign.CampaignMother;
import io.inmo.domain.lead.LeadId;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaCampaignLogRepositoryTest {
  private static final BrokerId ANDES = ParentRows.ANDES;
  private static final LeadId CAMILA = ParentRows.CAMILA;
  private static final Instant NOW = CampaignMother.NOW;

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaCampaignLogRepository repository;
  private static ParentRows rows;
  private static BrokerId costa;
  private static CampaignId followUp;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    costa = rows.costa();
    followUp = rows.campaign(ANDES, "Seguimiento leads nuevos");
    jpa = JpaPersistence.start(database.dataSource(), CampaignJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaCampaignLogRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenPendingLog_whenSavedAndFound_thenEveryFieldRoundTrips() {
    CampaignLog log = pending(followUp, CAMILA, 2, NOW);

    save(log);
    Optional<CampaignLog> found = find(ANDES, log.id());

    assertThat(found).isPresent();
    assertThat(found.get()).usingRecursiveComparison().isEqualTo(log);
    assertThat(found.get().status()).isEqualTo(CampaignLogStatus.PENDING);
    assertThat(found.get().stepNumber()).isEqualTo(2);
    assertThat(found.get().scheduledAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(found.get().executedAt()).isNull();
    assertThat(found.get().error()).isNull();
    assertThat(rows.value("SELECT status FROM campaign_logs WHERE id = ?", log.id().value()))
        .isEqualTo("pending");
  }

  @Test
  void givenPendingLog_whenMarkedFailedAndSaved_thenStatusErrorAndExecutionTimeAreStored() {
    CampaignLog log = pending(followUp, CAMILA, 1, NOW);
    save(log);

    unitOfWork.inTransaction(
        () -> {
          CampaignLog loaded = repository.findById(ANDES, log.id()).orElseThrow();
          loaded.markFailed(
              "WhatsApp rechazó el envío: número +56 9 8765 4321 no válido", NOW.plusSeconds(90));
          repository.save(loaded);
        });

    CampaignLog found = find(ANDES, log.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(CampaignLogStatus.FAILED);
    assertThat(found.error())
        .isEqualTo("WhatsApp rechazó el envío: número +56 9 8765 4321 no válido");
    assertThat(found.executedAt()).isEqualTo(NOW.plusSeconds(90));
    assertThat(found.createdAt()).isEqualTo(NOW);
    assertThat(found.scheduledAt()).isEqualTo(log.scheduledAt());
  }

  @Test
  void givenPendingLog_whenSkippedAndSentLogsSaved_thenEachKeepsItsOutcome() {
    CampaignLog skipped = pending(followUp, CAMILA, 1, NOW);
    CampaignLog sent = pending(followUp, CAMILA, 2, NOW);
    skipped.markSkipped("La lead respondió: «ya compré en Ñuñoa»", NOW.plusSeconds(5));
    sent.markSent(NOW.plusSeconds(6));

    save(skipped);
    save(sent);

    assertThat(find(ANDES, skipped.id()).orElseThrow())
        .usingRecursiveComparison()
        .isEqualTo(skipped);
    assertThat(find(ANDES, sent.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(sent);
    assertThat(find(ANDES, sent.id()).orElseThrow().error()).isNull();
    assertThat(rows.value("SELECT status FROM campaign_logs WHERE id = ?", skipped.id().value()))
        .isEqualTo("skipped");
  }

  @Test
  void givenLegacyRowWithoutScheduleOrExecution_whenFound_thenNullTimesAreKept() {
    UUID id = UUID.randomUUID();
    rows.execute(
        "INSERT INTO campaign_logs (id, broker_id, campaign_id, lead_id, step_number, status,"
            + " created_at) VALUES (?, ?, ?, ?, 1, 'pending', ?)",
        id,
        ANDES.value(),
        followUp.value(),
        CAMILA.value(),
        OffsetDateTime.parse("2024-12-01T12:00:00Z"));

    CampaignLog found = find(ANDES, new CampaignLogId(id)).orElseThrow();

    assertThat(found.scheduledAt()).isNull();
    assertThat(found.executedAt()).isNull();
    assertThat(found.createdAt()).isEqualTo(Instant.parse("2024-12-01T12:00:00Z"));
  }

  @Test
  void givenAnotherBrokersId_whenFinding_thenNothingIsFound() {
    CampaignLog log = pending(followUp, CAMILA, 1, NOW);
    save(log);

    assertThat(find(costa, log.id())).isEmpty();
    assertThat(find(ANDES, CampaignLogId.newId())).isEmpty();
    assertThat(unitOfWork.inTransaction(() -> repository.findByCampaign(costa, followUp)))
        .isEmpty();
    assertThat(find(ANDES, log.id())).isPresent();
  }

  @Test
  void givenIdOfAnotherBrokersLog_whenSavedForThisBroker_thenRejectedAndOriginalUntouched() {
    CampaignId costas = rows.campaign(costa, "Campaña Viña del Mar");
    LeadId lead = rows.lead(costa, "Joaquín Rivas");
    CampaignLog log = pending(costas, lead, costa, 1, NOW);
    save(log);
    CampaignLog hijack =
        CampaignLog.reconstitute(
            log.id(), ANDES, followUp, CAMILA, 1, CampaignLogStatus.SENT, NOW, NOW, null, NOW);

    assertThatThrownBy(() -> save(hijack))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another brokerage");

    assertThat(find(costa, log.id()).orElseThrow().status()).isEqualTo(CampaignLogStatus.PENDING);
  }

  @Test
  void givenLogsOfSeveralCampaigns_whenFindingByCampaign_thenOnlyItsLogsOldestFirst() {
    CampaignId campaign = rows.campaign(ANDES, "Post visita");
    CampaignId other = rows.campaign(ANDES, "Reactivación");
    LeadId martina = rows.lead(ANDES, "Martina Herrera");
    CampaignLog third = pending(campaign, martina, 2, NOW.plusSeconds(120));
    CampaignLog first = pending(campaign, CAMILA, 1, NOW);
    CampaignLog second = pending(campaign, martina, 1, NOW.plusSeconds(60));
    CampaignLog othersLog = pending(other, CAMILA, 1, NOW.minusSeconds(60));
    for (CampaignLog l : List.of(third, first, second, othersLog)) {
      save(l);
    }

    List<CampaignLog> found =
        unitOfWork.inTransaction(() -> repository.findByCampaign(ANDES, campaign));

    assertThat(found)
        .extracting(CampaignLog::id)
        .containsExactly(first.id(), second.id(), third.id());
    assertThat(found.get(2)).usingRecursiveComparison().isEqualTo(third);
  }

  @Test
  void givenLogsCreatedAtTheSameInstant_whenFindingByCampaign_thenTiesAreBrokenById() {
    CampaignId campaign = rows.campaign(ANDES, "Empate");
    CampaignLog high = withId("01957a1e-0000-7000-8000-0000000000f2", campaign);
    CampaignLog low = withId("01957a1e-0000-7000-8000-0000000000f1", campaign);
    save(high);
    save(low);

    List<CampaignLog> found =
        unitOfWork.inTransaction(() -> repository.findByCampaign(ANDES, campaign));

    assertThat(found).extracting(CampaignLog::id).containsExactly(low.id(), high.id());
  }

  @Test
  void givenEveryStatus_whenSavedAndFound_thenEachRoundTrips() {
    CampaignId campaign = rows.campaign(ANDES, "Todos los estados");
    List<CampaignLog> logs = new ArrayList<>();
    for (CampaignLogStatus status : CampaignLogStatus.values()) {
      boolean executed = status != CampaignLogStatus.PENDING;
      logs.add(
          CampaignLog.reconstitute(
              CampaignLogId.newId(),
              ANDES,
              campaign,
              CAMILA,
              status.ordinal() + 1,
              status,
              NOW,
              executed ? NOW.plusSeconds(30) : null,
              status == CampaignLogStatus.FAILED || status == CampaignLogStatus.SKIPPED
                  ? "motivo: " + status
                  : null,
              NOW.plusSeconds(status.ordinal())));
    }
    logs.forEach(JpaCampaignLogRepositoryTest::save);

    List<CampaignLog> found =
        unitOfWork.inTransaction(() -> repository.findByCampaign(ANDES, campaign));

    assertThat(found).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(logs);
  }

  private static CampaignLog withId(String id, CampaignId campaign) {
    return CampaignLog.reconstitute(
        CampaignLogId.of(id),
        ANDES,
        campaign,
        CAMILA,
        1,
        CampaignLogStatus.PENDING,
        NOW,
        null,
        null,
        NOW);
  }

  private static CampaignLog pending(CampaignId campaign, LeadId lead, int step, Instant now) {
    return pending(campaign, lead, ANDES, step, now);
  }

  private static CampaignLog pending(
      CampaignId campaign, LeadId lead, BrokerId broker, int step, Instant now) {
    return CampaignLog.schedule(broker, campaign, lead, step, now.plus(Duration.ofHours(24)), now);
  }

  private static void save(CampaignLog log) {
    unitOfWork.inTransaction(() -> repository.save(log));
  }

  private static Optional<CampaignLog> find(BrokerId broker, CampaignLogId id) {
    return unitOfWork.inTransaction(() -> repository.findById(broker, id));
  }
}
