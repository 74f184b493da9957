package io.inmo.domain.lead;

import static io.inmo.domain.shared.TimeMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerMother;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualificationPolicyTest {
  private static final BrokerLeadConfig DEFAULTS = BrokerMother.leadConfig(BrokerId.newId());

  private static LeadFacts finances(Long income, DicomStatus dicom, Long debt) {
    LeadFacts.Builder b = LeadFacts.builder();
    if (income != null) {
      b.monthlyIncome(Fact.of(Money.clp(income), "wamid.msg-7"));
    }
    if (dicom != null) {
      b.dicomStatus(Fact.of(dicom, "wamid.msg-8"));
    }
    if (debt != null) {
      b.debtAmount(Fact.of(Money.clp(debt), "wamid.msg-9"));
    }
    return b.build();
  }

  @ParameterizedTest(name = "income {0}, DICOM {1}, debt {2} → {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        // unknown while income or DICOM status is unknown
        "null,    null,     null,    null",
        "null,    CLEAN,    0,       null",
        "1800000, null,     0,       null",
        "1800000, UNKNOWN,  0,       null",
        // DICOM clean: graded by income; an unknown debt counts as none (a clean DICOM record)
        "1000000, CLEAN,    0,       QUALIFIED",
        "1800000, CLEAN,    0,       QUALIFIED",
        "1800000, CLEAN,    1,       POTENTIAL",
        "1800000, CLEAN,    null,    QUALIFIED",
        "999999,  CLEAN,    0,       POTENTIAL",
        "500000,  CLEAN,    0,       POTENTIAL",
        "499999,  CLEAN,    0,       NOT_QUALIFIED",
        "0,       CLEAN,    null,    NOT_QUALIFIED",
        // DICOM with debts: never qualified, whatever the income or debt
        "4500000, HAS_DEBT, 0,       NOT_QUALIFIED",
        "4500000, HAS_DEBT, null,    NOT_QUALIFIED",
        "300000,  HAS_DEBT, 3200000, NOT_QUALIFIED"
      })
  void givenDefaultLimits_whenQualified_thenPerProduct(
      Long income, DicomStatus dicom, Long debt, Qualification expected) {
    assertThat(QualificationPolicy.forBroker(DEFAULTS).qualify(finances(income, dicom, debt)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "income {0}, debt {1} → {2}")
  @CsvSource({
    "2000000, 500000, QUALIFIED",
    "2000000, 500001, POTENTIAL",
    "1999999, 0,      POTENTIAL",
    "800000,  0,      POTENTIAL",
    "799999,  0,      NOT_QUALIFIED"
  })
  void givenBrokersOwnLimits_whenQualified_thenTheyApply(
      long income, long debt, Qualification expected) {
    BrokerLeadConfig strict = DEFAULTS.withQualification(2_000_000, 800_000, 500_000, false, NOW);

    assertThat(
            QualificationPolicy.forBroker(strict)
                .qualify(finances(income, DicomStatus.CLEAN, debt)))
        .isEqualTo(expected);
  }

  @Test
  void givenSolventFinancesMother_whenQualified_thenQualified() {
    assertThat(
            QualificationPolicy.thresholds(1_000_000, 500_000, 0)
                .qualify(LeadFactsMother.solventFinances()))
        .isEqualTo(Qualification.QUALIFIED);
    assertThat(QualificationPolicy.forBroker(DEFAULTS).qualify(LeadFactsMother.apartmentInNunoa()))
        .isNull();
  }

  @Test
  void givenInconsistentLimits_whenPolicyBuilt_thenRejected() {
    assertThatThrownBy(() -> QualificationPolicy.thresholds(500_000, 1_000_000, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QualificationPolicy.thresholds(1_000_000, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QualificationPolicy.thresholds(1_000_000, 500_000, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
