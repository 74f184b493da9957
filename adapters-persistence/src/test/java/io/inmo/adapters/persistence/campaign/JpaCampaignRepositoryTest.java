package io.inmo.adapters.persistence.campaign;

import static io.inmo.adapters.persistence.Latches.awaitQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.Campaign;
import io.inmo.domain.campaign.CampaignChannel;
import io.inmo.domain.campaign.CampaignId;
import io.inmo.domain.campaign.CampaignMother;
import io.inmo.domain.campaign.CampaignStatus;
import io.inmo.domain.campaign.CampaignStep;
import io.inmo.domain.campaign.CampaignTrigger;
import io.inmo.domain.campaign.MessageTemplateId;
import io.inmo.domain.campaign.StepAction;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaCampaignRepositoryTest {
  private static final BrokerId ANDES = ParentRows.ANDES;
  private static final Instant NOW = CampaignMother.NOW;
  private static final MessageTemplateId GREETING = CampaignMother.GREETING_TEMPLATE;

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaCampaignRepository repository;
  private static ParentRows rows;
  private static BrokerId costa;
  private static MessageTemplateId reminder;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    rows.template(GREETING, ANDES, "Saludo inicial");
    reminder = MessageTemplateId.newId();
    rows.template(reminder, ANDES, "Recordatorio de visita");
    costa = rows.costa();
    jpa = JpaPersistence.start(database.dataSource(), CampaignJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaCampaignRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenDraftWithThreeSteps_whenSavedAndFound_thenEveryFieldAndStepRoundTrips() {
    Campaign campaign = CampaignMother.draft();

    save(campaign);
    Optional<Campaign> found = find(ANDES, campaign.id());

    assertThat(found).isPresent();
    assertThat(found.get()).usingRecursiveComparison().isEqualTo(campaign);
    assertThat(found.get().name()).isEqualTo("Seguimiento leads nuevos");
    assertThat(found.get().createdBy()).isEqualTo(ParentRows.VALENTINA);
    assertThat(found.get().version()).isZero();
    assertThat(found.get().steps())
        .extracting(CampaignStep::stepNumber, CampaignStep::action, CampaignStep::delayHours)
        .containsExactly(
            tuple(1, StepAction.SEND_MESSAGE, 0),
            tuple(2, StepAction.AI_MESSAGE, 24),
            tuple(3, StepAction.MAKE_CALL, 72));
    assertThat(found.get().steps().get(0).templateId()).isEqualTo(GREETING);
    assertThat(found.get().steps().get(1).config())
        .containsExactly(Map.entry("goal", "pedir presupuesto"));
    assertThat(
            rows.value(
                "SELECT triggered_by || '/' || channel || '/' || status FROM campaigns WHERE id ="
                    + " ?",
                campaign.id().value()))
        .isEqualTo("new_lead/whatsapp/draft");
    assertThat(
            rows.column(
                "SELECT action FROM campaign_steps WHERE campaign_id = ? AND broker_id = ?"
                    + " ORDER BY step_number",
                campaign.id().value(),
                ANDES.value()))
        .containsExactly("send_message", "ai_message", "make_call");
  }

  @Test
  void givenTriggerAndStepConfigWithAccents_whenSavedAndFound_thenJsonbKeepsThemExactly() {
    Campaign campaign =
        Campaign.draft(
            ANDES,
            "Reactivación Ñuñoa y Peñalolén",
            "Leads tibios que preguntaron por deptos con terraza",
            CampaignChannel.ANY,
            CampaignTrigger.SCORE_THRESHOLD,
            Map.of("min_score", "70", "comuna", "Ñuñoa", "nota", "«pie» del 20 % — ¿sí?"),
            false,
            null,
            List.of(
                CampaignStep.of(
                    1,
                    StepAction.UPDATE_STAGE,
                    null,
                    0,
                    Map.of("stage", "financial_qualification", "motivo", "Puntaje ≥ 70, señal ñ")),
                CampaignStep.of(2, StepAction.WAIT, null, 48, Map.of())),
            NOW);

    save(campaign);
    Campaign found = find(ANDES, campaign.id()).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(campaign);
    assertThat(found.triggerConfig())
        .containsOnly(
            Map.entry("min_score", "70"),
            Map.entry("comuna", "Ñuñoa"),
            Map.entry("nota", "«pie» del 20 % — ¿sí?"));
    assertThat(found.steps().get(0).config()).containsEntry("motivo", "Puntaje ≥ 70, señal ñ");
    assertThat(found.exitOnReply()).isFalse();
    assertThat(found.createdBy()).isNull();
    assertThat(
            rows.value(
                "SELECT trigger_config ->> 'comuna' FROM campaigns WHERE id = ?",
                campaign.id().value()))
        .isEqualTo("Ñuñoa");
  }

  @Test
  void givenDraftWithoutStepsOrDescription_whenSavedAndFound_thenEmptyAndNullStayThatWay() {
    Campaign campaign =
        Campaign.draft(
            ANDES,
            "Borrador sin pasos",
            "   ",
            CampaignChannel.TELEGRAM,
            CampaignTrigger.MANUAL,
            Map.of(),
            true,
            ParentRows.DIEGO,
            List.of(),
            NOW);

    save(campaign);
    Campaign found = find(ANDES, campaign.id()).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(campaign);
    assertThat(found.description()).isNull();
    assertThat(found.steps()).isEmpty();
    assertThat(found.triggerConfig()).isEmpty();
    assertThat(
            rows.value(
                "SELECT trigger_config::text FROM campaigns WHERE id = ?", campaign.id().value()))
        .isEqualTo("{}");
  }

  @Test
  void givenStoredDraft_whenEditedAndStepsReplaced_thenNewDefinitionIsStoredAndVersionBumped() {
    Campaign campaign = CampaignMother.draft();
    save(campaign);
    CampaignStep firstKept = campaign.steps().get(0);
    List<CampaignStep> newSteps =
        List.of(
            firstKept,
            CampaignStep.of(2, StepAction.SEND_MESSAGE, reminder, 12, Map.of("hora", "mañana")));

    unitOfWork.inTransaction(
        () -> {
          Campaign loaded = repository.findById(ANDES, campaign.id()).orElseThrow();
          loaded.edit(
              "Seguimiento leads de Ñuñoa",
              "Solo dos pasos",
              CampaignChannel.WHATSAPP,
              CampaignTrigger.INACTIVITY,
              Map.of("inactive_hours", "72"),
              false,
              NOW.plusSeconds(60));
          loaded.replaceSteps(newSteps, NOW.plusSeconds(60));
          repository.save(loaded);
        });

    Campaign found = find(ANDES, campaign.id()).orElseThrow();
    assertThat(found.name()).isEqualTo("Seguimiento leads de Ñuñoa");
    assertThat(found.description()).isEqualTo("Solo dos pasos");
    assertThat(found.trigger()).isEqualTo(CampaignTrigger.INACTIVITY);
    assertThat(found.triggerConfig()).containsExactly(Map.entry("inactive_hours", "72"));
    assertThat(found.exitOnReply()).isFalse();
    assertThat(found.steps()).containsExactlyElementsOf(newSteps);
    assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(found.createdAt()).isEqualTo(NOW);
    assertThat(found.version()).isEqualTo(1);
    assertThat(
            rows.value(
                "SELECT count(*) FROM campaign_steps WHERE campaign_id = ?", campaign.id().value()))
        .isEqualTo(2L);
  }

  @Test
  void givenStoredSteps_whenReorderedKeepingTheirIds_thenTheNewOrderIsStored() {
    Campaign campaign = CampaignMother.draft();
    save(campaign);
    CampaignStep greet = campaign.steps().get(0);
    CampaignStep ai = campaign.steps().get(1);
    CampaignStep call = campaign.steps().get(2);
    List<CampaignStep> reordered =
        List.of(
            new CampaignStep(ai.id(), 1, ai.action(), null, 0, ai.config()),
            new CampaignStep(greet.id(), 2, greet.action(), GREETING, 6, Map.of()),
            new CampaignStep(call.id(), 3, call.action(), null, 72, Map.of()));
    Campaign loaded = find(ANDES, campaign.id()).orElseThrow();
    loaded.replaceSteps(reordered, NOW.plusSeconds(30));

    save(loaded);

    Campaign found = find(ANDES, campaign.id()).orElseThrow();
    assertThat(found.steps()).containsExactlyElementsOf(reordered);
    assertThat(found.steps())
        .extracting(CampaignStep::id)
        .containsExactly(ai.id(), greet.id(), call.id());
    assertThat(found.version()).isEqualTo(1);
  }

  @Test
  void givenStoredDraft_whenOnlyStatusChanges_thenStepRowsAreKept() {
    Campaign campaign = CampaignMother.draft();
    save(campaign);
    List<Object> stepRowsBefore =
        rows.column(
            "SELECT ctid::text FROM campaign_steps WHERE campaign_id = ? ORDER BY step_number",
            campaign.id().value());
    Campaign loaded = find(ANDES, campaign.id()).orElseThrow();
    loaded.activate(NOW.plusSeconds(10));

    save(loaded);

    Campaign found = find(ANDES, campaign.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(CampaignStatus.ACTIVE);
    assertThat(found.steps()).containsExactlyElementsOf(campaign.steps());
    assertThat(found.version()).isEqualTo(1);
    assertThat(
            rows.column(
                "SELECT ctid::text FROM campaign_steps WHERE campaign_id = ? ORDER BY step_number",
                campaign.id().value()))
        .containsExactlyElementsOf(stepRowsBefore);
  }

  @Test
  void givenStaleCopy_whenSaved_thenOptimisticLockExceptionAndFreshChangeKept() {
    Campaign campaign = CampaignMother.draft();
    save(campaign);
    Campaign first = find(ANDES, campaign.id()).orElseThrow();
    Campaign stale = find(ANDES, campaign.id()).orElseThrow();
    first.activate(NOW.plusSeconds(10));
    save(first);
    stale.replaceSteps(List.of(), NOW.plusSeconds(20));

    assertThatThrownBy(() -> save(stale))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class)
        .hasMessageContaining(campaign.id().toString())
        .hasMessageContaining("version 0");

    Campaign stored = find(ANDES, campaign.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(CampaignStatus.ACTIVE);
    assertThat(stored.steps()).hasSize(3);
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void givenTwoUnitsLoadingTheSameVersion_whenBothSave_thenTheLaterCommitFailsWithOptimisticLock()
      throws Exception {
    Campaign campaign = CampaignMother.draft();
    save(campaign);
    CountDownLatch slowLoaded = new CountDownLatch(1);
    CountDownLatch fastCommitted = new CountDownLatch(1);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<?> slow =
          executor.submit(
              () ->
                  unitOfWork.inTransaction(
                      () -> {
                        Campaign mine = repository.findById(ANDES, campaign.id()).orElseThrow();
                        slowLoaded.countDown();
                        awaitQuietly(fastCommitted);
                        mine.replaceSteps(
                            List.of(CampaignStep.of(1, StepAction.WAIT, null, 1, Map.of())),
                            NOW.plusSeconds(50));
                        repository.save(mine);
                      }));
      assertThat(slowLoaded.await(10, TimeUnit.SECONDS)).isTrue();
      unitOfWork.inTransaction(
          () -> {
            Campaign fast = repository.findById(ANDES, campaign.id()).orElseThrow();
            fast.activate(NOW.plusSeconds(40));
            repository.save(fast);
          });
      fastCommitted.countDown();

      assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ConcurrentChangeException.class);
    } finally {
      executor.shutdownNow();
    }

    Campaign stored = find(ANDES, campaign.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(CampaignStatus.ACTIVE);
    assertThat(stored.steps()).containsExactlyElementsOf(campaign.steps());
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void givenNewCampaign_whenSavedTwiceInOneUnitOfWork_thenBothChangesAreStored() {
    Campaign campaign = CampaignMother.draft();

    unitOfWork.inTransaction(
        () -> {
          repository.save(campaign);
          campaign.replaceSteps(
              List.of(CampaignStep.of(1, StepAction.MAKE_CALL, null, 2, Map.of())),
              NOW.plusSeconds(5));
          repository.save(campaign);
        });

    Campaign found = find(ANDES, campaign.id()).orElseThrow();
    assertThat(found.steps())
        .extracting(CampaignStep::action)
        .containsExactly(StepAction.MAKE_CALL);
    assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void givenAnotherBrokersId_whenFinding_thenNothingIsFound() {
    Campaign campaign = CampaignMother.draft();
    save(campaign);

    assertThat(find(costa, campaign.id())).isEmpty();
    assertThat(find(ANDES, CampaignId.newId())).isEmpty();
    assertThat(unitOfWork.inTransaction(() -> repository.findByBroker(costa)))
        .extracting(Campaign::id)
        .doesNotContain(campaign.id());
    BrokerId withoutCampaigns = rows.costa();
    assertThat(unitOfWork.inTransaction(() -> repository.findByBroker(withoutCampaigns))).isEmpty();
    assertThat(find(ANDES, campaign.id())).isPresent();
  }

  @Test
  void givenIdOfAnotherBrokersCampaign_whenSavedForThisBroker_thenRejectedAndOriginalUntouched() {
    Campaign costas = draft(costa, "Campaña Viña del Mar", NOW, List.of());
    save(costas);
    Campaign hijack =
        Campaign.reconstitute(
            costas.id(),
            ANDES,
            "Robada",
            null,
            CampaignChannel.WHATSAPP,
            CampaignStatus.DRAFT,
            CampaignTrigger.MANUAL,
            Map.of(),
            true,
            null,
            List.of(),
            NOW,
            NOW,
            0);

    assertThatThrownBy(() -> save(hijack))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another brokerage");

    assertThat(find(costa, costas.id()).orElseThrow().name()).isEqualTo("Campaña Viña del Mar");
    assertThat(find(ANDES, costas.id())).isEmpty();
  }

  @Test
  void givenSeveralCampaigns_whenFindingByBroker_thenNewestFirstEachWithItsOwnSteps() {
    BrokerId broker = rows.costa();
    Instant t = NOW.plus(Duration.ofDays(1));
    Campaign oldest = draft(broker, "Bienvenida", t, List.of());
    Campaign newest =
        draft(
            broker,
            "Reactivación",
            t.plusSeconds(120),
            List.of(
                CampaignStep.of(1, StepAction.AI_MESSAGE, null, 0, Map.of()),
                CampaignStep.of(2, StepAction.MAKE_CALL, null, 24, Map.of())));
    Campaign middle =
        draft(
            broker,
            "Post visita",
            t.plusSeconds(60),
            List.of(CampaignStep.of(1, StepAction.WAIT, null, 5, Map.of())));
    for (Campaign c : List.of(oldest, newest, middle)) {
      save(c);
    }
    save(draft(costa, "Otra corredora", t.plusSeconds(180), List.of()));

    List<Campaign> found = unitOfWork.inTransaction(() -> repository.findByBroker(broker));

    assertThat(found)
        .extracting(Campaign::id)
        .containsExactly(newest.id(), middle.id(), oldest.id());
    assertThat(found.get(0)).usingRecursiveComparison().isEqualTo(newest);
    assertThat(found.get(1)).usingRecursiveComparison().isEqualTo(middle);
    assertThat(found.get(2).steps()).isEmpty();
  }

  @Test
  void givenCampaignsCreatedAtTheSameInstant_whenFindingByBroker_thenTiesAreBrokenByIdDescending() {
    BrokerId broker = rows.costa();
    Campaign lowId = withId(CampaignId.of("01957a1e-0000-7000-8000-0000000000e1"), broker, "Uno");
    Campaign highId = withId(CampaignId.of("01957a1e-0000-7000-8000-0000000000e2"), broker, "Dos");
    save(highId);
    save(lowId);

    List<Campaign> found = unitOfWork.inTransaction(() -> repository.findByBroker(broker));

    assertThat(found).extracting(Campaign::id).containsExactly(highId.id(), lowId.id());
  }

  @Test
  void givenEveryStatusChannelTriggerAndStepAction_whenSavedAndFound_thenEachRoundTrips() {
    BrokerId broker = rows.costa();
    MessageTemplateId template = MessageTemplateId.newId();
    rows.template(template, broker, "Saludo Costa");
    Map<CampaignTrigger, Map<String, String>> configs =
        Map.of(
            CampaignTrigger.MANUAL, Map.of(),
            CampaignTrigger.STAGE_CHANGE, Map.of("stage", "scheduled"),
            CampaignTrigger.SCORE_THRESHOLD, Map.of("min_score", "70"),
            CampaignTrigger.INACTIVITY, Map.of("inactive_hours", "48"),
            CampaignTrigger.NEW_LEAD, Map.of());
    List<Campaign> campaigns = new ArrayList<>();
    for (int i = 0; i < CampaignStatus.values().length; i++) {
      CampaignTrigger trigger = CampaignTrigger.values()[i];
      campaigns.add(
          Campaign.reconstitute(
              CampaignId.newId(),
              broker,
              "Campaña " + i,
              null,
              CampaignChannel.values()[i],
              CampaignStatus.values()[i],
              trigger,
              configs.get(trigger),
              i % 2 == 0,
              null,
              everyAction(template),
              NOW.plusSeconds(i),
              NOW.plusSeconds(i),
              0));
    }
    campaigns.forEach(JpaCampaignRepositoryTest::save);

    for (Campaign c : campaigns) {
      assertThat(find(broker, c.id())).get().usingRecursiveComparison().isEqualTo(c);
    }
  }

  /** One step of every action, with fresh ids (step ids are unique across campaigns). */
  private static List<CampaignStep> everyAction(MessageTemplateId template) {
    return List.of(
        CampaignStep.of(1, StepAction.SEND_MESSAGE, template, 0, Map.of()),
        CampaignStep.of(2, StepAction.AI_MESSAGE, null, 1, Map.of("objetivo", "agendar")),
        CampaignStep.of(3, StepAction.MAKE_CALL, template, 2, Map.of()),
        CampaignStep.of(4, StepAction.UPDATE_STAGE, null, 3, Map.of("stage", "potential")),
        CampaignStep.of(5, StepAction.WAIT, null, CampaignStep.MAX_DELAY_HOURS, Map.of()));
  }

  private static Campaign withId(CampaignId id, BrokerId broker, String name) {
    Campaign c = draft(broker, name, NOW, List.of());
    return Campaign.reconstitute(
        id,
        broker,
        c.name(),
        c.description(),
        c.channel(),
        c.status(),
        c.trigger(),
        c.triggerConfig(),
        c.exitOnReply(),
        c.createdBy(),
        c.steps(),
        c.createdAt(),
        c.updatedAt(),
        0);
  }

  private static Campaign draft(
      BrokerId broker, String name, Instant at, List<CampaignStep> steps) {
    return Campaign.draft(
        broker,
        name,
        null,
        CampaignChannel.WHATSAPP,
        CampaignTrigger.MANUAL,
        Map.of(),
        true,
        null,
        steps,
        at);
  }

  private static void save(Campaign campaign) {
    unitOfWork.inTransaction(() -> repository.save(campaign));
  }

  private static Optional<Campaign> find(BrokerId broker, CampaignId id) {
    return unitOfWork.inTransaction(() -> repository.findById(broker, id));
  }
}
