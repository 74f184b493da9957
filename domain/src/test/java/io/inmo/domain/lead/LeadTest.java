package io.inmo.domain.lead;

import static io.inmo.domain.shared.TimeMother.NOW;
import static io.inmo.domain.shared.TimeMother.later;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.lead.LeadEvent.LeadAssigned;
import io.inmo.domain.lead.LeadEvent.LeadCaptured;
import io.inmo.domain.lead.LeadEvent.LeadOptedOut;
import io.inmo.domain.lead.LeadEvent.LeadScored;
import io.inmo.domain.lead.LeadEvent.LeadStageChanged;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.scoring.ScoreComponent;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.Money;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeadTest {
  private static final List<ScoreComponent> COMPONENTS =
      List.of(
          new ScoreComponent("name", 10, "Nombre conocido"),
          new ScoreComponent("budget", 20, "Presupuesto de 5.000 UF"),
          new ScoreComponent("location", 15, "Busca en Ñuñoa"));

  private static void assertRejected(ThrowingCallable call, String code) {
    assertThatThrownBy(call)
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo(code);
  }

  // ---- capture ----

  @Test
  void givenBroker_whenCaptured_thenNewColdZeroAndEmpty() {
    BrokerId broker = BrokerId.newId();

    Lead lead = Lead.capture(broker, NOW);

    assertThat(lead.id()).isNotNull();
    assertThat(lead.brokerId()).isEqualTo(broker);
    assertThat(lead.stage()).isEqualTo(PipelineStage.NEW);
    assertThat(lead.status()).isEqualTo(LeadStatus.COLD);
    assertThat(lead.score()).isEqualTo(LeadScore.ZERO);
    assertThat(lead.scoreComponents()).isEmpty();
    assertThat(lead.qualification()).isNull();
    assertThat(lead.facts()).isEqualTo(LeadFacts.empty());
    assertThat(lead.phone()).isNull();
    assertThat(lead.name()).isNull();
    assertThat(lead.tags()).isEmpty();
    assertThat(lead.identities()).isEmpty();
    assertThat(lead.stageEnteredAt()).isEqualTo(NOW);
    assertThat(lead.createdAt()).isEqualTo(NOW);
    assertThat(lead.version()).isZero();
    assertThat(lead.pullEvents()).containsExactly(new LeadCaptured(lead.id(), broker, NOW));
    assertThat(lead.pullEvents()).isEmpty();
  }

  @Test
  void givenWhatsappSender_whenCaptured_thenIdentityLinkedAtCaptureTime() {
    Lead lead = Lead.capture(BrokerId.newId(), ChannelIdentity.whatsapp("56912345678"), NOW);

    assertThat(lead.identities()).containsExactly(ChannelIdentity.whatsapp("56912345678"));
    assertThat(lead.identityLinks()).containsEntry(ChannelIdentity.whatsapp("56912345678"), NOW);
  }

  // ---- contact data, identities, tags ----

  @Test
  void givenLead_whenContactDataChanged_thenStoredAndUpdatedAtMoves() {
    Lead lead = LeadMother.captured();

    lead.rename("  María José Pérez ", later(1));
    lead.changePhone(new PhoneNumber("+56 9 1234 5678"), later(1));
    lead.changeEmail(new Email("MJPerez@Gmail.com"), later(2));

    assertThat(lead.name()).isEqualTo("María José Pérez");
    assertThat(lead.phone().value()).isEqualTo("+56912345678");
    assertThat(lead.email().value()).isEqualTo("mjperez@gmail.com");
    assertThat(lead.updatedAt()).isEqualTo(later(2));
    assertThat(lead.has(LeadField.NAME)).isTrue();
    assertThat(lead.has(LeadField.EMAIL)).isTrue();

    lead.changePhone(null, later(3));
    assertThat(lead.phone()).isNull();
    assertThat(lead.has(LeadField.PHONE)).isFalse();
  }

  @Test
  void givenBlankName_whenRenamed_thenRejected() {
    Lead lead = LeadMother.captured();

    assertThatThrownBy(() -> lead.rename("  ", NOW)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenKnownIdentity_whenAddedAgain_thenLinkedOnce() {
    Lead lead = LeadMother.captured();
    ChannelIdentity telegram = ChannelIdentity.telegram("987654321");

    lead.addIdentity(telegram, later(1));
    lead.addIdentity(telegram, later(2));

    assertThat(lead.identities())
        .containsExactly(ChannelIdentity.whatsapp("56912345678"), telegram);
    assertThat(lead.identityLinks()).containsEntry(telegram, later(1));
  }

  @Test
  void givenLinkedPhone_whenRemoved_thenUnlinkedAndOthersKept() {
    Lead lead = LeadMother.captured();
    ChannelIdentity phone = ChannelIdentity.phone(new PhoneNumber("+56987654321"));
    lead.addIdentity(phone, later(1));

    lead.removeIdentity(phone, later(2));
    lead.removeIdentity(phone, later(3));

    assertThat(lead.identities()).containsExactly(ChannelIdentity.whatsapp("56912345678"));
    assertThat(lead.updatedAt()).isEqualTo(later(2));
  }

  @Test
  void givenTags_whenAddedAndRemoved_thenNormalisedAndDeduplicated() {
    Lead lead = LeadMother.captured();

    lead.tag(" Inversionista ", later(1));
    lead.tag("inversionista", later(2));
    lead.tag("Subsidio DS19", later(3));
    lead.untag("SUBSIDIO ds19", later(4));

    assertThat(lead.tags()).containsExactly("inversionista");
    assertThatThrownBy(() -> lead.tag("x".repeat(51), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lead.tag(" ", NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lead.tags().add("hack"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenNotesAndNextAction_whenSet_thenStoredAndBlankClears() {
    Lead lead = LeadMother.captured();

    lead.changeNotes("  Prefiere visitas después de las 18:00 ", later(1));
    lead.scheduleNextAction(later(24 * 60), later(1));

    assertThat(lead.notes()).isEqualTo("Prefiere visitas después de las 18:00");
    assertThat(lead.nextActionAt()).isEqualTo(later(24 * 60));

    lead.changeNotes("  ", later(2));
    assertThat(lead.notes()).isNull();
  }

  @Test
  void givenContacts_whenRecordedOutOfOrder_thenLastContactNeverMovesBack() {
    Lead lead = LeadMother.captured();

    lead.recordContact(later(10));
    lead.recordContact(later(5));

    assertThat(lead.lastContactedAt()).isEqualTo(later(10));
  }

  // ---- facts ----

  @Test
  void givenFactsInTwoMessages_whenUpdated_thenMerged() {
    Lead lead = LeadMother.captured();

    lead.updateFacts(LeadFactsMother.apartmentInNunoa(), later(1));
    lead.updateFacts(
        LeadFacts.builder().budget(Fact.of(Money.uf("6500"), "msg-7")).build(), later(2));

    assertThat(lead.facts().location().value()).isEqualTo("Ñuñoa");
    assertThat(lead.facts().budget()).isEqualTo(Fact.of(Money.uf("6500"), "msg-7"));
    assertThat(lead.has(LeadField.PROPERTY_TYPE)).isTrue();
    assertThat(lead.has(LeadField.MONTHLY_INCOME)).isFalse();
    assertThat(lead.updatedAt()).isEqualTo(later(2));
  }

  @Test
  void givenPriority_whenMissingAsked_thenUnknownFieldsInOrderAndDebtOnlyOfALeadInDicom() {
    Lead lead = LeadMother.captured();
    lead.updateFacts(LeadFactsMother.apartmentInNunoa(), later(1));
    List<LeadField> priority =
        List.of(
            LeadField.LOCATION,
            LeadField.DICOM_STATUS,
            LeadField.DEBT_AMOUNT,
            LeadField.TIMELINE,
            LeadField.MONTHLY_INCOME);

    assertThat(lead.missing(priority))
        .containsExactly(LeadField.DICOM_STATUS, LeadField.TIMELINE, LeadField.MONTHLY_INCOME);

    lead.updateFacts(
        LeadFacts.builder().dicomStatus(Fact.of(DicomStatus.CLEAN, "msg-8")).build(), later(2));
    assertThat(lead.missing(priority))
        .containsExactly(LeadField.TIMELINE, LeadField.MONTHLY_INCOME);

    lead.updateFacts(
        LeadFacts.builder().dicomStatus(Fact.of(DicomStatus.HAS_DEBT, "msg-9")).build(), later(3));
    assertThat(lead.missing(priority))
        .containsExactly(LeadField.DEBT_AMOUNT, LeadField.TIMELINE, LeadField.MONTHLY_INCOME);
  }

  @Test
  void givenWrongFact_whenStaffCorrects_thenFactsReplacedEvenWhenClosed() {
    Lead lead = LeadMother.inStage(PipelineStage.WON);
    LeadFacts corrected = lead.facts().toBuilder().bedrooms(null).build();

    lead.correctFacts(corrected, later(60));

    assertThat(lead.facts().has(LeadField.BEDROOMS)).isFalse();
  }

  // ---- scoring ----

  @Test
  void givenScore_whenApplied_thenStoredWithComponentsAndEventRecorded() {
    Lead lead = LeadMother.profiled();

    lead.applyScore(
        LeadScore.of(45), COMPONENTS, LeadStatus.WARM, Qualification.POTENTIAL, later(10));

    assertThat(lead.score()).isEqualTo(LeadScore.of(45));
    assertThat(lead.scoreComponents()).containsExactlyElementsOf(COMPONENTS);
    assertThat(lead.status()).isEqualTo(LeadStatus.WARM);
    assertThat(lead.qualification()).isEqualTo(Qualification.POTENTIAL);
    assertThat(lead.pullEvents())
        .containsExactly(
            new LeadScored(
                lead.id(),
                lead.brokerId(),
                LeadScore.ZERO,
                LeadScore.of(45),
                LeadStatus.COLD,
                LeadStatus.WARM,
                later(10)));
  }

  @Test
  void givenSameScoreAgain_whenApplied_thenNoEvent() {
    Lead lead = LeadMother.profiled();
    lead.applyScore(LeadScore.of(45), COMPONENTS, LeadStatus.WARM, null, later(10));
    lead.pullEvents();

    lead.applyScore(LeadScore.of(45), COMPONENTS, LeadStatus.WARM, null, later(11));

    assertThat(lead.pullEvents()).isEmpty();
  }

  @Test
  void givenClosedStatus_whenAppliedAsScore_thenRejected() {
    Lead lead = LeadMother.profiled();

    assertThatThrownBy(
            () -> lead.applyScore(LeadScore.of(90), COMPONENTS, LeadStatus.CONVERTED, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = PipelineStage.class,
      names = {"WON", "LOST"})
  void givenClosedLead_whenAutomaticChangesArrive_thenLeadClosedRejection(PipelineStage closed) {
    Lead lead = LeadMother.inStage(closed);

    assertRejected(
        () -> lead.applyScore(LeadScore.of(80), COMPONENTS, LeadStatus.HOT, null, later(60)),
        "lead.closed");
    assertRejected(
        () -> lead.updateFacts(LeadFactsMother.solventFinances(), later(60)), "lead.closed");
    assertRejected(() -> lead.advanceTo(PipelineStage.SCHEDULED, later(60)), "lead.closed");
    assertRejected(() -> lead.moveTo(PipelineStage.POTENTIAL, later(60)), "lead.closed");
    assertThat(lead.stage()).isEqualTo(closed);
  }

  // ---- pipeline ----

  @Test
  void givenProfilingLead_whenMovedManuallyBackwards_thenStageAndEnteredAtChange() {
    Lead lead = LeadMother.inStage(PipelineStage.POTENTIAL);

    lead.moveTo(PipelineStage.PROFILING, later(90));

    assertThat(lead.stage()).isEqualTo(PipelineStage.PROFILING);
    assertThat(lead.stageEnteredAt()).isEqualTo(later(90));
    assertThat(lead.pullEvents())
        .containsExactly(
            new LeadStageChanged(
                lead.id(),
                lead.brokerId(),
                PipelineStage.POTENTIAL,
                PipelineStage.PROFILING,
                later(90)));
  }

  @Test
  void givenCurrentStage_whenMovedThere_thenNothingChanges() {
    Lead lead = LeadMother.profiled();
    var enteredAt = lead.stageEnteredAt();

    lead.moveTo(PipelineStage.PROFILING, later(90));

    assertThat(lead.stageEnteredAt()).isEqualTo(enteredAt);
    assertThat(lead.pullEvents()).isEmpty();
  }

  @Test
  void givenClosedTarget_whenMoved_thenRejectedInFavourOfClose() {
    Lead lead = LeadMother.profiled();

    assertThatThrownBy(() -> lead.moveTo(PipelineStage.WON, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lead.advanceTo(PipelineStage.LOST, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenScheduledLead_whenAdvancedToEarlierStage_thenNeverGoesBackwards() {
    Lead lead = LeadMother.inStage(PipelineStage.SCHEDULED);

    boolean moved = lead.advanceTo(PipelineStage.POTENTIAL, later(90));

    assertThat(moved).isFalse();
    assertThat(lead.stage()).isEqualTo(PipelineStage.SCHEDULED);
    assertThat(lead.pullEvents()).isEmpty();
  }

  @Test
  void givenNewLead_whenAdvanced_thenMovesForward() {
    Lead lead = LeadMother.captured();

    assertThat(lead.advanceTo(PipelineStage.FINANCIAL_QUALIFICATION, later(3))).isTrue();
    assertThat(lead.stage()).isEqualTo(PipelineStage.FINANCIAL_QUALIFICATION);
    assertThat(lead.stageEnteredAt()).isEqualTo(later(3));
  }

  @Test
  void givenPotentialLead_whenWon_thenConvertedWithCloseData() {
    Lead lead = LeadMother.inStage(PipelineStage.POTENTIAL);

    lead.close(PipelineStage.WON, CloseReason.of("sold", "Depto 504, Av. Irarrázaval"), later(120));

    assertThat(lead.stage()).isEqualTo(PipelineStage.WON);
    assertThat(lead.status()).isEqualTo(LeadStatus.CONVERTED);
    assertThat(lead.isClosed()).isTrue();
    assertThat(lead.closedFromStage()).isEqualTo(PipelineStage.POTENTIAL);
    assertThat(lead.closedAt()).isEqualTo(later(120));
    assertThat(lead.closeReason().code()).isEqualTo("sold");
    assertThat(lead.stageEnteredAt()).isEqualTo(later(120));
    assertThat(lead.pullEvents())
        .containsExactly(
            new LeadStageChanged(
                lead.id(),
                lead.brokerId(),
                PipelineStage.POTENTIAL,
                PipelineStage.WON,
                later(120)));
  }

  @Test
  void givenFinancialQualificationLead_whenLostAsNotQualified_thenStatusLost() {
    Lead lead = LeadMother.inStage(PipelineStage.FINANCIAL_QUALIFICATION);

    lead.close(PipelineStage.LOST, CloseReason.notQualified(), later(120));

    assertThat(lead.status()).isEqualTo(LeadStatus.LOST);
    assertThat(lead.closedFromStage()).isEqualTo(PipelineStage.FINANCIAL_QUALIFICATION);
    assertThat(lead.closeReason()).isEqualTo(CloseReason.notQualified());
  }

  @Test
  void givenLostWithoutReasonOrOpenOutcome_whenClosed_thenRejected() {
    Lead lead = LeadMother.profiled();

    assertThatThrownBy(() -> lead.close(PipelineStage.LOST, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lead.close(PipelineStage.SCHEDULED, CloseReason.of("x"), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    lead.close(PipelineStage.WON, null, later(1));
    assertThat(lead.closeReason()).isNull();
  }

  @Test
  void givenClosedLead_whenClosedAgain_thenLeadClosedRejection() {
    Lead lead = LeadMother.inStage(PipelineStage.LOST);

    assertRejected(
        () -> lead.close(PipelineStage.WON, CloseReason.of("sold"), later(60)), "lead.closed");
  }

  @Test
  void givenLostLead_whenReopened_thenOpenColdAndCloseDataCleared() {
    Lead lead = LeadMother.inStage(PipelineStage.LOST);

    lead.reopen(PipelineStage.PROFILING, later(200));

    assertThat(lead.stage()).isEqualTo(PipelineStage.PROFILING);
    assertThat(lead.status()).isEqualTo(LeadStatus.COLD);
    assertThat(lead.closeReason()).isNull();
    assertThat(lead.closedAt()).isNull();
    assertThat(lead.closedFromStage()).isNull();
    assertThat(lead.stageEnteredAt()).isEqualTo(later(200));
    assertThat(lead.pullEvents())
        .containsExactly(
            new LeadStageChanged(
                lead.id(),
                lead.brokerId(),
                PipelineStage.LOST,
                PipelineStage.PROFILING,
                later(200)));
    lead.applyScore(LeadScore.of(50), COMPONENTS, LeadStatus.WARM, null, later(201));
    assertThat(lead.status()).isEqualTo(LeadStatus.WARM);
  }

  @Test
  void givenOpenLead_whenReopened_thenNotClosedRejection() {
    Lead lead = LeadMother.profiled();

    assertRejected(() -> lead.reopen(PipelineStage.NEW, NOW), "lead.not_closed");
    assertThatThrownBy(() -> LeadMother.inStage(PipelineStage.WON).reopen(PipelineStage.LOST, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- assignment ----

  @Test
  void givenUnassignedLead_whenAssignedAndUnassigned_thenEventsRecordEachChange() {
    Lead lead = LeadMother.profiled();
    UserId agent = UserId.newId();

    lead.assignTo(agent, later(1));
    lead.assignTo(agent, later(2));
    lead.assignTo(null, later(3));

    assertThat(lead.assignedTo()).isNull();
    assertThat(lead.pullEvents())
        .containsExactly(
            new LeadAssigned(lead.id(), lead.brokerId(), null, agent, later(1)),
            new LeadAssigned(lead.id(), lead.brokerId(), agent, null, later(3)));
  }

  @Test
  void givenWonLead_whenAssigned_thenAllowedBecauseManual() {
    Lead lead = LeadMother.inStage(PipelineStage.WON);
    UserId agent = UserId.newId();

    lead.assignTo(agent, later(60));
    lead.rename("María José Pérez Soto", later(60));

    assertThat(lead.assignedTo()).isEqualTo(agent);
  }

  // ---- opt-out ----

  @Test
  void givenScoredLead_whenOptedOut_thenScoreZeroColdAndConsentTime() {
    Lead lead = LeadMother.profiled();
    lead.applyScore(
        LeadScore.of(75), COMPONENTS, LeadStatus.HOT, Qualification.QUALIFIED, later(1));
    lead.pullEvents();

    lead.optOut(later(2));

    assertThat(lead.isOptedOut()).isTrue();
    assertThat(lead.optedOutAt()).isEqualTo(later(2));
    assertThat(lead.score()).isEqualTo(LeadScore.ZERO);
    assertThat(lead.status()).isEqualTo(LeadStatus.COLD);
    assertThat(lead.scoreComponents())
        .extracting(ScoreComponent::factor)
        .containsExactly("opt_out");
    assertThat(lead.qualification()).isEqualTo(Qualification.QUALIFIED);
    assertThat(lead.pullEvents())
        .containsExactly(
            new LeadOptedOut(lead.id(), lead.brokerId(), later(2)),
            new LeadScored(
                lead.id(),
                lead.brokerId(),
                LeadScore.of(75),
                LeadScore.ZERO,
                LeadStatus.HOT,
                LeadStatus.COLD,
                later(2)));
  }

  @Test
  void givenOptedOutLead_whenOptingOutAgain_thenFirstTimeKept() {
    Lead lead = LeadMother.profiled();
    lead.optOut(later(2));
    lead.pullEvents();

    lead.optOut(later(9));

    assertThat(lead.optedOutAt()).isEqualTo(later(2));
    assertThat(lead.pullEvents()).isEmpty();
  }

  @Test
  void givenWonLead_whenOptedOut_thenConsentRecordedButStatusStaysConverted() {
    Lead lead = LeadMother.inStage(PipelineStage.WON);

    lead.optOut(later(60));

    assertThat(lead.optedOutAt()).isEqualTo(later(60));
    assertThat(lead.status()).isEqualTo(LeadStatus.CONVERTED);
  }

  // ---- deletion ----

  @Test
  void givenLead_whenSoftDeleted_thenMarkedAndIdentitiesReleased() {
    Lead lead = LeadMother.profiled();

    lead.softDelete(later(100));

    assertThat(lead.isDeleted()).isTrue();
    assertThat(lead.deletedAt()).isEqualTo(later(100));
    assertThat(lead.identities()).isEmpty();
  }

  @Test
  void givenDeletedLead_whenAnythingChanges_thenLeadDeletedRejection() {
    Lead lead = LeadMother.profiled();
    lead.softDelete(later(100));

    assertRejected(() -> lead.rename("Otra", later(101)), "lead.deleted");
    assertRejected(() -> lead.changePhone(null, later(101)), "lead.deleted");
    assertRejected(() -> lead.changeEmail(null, later(101)), "lead.deleted");
    assertRejected(() -> lead.updateFacts(LeadFacts.empty(), later(101)), "lead.deleted");
    assertRejected(() -> lead.correctFacts(LeadFacts.empty(), later(101)), "lead.deleted");
    assertRejected(() -> lead.assignTo(UserId.newId(), later(101)), "lead.deleted");
    assertRejected(
        () -> lead.addIdentity(ChannelIdentity.webchat("s-1"), later(101)), "lead.deleted");
    assertRejected(() -> lead.tag("vip", later(101)), "lead.deleted");
    assertRejected(() -> lead.untag("vip", later(101)), "lead.deleted");
    assertRejected(() -> lead.changeNotes("x", later(101)), "lead.deleted");
    assertRejected(() -> lead.scheduleNextAction(later(200), later(101)), "lead.deleted");
    assertRejected(() -> lead.recordContact(later(101)), "lead.deleted");
    assertRejected(() -> lead.optOut(later(101)), "lead.deleted");
    assertRejected(() -> lead.moveTo(PipelineStage.SCHEDULED, later(101)), "lead.deleted");
    assertRejected(() -> lead.advanceTo(PipelineStage.SCHEDULED, later(101)), "lead.deleted");
    assertRejected(
        () -> lead.applyScore(LeadScore.of(10), COMPONENTS, LeadStatus.COLD, null, later(101)),
        "lead.deleted");
    assertRejected(
        () -> lead.close(PipelineStage.LOST, CloseReason.of("spam"), later(101)), "lead.deleted");
    assertRejected(() -> lead.softDelete(later(101)), "lead.deleted");
    assertThat(lead.updatedAt()).isEqualTo(later(100));
  }

  @Test
  void givenDeletedClosedLead_whenReopened_thenLeadDeletedRejection() {
    Lead lead = LeadMother.inStage(PipelineStage.LOST);
    lead.softDelete(later(100));

    assertRejected(() -> lead.reopen(PipelineStage.NEW, later(101)), "lead.deleted");
  }

  // ---- staleness ----

  /** The nightly job's stale flag: open leads nobody worked for the broker's idle period. */
  @Nested
  class Staleness {
    private static final Duration IDLE = Duration.ofDays(14);

    private static Instant daysLater(int days) {
      return NOW.plus(Duration.ofDays(days));
    }

    /** A lead captured on WhatsApp at NOW and moved to profiling at later(5), never contacted. */
    private static Lead idleLead() {
      return LeadMother.profiled();
    }

    private static Lead flagged(Instant at) {
      Lead lead = idleLead();
      assertThat(lead.flagIfIdle(IDLE, at)).isTrue();
      return lead;
    }

    /** A stored lead with the given activity times, as an import could leave it. */
    private static Lead stored(
        Instant createdAt, Instant stageEnteredAt, Instant lastContactedAt, Instant staleSince) {
      return stored(
          PipelineStage.PROFILING, createdAt, stageEnteredAt, lastContactedAt, staleSince);
    }

    private static Lead stored(
        PipelineStage stage,
        Instant createdAt,
        Instant stageEnteredAt,
        Instant lastContactedAt,
        Instant staleSince) {
      return Lead.reconstitute(
          LeadId.newId(),
          BrokerId.newId(),
          LeadMother.PHONE,
          "Francisca Valenzuela",
          null,
          LeadStatus.COLD,
          LeadScore.ZERO,
          List.of(),
          null,
          LeadFacts.empty(),
          stage,
          null,
          Set.of(),
          null,
          null,
          null,
          null,
          null,
          lastContactedAt,
          stageEnteredAt,
          null,
          staleSince,
          null,
          createdAt,
          createdAt,
          0L,
          Map.of());
    }

    @Test
    void givenLeadIdleLongerThanThePeriod_whenFlaggedTwice_thenFlaggedOnceAndFirstTimeKept() {
      Lead lead = idleLead();

      boolean first = lead.flagIfIdle(IDLE, daysLater(15));
      boolean second = lead.flagIfIdle(IDLE, daysLater(16));

      assertThat(first).isTrue();
      assertThat(second).isFalse();
      assertThat(lead.isStale()).isTrue();
      assertThat(lead.staleSince()).isEqualTo(daysLater(15));
    }

    @Test
    void givenFreshLead_whenCheckedBeforeThePeriodEnds_thenNotStale() {
      Lead lead = idleLead();

      assertThat(lead.flagIfIdle(IDLE, daysLater(13))).isFalse();

      assertThat(lead.isStale()).isFalse();
      assertThat(lead.staleSince()).isNull();
    }

    @Test
    void givenRecentContact_whenCheckedAfterThePeriodSinceCapture_thenNotStale() {
      Lead lead = idleLead();
      lead.recordContact(daysLater(10)); // the lead answered on WhatsApp ten days in

      assertThat(lead.flagIfIdle(IDLE, daysLater(20))).isFalse();

      assertThat(lead.isStale()).isFalse();
    }

    @Test
    void givenRecentStageMove_whenCheckedAfterThePeriodSinceCapture_thenNotStale() {
      Lead lead = idleLead();
      lead.moveTo(PipelineStage.FINANCIAL_QUALIFICATION, daysLater(10));

      assertThat(lead.flagIfIdle(IDLE, daysLater(20))).isFalse();

      assertThat(lead.isStale()).isFalse();
    }

    @Test
    void givenLastActivityExactlyThePeriodAgo_whenChecked_thenFlaggedOnlyFromThatInstant() {
      Lead lead = LeadMother.captured(); // created and in stage new since NOW
      Instant periodEnds = NOW.plus(IDLE);

      assertThat(lead.flagIfIdle(IDLE, periodEnds.minusMillis(1))).isFalse();
      assertThat(lead.flagIfIdle(IDLE, periodEnds)).isTrue();

      assertThat(lead.staleSince()).isEqualTo(periodEnds);
    }

    @ParameterizedTest
    @EnumSource(
        value = PipelineStage.class,
        names = {"WON", "LOST"})
    void givenClosedIdleLead_whenChecked_thenNeverStale(PipelineStage closed) {
      Lead lead = LeadMother.inStage(closed); // closed at later(30), untouched since

      assertThat(lead.flagIfIdle(IDLE, daysLater(400))).isFalse();

      assertThat(lead.isStale()).isFalse();
    }

    @Test
    void givenOptedOutIdleLead_whenChecked_thenNeverStale() {
      Lead lead = idleLead();
      lead.optOut(later(10));

      assertThat(lead.flagIfIdle(IDLE, daysLater(400))).isFalse();

      assertThat(lead.isStale()).isFalse();
    }

    @Test
    void givenDeletedIdleLead_whenChecked_thenNeverStaleAndNoRejection() {
      Lead lead = idleLead();
      lead.softDelete(later(10));

      assertThat(lead.flagIfIdle(IDLE, daysLater(400))).isFalse();

      assertThat(lead.isStale()).isFalse();
      assertThat(lead.updatedAt()).isEqualTo(later(10));
    }

    @Test
    void givenStaleLead_whenContactRecorded_thenFlagClearedAndPeriodStartsAgain() {
      Lead lead = flagged(daysLater(15));

      lead.recordContact(daysLater(16));

      assertThat(lead.isStale()).isFalse();
      assertThat(lead.staleSince()).isNull();
      assertThat(lead.flagIfIdle(IDLE, daysLater(29))).isFalse();
      assertThat(lead.flagIfIdle(IDLE, daysLater(30))).isTrue();
      assertThat(lead.staleSince()).isEqualTo(daysLater(30));
    }

    @Test
    void givenStaleLead_whenOlderContactArrivesLate_thenFlagKept() {
      Lead lead = idleLead();
      lead.recordContact(daysLater(1));
      lead.flagIfIdle(IDLE, daysLater(20));

      lead.recordContact(later(60)); // a late webhook about a message of the first day

      assertThat(lead.lastContactedAt()).isEqualTo(daysLater(1));
      assertThat(lead.staleSince()).isEqualTo(daysLater(20));
    }

    @Test
    void givenStaleLead_whenMovedToAnotherStage_thenFlagCleared() {
      Lead lead = flagged(daysLater(15));

      lead.moveTo(PipelineStage.SCHEDULED, daysLater(16));

      assertThat(lead.isStale()).isFalse();
      assertThat(lead.staleSince()).isNull();
    }

    @Test
    void givenStaleLead_whenMovedToItsCurrentStage_thenFlagKept() {
      Lead lead = flagged(daysLater(15));

      lead.moveTo(PipelineStage.PROFILING, daysLater(16)); // no move: nobody worked it

      assertThat(lead.staleSince()).isEqualTo(daysLater(15));
    }

    @Test
    void givenStaleLead_whenAdvancedAutomatically_thenFlagCleared() {
      Lead lead = flagged(daysLater(15));

      assertThat(lead.advanceTo(PipelineStage.FINANCIAL_QUALIFICATION, daysLater(16))).isTrue();

      assertThat(lead.isStale()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
        value = PipelineStage.class,
        names = {"WON", "LOST"})
    void givenStaleLead_whenClosed_thenFlagCleared(PipelineStage outcome) {
      Lead lead = flagged(daysLater(15));

      lead.close(outcome, CloseReason.of("unreachable", "No contesta hace semanas"), daysLater(16));

      assertThat(lead.isStale()).isFalse();
      assertThat(lead.staleSince()).isNull();
    }

    @Test
    void givenStaleLead_whenOptedOut_thenFlagCleared() {
      Lead lead = flagged(daysLater(15));

      lead.optOut(daysLater(16));

      assertThat(lead.isStale()).isFalse();
      assertThat(lead.staleSince()).isNull();
    }

    @Test
    void givenStoredLostLeadStillFlagged_whenReopened_thenFlagCleared() {
      Lead lead = stored(PipelineStage.LOST, NOW, later(30), null, daysLater(15));

      lead.reopen(PipelineStage.PROFILING, daysLater(17));

      assertThat(lead.isStale()).isFalse();
      assertThat(lead.lastActivityAt()).isEqualTo(daysLater(17));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void givenZeroOrNegativeIdlePeriod_whenChecked_thenRejected(long days) {
      Lead lead = idleLead();

      assertThatThrownBy(() -> lead.flagIfIdle(Duration.ofDays(days), daysLater(30)))
          .isInstanceOf(IllegalArgumentException.class);

      assertThat(lead.isStale()).isFalse();
    }

    @Test
    void givenCaptureStageMoveAndContact_whenLastActivityAsked_thenTheLatestOfThem() {
      Lead lead = LeadMother.captured();
      assertThat(lead.lastActivityAt()).isEqualTo(NOW);

      lead.advanceTo(PipelineStage.PROFILING, later(5));
      assertThat(lead.lastActivityAt()).isEqualTo(later(5));

      lead.recordContact(later(60));
      assertThat(lead.lastActivityAt()).isEqualTo(later(60));

      lead.moveTo(PipelineStage.POTENTIAL, later(90));
      assertThat(lead.lastActivityAt()).isEqualTo(later(90));

      lead.changeNotes("Llamar después de las 18:00", later(120)); // edits are not activity
      assertThat(lead.lastActivityAt()).isEqualTo(later(90));
    }

    @Test
    void
        givenImportedLeadCreatedAfterItsStageAndContactTimes_whenLastActivityAsked_thenCreatedAt() {
      Lead lead = stored(later(300), later(100), later(200), null);

      assertThat(lead.lastActivityAt()).isEqualTo(later(300));
      assertThat(stored(later(100), later(300), later(200), null).lastActivityAt())
          .isEqualTo(later(300));
      assertThat(stored(later(100), later(200), later(300), null).lastActivityAt())
          .isEqualTo(later(300));
    }

    @Test
    void givenIdleLead_whenFlagged_thenUpdatedAtUnchanged() {
      Lead lead = idleLead();
      Instant updatedAt = lead.updatedAt();

      lead.flagIfIdle(IDLE, daysLater(15));

      assertThat(lead.isStale()).isTrue();
      assertThat(lead.updatedAt()).isEqualTo(updatedAt).isEqualTo(later(5));
    }
  }

  // ---- persistence round trip ----

  @Test
  void givenEveryColumn_whenReconstitutedFromAccessors_thenIdentical() {
    Lead stored = LeadMother.storedWithEveryColumn();

    Lead copy =
        Lead.reconstitute(
            stored.id(),
            stored.brokerId(),
            stored.phone(),
            stored.name(),
            stored.email(),
            stored.status(),
            stored.score(),
            stored.scoreComponents(),
            stored.qualification(),
            stored.facts(),
            stored.stage(),
            stored.assignedTo(),
            stored.tags(),
            stored.notes(),
            stored.closeReason(),
            stored.closedAt(),
            stored.closedFromStage(),
            stored.optedOutAt(),
            stored.lastContactedAt(),
            stored.stageEnteredAt(),
            stored.nextActionAt(),
            stored.staleSince(),
            stored.deletedAt(),
            stored.createdAt(),
            stored.updatedAt(),
            stored.version(),
            stored.identityLinks());

    assertThat(copy).usingRecursiveComparison().isEqualTo(stored);
    assertThat(copy.version()).isEqualTo(7L);
    assertThat(copy.closeReason().detail()).isEqualTo("Compró con otra corredora");
    assertThat(copy.identityLinks()).hasSize(2);
    assertThat(copy.pullEvents()).isEmpty();
  }

  @Test
  void givenLead_whenPrinted_thenNoPersonalData() {
    Lead lead = LeadMother.storedWithEveryColumn();

    assertThat(lead.toString())
        .doesNotContain("María")
        .doesNotContain("+569")
        .doesNotContain("gmail");
  }
}
