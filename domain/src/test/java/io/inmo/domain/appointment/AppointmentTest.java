package io.inmo.domain.appointment;

import static io.inmo.domain.appointment.AppointmentMother.AGENT_ID;
import static io.inmo.domain.appointment.AppointmentMother.BROKER_ID;
import static io.inmo.domain.appointment.AppointmentMother.LEAD_ID;
import static io.inmo.domain.appointment.AppointmentMother.NOW;
import static io.inmo.domain.appointment.AppointmentMother.VISIT_END;
import static io.inmo.domain.appointment.AppointmentMother.VISIT_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.shared.DomainException;
import io.inmo.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AppointmentTest {
  private static final Instant LATER = NOW.plusSeconds(600);
  private static final Instant DURING_VISIT = VISIT_START.plusSeconds(900);

  private static void assertCode(ThrowingCallable call, String code) {
    assertThatThrownBy(call)
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo(code);
  }

  @Test
  void givenFutureSlot_whenSchedule_thenScheduledAndBlocksSlot() {
    Appointment a = AppointmentMother.scheduledVisit();

    assertThat(a.status()).isEqualTo(AppointmentStatus.SCHEDULED);
    assertThat(a.status().blocksSlot()).isTrue();
    assertThat(a.start()).isEqualTo(VISIT_START);
    assertThat(a.end()).isEqualTo(VISIT_END);
    assertThat(a.location()).isEqualTo("Av. Irarrázaval 3456, depto 1203, Ñuñoa");
    assertThat(a.version()).isZero();
  }

  @Test
  void givenEndBeforeStart_whenSchedule_thenRejected() {
    assertThatThrownBy(() -> AppointmentMother.scheduled(AGENT_ID, VISIT_END, VISIT_START))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenEndEqualStart_whenSchedule_thenRejected() {
    assertThatThrownBy(() -> AppointmentMother.scheduled(AGENT_ID, VISIT_START, VISIT_START))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenThirteenHours_whenSchedule_thenTooLong() {
    assertCode(
        () ->
            AppointmentMother.scheduled(
                AGENT_ID, VISIT_START, VISIT_START.plus(Duration.ofHours(13))),
        "appointment.too_long");
  }

  @Test
  void givenExactlyTwelveHours_whenSchedule_thenAccepted() {
    Appointment a =
        AppointmentMother.scheduled(AGENT_ID, VISIT_START, VISIT_START.plus(Duration.ofHours(12)));

    assertThat(a.end()).isEqualTo(VISIT_START.plus(Duration.ofHours(12)));
  }

  @Test
  void givenPastStart_whenSchedule_thenInPast() {
    assertCode(
        () -> AppointmentMother.scheduled(AGENT_ID, NOW.minusSeconds(3600), NOW),
        "appointment.in_past");
  }

  @Test
  void givenFtpMeetUrl_whenSchedule_thenRejected() {
    assertThatThrownBy(
            () ->
                Appointment.schedule(
                    BROKER_ID,
                    LEAD_ID,
                    AGENT_ID,
                    AppointmentType.VIRTUAL_MEETING,
                    VISIT_START,
                    VISIT_END,
                    null,
                    "ftp://meet.example.cl/abc",
                    null,
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenScheduled_whenConfirm_thenConfirmed() {
    Appointment a = AppointmentMother.scheduledVisit();

    a.confirm(LATER);

    assertThat(a.status()).isEqualTo(AppointmentStatus.CONFIRMED);
    assertThat(a.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void givenConfirmed_whenConfirmAgain_thenNoOp() {
    Appointment a = AppointmentMother.visitIn(AppointmentStatus.CONFIRMED);
    Instant before = a.updatedAt();

    a.confirm(LATER);

    assertThat(a.status()).isEqualTo(AppointmentStatus.CONFIRMED);
    assertThat(a.updatedAt()).isEqualTo(before);
  }

  @Test
  void givenCancelled_whenConfirm_thenInvalidTransition() {
    Appointment a = AppointmentMother.visitIn(AppointmentStatus.CANCELLED);

    assertCode(() -> a.confirm(LATER), "appointment.invalid_transition");
  }

  @Test
  void givenConfirmed_whenCancelWithReason_thenCancelledAndSlotFreed() {
    Appointment a = AppointmentMother.visitIn(AppointmentStatus.CONFIRMED);

    a.cancel("  La clienta encontró otra propiedad ", LATER);

    assertThat(a.status()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(a.status().blocksSlot()).isFalse();
    assertThat(a.cancelReason()).isEqualTo("La clienta encontró otra propiedad");
  }

  @ParameterizedTest
  @EnumSource(
      value = AppointmentStatus.class,
      names = {"CANCELLED", "COMPLETED", "NO_SHOW"})
  void givenFinalStatus_whenCancel_thenInvalidTransition(AppointmentStatus status) {
    Appointment a = AppointmentMother.visitIn(status);

    assertCode(() -> a.cancel(null, LATER), "appointment.invalid_transition");
  }

  @Test
  void givenStartedVisit_whenComplete_thenCompleted() {
    Appointment a = AppointmentMother.visitIn(AppointmentStatus.CONFIRMED);

    a.complete(VISIT_END);

    assertThat(a.status()).isEqualTo(AppointmentStatus.COMPLETED);
  }

  @Test
  void givenFutureVisit_whenComplete_thenNotStarted() {
    Appointment a = AppointmentMother.scheduledVisit();

    assertCode(() -> a.complete(LATER), "appointment.not_started");
  }

  @Test
  void givenStartedVisit_whenMarkNoShow_thenNoShow() {
    Appointment a = AppointmentMother.scheduledVisit();

    a.markNoShow(DURING_VISIT);

    assertThat(a.status()).isEqualTo(AppointmentStatus.NO_SHOW);
  }

  @Test
  void givenCompleted_whenMarkNoShow_thenInvalidTransition() {
    Appointment a = AppointmentMother.visitIn(AppointmentStatus.COMPLETED);

    assertCode(() -> a.markNoShow(DURING_VISIT), "appointment.invalid_transition");
  }

  @Test
  void givenConfirmed_whenReschedule_thenNewTimesAndBackToScheduled() {
    Appointment a = AppointmentMother.visitIn(AppointmentStatus.CONFIRMED);
    Instant friday = VISIT_START.plus(Duration.ofDays(1));

    a.reschedule(friday, friday.plus(Duration.ofMinutes(45)), LATER);

    assertThat(a.start()).isEqualTo(friday);
    assertThat(a.end()).isEqualTo(friday.plus(Duration.ofMinutes(45)));
    assertThat(a.status()).isEqualTo(AppointmentStatus.SCHEDULED);
  }

  @Test
  void givenCancelled_whenReschedule_thenInvalidTransition() {
    Appointment a = AppointmentMother.visitIn(AppointmentStatus.CANCELLED);

    assertCode(
        () -> a.reschedule(VISIT_START.plusSeconds(3600), VISIT_END.plusSeconds(3600), LATER),
        "appointment.invalid_transition");
  }

  @Test
  void givenScheduled_whenRescheduleIntoPast_thenInPastAndUnchanged() {
    Appointment a = AppointmentMother.scheduledVisit();

    assertCode(
        () -> a.reschedule(NOW.minusSeconds(60), NOW.plusSeconds(1800), NOW),
        "appointment.in_past");
    assertThat(a.start()).isEqualTo(VISIT_START);
  }

  @Test
  void givenCalendarEvent_whenLinked_thenIdAndMeetUrlStored() {
    Appointment a = AppointmentMother.scheduledVisit();

    a.linkCalendarEvent("evt_7h3k2", "https://meet.google.com/abc-defg-hij", LATER);

    assertThat(a.externalEventId()).isEqualTo("evt_7h3k2");
    assertThat(a.meetUrl()).isEqualTo("https://meet.google.com/abc-defg-hij");
  }

  @Test
  void givenBackToBackVisits_whenOverlaps_thenFalse() {
    Appointment first = AppointmentMother.scheduledVisit();
    Appointment next =
        AppointmentMother.scheduled(AGENT_ID, VISIT_END, VISIT_END.plusSeconds(3600));

    assertThat(first.overlaps(next)).isFalse();
    assertThat(first.conflictsWith(next)).isFalse();
  }

  @Test
  void givenSameAgentOverlappingVisits_whenConflictsWith_thenTrue() {
    Appointment first = AppointmentMother.scheduledVisit();
    Appointment second =
        AppointmentMother.scheduled(
            AGENT_ID, VISIT_START.plusSeconds(1800), VISIT_END.plusSeconds(1800));

    assertThat(first.overlaps(second)).isTrue();
    assertThat(first.conflictsWith(second)).isTrue();
    assertThat(second.conflictsWith(first)).isTrue();
  }

  @Test
  void givenOtherAgent_whenConflictsWith_thenFalse() {
    Appointment first = AppointmentMother.scheduledVisit();
    Appointment other = AppointmentMother.scheduled(UserId.newId(), VISIT_START, VISIT_END);

    assertThat(first.overlaps(other)).isTrue();
    assertThat(first.conflictsWith(other)).isFalse();
  }

  @Test
  void givenCancelledOverlap_whenConflictsWith_thenFalse() {
    Appointment cancelled = AppointmentMother.visitIn(AppointmentStatus.CANCELLED);
    Appointment fresh = AppointmentMother.scheduledVisit();

    assertThat(fresh.conflictsWith(cancelled)).isFalse();
  }

  @Test
  void givenSameAppointment_whenConflictsWithItself_thenFalse() {
    Appointment a = AppointmentMother.scheduledVisit();

    assertThat(a.conflictsWith(a)).isFalse();
  }

  @Test
  void givenNoAgent_whenConflictsWith_thenFalse() {
    Appointment a = AppointmentMother.scheduled(null, VISIT_START, VISIT_END);
    Appointment b = AppointmentMother.scheduled(null, VISIT_START, VISIT_END);

    assertThat(a.conflictsWith(b)).isFalse();
  }

  @Test
  void givenConflict_whenExceptionBuilt_thenSlotTakenCode() {
    AppointmentConflictException e =
        new AppointmentConflictException(AppointmentMother.scheduledVisit());

    assertThat(e.code()).isEqualTo("appointment.slot_taken");
    assertThat(e.getMessage()).contains(VISIT_START.toString());
  }

  @Test
  void givenStoredRow_whenReconstitute_thenEveryColumnRoundTrips() {
    Appointment source = AppointmentMother.scheduledVisit();
    source.linkCalendarEvent("evt_1", "https://meet.google.com/xyz-abcd-efg", LATER);
    source.cancel("Cambio de planes", LATER);

    Appointment copy =
        Appointment.reconstitute(
            source.id(),
            source.brokerId(),
            source.leadId(),
            source.agentId(),
            source.type(),
            source.status(),
            source.start(),
            source.end(),
            source.meetUrl(),
            source.location(),
            source.notes(),
            source.externalEventId(),
            source.cancelReason(),
            source.createdAt(),
            source.updatedAt(),
            source.version());

    assertThat(copy).usingRecursiveComparison().isEqualTo(source);
  }
}
