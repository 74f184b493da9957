package io.inmo.domain.lead;

import static io.inmo.domain.shared.TimeMother.NOW;
import static io.inmo.domain.shared.TimeMother.later;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerMother;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.broker.RequiredProfileFields;
import io.inmo.domain.lead.LeadEvent.LeadStageChanged;
import io.inmo.domain.lead.RandomLeads.Contact;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.pipeline.StageMove;
import io.inmo.domain.pipeline.StageMove.Rule;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PipelineAdvancementPolicyTest {
  private static final BrokerLeadConfig DEFAULTS = BrokerMother.leadConfig(BrokerId.newId());
  private static final PipelineAdvancementPolicy POLICY =
      PipelineAdvancementPolicy.forBroker(DEFAULTS);
  private static final PipelineAdvancementPolicy AUTO_CLOSE =
      PipelineAdvancementPolicy.forBroker(
          DEFAULTS.withQualification(1_000_000, 500_000, 0, true, NOW));

  /** A lead named or not, with a phone or not, the given facts and qualification, in a stage. */
  private static Lead lead(
      boolean named, boolean phone, LeadFacts facts, Qualification q, PipelineStage stage) {
    Lead lead = RandomLeads.lead(new Contact(named, phone, false), facts, null);
    lead.applyScore(LeadScore.ZERO, List.of(), LeadStatus.COLD, q, NOW);
    if (stage.isClosed()) {
      lead.close(stage, CloseReason.of("sold"), NOW);
    } else {
      lead.moveTo(stage, NOW);
    }
    lead.pullEvents();
    return lead;
  }

  private static Lead inStage(PipelineStage stage, Qualification q) {
    return lead(true, true, LeadFactsMother.apartmentInNunoa(), q, stage);
  }

  private static List<PipelineStage> targets(List<StageMove> moves) {
    return moves.stream().map(StageMove::to).toList();
  }

  // ---- new → profiling ----

  @ParameterizedTest(name = "name + {0} → profiling")
  @EnumSource(names = {"PHONE", "EMAIL", "LOCATION", "BUDGET", "PROPERTY_TYPE"})
  void givenNewLeadWithNameAndOneStarter_whenPlanned_thenProfiling(LeadField starter) {
    Lead lead = RandomLeads.lead(new Contact(true, false, false), LeadFacts.empty(), null);
    switch (starter) {
      case PHONE -> lead.changePhone(LeadMother.PHONE, NOW);
      case EMAIL -> lead.changeEmail(new Email("cami.rojas@gmail.com"), NOW);
      case LOCATION ->
          lead.updateFacts(LeadFacts.builder().location(Fact.of("Maipú")).build(), NOW);
      case BUDGET ->
          lead.updateFacts(LeadFacts.builder().budget(Fact.of(Money.clp(85_000_000))).build(), NOW);
      default ->
          lead.updateFacts(
              LeadFacts.builder().propertyType(Fact.of(PropertyType.HOUSE)).build(), NOW);
    }

    assertThat(POLICY.plan(lead, false))
        .containsExactly(
            new StageMove(
                PipelineStage.NEW,
                PipelineStage.PROFILING,
                Rule.PROFILE_STARTED,
                "Tiene nombre y al menos un dato de contacto o de búsqueda"));
  }

  @Test
  void givenNewLeadWithoutNameOrWithOnlyName_whenPlanned_thenStaysNew() {
    Lead nameless = lead(false, true, LeadFactsMother.apartmentInNunoa(), null, PipelineStage.NEW);
    Lead nameOnly = lead(true, false, LeadFacts.empty(), null, PipelineStage.NEW);
    Lead nameAndBedrooms =
        lead(
            true, false, LeadFacts.builder().bedrooms(Fact.of(3)).build(), null, PipelineStage.NEW);

    assertThat(POLICY.plan(nameless, false)).isEmpty();
    assertThat(POLICY.plan(nameOnly, false)).isEmpty();
    assertThat(POLICY.plan(nameAndBedrooms, false)).isEmpty();
  }

  // ---- profiling → financial qualification ----

  @ParameterizedTest(name = "phone {0}, location {1}, budget {2}, type {3} → moves {4}")
  @CsvSource({
    "true,  true,  true,  false, true",
    "true,  true,  false, true,  true",
    "true,  true,  false, false, false",
    "false, true,  true,  true,  false",
    "true,  false, true,  true,  false"
  })
  void givenProfilingLead_whenDefaultRequiredProfile_thenMovesOnlyWhenComplete(
      boolean phone, boolean location, boolean budget, boolean type, boolean moves) {
    LeadFacts.Builder facts = LeadFacts.builder();
    if (location) {
      facts.location(Fact.of("Providencia"));
    }
    if (budget) {
      facts.budget(Fact.of(Money.uf("4200")));
    }
    if (type) {
      facts.propertyType(Fact.of(PropertyType.APARTMENT));
    }
    Lead lead = lead(true, phone, facts.build(), null, PipelineStage.PROFILING);

    List<StageMove> plan = POLICY.plan(lead, false);

    if (moves) {
      assertThat(plan)
          .extracting(StageMove::from, StageMove::to, StageMove::rule)
          .containsExactly(
              tuple(
                  PipelineStage.PROFILING,
                  PipelineStage.FINANCIAL_QUALIFICATION,
                  Rule.PROFILE_COMPLETE));
    } else {
      assertThat(plan).isEmpty();
    }
  }

  @Test
  void givenBrokerRequiringEmail_whenProfiledLeadHasNone_thenStaysInProfiling() {
    PipelineAdvancementPolicy policy =
        PipelineAdvancementPolicy.of(
            RequiredProfileFields.allOf(LeadField.NAME, LeadField.EMAIL), false);
    Lead lead = inStage(PipelineStage.PROFILING, null);

    assertThat(policy.plan(lead, false)).isEmpty();

    lead.changeEmail(new Email("mjperez@gmail.com"), NOW);
    assertThat(targets(policy.plan(lead, false)))
        .containsExactly(PipelineStage.FINANCIAL_QUALIFICATION);
  }

  // ---- financial qualification ----

  @ParameterizedTest(name = "{0}, auto-close {1} → {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "POTENTIAL,     false, POTENTIAL",
        "QUALIFIED,     false, POTENTIAL",
        "NOT_QUALIFIED, false, null",
        "NOT_QUALIFIED, true,  LOST",
        "null,          true,  null",
        "POTENTIAL,     true,  POTENTIAL"
      })
  void givenFinancialQualificationLead_whenQualificationKnown_thenPotentialOrStaysOrLost(
      Qualification q, boolean autoClose, PipelineStage expected) {
    Lead lead = inStage(PipelineStage.FINANCIAL_QUALIFICATION, q);

    List<StageMove> plan = (autoClose ? AUTO_CLOSE : POLICY).plan(lead, false);

    if (expected == null) {
      assertThat(plan).isEmpty();
    } else {
      assertThat(targets(plan)).containsExactly(expected);
    }
  }

  @Test
  void givenQualifiedOrPotential_whenPlanned_thenReasonSaysWhich() {
    assertThat(
            POLICY.plan(
                inStage(PipelineStage.FINANCIAL_QUALIFICATION, Qualification.QUALIFIED), false))
        .extracting(StageMove::rule, StageMove::reason)
        .containsExactly(tuple(Rule.FINANCIALLY_QUALIFIED, "Calificación financiera: calificado"));
    assertThat(
            POLICY.plan(
                inStage(PipelineStage.FINANCIAL_QUALIFICATION, Qualification.POTENTIAL), false))
        .extracting(StageMove::reason)
        .containsExactly("Calificación financiera: potencial");
  }

  @Test
  void
      givenNotQualifiedAndAutoClose_whenAdvanced_thenLostAsNotQualifiedFromFinancialQualification() {
    Lead lead = inStage(PipelineStage.FINANCIAL_QUALIFICATION, Qualification.NOT_QUALIFIED);

    List<StageMove> moves = AUTO_CLOSE.advance(lead, false, later(5));

    assertThat(moves)
        .extracting(StageMove::rule, StageMove::closes)
        .containsExactly(tuple(Rule.NOT_QUALIFIED, true));
    assertThat(lead.stage()).isEqualTo(PipelineStage.LOST);
    assertThat(lead.status()).isEqualTo(LeadStatus.LOST);
    assertThat(lead.closeReason()).isEqualTo(CloseReason.notQualified());
    assertThat(lead.closedFromStage()).isEqualTo(PipelineStage.FINANCIAL_QUALIFICATION);
    assertThat(lead.closedAt()).isEqualTo(later(5));
  }

  @Test
  void givenNotQualifiedAndAutoCloseButAnAppointment_whenPlanned_thenScheduledNotLost() {
    Lead lead = inStage(PipelineStage.FINANCIAL_QUALIFICATION, Qualification.NOT_QUALIFIED);

    assertThat(AUTO_CLOSE.plan(lead, true))
        .extracting(StageMove::to, StageMove::rule)
        .containsExactly(tuple(PipelineStage.SCHEDULED, Rule.APPOINTMENT_SCHEDULED));
  }

  // ---- appointments ----

  @ParameterizedTest
  @EnumSource(names = {"NEW", "PROFILING", "FINANCIAL_QUALIFICATION", "POTENTIAL"})
  void givenStageBeforeScheduled_whenActiveAppointment_thenEndsScheduled(PipelineStage stage) {
    Lead nameless = lead(false, false, LeadFacts.empty(), null, stage);

    List<StageMove> plan = POLICY.plan(nameless, true);

    assertThat(plan)
        .containsExactly(
            new StageMove(
                stage,
                PipelineStage.SCHEDULED,
                Rule.APPOINTMENT_SCHEDULED,
                "Tiene una cita agendada o confirmada"));
    assertThat(POLICY.plan(nameless, false)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(names = {"SCHEDULED", "WON", "LOST"})
  void givenScheduledOrClosedLead_whenEverythingWouldFire_thenNothingMoves(PipelineStage stage) {
    Lead lead = lead(true, true, LeadFactsMother.complete(), Qualification.NOT_QUALIFIED, stage);

    assertThat(AUTO_CLOSE.plan(lead, true)).isEmpty();
    assertThat(AUTO_CLOSE.advance(lead, true, later(5))).isEmpty();
    assertThat(lead.stage()).isEqualTo(stage);
    assertThat(lead.pullEvents()).isEmpty();
  }

  @Test
  void givenLeadMovedBackByHand_whenNotQualifiedLater_thenNeverPulledBackOrClosed() {
    Lead lead = inStage(PipelineStage.POTENTIAL, Qualification.NOT_QUALIFIED);

    assertThat(AUTO_CLOSE.plan(lead, false)).isEmpty();
  }

  // ---- repeated application ----

  @Test
  void givenImportedLeadWithCompleteFacts_whenAdvanced_thenLandsInPotentialInOneRecompute() {
    Lead lead =
        lead(true, true, LeadFactsMother.complete(), Qualification.QUALIFIED, PipelineStage.NEW);

    List<StageMove> moves = POLICY.advance(lead, false, later(1));

    assertThat(moves)
        .extracting(StageMove::from, StageMove::to, StageMove::rule)
        .containsExactly(
            tuple(PipelineStage.NEW, PipelineStage.PROFILING, Rule.PROFILE_STARTED),
            tuple(
                PipelineStage.PROFILING,
                PipelineStage.FINANCIAL_QUALIFICATION,
                Rule.PROFILE_COMPLETE),
            tuple(
                PipelineStage.FINANCIAL_QUALIFICATION,
                PipelineStage.POTENTIAL,
                Rule.FINANCIALLY_QUALIFIED));
    assertThat(lead.stage()).isEqualTo(PipelineStage.POTENTIAL);
    assertThat(lead.stageEnteredAt()).isEqualTo(later(1));
    assertThat(lead.pullEvents())
        .containsExactly(
            new LeadStageChanged(
                lead.id(), lead.brokerId(), PipelineStage.NEW, PipelineStage.PROFILING, later(1)),
            new LeadStageChanged(
                lead.id(),
                lead.brokerId(),
                PipelineStage.PROFILING,
                PipelineStage.FINANCIAL_QUALIFICATION,
                later(1)),
            new LeadStageChanged(
                lead.id(),
                lead.brokerId(),
                PipelineStage.FINANCIAL_QUALIFICATION,
                PipelineStage.POTENTIAL,
                later(1)));
    assertThat(POLICY.advance(lead, false, later(2))).isEmpty();
  }

  @Test
  void
      givenCompleteFactsNotQualifiedAutoCloseAndLaterAppointment_whenAdvanced_thenThroughStagesToLost() {
    Lead lead =
        lead(
            true, true, LeadFactsMother.complete(), Qualification.NOT_QUALIFIED, PipelineStage.NEW);

    assertThat(targets(AUTO_CLOSE.advance(lead, false, later(1))))
        .containsExactly(
            PipelineStage.PROFILING, PipelineStage.FINANCIAL_QUALIFICATION, PipelineStage.LOST);
    assertThat(AUTO_CLOSE.advance(lead, true, later(2))).isEmpty(); // never leaves lost
  }

  @Test
  void givenCompleteFactsAndAppointment_whenPlanned_thenEarnedStagesFirstThenScheduled() {
    Lead lead =
        lead(true, true, LeadFactsMother.complete(), Qualification.POTENTIAL, PipelineStage.NEW);

    assertThat(targets(POLICY.plan(lead, true)))
        .containsExactly(
            PipelineStage.PROFILING,
            PipelineStage.FINANCIAL_QUALIFICATION,
            PipelineStage.POTENTIAL,
            PipelineStage.SCHEDULED);
    assertThat(lead.stage()).isEqualTo(PipelineStage.NEW); // plan reads, never changes
  }
}
