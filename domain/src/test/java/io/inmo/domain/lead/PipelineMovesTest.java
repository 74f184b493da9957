package io.inmo.domain.lead;

import static io.inmo.domain.shared.TimeMother.later;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.pipeline.StageMove;
import io.inmo.domain.pipeline.StageMove.Rule;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineMovesTest {

  private static void assertCode(Throwable thrown, String code) {
    assertThat(thrown).isInstanceOf(DomainException.class);
    assertThat(((DomainException) thrown).code()).isEqualTo(code);
  }

  // ---- moves between open stages ----

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "PROFILING, SCHEDULED",
    "SCHEDULED, PROFILING",
    "POTENTIAL, NEW",
    "NEW, FINANCIAL_QUALIFICATION"
  })
  void givenOpenLead_whenMovedByHandWithReason_thenAnyOpenStageForwardsOrBackwards(
      PipelineStage from, PipelineStage to) {
    Lead lead = LeadMother.inStage(from);

    StageMove move =
        PipelineMoves.move(lead, to, "  Visitó el piloto el sábado  ", later(60)).orElseThrow();

    assertThat(move).isEqualTo(new StageMove(from, to, Rule.MANUAL, "Visitó el piloto el sábado"));
    assertThat(lead.stage()).isEqualTo(to);
    assertThat(lead.stageEnteredAt()).isEqualTo(later(60));
  }

  @Test
  void givenLeadAlreadyInTargetStage_whenMovedByHand_thenNoMove() {
    Lead lead = LeadMother.inStage(PipelineStage.POTENTIAL);

    assertThat(PipelineMoves.move(lead, PipelineStage.POTENTIAL, "Sigue igual", later(60)))
        .isEmpty();
    assertThat(lead.pullEvents()).isEmpty();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\n\t"})
  void givenBlankReason_whenMovedByHand_thenRejectedAndLeadUnchanged(String reason) {
    Lead lead = LeadMother.inStage(PipelineStage.PROFILING);

    assertThatThrownBy(() -> PipelineMoves.move(lead, PipelineStage.SCHEDULED, reason, later(60)))
        .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
    assertThatThrownBy(
            () ->
                PipelineMoves.reopen(
                    LeadMother.inStage(PipelineStage.LOST),
                    PipelineStage.POTENTIAL,
                    reason,
                    Role.ADMIN,
                    later(60)))
        .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
    assertThat(lead.stage()).isEqualTo(PipelineStage.PROFILING);
  }

  @Test
  void givenReasonLongerThanACloseDetail_whenMovedByHand_thenRejected() {
    Lead lead = LeadMother.inStage(PipelineStage.PROFILING);

    assertThatThrownBy(
            () -> PipelineMoves.move(lead, PipelineStage.NEW, "x".repeat(2_001), later(60)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PipelineMoves.move(lead, PipelineStage.NEW, "x".repeat(2_000), later(60)))
        .isPresent();
  }

  @Test
  void givenWonOrLostTargetOrClosedLead_whenMovedByHand_thenCloseOrReopenIsRequired() {
    Lead open = LeadMother.inStage(PipelineStage.POTENTIAL);
    Lead won = LeadMother.inStage(PipelineStage.WON);

    assertThatThrownBy(() -> PipelineMoves.move(open, PipelineStage.WON, "Firmó", later(60)))
        .isInstanceOf(IllegalArgumentException.class);
    assertCode(
        catchThrowable(
            () -> PipelineMoves.move(won, PipelineStage.POTENTIAL, "Se cayó", later(60))),
        "lead.closed");
  }

  // ---- closing ----

  @Test
  void givenOpenLead_whenClosedAsWon_thenReasonDetailTimeAndPreviousStageRecorded() {
    Lead lead = LeadMother.inStage(PipelineStage.SCHEDULED);

    StageMove move =
        PipelineMoves.close(
            lead,
            PipelineStage.WON,
            CloseReason.of("sold", "Compró depto 504, Av. Irarrázaval"),
            later(90));

    assertThat(move)
        .isEqualTo(
            new StageMove(
                PipelineStage.SCHEDULED,
                PipelineStage.WON,
                Rule.MANUAL_CLOSE,
                "Cerrado como Ganado (sold): Compró depto 504, Av. Irarrázaval"));
    assertThat(move.closes()).isTrue();
    assertThat(lead.stage()).isEqualTo(PipelineStage.WON);
    assertThat(lead.status()).isEqualTo(LeadStatus.CONVERTED);
    assertThat(lead.closeReason().code()).isEqualTo("sold");
    assertThat(lead.closeReason().detail()).isEqualTo("Compró depto 504, Av. Irarrázaval");
    assertThat(lead.closedAt()).isEqualTo(later(90));
    assertThat(lead.closedFromStage()).isEqualTo(PipelineStage.SCHEDULED);
  }

  @Test
  void givenOpenLead_whenClosedAsLostWithoutDetail_thenReasonIsTheCode() {
    Lead lead = LeadMother.inStage(PipelineStage.POTENTIAL);

    StageMove move =
        PipelineMoves.close(
            lead, PipelineStage.LOST, CloseReason.of("bought_elsewhere"), later(90));

    assertThat(move.reason()).isEqualTo("Cerrado como Perdido (bought_elsewhere)");
    assertThat(lead.status()).isEqualTo(LeadStatus.LOST);
  }

  @Test
  void givenNoReasonOrOpenOutcome_whenClosedByHand_thenRejected() {
    Lead lead = LeadMother.inStage(PipelineStage.POTENTIAL);

    assertThatThrownBy(() -> PipelineMoves.close(lead, PipelineStage.WON, null, later(90)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                PipelineMoves.close(
                    lead, PipelineStage.SCHEDULED, CloseReason.of("sold"), later(90)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(lead.stage()).isEqualTo(PipelineStage.POTENTIAL);
  }

  // ---- reopening ----

  @ParameterizedTest
  @EnumSource(names = {"ADMIN", "SUPERADMIN"})
  void givenAdmin_whenReopensLostLead_thenOpenAgainWithCloseDataCleared(Role role) {
    Lead lead = LeadMother.inStage(PipelineStage.LOST);

    StageMove move =
        PipelineMoves.reopen(
            lead, PipelineStage.POTENTIAL, "Volvió a escribir con preaprobación", role, later(200));

    assertThat(move)
        .isEqualTo(
            new StageMove(
                PipelineStage.LOST,
                PipelineStage.POTENTIAL,
                Rule.REOPEN,
                "Volvió a escribir con preaprobación"));
    assertThat(move.reopens()).isTrue();
    assertThat(lead.stage()).isEqualTo(PipelineStage.POTENTIAL);
    assertThat(lead.closeReason()).isNull();
    assertThat(lead.closedFromStage()).isNull();
  }

  @Test
  void givenAgent_whenReopensWonLead_thenDeniedWithStableCodeAndLeadStaysWon() {
    Lead lead = LeadMother.inStage(PipelineStage.WON);

    Throwable thrown =
        catchThrowable(
            () ->
                PipelineMoves.reopen(
                    lead, PipelineStage.SCHEDULED, "Se cayó el crédito", Role.AGENT, later(200)));

    assertThat(thrown).isInstanceOf(LeadReopenDeniedException.class);
    assertCode(thrown, "lead.reopen_requires_admin");
    assertThat(((LeadReopenDeniedException) thrown).role()).isEqualTo(Role.AGENT);
    assertThat(lead.stage()).isEqualTo(PipelineStage.WON);
    assertThat(lead.closeReason()).isNotNull();
  }

  @Test
  void givenOpenLead_whenAdminReopens_thenNotClosed() {
    Lead lead = LeadMother.inStage(PipelineStage.POTENTIAL);

    assertCode(
        catchThrowable(
            () -> PipelineMoves.reopen(lead, PipelineStage.NEW, "Reabrir", Role.ADMIN, later(200))),
        "lead.not_closed");
  }

  @ParameterizedTest(name = "{0} may reopen: {1}")
  @CsvSource({"SUPERADMIN, true", "ADMIN, true", "AGENT, false"})
  void givenRole_whenAskedWhetherItMayReopen_thenOnlyAdmins(Role role, boolean allowed) {
    assertThat(PipelineMoves.mayReopen(role)).isEqualTo(allowed);
  }
}
