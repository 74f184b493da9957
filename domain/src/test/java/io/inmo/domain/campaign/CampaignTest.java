package io.inmo.domain.campaign;

import static io.inmo.domain.campaign.CampaignMother.BROKER_ID;
import static io.inmo.domain.campaign.CampaignMother.GREETING_TEMPLATE;
import static io.inmo.domain.campaign.CampaignMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.shared.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CampaignTest {
  private static final Instant LATER = NOW.plusSeconds(3600);

  private static void assertCode(ThrowingCallable call, String code) {
    assertThatThrownBy(call)
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo(code);
  }

  private static Campaign draftWith(CampaignTrigger trigger, Map<String, String> config) {
    return Campaign.draft(
        BROKER_ID,
        "Reactivación",
        null,
        CampaignChannel.ANY,
        trigger,
        config,
        false,
        null,
        CampaignMother.steps(),
        NOW);
  }

  @Test
  void givenNameAndSteps_whenDraft_thenDraftWithSteps() {
    Campaign c = CampaignMother.draft();

    assertThat(c.status()).isEqualTo(CampaignStatus.DRAFT);
    assertThat(c.name()).isEqualTo("Seguimiento leads nuevos");
    assertThat(c.steps()).extracting(CampaignStep::stepNumber).containsExactly(1, 2, 3);
    assertThat(c.exitOnReply()).isTrue();
    assertThat(c.step(2).action()).isEqualTo(StepAction.AI_MESSAGE);
    assertThat(c.step(4)).isNull();
  }

  @Test
  void givenBlankName_whenDraft_thenRejected() {
    assertThatThrownBy(
            () ->
                Campaign.draft(
                    BROKER_ID,
                    "  ",
                    null,
                    CampaignChannel.WHATSAPP,
                    CampaignTrigger.MANUAL,
                    Map.of(),
                    true,
                    null,
                    List.of(),
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNameOf121Chars_whenDraft_thenRejected() {
    assertThatThrownBy(
            () ->
                Campaign.draft(
                    BROKER_ID,
                    "x".repeat(121),
                    null,
                    CampaignChannel.WHATSAPP,
                    CampaignTrigger.MANUAL,
                    Map.of(),
                    true,
                    null,
                    List.of(),
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenGapInNumbering_whenDraft_thenInvalidStepNumbering() {
    List<CampaignStep> steps =
        List.of(
            CampaignStep.of(1, StepAction.SEND_MESSAGE, GREETING_TEMPLATE, 0, Map.of()),
            CampaignStep.of(3, StepAction.WAIT, null, 48, Map.of()));

    assertCode(() -> CampaignMother.draft(steps), "campaign.invalid_step_numbering");
  }

  @Test
  void givenStepsOutOfOrder_whenDraft_thenInvalidStepNumbering() {
    List<CampaignStep> steps = CampaignMother.steps();

    assertCode(
        () -> CampaignMother.draft(List.of(steps.get(1), steps.get(0), steps.get(2))),
        "campaign.invalid_step_numbering");
  }

  @Test
  void givenScoreThresholdWithoutMinScore_whenDraft_thenInvalidTriggerConfig() {
    assertCode(
        () -> draftWith(CampaignTrigger.SCORE_THRESHOLD, Map.of()),
        "campaign.invalid_trigger_config");
  }

  @ParameterizedTest
  @CsvSource({
    "SCORE_THRESHOLD, min_score, 101",
    "SCORE_THRESHOLD, min_score, alto",
    "INACTIVITY, inactive_hours, 0"
  })
  void givenOutOfRangeTriggerValue_whenDraft_thenInvalidTriggerConfig(
      CampaignTrigger trigger, String key, String value) {
    assertCode(() -> draftWith(trigger, Map.of(key, value)), "campaign.invalid_trigger_config");
  }

  @Test
  void givenStageChangeToScheduled_whenDraft_thenConfigKept() {
    Campaign c = draftWith(CampaignTrigger.STAGE_CHANGE, Map.of("stage", "scheduled"));

    assertThat(c.triggerConfig()).containsEntry("stage", "scheduled");
  }

  @Test
  void givenDraftWithSteps_whenActivate_thenActive() {
    Campaign c = CampaignMother.draft();

    c.activate(LATER);

    assertThat(c.status()).isEqualTo(CampaignStatus.ACTIVE);
    assertThat(c.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void givenDraftWithoutSteps_whenActivate_thenNoSteps() {
    Campaign c = CampaignMother.draft(List.of());

    assertCode(() -> c.activate(LATER), "campaign.no_steps");
    assertThat(c.status()).isEqualTo(CampaignStatus.DRAFT);
  }

  @Test
  void givenActive_whenPauseThenResume_thenActiveAgain() {
    Campaign c = CampaignMother.inStatus(CampaignStatus.ACTIVE);

    c.pause(LATER);
    assertThat(c.status()).isEqualTo(CampaignStatus.PAUSED);
    c.resume(LATER.plusSeconds(60));

    assertThat(c.status()).isEqualTo(CampaignStatus.ACTIVE);
  }

  @ParameterizedTest(name = "{0} cannot {1}")
  @CsvSource({
    "ARCHIVED, activate",
    "ACTIVE, activate",
    "PAUSED, activate",
    "DRAFT, pause",
    "COMPLETED, pause",
    "DRAFT, resume",
    "ACTIVE, resume",
    "DRAFT, complete",
    "ARCHIVED, complete",
    "ACTIVE, archive",
    "ARCHIVED, archive",
  })
  void givenStatus_whenIllegalTransition_thenInvalidTransition(CampaignStatus status, String verb) {
    Campaign c = CampaignMother.inStatus(status);

    assertCode(
        () -> {
          switch (verb) {
            case "activate" -> c.activate(LATER);
            case "pause" -> c.pause(LATER);
            case "resume" -> c.resume(LATER);
            case "complete" -> c.complete(LATER);
            case "archive" -> c.archive(LATER);
            default -> throw new IllegalStateException(verb);
          }
        },
        "campaign.invalid_transition");
    assertThat(c.status()).isEqualTo(status);
  }

  @ParameterizedTest
  @EnumSource(
      value = CampaignStatus.class,
      names = {"DRAFT", "PAUSED", "COMPLETED"})
  void givenArchivableStatus_whenArchive_thenArchived(CampaignStatus status) {
    Campaign c = CampaignMother.inStatus(status);

    c.archive(LATER);

    assertThat(c.status()).isEqualTo(CampaignStatus.ARCHIVED);
  }

  @ParameterizedTest
  @EnumSource(
      value = CampaignStatus.class,
      names = {"ACTIVE", "PAUSED"})
  void givenRunningOrPaused_whenComplete_thenCompleted(CampaignStatus status) {
    Campaign c = CampaignMother.inStatus(status);

    c.complete(LATER);

    assertThat(c.status()).isEqualTo(CampaignStatus.COMPLETED);
  }

  @Test
  void givenPaused_whenReplaceSteps_thenStepsReplaced() {
    Campaign c = CampaignMother.inStatus(CampaignStatus.PAUSED);
    List<CampaignStep> newSteps =
        List.of(
            CampaignStep.of(1, StepAction.WAIT, null, 48, Map.of()),
            CampaignStep.of(2, StepAction.UPDATE_STAGE, null, 0, Map.of("stage", "profiling")));

    c.replaceSteps(newSteps, LATER);

    assertThat(c.steps()).containsExactlyElementsOf(newSteps);
    assertThat(c.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void givenActive_whenReplaceSteps_thenNotEditable() {
    Campaign c = CampaignMother.inStatus(CampaignStatus.ACTIVE);

    assertCode(() -> c.replaceSteps(CampaignMother.steps(), LATER), "campaign.not_editable");
  }

  @Test
  void givenPaused_whenReplaceWithNoSteps_thenNoSteps() {
    Campaign c = CampaignMother.inStatus(CampaignStatus.PAUSED);

    assertCode(() -> c.replaceSteps(List.of(), LATER), "campaign.no_steps");
    assertThat(c.steps()).hasSize(3);
  }

  @Test
  void givenDraft_whenEdit_thenDefinitionChanged() {
    Campaign c = CampaignMother.draft();

    c.edit(
        " Reactivar leads fríos ",
        "Leads sin respuesta en 3 días",
        CampaignChannel.ANY,
        CampaignTrigger.INACTIVITY,
        Map.of("inactive_hours", "72"),
        false,
        LATER);

    assertThat(c.name()).isEqualTo("Reactivar leads fríos");
    assertThat(c.trigger()).isEqualTo(CampaignTrigger.INACTIVITY);
    assertThat(c.triggerConfig()).containsEntry("inactive_hours", "72");
    assertThat(c.exitOnReply()).isFalse();
  }

  @Test
  void givenCompleted_whenEdit_thenNotEditable() {
    Campaign c = CampaignMother.inStatus(CampaignStatus.COMPLETED);

    assertCode(
        () ->
            c.edit(
                "Otro", null, CampaignChannel.ANY, CampaignTrigger.MANUAL, Map.of(), true, LATER),
        "campaign.not_editable");
  }

  @Test
  void givenStoredRow_whenReconstitute_thenEveryColumnRoundTrips() {
    Campaign source = CampaignMother.draft();
    source.activate(LATER);

    Campaign copy =
        Campaign.reconstitute(
            source.id(),
            source.brokerId(),
            source.name(),
            source.description(),
            source.channel(),
            source.status(),
            source.trigger(),
            source.triggerConfig(),
            source.exitOnReply(),
            source.createdBy(),
            source.steps(),
            source.createdAt(),
            source.updatedAt(),
            source.version());

    assertThat(copy).usingRecursiveComparison().isEqualTo(source);
  }
}
