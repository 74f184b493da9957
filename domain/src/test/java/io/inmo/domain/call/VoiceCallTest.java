package io.inmo.domain.call;

import static io.inmo.domain.call.VoiceCallMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.shared.DomainException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class VoiceCallTest {
  private static final Instant LATER = NOW.plusSeconds(60);

  @Test
  void givenLeadAndPurpose_whenInitiate_thenInitiatedWithoutExternalId() {
    VoiceCall call = VoiceCallMother.initiated();

    assertThat(call.status()).isEqualTo(CallStatus.INITIATED);
    assertThat(call.externalCallId()).isNull();
    assertThat(call.phoneNumber().value()).isEqualTo("+56912345678");
    assertThat(call.purpose()).isEqualTo(VoiceCallMother.PURPOSE);
    assertThat(call.transcriptLines()).isEmpty();
    assertThat(call.version()).isZero();
  }

  @Test
  void givenBlankPurpose_whenInitiate_thenRejected() {
    assertThatThrownBy(
            () ->
                VoiceCall.initiate(
                    VoiceCallMother.BROKER_ID,
                    VoiceCallMother.LEAD_ID,
                    null,
                    null,
                    VoiceProvider.BLAND,
                    "  ",
                    VoiceCallMother.CAMILA_PHONE,
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenDialledCall_whenDialledAgainWithSameId_thenNoOp() {
    VoiceCall call = VoiceCallMother.dialled();

    call.dialled("call_8f2c", LATER);

    assertThat(call.externalCallId()).isEqualTo("call_8f2c");
    assertThat(call.updatedAt()).isEqualTo(NOW.plusSeconds(1));
  }

  @Test
  void givenDialledCall_whenDialledWithOtherId_thenAlreadyDialled() {
    VoiceCall call = VoiceCallMother.dialled();

    assertThatThrownBy(() -> call.dialled("call_other", LATER))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("call.already_dialled");
  }

  @Test
  void givenRinging_whenInProgress_thenStartedAtSet() {
    VoiceCall call = VoiceCallMother.inStatus(CallStatus.RINGING);

    boolean changed = call.updateStatus(CallStatus.IN_PROGRESS, LATER);

    assertThat(changed).isTrue();
    assertThat(call.status()).isEqualTo(CallStatus.IN_PROGRESS);
    assertThat(call.startedAt()).isEqualTo(LATER);
    assertThat(call.endedAt()).isNull();
  }

  @ParameterizedTest(name = "{0} then late {1} is ignored")
  @CsvSource({
    "IN_PROGRESS, RINGING",
    "RINGING, RINGING",
    "IN_PROGRESS, INITIATED",
    "BUSY, FAILED",
    "NO_ANSWER, FAILED",
    "COMPLETED, IN_PROGRESS",
    "VOICEMAIL, COMPLETED",
    "CANCELLED, RINGING",
  })
  void givenStatus_whenLateOrDuplicateEvent_thenHarmlessNoOp(CallStatus current, CallStatus late) {
    VoiceCall call = VoiceCallMother.inStatus(current);
    Instant before = call.updatedAt();

    boolean changed = call.updateStatus(late, LATER);

    assertThat(changed).isFalse();
    assertThat(call.status()).isEqualTo(current);
    assertThat(call.updatedAt()).isEqualTo(before);
  }

  @Test
  void givenRingingCall_whenBusy_thenBusyNotFailed() {
    VoiceCall call = VoiceCallMother.inStatus(CallStatus.RINGING);

    call.updateStatus(CallStatus.BUSY, LATER);

    assertThat(call.status()).isEqualTo(CallStatus.BUSY);
    assertThat(call.endedAt()).isEqualTo(LATER);
  }

  @Test
  void givenInProgressCall_whenEnd_thenTerminalWithDurationAndReason() {
    VoiceCall call = VoiceCallMother.inStatus(CallStatus.IN_PROGRESS);

    boolean changed = call.end(CallStatus.COMPLETED, 184, "customer-ended-call", LATER);

    assertThat(changed).isTrue();
    assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(call.durationSeconds()).isEqualTo(184);
    assertThat(call.endedReason()).isEqualTo("customer-ended-call");
    assertThat(call.endedAt()).isEqualTo(LATER);
  }

  @Test
  void givenCompletedByStatusEvent_whenLateEndReport_thenStatusKeptAndDetailsFilled() {
    VoiceCall call = VoiceCallMother.inStatus(CallStatus.COMPLETED);

    boolean changed = call.end(CallStatus.FAILED, 95, "assistant-ended-call", LATER);

    assertThat(changed).isTrue();
    assertThat(call.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(call.durationSeconds()).isEqualTo(95);
    assertThat(call.endedReason()).isEqualTo("assistant-ended-call");
    assertThat(call.endedAt()).isEqualTo(NOW.plusSeconds(10));
  }

  @Test
  void givenEndedCall_whenSameEndReportAgain_thenNothingChanges() {
    VoiceCall call = VoiceCallMother.inStatus(CallStatus.IN_PROGRESS);
    call.end(CallStatus.NO_ANSWER, 0, "no-answer", LATER);

    boolean changed = call.end(CallStatus.NO_ANSWER, 0, "no-answer", LATER.plusSeconds(5));

    assertThat(changed).isFalse();
    assertThat(call.updatedAt()).isEqualTo(LATER);
  }

  @ParameterizedTest
  @EnumSource(
      value = CallStatus.class,
      names = {"INITIATED", "RINGING", "IN_PROGRESS"})
  void givenNonTerminalStatus_whenEnd_thenRejected(CallStatus status) {
    VoiceCall call = VoiceCallMother.dialled();

    assertThatThrownBy(() -> call.end(status, 10, null, LATER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNegativeDuration_whenEnd_thenRejected() {
    VoiceCall call = VoiceCallMother.dialled();

    assertThatThrownBy(() -> call.end(CallStatus.COMPLETED, -1, null, LATER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenUnorderedLines_whenRecordTranscript_thenSortedAndTextDerived() {
    VoiceCall call = VoiceCallMother.inStatus(CallStatus.COMPLETED);
    List<TranscriptLine> lines = VoiceCallMother.transcript();

    call.recordTranscript(
        List.of(lines.get(2), lines.get(0), lines.get(3), lines.get(1)), null, LATER);

    assertThat(call.transcriptLines()).containsExactlyElementsOf(lines);
    assertThat(call.transcript())
        .startsWith("agent: Hola Camila, te llamo de Propiedades Andes.\nlead: Hola, sí");
    assertThat(call.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void givenFullText_whenRecordTranscript_thenFullTextKept() {
    VoiceCall call = VoiceCallMother.inStatus(CallStatus.COMPLETED);

    call.recordTranscript(
        VoiceCallMother.transcript(), "Transcripción completa del proveedor", LATER);

    assertThat(call.transcript()).isEqualTo("Transcripción completa del proveedor");
  }

  @Test
  void givenDuplicateSeq_whenRecordTranscript_thenRejected() {
    VoiceCall call = VoiceCallMother.inStatus(CallStatus.COMPLETED);
    List<TranscriptLine> lines =
        List.of(
            new TranscriptLine(1, Speaker.AGENT, "Hola", 0),
            new TranscriptLine(1, Speaker.LEAD, "Aló", 1.5));

    assertThatThrownBy(() -> call.recordTranscript(lines, null, LATER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenSummary_whenSummarise_thenStored() {
    VoiceCall call = VoiceCallMother.inStatus(CallStatus.COMPLETED);

    call.summarise("Camila busca depto 2D en Ñuñoa, presupuesto 4.500 UF.", LATER);

    assertThat(call.summary()).isEqualTo("Camila busca depto 2D en Ñuñoa, presupuesto 4.500 UF.");
  }

  @Test
  void givenStoredRow_whenReconstitute_thenEveryColumnRoundTrips() {
    VoiceCall source = VoiceCallMother.inStatus(CallStatus.IN_PROGRESS);
    source.end(CallStatus.VOICEMAIL, 31, "voicemail", LATER);
    source.recordTranscript(VoiceCallMother.transcript(), null, LATER);
    source.summarise("Buzón de voz.", LATER);

    VoiceCall copy =
        VoiceCall.reconstitute(
            source.id(),
            source.brokerId(),
            source.leadId(),
            source.campaignId(),
            source.initiatedBy(),
            source.provider(),
            source.purpose(),
            source.phoneNumber(),
            source.externalCallId(),
            source.status(),
            source.durationSeconds(),
            source.transcript(),
            source.summary(),
            source.endedReason(),
            source.startedAt(),
            source.endedAt(),
            source.transcriptLines(),
            source.createdAt(),
            source.updatedAt(),
            7L);

    assertThat(copy).usingRecursiveComparison().ignoringFields("version").isEqualTo(source);
    assertThat(copy.version()).isEqualTo(7L);
  }
}
