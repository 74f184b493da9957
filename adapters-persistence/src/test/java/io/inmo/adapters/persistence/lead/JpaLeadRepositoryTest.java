package io.inmo.adapters.persistence.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.SealingFieldCodec;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.ChannelIdentity;
import io.inmo.domain.lead.CloseReason;
import io.inmo.domain.lead.DicomStatus;
import io.inmo.domain.lead.Fact;
import io.inmo.domain.lead.IdentityTakenException;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.lead.LeadFactsMother;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.lead.LeadMother;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.lead.Operation;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.lead.Timeline;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.scoring.ScoreComponent;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.Money;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.shared.TimeMother;
import io.inmo.domain.user.UserId;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaLeadRepositoryTest {
  private static final BrokerId ANDES = ParentRows.ANDES;
  private static final Instant NOW = TimeMother.NOW;

  /** The broker and agent {@link LeadMother#storedWithEveryColumn()} points at. */
  private static final BrokerId NUNOA = BrokerId.of("0195a1b2-0000-7000-8000-000000000001");

  private static final UserId JOAQUIN = UserId.of("0195a1b2-0000-7000-8000-0000000000bb");

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaLeadRepository repository;
  private static ParentRows rows;
  private static SealingFieldCodec codec;
  private static BrokerId costa;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    costa = rows.costa();
    rows.broker(NUNOA, "Propiedades Ñuñoa Ltda.", "propiedades-nunoa-ltda");
    rows.user(JOAQUIN, NUNOA, "Joaquín Muñoz", "AGENT");
    codec = new SealingFieldCodec();
    jpa = JpaPersistence.start(database.dataSource(), LeadJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaLeadRepository(unitOfWork, codec);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenLeadWithEveryColumn_whenSavedAndFound_thenEveryFieldAndIdentityRoundTrips() {
    Lead lead = LeadMother.storedWithEveryColumn();

    save(lead);
    Optional<Lead> found = find(NUNOA, lead.id());

    assertThat(found).isPresent();
    assertThat(found.get()).usingRecursiveComparison().isEqualTo(lead);
    assertThat(found.get().facts()).isEqualTo(LeadFactsMother.complete());
    assertThat(found.get().identityLinks())
        .containsEntry(ChannelIdentity.phone(LeadMother.PHONE), NOW)
        .containsEntry(ChannelIdentity.telegram("123456789"), TimeMother.later(1));
    assertThat(found.get().closeReason())
        .isEqualTo(CloseReason.of("bought_elsewhere", "Compró con otra corredora"));
    assertThat(
            rows.value(
                "SELECT status || '|' || pipeline_stage || '|' || closed_from_stage || '|'"
                    + " || qualification || '|' || tags::text || '|' || close_reason"
                    + " FROM leads WHERE id = ?",
                lead.id().value()))
        .isEqualTo("lost|lost|potential|POTENTIAL|{inversionista}|bought_elsewhere");
    assertThat(
            rows.column(
                "SELECT channel || ':' || value FROM lead_identities WHERE lead_id = ?"
                    + " ORDER BY created_at",
                lead.id().value()))
        .containsExactly("phone:+56912345678", "telegram:123456789");
  }

  @Test
  void givenCapturedLead_whenSavedAndFound_thenEmptyCollectionsAndNullColumnsRoundTrip() {
    Lead lead = LeadMother.captured(ANDES); // WhatsApp 56912345678, nothing else known

    save(lead);
    Lead found = find(ANDES, lead.id()).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(lead);
    assertThat(found.name()).isNull();
    assertThat(found.phone()).isNull();
    assertThat(found.facts()).isEqualTo(LeadFacts.empty());
    assertThat(found.tags()).isEmpty();
    assertThat(found.stage()).isEqualTo(PipelineStage.NEW);
    assertThat(found.identities()).containsExactly(ChannelIdentity.whatsapp("56912345678"));
    assertThat(found.version()).isZero();
    assertThat(
            rows.value(
                "SELECT lead_metadata::text || '|' || score_components::text || '|' || tags::text"
                    + " || '|' || (sensitive_metadata IS NULL) FROM leads WHERE id = ?",
                lead.id().value()))
        .isEqualTo("{}|[]|{}|true");
  }

  @Test
  void givenFactsWithFinances_whenSaved_thenProfileGoesToJsonbAndFinancesOnlyThroughTheCodec() {
    Lead lead = captured(ChannelIdentity.whatsapp("56987654321"), NOW);
    lead.rename("Camila Rojas", NOW);
    lead.changePhone(new PhoneNumber("+56987654321"), NOW);
    LeadFacts facts =
        LeadFactsMother.complete().toBuilder()
            .location(Fact.of("Peñalolén, cerca del metro Grecia", "wamid.HBgL56987654321"))
            .budget(Fact.of(Money.uf("4350.50"), "wamid.HBgL56987654321"))
            .monthlyIncome(Fact.of(Money.clp(2_350_000), "wamid.HBgL56987654322"))
            .build();
    lead.updateFacts(facts, NOW.plusSeconds(30));

    save(lead);
    Lead found = find(ANDES, lead.id()).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(lead);
    assertThat(found.facts()).isEqualTo(facts);
    assertThat(found.facts().budget().value().amount()).isEqualByComparingTo("4350.50");
    assertThat(found.facts().location().value()).isEqualTo("Peñalolén, cerca del metro Grecia");
    assertThat(
            rows.value(
                "SELECT (lead_metadata->'location'->>'value') || '|'"
                    + " || (lead_metadata->'budget'->'value')::text || '|'"
                    + " || (lead_metadata ??| array['monthlyIncome', 'dicomStatus', 'debtAmount'])"
                    + " FROM leads WHERE id = ?",
                lead.id().value()))
        .isEqualTo(
            "Peñalolén, cerca del metro Grecia|{\"amount\": \"4350.5\", \"currency\": \"UF\"}|false");
    String sensitive = sensitiveColumn(lead.id());
    assertThat(sensitive).startsWith(SealingFieldCodec.PREFIX).doesNotContain("2350000");
    assertThat(SealingFieldCodec.contextOf(sensitive))
        .isEqualTo("leads.sensitive_metadata:" + lead.id());
    assertThat(SealingFieldCodec.plaintextOf(sensitive))
        .contains("\"monthlyIncome\":{\"value\":{\"amount\":\"2350000\",\"currency\":\"CLP\"}")
        .contains("\"dicomStatus\":{\"value\":\"clean\"")
        .doesNotContain("location")
        .doesNotContain("budget");
  }

  @Test
  void givenLoadedLeadWithFinances_whenSavedUnchanged_thenNothingIsRewrittenNorReversioned() {
    Lead lead = captured(ChannelIdentity.telegram("880011223"), NOW);
    lead.updateFacts(LeadFactsMother.complete(), NOW);
    lead.tag("Inversionista", NOW);
    lead.tag("pie-20%", NOW);
    lead.applyScore(
        LeadScore.of(64),
        List.of(new ScoreComponent("budget", 20, "Presupuesto de 5.000 UF en Ñuñoa")),
        LeadStatus.WARM,
        Qualification.QUALIFIED,
        NOW);
    save(lead);
    String sealed = sensitiveColumn(lead.id());
    int encodings = codec.encodings();

    unitOfWork.inTransaction(
        () -> repository.save(repository.findById(ANDES, lead.id()).orElseThrow()));

    assertThat(codec.encodings()).isEqualTo(encodings);
    assertThat(sensitiveColumn(lead.id())).isEqualTo(sealed);
    Lead found = find(ANDES, lead.id()).orElseThrow();
    assertThat(found.version()).isZero();
    assertThat(found.tags()).containsExactlyInAnyOrder("inversionista", "pie-20%");
    assertThat(found.scoreComponents())
        .containsExactly(new ScoreComponent("budget", 20, "Presupuesto de 5.000 UF en Ñuñoa"));
  }

  @Test
  void givenLeadWithFinances_whenFinancesForgotten_thenSensitiveColumnIsCleared() {
    Lead lead = captured(ChannelIdentity.telegram("880011224"), NOW);
    lead.updateFacts(LeadFactsMother.complete(), NOW);
    save(lead);

    unitOfWork.inTransaction(
        () -> {
          Lead loaded = repository.findById(ANDES, lead.id()).orElseThrow();
          loaded.correctFacts(LeadFactsMother.apartmentInNunoa(), NOW.plusSeconds(60));
          repository.save(loaded);
        });

    Lead found = find(ANDES, lead.id()).orElseThrow();
    assertThat(found.facts()).isEqualTo(LeadFactsMother.apartmentInNunoa());
    assertThat(found.facts().monthlyIncome()).isNull();
    assertThat(found.version()).isEqualTo(1);
    assertThat(sensitiveColumn(lead.id())).isNull();
  }

  @Test
  void givenSealedFinancesCopiedToAnotherLead_whenFound_thenTheyDoNotDecode() {
    Lead owner = captured(ChannelIdentity.telegram("880011225"), NOW);
    owner.updateFacts(LeadFactsMother.solventFinances(), NOW);
    Lead other = captured(ChannelIdentity.telegram("880011226"), NOW);
    save(owner);
    save(other);

    rows.execute(
        "UPDATE leads SET sensitive_metadata = (SELECT sensitive_metadata FROM leads WHERE id = ?)"
            + " WHERE id = ?",
        owner.id().value(),
        other.id().value());

    assertThatThrownBy(() -> find(ANDES, other.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(owner.id().toString());
  }

  @Test
  void givenStoredLead_whenWorkedAndClosedAndSaved_thenUpdateIsStoredAndVersionBumped() {
    Lead lead = captured(ChannelIdentity.whatsapp("56911122233"), NOW);
    lead.rename("Martina Herrera", NOW);
    save(lead);
    Instant later = NOW.plusSeconds(3_600);

    unitOfWork.inTransaction(
        () -> {
          Lead loaded = repository.findById(ANDES, lead.id()).orElseThrow();
          loaded.changeEmail(new Email("martina.herrera@gmail.com"), later);
          loaded.assignTo(ParentRows.DIEGO, later);
          loaded.tag("Providencia", later);
          loaded.changeNotes("Prefiere que la llamen después de las 18:00", later);
          loaded.applyScore(
              LeadScore.of(85),
              List.of(
                  new ScoreComponent("budget", 20, "Presupuesto de 6.200 UF"),
                  new ScoreComponent("dicom_status", 15, "Sin deudas en DICOM")),
              LeadStatus.HOT,
              Qualification.QUALIFIED,
              later);
          loaded.advanceTo(PipelineStage.SCHEDULED, later);
          loaded.recordContact(later);
          loaded.scheduleNextAction(later.plusSeconds(86_400), later);
          loaded.close(
              PipelineStage.WON, CloseReason.of("sold", "Compró depto 1203 en Ñuñoa"), later);
          repository.save(loaded);
        });

    Lead found = find(ANDES, lead.id()).orElseThrow();
    assertThat(found.email()).isEqualTo(new Email("martina.herrera@gmail.com"));
    assertThat(found.assignedTo()).isEqualTo(ParentRows.DIEGO);
    assertThat(found.tags()).containsExactly("providencia");
    assertThat(found.notes()).isEqualTo("Prefiere que la llamen después de las 18:00");
    assertThat(found.score()).isEqualTo(LeadScore.of(85));
    assertThat(found.scoreComponents()).hasSize(2);
    assertThat(found.status()).isEqualTo(LeadStatus.CONVERTED);
    assertThat(found.qualification()).isEqualTo(Qualification.QUALIFIED);
    assertThat(found.stage()).isEqualTo(PipelineStage.WON);
    assertThat(found.closedFromStage()).isEqualTo(PipelineStage.SCHEDULED);
    assertThat(found.closeReason()).isEqualTo(CloseReason.of("sold", "Compró depto 1203 en Ñuñoa"));
    assertThat(found.closedAt()).isEqualTo(later);
    assertThat(found.lastContactedAt()).isEqualTo(later);
    assertThat(found.nextActionAt()).isEqualTo(later.plusSeconds(86_400));
    assertThat(found.stageEnteredAt()).isEqualTo(later);
    assertThat(found.createdAt()).isEqualTo(NOW);
    assertThat(found.version()).isEqualTo(1);
  }

  @Test
  void givenUnknownLead_whenFinding_thenNothingIsFound() {
    assertThat(find(ANDES, LeadId.newId())).isEmpty();
    assertThat(findByIdentity(ANDES, ChannelIdentity.telegram("000000000"))).isEmpty();
    assertThat(findByPhone(ANDES, "+56900000000")).isEmpty();
    assertThat(findByEmail(ANDES, "nadie@ejemplo.cl")).isEmpty();
    assertThat(find(ANDES, ParentRows.CAMILA).map(Lead::name)).contains("Camila Rojas");
  }

  @Test
  void givenLeadOfAnotherBroker_whenFinding_thenNothingIsFoundByAnyKey() {
    ChannelIdentity telegram = ChannelIdentity.telegram("5550001111");
    Lead lead = captured(telegram, NOW);
    lead.changePhone(new PhoneNumber("+56955500011"), NOW);
    lead.changeEmail(new Email("rodrigo.paredes@gmail.com"), NOW);
    save(lead);

    assertThat(find(costa, lead.id())).isEmpty();
    assertThat(findByIdentity(costa, telegram)).isEmpty();
    assertThat(findByPhone(costa, "+56955500011")).isEmpty();
    assertThat(findByEmail(costa, "rodrigo.paredes@gmail.com")).isEmpty();
    assertThat(find(ANDES, lead.id())).isPresent();
    assertThat(findByIdentity(ANDES, telegram).map(Lead::id)).contains(lead.id());
    assertThat(findByPhone(ANDES, "+56955500011").map(Lead::id)).contains(lead.id());
    assertThat(findByEmail(ANDES, "rodrigo.paredes@gmail.com").map(Lead::id)).contains(lead.id());
  }

  @Test
  void givenSameIdentityInTwoBrokers_whenBothSaved_thenEachBrokerFindsItsOwnLead() {
    ChannelIdentity whatsapp = ChannelIdentity.whatsapp("56933344455");
    Lead andes = captured(whatsapp, NOW);
    Lead inCosta = Lead.capture(costa, whatsapp, NOW);

    save(andes);
    save(inCosta);

    assertThat(findByIdentity(ANDES, whatsapp).map(Lead::id)).contains(andes.id());
    assertThat(findByIdentity(costa, whatsapp).map(Lead::id)).contains(inCosta.id());
  }

  @Test
  void givenIdentityOfAnotherLead_whenNewLeadSaved_thenIdentityTakenAndNothingStored() {
    ChannelIdentity telegram = ChannelIdentity.telegram("6660002222");
    save(captured(telegram, NOW));
    Lead duplicate = captured(telegram, NOW.plusSeconds(1));

    assertThatThrownBy(() -> save(duplicate))
        .isInstanceOfSatisfying(
            IdentityTakenException.class,
            e -> {
              assertThat(e.code()).isEqualTo(IdentityTakenException.CODE);
              assertThat(e.identity()).isEqualTo(telegram);
            });

    assertThat(find(ANDES, duplicate.id())).isEmpty();
    assertThat(
            rows.value(
                "SELECT count(*) FROM lead_identities WHERE channel = 'telegram'"
                    + " AND value = '6660002222'"))
        .isEqualTo(1L);
  }

  @Test
  void givenStoredLead_whenIdentityOfAnotherLeadAdded_thenIdentityTakenAndLeadUnchanged() {
    ChannelIdentity email = ChannelIdentity.email(new Email("ignacia.silva@gmail.com"));
    save(captured(email, NOW));
    Lead lead = captured(ChannelIdentity.webchat("wc-7f3a9c1e"), NOW);
    save(lead);
    Lead loaded = find(ANDES, lead.id()).orElseThrow();
    loaded.addIdentity(email, NOW.plusSeconds(5));
    loaded.rename("Ignacia Silva", NOW.plusSeconds(5));

    assertThatThrownBy(() -> save(loaded))
        .isInstanceOfSatisfying(
            IdentityTakenException.class, e -> assertThat(e.identity()).isEqualTo(email));

    Lead stored = find(ANDES, lead.id()).orElseThrow();
    assertThat(stored.identities()).containsExactly(ChannelIdentity.webchat("wc-7f3a9c1e"));
    assertThat(stored.name()).isNull();
    assertThat(stored.version()).isZero();
  }

  @Test
  void givenTwoUnitsCapturingTheSameIdentity_whenBothCommit_thenTheLaterFailsWithIdentityTaken()
      throws Exception {
    ChannelIdentity whatsapp = ChannelIdentity.whatsapp("56977788899");
    Lead first = captured(whatsapp, NOW);
    Lead second = captured(whatsapp, NOW.plusSeconds(1));
    CountDownLatch firstFlushed = new CountDownLatch(1);
    CompletableFuture<Void> firstUnit =
        CompletableFuture.runAsync(
            () ->
                unitOfWork.inTransaction(
                    () -> {
                      repository.save(first); // flushed, not yet committed
                      firstFlushed.countDown();
                      sleep(700); // the second unit's insert waits on the unique index
                    }));
    assertThat(firstFlushed.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> save(second))
        .isInstanceOfSatisfying(
            IdentityTakenException.class, e -> assertThat(e.identity()).isEqualTo(whatsapp));

    firstUnit.get(10, TimeUnit.SECONDS);
    assertThat(findByIdentity(ANDES, whatsapp).map(Lead::id)).contains(first.id());
    assertThat(find(ANDES, second.id())).isEmpty();
  }

  @Test
  void givenStoredLead_whenIdentityAdded_thenItsRowIsInsertedWithTheLinkTime() {
    Lead lead = captured(ChannelIdentity.webchat("wc-b81e22"), NOW);
    save(lead);
    PhoneNumber phone = new PhoneNumber("+56 9 6612 3344");

    unitOfWork.inTransaction(
        () -> {
          Lead loaded = repository.findById(ANDES, lead.id()).orElseThrow();
          loaded.changePhone(phone, NOW.plusSeconds(120));
          loaded.addIdentity(ChannelIdentity.phone(phone), NOW.plusSeconds(120));
          repository.save(loaded);
        });

    assertThat(findByIdentity(ANDES, ChannelIdentity.phone(phone)).map(Lead::id))
        .contains(lead.id());
    assertThat(find(ANDES, lead.id()).orElseThrow().identityLinks())
        .containsExactly(
            Map.entry(ChannelIdentity.webchat("wc-b81e22"), NOW),
            Map.entry(ChannelIdentity.phone(phone), NOW.plusSeconds(120)));
    assertThat(
            rows.column(
                "SELECT channel || ':' || value || ':' || broker_id FROM lead_identities"
                    + " WHERE lead_id = ? ORDER BY created_at",
                lead.id().value()))
        .containsExactly("webchat:wc-b81e22:" + ANDES, "phone:+56966123344:" + ANDES);
  }

  @Test
  void givenSoftDeletedLead_whenSaved_thenIdentitiesAreReleasedForANewLead() {
    ChannelIdentity telegram = ChannelIdentity.telegram("7770003333");
    Lead lead = captured(telegram, NOW);
    lead.changePhone(new PhoneNumber("+56944455566"), NOW);
    save(lead);

    unitOfWork.inTransaction(
        () -> {
          Lead loaded = repository.findById(ANDES, lead.id()).orElseThrow();
          loaded.softDelete(NOW.plusSeconds(60));
          repository.save(loaded);
        });

    Lead deleted = find(ANDES, lead.id()).orElseThrow();
    assertThat(deleted.isDeleted()).isTrue();
    assertThat(deleted.deletedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(deleted.identities()).isEmpty();
    assertThat(findByIdentity(ANDES, telegram)).isEmpty();
    assertThat(findByPhone(ANDES, "+56944455566")).isEmpty();
    assertThat(
            rows.value("SELECT count(*) FROM lead_identities WHERE lead_id = ?", lead.id().value()))
        .isEqualTo(0L);
    Lead again = captured(telegram, NOW.plusSeconds(120));
    save(again);
    assertThat(findByIdentity(ANDES, telegram).map(Lead::id)).contains(again.id());
  }

  @Test
  void givenSeveralLeadsWithOnePhone_whenFindingByPhone_thenTheOldestLiveOne() {
    Lead newest = withPhone("7770001", "+56912300099", NOW.plusSeconds(30));
    Lead oldestDeleted = withPhone("7770002", "+56912300099", NOW.plusSeconds(10));
    oldestDeleted.softDelete(NOW.plusSeconds(40));
    Lead oldestLive = withPhone("7770003", "+56912300099", NOW.plusSeconds(20));
    Lead otherPhone = withPhone("7770004", "+56912300098", NOW);
    for (Lead l : List.of(newest, oldestDeleted, oldestLive, otherPhone)) {
      save(l);
    }

    Optional<Lead> found = findByPhone(ANDES, "+56912300099");

    assertThat(found.map(Lead::id)).contains(oldestLive.id());
    assertThat(found.get()).usingRecursiveComparison().isEqualTo(oldestLive);
  }

  @Test
  void givenSeveralLeadsWithOneEmail_whenFindingByEmail_thenTheOldestLiveOneWhateverItsCase() {
    Lead newest = withEmail("8880001", "sofia.gonzalez@hotmail.com", NOW.plusSeconds(30));
    Lead oldest = withEmail("8880002", "sofia.gonzalez@hotmail.com", NOW.plusSeconds(10));
    save(newest);
    save(oldest);
    rows.execute(
        "UPDATE leads SET email = 'Sofia.Gonzalez@Hotmail.com' WHERE id = ?", oldest.id().value());

    Optional<Lead> found = findByEmail(ANDES, "SOFIA.GONZALEZ@hotmail.com");

    assertThat(found.map(Lead::id)).contains(oldest.id());
    assertThat(found.get().email()).isEqualTo(new Email("sofia.gonzalez@hotmail.com"));
  }

  @Test
  void givenStaleCopy_whenSaved_thenOptimisticLockExceptionAndFreshChangeKept() {
    Lead lead = captured(ChannelIdentity.telegram("9990001111"), NOW);
    save(lead);
    Lead first = find(ANDES, lead.id()).orElseThrow();
    Lead stale = find(ANDES, lead.id()).orElseThrow();
    first.rename("Valentina Castro", NOW.plusSeconds(10));
    save(first);
    stale.addIdentity(ChannelIdentity.telegram("9990002222"), NOW.plusSeconds(20));
    stale.updateFacts(
        LeadFacts.builder().operation(Fact.of(Operation.RENT, "m-9")).build(), NOW.plusSeconds(20));

    assertThatThrownBy(() -> save(stale))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class)
        .hasMessageContaining(lead.id().toString())
        .hasMessageContaining("version 0");

    Lead stored = find(ANDES, lead.id()).orElseThrow();
    assertThat(stored.name()).isEqualTo("Valentina Castro");
    assertThat(stored.facts().operation()).isNull();
    assertThat(stored.identities()).containsExactly(ChannelIdentity.telegram("9990001111"));
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void givenWriterCommittingWhileAUnitHoldsTheLead_whenTheUnitSaves_thenOptimisticLockException() {
    Lead lead = captured(ChannelIdentity.telegram("4440006666"), NOW);
    save(lead);

    assertThatThrownBy(
            () ->
                unitOfWork.inTransaction(
                    () -> {
                      Lead mine = repository.findById(ANDES, lead.id()).orElseThrow();
                      CompletableFuture.runAsync(
                              () ->
                                  unitOfWork.inTransaction(
                                      () -> {
                                        Lead theirs =
                                            repository.findById(ANDES, lead.id()).orElseThrow();
                                        theirs.rename("Fernanda Ríos", NOW.plusSeconds(10));
                                        repository.save(theirs);
                                      }))
                          .join();
                      mine.changeNotes("Busca casa con patio en La Florida", NOW.plusSeconds(20));
                      repository.save(mine);
                    }))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class);

    Lead stored = find(ANDES, lead.id()).orElseThrow();
    assertThat(stored.name()).isEqualTo("Fernanda Ríos");
    assertThat(stored.notes()).isNull();
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void givenNewLead_whenSavedTwiceInOneUnitOfWork_thenBothChangesAreStoredOnce() {
    Lead lead = captured(ChannelIdentity.telegram("1230004444"), NOW);

    unitOfWork.inTransaction(
        () -> {
          repository.save(lead);
          lead.addIdentity(ChannelIdentity.webchat("wc-44aa"), NOW.plusSeconds(5));
          lead.updateFacts(
              LeadFacts.builder()
                  .propertyType(Fact.of(PropertyType.HOUSE, "m-1"))
                  .dicomStatus(Fact.of(DicomStatus.HAS_DEBT, "m-2"))
                  .debtAmount(Fact.of(Money.clp(3_500_000), "m-2"))
                  .timeline(Fact.of(Timeline.IMMEDIATE)) // typed by staff: no source message
                  .build(),
              NOW.plusSeconds(5));
          repository.save(lead);
        });

    Lead found = find(ANDES, lead.id()).orElseThrow();
    assertThat(found).usingRecursiveComparison().ignoringFields("version").isEqualTo(lead);
    assertThat(found.facts().debtAmount().value().amount()).isEqualTo(new BigDecimal("3500000"));
    assertThat(found.facts().timeline()).isEqualTo(Fact.of(Timeline.IMMEDIATE));
    assertThat(found.facts().timeline().sourceMessageId()).isNull();
    assertThat(
            rows.value("SELECT count(*) FROM lead_identities WHERE lead_id = ?", lead.id().value()))
        .isEqualTo(2L);
  }

  @Test
  void givenLeadIdStoredUnderAnotherBroker_whenSaved_thenIllegalStateAndRowUntouched() {
    Lead lead = captured(ChannelIdentity.telegram("3210005555"), NOW);
    save(lead);
    Lead hijacked = underBroker(lead, costa);
    hijacked.rename("Intruso", NOW.plusSeconds(1));

    assertThatThrownBy(() -> save(hijacked))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(lead.id().toString());

    assertThat(find(costa, lead.id())).isEmpty();
    assertThat(find(ANDES, lead.id()).orElseThrow().name()).isNull();
  }

  // ---- the nightly job's candidates ----

  private static final Duration STALE_AFTER = Duration.ofDays(14);

  /** The night the job runs: 30 days after NOW. */
  private static final Instant TONIGHT = NOW.plus(Duration.ofDays(30));

  /** Leads with no contact or stage move since then are idle tonight. */
  private static final Instant IDLE_BEFORE = TONIGHT.minus(STALE_AFTER);

  private static final ScoreComponent ENGAGEMENT =
      new ScoreComponent("engagement", 10, "Interacción: respondió 4 mensajes esta semana");

  private static Instant day(int days) {
    return NOW.plus(Duration.ofDays(days));
  }

  /** A lead of {@code broker} captured on Telegram at {@code at}, named, events pulled. */
  private static Lead nightlyLead(BrokerId broker, String name, String telegram, Instant at) {
    Lead lead = Lead.capture(broker, ChannelIdentity.telegram(telegram), at);
    lead.rename(name, at);
    lead.pullEvents();
    return lead;
  }

  private static void scoreWith(Lead lead, Instant at, ScoreComponent... components) {
    lead.applyScore(LeadScore.of(40), List.of(components), LeadStatus.WARM, null, at);
  }

  private static List<Lead> nightlyCandidates(BrokerId broker, LeadId after, int limit) {
    return unitOfWork.inTransaction(
        () -> repository.findNightlyCandidates(broker, "engagement", IDLE_BEFORE, after, limit));
  }

  private static List<LeadId> inIdOrder(Lead... leads) {
    return Arrays.stream(leads)
        .map(Lead::id)
        .sorted(Comparator.comparing(id -> id.value().toString())) // PostgreSQL's uuid order
        .toList();
  }

  @Test
  void givenBrokerBook_whenNightlyCandidatesRead_thenEngagedOrIdleLiveOpenLeadsOfThatBrokerOnly() {
    BrokerId broker = rows.costa();
    BrokerId neighbour = rows.costa();
    // (a) active last week and scored with a time-dependent engagement component
    Lead engaged = nightlyLead(broker, "Catalina Muñoz", "5101001", day(25));
    scoreWith(
        engaged, day(25), new ScoreComponent("budget", 20, "Presupuesto de 4.500 UF"), ENGAGEMENT);
    // (a') engagement component but already flagged stale: still rescored
    Lead engagedStale = nightlyLead(broker, "Matías Fernández", "5101002", NOW);
    scoreWith(engagedStale, NOW, ENGAGEMENT);
    assertThat(engagedStale.flagIfIdle(STALE_AFTER, day(20))).isTrue();
    // (b) worked early on, then nothing: idle, not yet flagged
    Lead idle = nightlyLead(broker, "Javiera Contreras", "5101003", NOW);
    idle.advanceTo(PipelineStage.PROFILING, day(1));
    idle.recordContact(day(2));
    scoreWith(idle, day(2), new ScoreComponent("location", 15, "Busca en La Reina"));
    // (b') last contact exactly at the idle limit
    Lead idleAtLimit = nightlyLead(broker, "Felipe Araya", "5101004", NOW);
    idleAtLimit.recordContact(IDLE_BEFORE);
    // (c) recently contacted, recently moved, recently captured: none engaged
    Lead contacted = nightlyLead(broker, "Fernanda Ríos", "5101005", NOW);
    contacted.recordContact(IDLE_BEFORE.plusSeconds(1));
    Lead moved = nightlyLead(broker, "Benjamín Soto", "5101006", NOW);
    moved.advanceTo(PipelineStage.POTENTIAL, day(20));
    Lead fresh = nightlyLead(broker, "Antonia Vergara", "5101007", day(28));
    // (d) idle but already flagged, no engagement
    Lead stale = nightlyLead(broker, "Tomás Díaz", "5101008", NOW);
    assertThat(stale.flagIfIdle(STALE_AFTER, day(15))).isTrue();
    // (e) idle but won, lost, deleted or opted out (engagement on some: still out)
    Lead won = nightlyLead(broker, "Sofía González", "5101009", NOW);
    scoreWith(won, NOW, ENGAGEMENT);
    won.close(PipelineStage.WON, CloseReason.of("sold", "Compró depto 802 en Providencia"), day(1));
    Lead lost = nightlyLead(broker, "Ignacio Valdés", "5101010", NOW);
    lost.close(PipelineStage.LOST, CloseReason.of("bought_elsewhere"), day(1));
    Lead deleted = nightlyLead(broker, "Valentina Castro", "5101011", NOW);
    scoreWith(deleted, NOW, ENGAGEMENT);
    deleted.softDelete(day(1));
    Lead optedOut = nightlyLead(broker, "Rodrigo Paredes", "5101012", NOW);
    optedOut.optOut(day(1));
    // (f) another broker's idle, engaged lead
    Lead foreign = nightlyLead(neighbour, "Martina Herrera", "5101013", NOW);
    scoreWith(foreign, NOW, ENGAGEMENT);
    for (Lead lead :
        List.of(
            engaged,
            engagedStale,
            idle,
            idleAtLimit,
            contacted,
            moved,
            fresh,
            stale,
            won,
            lost,
            deleted,
            optedOut,
            foreign)) {
      save(lead);
    }

    List<Lead> candidates = nightlyCandidates(broker, null, 100);

    assertThat(candidates)
        .extracting(Lead::id)
        .containsExactlyElementsOf(inIdOrder(engaged, engagedStale, idle, idleAtLimit));
    assertThat(nightlyCandidates(neighbour, null, 100))
        .extracting(Lead::id)
        .containsExactly(foreign.id());
  }

  @Test
  void givenCandidates_whenRead_thenWholeLeadsWithIdentitiesAndStaleFlag() {
    BrokerId broker = rows.costa();
    PhoneNumber phone = new PhoneNumber("+56 9 7788 1122");
    Lead idle = nightlyLead(broker, "Camila Rojas", "5102001", NOW);
    idle.changePhone(phone, NOW);
    idle.addIdentity(ChannelIdentity.phone(phone), day(1));
    idle.updateFacts(LeadFactsMother.apartmentInNunoa(), day(1));
    idle.tag("Ñuñoa", day(1));
    Lead engagedStale = nightlyLead(broker, "Joaquín Muñoz", "5102002", NOW);
    scoreWith(engagedStale, NOW, ENGAGEMENT);
    engagedStale.flagIfIdle(STALE_AFTER, day(20));
    idle.pullEvents();
    engagedStale.pullEvents();
    save(idle);
    save(engagedStale);

    List<Lead> candidates = nightlyCandidates(broker, null, 10);

    assertThat(candidates).hasSize(2);
    Lead foundIdle =
        candidates.stream().filter(l -> l.id().equals(idle.id())).findFirst().orElseThrow();
    assertThat(foundIdle).usingRecursiveComparison().isEqualTo(idle);
    assertThat(foundIdle.identityLinks())
        .containsExactly(
            Map.entry(ChannelIdentity.telegram("5102001"), NOW),
            Map.entry(ChannelIdentity.phone(phone), day(1)));
    Lead foundStale =
        candidates.stream().filter(l -> l.id().equals(engagedStale.id())).findFirst().orElseThrow();
    assertThat(foundStale).usingRecursiveComparison().isEqualTo(engagedStale);
    assertThat(foundStale.staleSince()).isEqualTo(day(20));
    assertThat(foundStale.identities()).containsExactly(ChannelIdentity.telegram("5102002"));
  }

  @Test
  void givenMoreCandidatesThanALimit_whenPagedAfterTheLastId_thenIdOrderWithoutRepeatsOrGaps() {
    BrokerId broker = rows.costa();
    List<Lead> saved = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Lead lead = nightlyLead(broker, "Lead importado " + i, "51030" + i, NOW.plusSeconds(i));
      if (i % 3 == 0) { // recently contacted and not engaged: never a candidate
        lead.recordContact(day(25));
      } else {
        saved.add(lead);
      }
      save(lead);
    }
    List<LeadId> expected = inIdOrder(saved.toArray(Lead[]::new));

    List<LeadId> walked = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    LeadId after = null;
    List<Lead> page;
    do {
      page = nightlyCandidates(broker, after, 2);
      pageSizes.add(page.size());
      page.forEach(l -> walked.add(l.id()));
      if (!page.isEmpty()) {
        after = page.getLast().id();
      }
    } while (!page.isEmpty());

    assertThat(expected).hasSize(4);
    assertThat(walked).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
    assertThat(pageSizes).containsExactly(2, 2, 0);
    assertThat(nightlyCandidates(broker, expected.get(1), 1))
        .extracting(Lead::id)
        .containsExactly(expected.get(2));
    assertThat(nightlyCandidates(broker, expected.getLast(), 10)).isEmpty();
    assertThatThrownBy(() -> nightlyCandidates(broker, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenCandidateFlaggedAndSaved_whenReadAgain_thenNoLongerACandidate() {
    BrokerId broker = rows.costa();
    Lead idle = nightlyLead(broker, "Francisca León", "5104001", NOW);
    save(idle);
    assertThat(nightlyCandidates(broker, null, 10)).extracting(Lead::id).containsExactly(idle.id());

    unitOfWork.inTransaction(
        () -> {
          List<Lead> found =
              repository.findNightlyCandidates(broker, "engagement", IDLE_BEFORE, null, 10);
          assertThat(found.getFirst().flagIfIdle(STALE_AFTER, TONIGHT)).isTrue();
          repository.saveAll(found);
        });

    assertThat(nightlyCandidates(broker, null, 10)).isEmpty();
    assertThat(rows.value("SELECT stale_since FROM leads WHERE id = ?", idle.id().value()))
        .isNotNull();
    assertThat(find(broker, idle.id()).orElseThrow().staleSince()).isEqualTo(TONIGHT);
  }

  private static Lead captured(ChannelIdentity identity, Instant at) {
    Lead lead = Lead.capture(ANDES, identity, at);
    lead.pullEvents();
    return lead;
  }

  private static Lead withPhone(String telegram, String phone, Instant createdAt) {
    Lead lead = captured(ChannelIdentity.telegram(telegram), createdAt);
    lead.changePhone(new PhoneNumber(phone), createdAt);
    return lead;
  }

  private static Lead withEmail(String telegram, String email, Instant createdAt) {
    Lead lead = captured(ChannelIdentity.telegram(telegram), createdAt);
    lead.changeEmail(new Email(email), createdAt);
    return lead;
  }

  /** The same lead (id, version, columns) claimed by another broker. */
  private static Lead underBroker(Lead l, BrokerId broker) {
    return Lead.reconstitute(
        l.id(),
        broker,
        l.phone(),
        l.name(),
        l.email(),
        l.status(),
        l.score(),
        l.scoreComponents(),
        l.qualification(),
        l.facts(),
        l.stage(),
        l.assignedTo(),
        l.tags(),
        l.notes(),
        l.closeReason(),
        l.closedAt(),
        l.closedFromStage(),
        l.optedOutAt(),
        l.lastContactedAt(),
        l.stageEnteredAt(),
        l.nextActionAt(),
        l.staleSince(),
        l.deletedAt(),
        l.createdAt(),
        l.updatedAt(),
        l.version(),
        l.identityLinks());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String sensitiveColumn(LeadId id) {
    return (String) rows.value("SELECT sensitive_metadata FROM leads WHERE id = ?", id.value());
  }

  private static void save(Lead lead) {
    unitOfWork.inTransaction(() -> repository.save(lead));
  }

  private static Optional<Lead> find(BrokerId broker, LeadId id) {
    return unitOfWork.inTransaction(() -> repository.findById(broker, id));
  }

  private static Optional<Lead> findByIdentity(BrokerId broker, ChannelIdentity identity) {
    return unitOfWork.inTransaction(() -> repository.findByIdentity(broker, identity));
  }

  private static Optional<Lead> findByPhone(BrokerId broker, String phone) {
    return unitOfWork.inTransaction(() -> repository.findByPhone(broker, new PhoneNumber(phone)));
  }

  private static Optional<Lead> findByEmail(BrokerId broker, String email) {
    return unitOfWork.inTransaction(() -> repository.findByEmail(broker, new Email(email)));
  }
}
