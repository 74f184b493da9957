package io.inmo.adapters.persistence.call;

import static io.inmo.adapters.persistence.Latches.awaitQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.call.CallStatus;
import io.inmo.domain.call.Speaker;
import io.inmo.domain.call.TranscriptLine;
import io.inmo.domain.call.VoiceCall;
import io.inmo.domain.call.VoiceCallId;
import io.inmo.domain.call.VoiceCallMother;
import io.inmo.domain.call.VoiceProvider;
import io.inmo.domain.campaign.CampaignId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.PhoneNumber;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
class JpaVoiceCallRepositoryTest {
  private static final BrokerId ANDES = ParentRows.ANDES;
  private static final LeadId CAMILA = ParentRows.CAMILA;
  private static final Instant NOW = VoiceCallMother.NOW;
  private static final String UNIQUE_EXTERNAL_ID = "voice_calls_external_call_id_key";

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaVoiceCallRepository repository;
  private static ParentRows rows;
  private static BrokerId costa;
  private static LeadId costaLead;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    costa = rows.costa();
    costaLead = rows.lead(costa, "Joaquín Rivas");
    jpa = JpaPersistence.start(database.dataSource(), CallJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaVoiceCallRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenInitiatedCall_whenSavedAndFound_thenEveryFieldRoundTripsAndNullsStayNull() {
    VoiceCall call = VoiceCallMother.initiated();

    save(call);
    Optional<VoiceCall> found = find(ANDES, call.id());

    assertThat(found).isPresent();
    assertThat(found.get()).usingRecursiveComparison().isEqualTo(call);
    assertThat(found.get().purpose()).isEqualTo(VoiceCallMother.PURPOSE);
    assertThat(found.get().phoneNumber()).isEqualTo(new PhoneNumber("+56912345678"));
    assertThat(found.get().initiatedBy()).isEqualTo(ParentRows.DIEGO);
    assertThat(found.get().externalCallId()).isNull();
    assertThat(found.get().durationSeconds()).isNull();
    assertThat(found.get().transcriptLines()).isEmpty();
    assertThat(found.get().version()).isZero();
    assertThat(
            rows.value(
                "SELECT provider || '/' || status || '/' || phone_number FROM voice_calls WHERE id"
                    + " = ?",
                call.id().value()))
        .isEqualTo("vapi/initiated/+56912345678");
  }

  @Test
  void givenCompletedCampaignCallWithTranscript_whenSavedAndFound_thenCallAndLinesRoundTrip() {
    CampaignId campaign = rows.campaign(ANDES, "Llamadas de calificación");
    VoiceCall call =
        VoiceCall.initiate(
            ANDES,
            CAMILA,
            campaign,
            null,
            VoiceProvider.BLAND,
            "Confirmar visita en Av. Irarrázaval, Ñuñoa",
            new PhoneNumber("+56 9 8765 4321"),
            NOW);
    call.dialled("bland-5f1e", NOW.plusSeconds(1));
    call.updateStatus(CallStatus.RINGING, NOW.plusSeconds(2));
    call.updateStatus(CallStatus.IN_PROGRESS, NOW.plusSeconds(8));
    call.end(CallStatus.COMPLETED, 185, "customer-ended-call", NOW.plusSeconds(193));
    call.recordTranscript(VoiceCallMother.transcript(), null, NOW.plusSeconds(200));
    call.summarise(
        "Camila busca 2D en Ñuñoa, presupuesto 4.500 UF; pide visita el jueves.",
        NOW.plusSeconds(210));

    save(call);
    VoiceCall found = find(ANDES, call.id()).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(call);
    assertThat(found.campaignId()).isEqualTo(campaign);
    assertThat(found.initiatedBy()).isNull();
    assertThat(found.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(found.durationSeconds()).isEqualTo(185);
    assertThat(found.startedAt()).isEqualTo(NOW.plusSeconds(8));
    assertThat(found.endedAt()).isEqualTo(NOW.plusSeconds(193));
    assertThat(found.transcriptLines()).containsExactlyElementsOf(VoiceCallMother.transcript());
    assertThat(found.transcriptLines().get(1).text())
        .isEqualTo("Hola, sí, estoy buscando depto en Ñuñoa.");
    assertThat(found.transcriptLines().get(3).seconds()).isEqualTo(8.1);
    assertThat(found.transcript())
        .startsWith("agent: Hola Camila, te llamo de Propiedades Andes.\nlead:");
    assertThat(
            rows.column(
                "SELECT speaker FROM call_transcripts WHERE voice_call_id = ? AND broker_id = ?"
                    + " ORDER BY seq",
                call.id().value(),
                ANDES.value()))
        .containsExactly("agent", "lead", "agent", "lead");
  }

  @Test
  void givenStoredTranscript_whenReRecorded_thenLinesAreMatchedBySeqAddedAndRemoved() {
    VoiceCall call = dialled();
    call.recordTranscript(VoiceCallMother.transcript(), null, NOW.plusSeconds(30));
    save(call);
    Object seqZeroRow =
        rows.value(
            "SELECT id FROM call_transcripts WHERE voice_call_id = ? AND seq = 0",
            call.id().value());
    List<TranscriptLine> corrected =
        List.of(
            new TranscriptLine(
                0, Speaker.AGENT, "Hola Camila, te llamo de Propiedades Andes.", 0.4),
            new TranscriptLine(
                1, Speaker.LEAD, "Hola, sí, busco depto en Ñuñoa o Providencia.", 3.2),
            new TranscriptLine(4, Speaker.SYSTEM, "Llamada transferida a Diego Fuentes", 12.0));

    unitOfWork.inTransaction(
        () -> {
          VoiceCall loaded = repository.findById(ANDES, call.id()).orElseThrow();
          loaded.recordTranscript(corrected, "Transcripción corregida", NOW.plusSeconds(60));
          repository.save(loaded);
        });

    VoiceCall found = find(ANDES, call.id()).orElseThrow();
    assertThat(found.transcriptLines()).containsExactlyElementsOf(corrected);
    assertThat(found.transcript()).isEqualTo("Transcripción corregida");
    assertThat(found.version()).isEqualTo(1);
    assertThat(
            rows.value(
                "SELECT id FROM call_transcripts WHERE voice_call_id = ? AND seq = 0",
                call.id().value()))
        .isEqualTo(seqZeroRow);
    assertThat(
            rows.column(
                "SELECT seq FROM call_transcripts WHERE voice_call_id = ? ORDER BY seq",
                call.id().value()))
        .containsExactly(0, 1, 4);
  }

  @Test
  void givenStoredTranscript_whenRecordedEmpty_thenAllLinesAreDeleted() {
    VoiceCall call = dialled();
    call.recordTranscript(VoiceCallMother.transcript(), null, NOW.plusSeconds(30));
    save(call);
    VoiceCall loaded = find(ANDES, call.id()).orElseThrow();
    loaded.recordTranscript(List.of(), null, NOW.plusSeconds(40));

    save(loaded);

    VoiceCall found = find(ANDES, call.id()).orElseThrow();
    assertThat(found.transcriptLines()).isEmpty();
    assertThat(found.transcript()).isNull();
    assertThat(
            rows.value(
                "SELECT count(*) FROM call_transcripts WHERE voice_call_id = ?", call.id().value()))
        .isEqualTo(0L);
  }

  @Test
  void givenLegacyLineWithoutTimestamp_whenFound_thenItReadsAsSecondZero() {
    VoiceCall legacy = VoiceCallMother.initiated();
    save(legacy);
    rows.execute(
        "INSERT INTO call_transcripts (id, broker_id, voice_call_id, seq, speaker, text_content)"
            + " VALUES (?, ?, ?, 0, 'lead', 'Aló, ¿quién habla?')",
        UUID.randomUUID(),
        ANDES.value(),
        legacy.id().value());

    VoiceCall found = find(ANDES, legacy.id()).orElseThrow();

    assertThat(found.transcriptLines())
        .containsExactly(new TranscriptLine(0, Speaker.LEAD, "Aló, ¿quién habla?", 0.0));
  }

  @Test
  void givenDialledCallOfAnyBroker_whenFindingByExternalCallId_thenItIsFoundOnlyForItsProvider() {
    VoiceCall costas = initiated(costa, costaLead, VoiceProvider.VAPI);
    costas.dialled("call_costa_91", NOW.plusSeconds(1));
    costas.recordTranscript(VoiceCallMother.transcript(), null, NOW.plusSeconds(2));
    save(costas);

    Optional<VoiceCall> found =
        unitOfWork.inTransaction(
            () -> repository.findByExternalCallId(VoiceProvider.VAPI, "call_costa_91"));

    assertThat(found).get().usingRecursiveComparison().isEqualTo(costas);
    assertThat(found.get().brokerId()).isEqualTo(costa);
    assertThat(
            unitOfWork.inTransaction(
                () -> repository.findByExternalCallId(VoiceProvider.BLAND, "call_costa_91")))
        .isEmpty();
    assertThat(
            unitOfWork.inTransaction(
                () -> repository.findByExternalCallId(VoiceProvider.VAPI, "call_costa_9")))
        .isEmpty();
  }

  @Test
  void givenExternalCallIdTaken_whenAnotherCallIsSavedWithIt_thenUniqueViolationAndNothingStored() {
    VoiceCall first = initiated(ANDES, CAMILA, VoiceProvider.VAPI);
    first.dialled("call_dup_1", NOW.plusSeconds(1));
    save(first);
    VoiceCall second = initiated(costa, costaLead, VoiceProvider.BLAND);
    second.dialled("call_dup_1", NOW.plusSeconds(2));

    assertThatThrownBy(() -> save(second))
        .isInstanceOfSatisfying(
            PersistenceException.class,
            e -> assertThat(PersistenceErrors.constraintName(e)).contains(UNIQUE_EXTERNAL_ID));

    assertThat(find(costa, second.id())).isEmpty();
    assertThat(
            unitOfWork.inTransaction(
                () -> repository.findByExternalCallId(VoiceProvider.VAPI, "call_dup_1")))
        .get()
        .extracting(VoiceCall::id)
        .isEqualTo(first.id());
  }

  @Test
  void givenStoredCall_whenStatusAdvancedAndSaved_thenUpdateIsStoredAndVersionBumped() {
    VoiceCall call = dialled();
    save(call);

    unitOfWork.inTransaction(
        () -> {
          VoiceCall loaded = repository.findById(ANDES, call.id()).orElseThrow();
          loaded.updateStatus(CallStatus.IN_PROGRESS, NOW.plusSeconds(5));
          loaded.end(CallStatus.VOICEMAIL, 31, "voicemail", NOW.plusSeconds(36));
          repository.save(loaded);
        });

    VoiceCall found = find(ANDES, call.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(CallStatus.VOICEMAIL);
    assertThat(found.durationSeconds()).isEqualTo(31);
    assertThat(found.endedReason()).isEqualTo("voicemail");
    assertThat(found.startedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(found.endedAt()).isEqualTo(NOW.plusSeconds(36));
    assertThat(found.createdAt()).isEqualTo(NOW);
    assertThat(found.version()).isEqualTo(1);
  }

  @Test
  void givenStaleCopy_whenSaved_thenOptimisticLockExceptionAndFreshChangeKept() {
    VoiceCall call = dialled();
    save(call);
    VoiceCall first = find(ANDES, call.id()).orElseThrow();
    VoiceCall stale = find(ANDES, call.id()).orElseThrow();
    first.updateStatus(CallStatus.IN_PROGRESS, NOW.plusSeconds(10));
    save(first);
    stale.recordTranscript(VoiceCallMother.transcript(), null, NOW.plusSeconds(20));

    assertThatThrownBy(() -> save(stale))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class)
        .hasMessageContaining(call.id().toString())
        .hasMessageContaining("version 0");

    VoiceCall stored = find(ANDES, call.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(CallStatus.IN_PROGRESS);
    assertThat(stored.transcriptLines()).isEmpty();
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void givenTwoUnitsLoadingTheSameVersion_whenBothSave_thenTheLaterCommitFailsWithOptimisticLock()
      throws Exception {
    VoiceCall call = dialled();
    save(call);
    CountDownLatch slowLoaded = new CountDownLatch(1);
    CountDownLatch fastCommitted = new CountDownLatch(1);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<?> slow =
          executor.submit(
              () ->
                  unitOfWork.inTransaction(
                      () -> {
                        VoiceCall mine = repository.findById(ANDES, call.id()).orElseThrow();
                        slowLoaded.countDown();
                        awaitQuietly(fastCommitted);
                        mine.summarise("Resumen del webhook atrasado", NOW.plusSeconds(50));
                        repository.save(mine);
                      }));
      assertThat(slowLoaded.await(10, TimeUnit.SECONDS)).isTrue();
      unitOfWork.inTransaction(
          () -> {
            VoiceCall fast = repository.findById(ANDES, call.id()).orElseThrow();
            fast.updateStatus(CallStatus.IN_PROGRESS, NOW.plusSeconds(40));
            repository.save(fast);
          });
      fastCommitted.countDown();

      assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ConcurrentChangeException.class);
    } finally {
      executor.shutdownNow();
    }

    VoiceCall stored = find(ANDES, call.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(CallStatus.IN_PROGRESS);
    assertThat(stored.summary()).isNull();
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void givenNewCall_whenSavedTwiceInOneUnitOfWork_thenBothChangesAreStored() {
    VoiceCall call = VoiceCallMother.initiated();

    unitOfWork.inTransaction(
        () -> {
          repository.save(call);
          call.dialled("call_twice_1", NOW.plusSeconds(1));
          call.recordTranscript(VoiceCallMother.transcript(), null, NOW.plusSeconds(2));
          repository.save(call);
        });

    VoiceCall found = find(ANDES, call.id()).orElseThrow();
    assertThat(found.externalCallId()).isEqualTo("call_twice_1");
    assertThat(found.transcriptLines()).hasSize(4);
    assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(2));
  }

  @Test
  void givenAnotherBrokersId_whenFinding_thenNothingIsFound() {
    VoiceCall call = VoiceCallMother.initiated();
    save(call);

    assertThat(find(costa, call.id())).isEmpty();
    assertThat(find(ANDES, VoiceCallId.newId())).isEmpty();
    assertThat(find(ANDES, call.id())).isPresent();
  }

  @Test
  void givenIdOfAnotherBrokersCall_whenSavedForThisBroker_thenRejectedAndOriginalUntouched() {
    VoiceCall costas = initiated(costa, costaLead, VoiceProvider.VAPI);
    save(costas);
    VoiceCall hijack =
        VoiceCall.reconstitute(
            costas.id(),
            ANDES,
            CAMILA,
            null,
            null,
            VoiceProvider.VAPI,
            "robada",
            new PhoneNumber("+56911112222"),
            null,
            CallStatus.FAILED,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            NOW,
            NOW,
            0);

    assertThatThrownBy(() -> save(hijack))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another brokerage");

    assertThat(find(costa, costas.id()).orElseThrow().status()).isEqualTo(CallStatus.INITIATED);
  }

  @Test
  void givenEveryStatusProviderAndSpeaker_whenSavedAndFound_thenEachRoundTrips() {
    List<VoiceCall> calls = new ArrayList<>();
    for (CallStatus status : CallStatus.values()) {
      VoiceProvider provider = VoiceProvider.values()[status.ordinal() % 2];
      List<TranscriptLine> lines =
          List.of(
              new TranscriptLine(0, Speaker.SYSTEM, "Llamada grabada", 0.0),
              new TranscriptLine(1, Speaker.AGENT, "Buenas tardes", 1.25),
              new TranscriptLine(2, Speaker.LEAD, "¿Aló?", 2.5));
      calls.add(
          VoiceCall.reconstitute(
              VoiceCallId.newId(),
              ANDES,
              CAMILA,
              null,
              null,
              provider,
              null,
              new PhoneNumber("+56922223333"),
              "ext-" + status.apiValue() + "-" + UUID.randomUUID(),
              status,
              status.ordinal() * 10,
              "transcripción " + status.apiValue(),
              null,
              null,
              NOW,
              NOW.plusSeconds(60),
              lines,
              NOW,
              NOW,
              0));
    }
    calls.forEach(JpaVoiceCallRepositoryTest::save);

    for (VoiceCall c : calls) {
      assertThat(find(ANDES, c.id())).get().usingRecursiveComparison().isEqualTo(c);
    }
  }

  /** The mother's dialled call, with an external id of its own (they are globally unique). */
  private static VoiceCall dialled() {
    VoiceCall call = VoiceCallMother.initiated();
    call.dialled("call_" + call.id().value().toString().substring(24), NOW.plusSeconds(1));
    return call;
  }

  private static VoiceCall initiated(BrokerId broker, LeadId lead, VoiceProvider provider) {
    return VoiceCall.initiate(
        broker,
        lead,
        null,
        null,
        provider,
        "Seguimiento de visita en Viña del Mar",
        new PhoneNumber("+56 9 5555 0101"),
        NOW);
  }

  private static void save(VoiceCall call) {
    unitOfWork.inTransaction(() -> repository.save(call));
  }

  private static Optional<VoiceCall> find(BrokerId broker, VoiceCallId id) {
    return unitOfWork.inTransaction(() -> repository.findById(broker, id));
  }
}
