package io.inmo.domain.lead;

import static io.inmo.domain.shared.TimeMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerMother;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.broker.ScoreThresholds;
import io.inmo.domain.lead.RandomLeads.Contact;
import io.inmo.domain.scoring.Engagement;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.scoring.ScoreComponent;
import io.inmo.domain.scoring.ScoreResult;
import io.inmo.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringPolicyTest {
  private static final BrokerLeadConfig DEFAULTS = BrokerMother.leadConfig(BrokerId.newId());
  private static final ScoringPolicy POLICY = ScoringPolicy.forBroker(DEFAULTS);
  private static final Contact NO_CONTACT = new Contact(false, false, false);

  private static Lead leadWith(LeadFacts facts) {
    return RandomLeads.lead(NO_CONTACT, facts, null);
  }

  private static ScoreComponent only(ScoreResult result, String factor) {
    assertThat(result.components()).extracting(ScoreComponent::factor).containsOnlyOnce(factor);
    return result.components().stream().filter(c -> c.factor().equals(factor)).findFirst().get();
  }

  private static BrokerLeadConfig withWeights(Map<LeadField, Integer> weights) {
    return DEFAULTS.withScoring(weights, ScoreThresholds.defaults(), null, NOW);
  }

  // ---- field weights ----

  @Test
  void givenProfiledLeadAndDefaultWeights_whenScored_thenEachKnownWeightedFieldExplained() {
    Lead lead = LeadMother.profiled(); // name, phone, Ñuñoa, apartment, 2 bedrooms, 5.000 UF

    ScoreResult result = POLICY.score(lead, Engagement.NONE, NOW);

    assertThat(result.score()).isEqualTo(LeadScore.of(60));
    assertThat(result.components())
        .extracting(ScoreComponent::factor, ScoreComponent::points, ScoreComponent::reason)
        .containsExactly(
            tuple("name", 10, "Nombre conocido"),
            tuple("phone", 15, "Teléfono conocido"),
            tuple("location", 15, "Ubicación buscada conocida"),
            tuple("budget", 20, "Presupuesto conocido"));
  }

  @Test
  void givenFieldOutsideTheWeightsOrWeighingZero_whenScored_thenNoComponent() {
    Map<LeadField, Integer> weights = new EnumMap<>(LeadField.class);
    weights.put(LeadField.BEDROOMS, 12);
    weights.put(LeadField.BUDGET, 0);
    Lead lead = LeadMother.profiled();

    ScoreResult result =
        ScoringPolicy.forBroker(withWeights(weights)).score(lead, Engagement.NONE, NOW);

    assertThat(result.components())
        .containsExactly(new ScoreComponent("bedrooms", 12, "Dormitorios conocidos"));
    assertThat(result.score()).isEqualTo(LeadScore.of(12));
  }

  @Test
  void givenNothingKnown_whenScored_thenZeroWithoutComponents() {
    ScoreResult result = POLICY.score(leadWith(LeadFacts.empty()), Engagement.NONE, NOW);

    assertThat(result.score()).isEqualTo(LeadScore.ZERO);
    assertThat(result.components()).isEmpty();
  }

  // ---- income and DICOM ----

  @ParameterizedTest(name = "income {0} → {1} points")
  @CsvSource(
      delimiter = '|',
      value = {
        "0         | 0  | Ingreso mensual < $500.000: sin puntaje",
        "499999    | 0  | Ingreso mensual < $500.000: sin puntaje",
        "500000    | 7  | Ingreso mensual ≥ $500.000 y < $1.000.000: medio puntaje",
        "999999    | 7  | Ingreso mensual ≥ $500.000 y < $1.000.000: medio puntaje",
        "1000000   | 15 | Ingreso mensual ≥ $1.000.000: puntaje completo",
        "1800000   | 15 | Ingreso mensual ≥ $1.000.000: puntaje completo"
      })
  void givenIncome_whenScored_thenFullHalfOrNoWeightAtTheBrokerLimits(
      long income, int points, String reason) {
    Lead lead = leadWith(LeadFacts.builder().monthlyIncome(Fact.of(Money.clp(income))).build());

    ScoreResult result = POLICY.score(lead, Engagement.NONE, NOW);

    assertThat(only(result, "monthly_income"))
        .isEqualTo(new ScoreComponent("monthly_income", points, reason));
    assertThat(result.score().value()).isEqualTo(points);
  }

  @Test
  void givenOddWeight_whenHalfIncome_thenRoundedDown_andReasonHidesTheLeadsIncome() {
    BrokerLeadConfig config =
        withWeights(Map.of(LeadField.MONTHLY_INCOME, 9))
            .withQualification(2_000_000, 800_000, 0, false, NOW);
    Lead lead = leadWith(LeadFacts.builder().monthlyIncome(Fact.of(Money.clp(1_234_567))).build());

    ScoreComponent income =
        only(ScoringPolicy.forBroker(config).score(lead, Engagement.NONE, NOW), "monthly_income");

    assertThat(income.points()).isEqualTo(4);
    assertThat(income.reason())
        .isEqualTo("Ingreso mensual ≥ $800.000 y < $2.000.000: medio puntaje")
        .doesNotContain("1.234.567");
  }

  @ParameterizedTest(name = "{0}, debt {1}, acceptable {2} → {3} points")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "CLEAN    | null    | 0      | 15 | DICOM sin deudas: puntaje completo",
        "CLEAN    | 3200000 | 0      | 15 | DICOM sin deudas: puntaje completo",
        "HAS_DEBT | 0       | 0      | 7  | DICOM con deudas dentro de lo aceptable (≤ $0): medio puntaje",
        "HAS_DEBT | 1       | 0      | 0  | DICOM con deudas sobre lo aceptable (> $0): sin puntaje",
        "HAS_DEBT | 100000  | 100000 | 7  | DICOM con deudas dentro de lo aceptable (≤ $100.000): medio puntaje",
        "HAS_DEBT | 100001  | 100000 | 0  | DICOM con deudas sobre lo aceptable (> $100.000): sin puntaje",
        "HAS_DEBT | null    | 100000 | 0  | DICOM con deudas de monto desconocido: sin puntaje",
        "UNKNOWN  | null    | 0      | 0  | Estado DICOM desconocido: sin puntaje",
        "UNKNOWN  | 0       | 0      | 0  | Estado DICOM desconocido: sin puntaje"
      })
  void givenDicomStatusAndDebt_whenScored_thenGradedAgainstTheAcceptableDebt(
      DicomStatus status, Long debt, long acceptable, int points, String reason) {
    BrokerLeadConfig config =
        DEFAULTS.withQualification(1_000_000, 500_000, acceptable, false, NOW);
    LeadFacts.Builder facts = LeadFacts.builder().dicomStatus(Fact.of(status));
    if (debt != null) {
      facts.debtAmount(Fact.of(Money.clp(debt)));
    }

    ScoreResult result =
        ScoringPolicy.forBroker(config).score(leadWith(facts.build()), Engagement.NONE, NOW);

    assertThat(only(result, "dicom_status"))
        .isEqualTo(new ScoreComponent("dicom_status", points, reason));
    assertThat(result.score().value()).isEqualTo(points); // debt_amount weighs 0 by default
  }

  // ---- engagement ----

  @ParameterizedTest(name = "{0} replies, median {1} s, last inbound {2} s ago → +{3}")
  @CsvSource(
      nullValues = "null",
      value = {
        "0,  null, null,   0",
        "2,  null, null,   0",
        "3,  null, null,   4",
        "2,  600,  null,   3",
        "2,  601,  null,   0",
        "0,  null, 604800, 3", // exactly 7 days ago
        "0,  null, 604801, 0",
        "3,  600,  0,      10",
        "12, 45,   3600,   10",
        "5,  1800, 86400,  7"
      })
  void givenEngagement_whenScored_thenRepliesSpeedAndRecencyAddUpToTen(
      int replies, Long medianSeconds, Long lastInboundSecondsAgo, int points) {
    Engagement engagement =
        new Engagement(
            replies,
            medianSeconds == null ? null : Duration.ofSeconds(medianSeconds),
            lastInboundSecondsAgo == null ? null : NOW.minusSeconds(lastInboundSecondsAgo));

    ScoreResult result = POLICY.score(leadWith(LeadFacts.empty()), engagement, NOW);

    assertThat(result.score().value()).isEqualTo(points);
    if (points == 0) {
      assertThat(result.components()).isEmpty();
    } else {
      assertThat(only(result, "engagement").points()).isEqualTo(points);
    }
  }

  @Test
  void givenFullEngagement_whenScored_thenReasonNamesEachPart() {
    Engagement engagement = new Engagement(5, Duration.ofMinutes(2), NOW.minusSeconds(3600));

    ScoreComponent engaged =
        only(POLICY.score(leadWith(LeadFacts.empty()), engagement, NOW), "engagement");

    assertThat(engaged.reason())
        .isEqualTo(
            "Interacción: respondió 5 veces (+4); responde rápido, mediana ≤ 10 min (+3);"
                + " contacto en los últimos 7 días (+3)");
  }

  @ParameterizedTest(name = "last contact {0} min ago, last inbound {1} min ago → +{2}")
  @CsvSource(
      nullValues = "null",
      value = {"60, null, 3", "20000, null, 0", "20000, 60, 3", "60, 20000, 3", "null, null, 0"})
  void givenOurLastContactOrTheirLastMessage_whenWithinSevenDays_thenRecencyPoints(
      Long contactedMinutesAgo, Long inboundMinutesAgo, int points) {
    Instant contacted =
        contactedMinutesAgo == null ? null : NOW.minus(Duration.ofMinutes(contactedMinutesAgo));
    Instant inbound =
        inboundMinutesAgo == null ? null : NOW.minus(Duration.ofMinutes(inboundMinutesAgo));
    Lead lead = RandomLeads.lead(NO_CONTACT, LeadFacts.empty(), contacted);

    ScoreResult result = POLICY.score(lead, new Engagement(0, null, inbound), NOW);

    assertThat(result.score().value()).isEqualTo(points);
  }

  // ---- clamp, opt-out ----

  @Test
  void givenEverythingKnownAndEngaged_whenScored_thenCappedAt100WithACapComponent() {
    Lead lead = RandomLeads.lead(new Contact(true, true, true), LeadFactsMother.complete(), NOW);

    ScoreResult result = POLICY.score(lead, new Engagement(4, Duration.ofMinutes(3), NOW), NOW);

    assertThat(result.score()).isEqualTo(LeadScore.of(100));
    assertThat(result.components())
        .extracting(ScoreComponent::factor)
        .containsExactly(
            "name",
            "phone",
            "email",
            "location",
            "budget",
            "monthly_income",
            "dicom_status",
            "engagement",
            "cap");
    assertThat(only(result, "cap"))
        .isEqualTo(new ScoreComponent("cap", -10, "Puntaje máximo 100: se descuentan 10 puntos"));
  }

  @Test
  void givenWeightsFarAbove100_whenScored_thenSeveralCapsOfAtMost100StillAddUp() {
    Map<LeadField, Integer> weights = new EnumMap<>(LeadField.class);
    for (LeadField field : LeadField.values()) {
      weights.put(field, 100);
    }
    Lead lead = RandomLeads.lead(new Contact(true, true, true), LeadFactsMother.complete(), NOW);

    ScoreResult result =
        ScoringPolicy.forBroker(withWeights(weights)).score(lead, Engagement.NONE, NOW);

    // 16 fields known at 100 + 3 recency = 1603: 1503 to take off
    assertThat(result.score()).isEqualTo(LeadScore.of(100));
    assertThat(result.components())
        .filteredOn(c -> c.factor().equals("cap"))
        .extracting(ScoreComponent::points)
        .containsExactly(
            -100, -100, -100, -100, -100, -100, -100, -100, -100, -100, -100, -100, -100, -100,
            -100, -3);
    assertThat(result.components().stream().mapToInt(ScoreComponent::points).sum()).isEqualTo(100);
  }

  @Test
  void givenOptedOutLead_whenScored_thenZeroWithTheSameOptOutComponentTheLeadStores() {
    Lead lead = RandomLeads.lead(new Contact(true, true, true), LeadFactsMother.complete(), NOW);
    ScoreResult before = POLICY.score(lead, new Engagement(9, Duration.ofMinutes(1), NOW), NOW);
    lead.optOut(NOW);

    ScoreResult after = POLICY.score(lead, new Engagement(9, Duration.ofMinutes(1), NOW), NOW);

    assertThat(before.score()).isEqualTo(LeadScore.of(100));
    assertThat(after.score()).isEqualTo(LeadScore.ZERO);
    assertThat(after.components())
        .containsExactly(new ScoreComponent("opt_out", 0, "El lead pidió no ser contactado"))
        .isEqualTo(lead.scoreComponents());
  }

  @Test
  void givenSolventFinancesLearnt_whenRescored_thenProfiledLeadTurnsHot() {
    Lead lead = LeadMother.profiled();
    ScoreResult profiled = POLICY.score(lead, Engagement.NONE, NOW);
    lead.updateFacts(LeadFactsMother.solventFinances(), NOW);

    ScoreResult solvent = POLICY.score(lead, Engagement.NONE, NOW);

    assertThat(LeadStatus.forScore(profiled.score(), DEFAULTS.thresholds()))
        .isEqualTo(LeadStatus.WARM);
    assertThat(solvent.score()).isEqualTo(LeadScore.of(90));
    assertThat(LeadStatus.forScore(solvent.score(), DEFAULTS.thresholds()))
        .isEqualTo(LeadStatus.HOT);
  }
}
