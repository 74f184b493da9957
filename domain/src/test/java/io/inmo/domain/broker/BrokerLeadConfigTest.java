package io.inmo.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.shared.TimeMother;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerLeadConfigTest {
  private final BrokerId broker = BrokerId.newId();
  private final BrokerLeadConfig defaults = BrokerLeadConfig.defaults(broker, TimeMother.NOW);

  @Test
  void givenNewBroker_whenDefaults_thenProductDefaults() {
    assertThat(defaults.fieldWeights())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                LeadField.NAME,
                10,
                LeadField.PHONE,
                15,
                LeadField.EMAIL,
                10,
                LeadField.LOCATION,
                15,
                LeadField.BUDGET,
                20,
                LeadField.MONTHLY_INCOME,
                15,
                LeadField.DICOM_STATUS,
                15));
    assertThat(defaults.fieldWeights().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(100);
    assertThat(defaults.thresholds()).isEqualTo(new ScoreThresholds(30, 69, 70));
    assertThat(defaults.requiredProfileFields()).isEqualTo(RequiredProfileFields.defaults());
    assertThat(defaults.fieldPriority()).doesNotHaveDuplicates().startsWith(LeadField.NAME);
    assertThat(defaults.qualifiedIncome()).isEqualTo(1_000_000L);
    assertThat(defaults.potentialIncome()).isEqualTo(500_000L);
    assertThat(defaults.acceptableDebt()).isZero();
    assertThat(defaults.autoCloseNotQualified()).isFalse();
    assertThat(defaults.hotAlertScore()).isNull();
    assertThat(defaults.agentsSeeUnassigned()).isTrue();
    assertThat(defaults.staleAfterDays()).isEqualTo(14);
  }

  @Test
  void givenFieldWithoutWeight_whenWeightOf_thenZero() {
    assertThat(defaults.weightOf(LeadField.BUDGET)).isEqualTo(20);
    assertThat(defaults.weightOf(LeadField.BEDROOMS)).isZero();
  }

  @Test
  void givenWeightOutside0To100_whenSet_thenRejected() {
    assertThatThrownBy(
            () ->
                defaults.withScoring(
                    Map.of(LeadField.BUDGET, 101),
                    ScoreThresholds.defaults(),
                    null,
                    TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget");
    assertThatThrownBy(
            () ->
                defaults.withScoring(
                    Map.of(LeadField.BUDGET, -1), ScoreThresholds.defaults(), null, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenHotAlertScore_whenOutOfRange_thenRejected_elseKept() {
    assertThat(
            defaults.withScoring(
                defaults.fieldWeights(), ScoreThresholds.of(25, 59), 80, TimeMother.later(1)))
        .satisfies(
            c -> {
              assertThat(c.hotAlertScore()).isEqualTo(80);
              assertThat(c.thresholds().hotMin()).isEqualTo(60);
              assertThat(c.updatedAt()).isEqualTo(TimeMother.later(1));
            });
    assertThatThrownBy(
            () ->
                defaults.withScoring(
                    defaults.fieldWeights(), ScoreThresholds.defaults(), 101, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenDuplicatePriority_whenSet_thenRejected() {
    assertThatThrownBy(
            () ->
                defaults.withProfiling(
                    List.of(LeadField.NAME, LeadField.BUDGET, LeadField.NAME),
                    RequiredProfileFields.defaults(),
                    TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenPotentialIncomeAboveQualified_whenSet_thenRejected() {
    assertThatThrownBy(() -> defaults.withQualification(800_000, 900_000, 0, false, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> defaults.withQualification(1_000_000, 500_000, -1, false, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenStricterBroker_whenQualificationChanged_thenNewLimitsKeptAndIdentityUnchanged() {
    BrokerLeadConfig strict =
        defaults.withQualification(1_500_000, 900_000, 200_000, true, TimeMother.later(2));

    assertThat(strict.qualifiedIncome()).isEqualTo(1_500_000);
    assertThat(strict.potentialIncome()).isEqualTo(900_000);
    assertThat(strict.acceptableDebt()).isEqualTo(200_000);
    assertThat(strict.autoCloseNotQualified()).isTrue();
    assertThat(strict.id()).isEqualTo(defaults.id());
    assertThat(strict.version()).isEqualTo(defaults.version());
    assertThat(defaults.withAgentsSeeUnassigned(false, TimeMother.NOW).agentsSeeUnassigned())
        .isFalse();
  }

  @Test
  void givenMutableInputs_whenConfigBuilt_thenConfigDoesNotChangeWithThem() {
    var weights = new java.util.EnumMap<LeadField, Integer>(LeadField.class);
    weights.put(LeadField.NAME, 50);
    BrokerLeadConfig config =
        defaults.withScoring(weights, ScoreThresholds.defaults(), null, TimeMother.NOW);

    weights.put(LeadField.NAME, 0);

    assertThat(config.weightOf(LeadField.NAME)).isEqualTo(50);
    assertThatThrownBy(() -> config.fieldWeights().put(LeadField.NAME, 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // ---- stale period ----

  /** The defaults with another stale period, through the canonical constructor. */
  private BrokerLeadConfig staleAfter(int days) {
    return new BrokerLeadConfig(
        defaults.id(),
        defaults.brokerId(),
        defaults.fieldWeights(),
        defaults.thresholds(),
        defaults.fieldPriority(),
        defaults.requiredProfileFields(),
        defaults.qualifiedIncome(),
        defaults.potentialIncome(),
        defaults.acceptableDebt(),
        defaults.autoCloseNotQualified(),
        defaults.hotAlertScore(),
        defaults.agentsSeeUnassigned(),
        days,
        defaults.createdAt(),
        defaults.updatedAt(),
        defaults.version());
  }

  @Test
  void givenNewBroker_whenDefaults_thenStaleAfterTwoWeeks() {
    assertThat(BrokerLeadConfig.DEFAULT_STALE_AFTER_DAYS).isEqualTo(14);
    assertThat(defaults.staleAfterDays()).isEqualTo(BrokerLeadConfig.DEFAULT_STALE_AFTER_DAYS);
    assertThat(defaults.staleAfter()).isEqualTo(Duration.ofDays(14));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 366, Integer.MAX_VALUE})
  void givenStalePeriodOutside1To365Days_whenBuilt_thenRejected(int days) {
    assertThatThrownBy(() -> staleAfter(days))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("staleAfterDays")
        .hasMessageContaining(String.valueOf(days));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 30, 365})
  void givenStalePeriodWithin1To365Days_whenBuilt_thenKeptAsDays(int days) {
    BrokerLeadConfig config = staleAfter(days);

    assertThat(config.staleAfterDays()).isEqualTo(days);
    assertThat(config.staleAfter()).isEqualTo(Duration.ofDays(days));
  }

  @Test
  void givenBoundsConstants_whenRead_thenOneDayToOneYear() {
    assertThat(BrokerLeadConfig.MIN_STALE_AFTER_DAYS).isEqualTo(1);
    assertThat(BrokerLeadConfig.MAX_STALE_AFTER_DAYS).isEqualTo(365);
    assertThat(staleAfter(BrokerLeadConfig.MIN_STALE_AFTER_DAYS).staleAfter())
        .isEqualTo(Duration.ofHours(24));
  }

  @Test
  void givenCustomStalePeriod_whenOtherSettingsChanged_thenEveryCopyKeepsIt() {
    BrokerLeadConfig monthly = staleAfter(30);

    BrokerLeadConfig scored =
        monthly.withScoring(
            monthly.fieldWeights(), ScoreThresholds.of(25, 59), 80, TimeMother.later(1));
    BrokerLeadConfig profiled =
        monthly.withProfiling(
            List.of(LeadField.BUDGET, LeadField.NAME),
            RequiredProfileFields.defaults(),
            TimeMother.later(2));
    BrokerLeadConfig qualified =
        monthly.withQualification(1_500_000, 900_000, 200_000, true, TimeMother.later(3));
    BrokerLeadConfig hidden = monthly.withAgentsSeeUnassigned(false, TimeMother.later(4));

    assertThat(List.of(scored, profiled, qualified, hidden))
        .allSatisfy(
            c -> {
              assertThat(c.staleAfterDays()).isEqualTo(30);
              assertThat(c.staleAfter()).isEqualTo(Duration.ofDays(30));
            });
    assertThat(hidden.agentsSeeUnassigned()).isFalse();
    assertThat(qualified.autoCloseNotQualified()).isTrue();
  }
}
