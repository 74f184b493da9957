package io.inmo.domain.lead;

import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.shared.Money;
import java.math.BigDecimal;

/**
 * Financial qualification (PRODUCT §5): {@code QUALIFIED} with income ≥ the qualified income, DICOM
 * clean and debt ≤ the acceptable debt; {@code POTENTIAL} with income ≥ the potential income and
 * DICOM clean; otherwise {@code NOT_QUALIFIED}. Unknown (null) while income or DICOM status is not
 * known; a DICOM status of {@code unknown} counts as not known.
 *
 * <p>Debt is not one of the facts qualification waits for (§5: "when income and DICOM status are
 * known"): with DICOM clean, a debt not stated counts as none; a stated debt above the acceptable
 * one makes the lead at most {@code POTENTIAL}. Incomes and debts are whole CLP pesos ({@link
 * LeadFacts} accepts no other currency for them).
 */
@FunctionalInterface
public interface QualificationPolicy {

  /** The qualification the facts earn; null while income or DICOM status is unknown. */
  Qualification qualify(LeadFacts facts);

  /** The broker's three numbers: qualified income, potential income and acceptable debt. */
  static QualificationPolicy forBroker(BrokerLeadConfig config) {
    return thresholds(config.qualifiedIncome(), config.potentialIncome(), config.acceptableDebt());
  }

  /**
   * Qualification with the given limits, in whole CLP pesos.
   *
   * @throws IllegalArgumentException when a limit is negative or potential exceeds qualified
   */
  static QualificationPolicy thresholds(
      long qualifiedIncome, long potentialIncome, long acceptableDebt) {
    if (potentialIncome < 0 || acceptableDebt < 0 || potentialIncome > qualifiedIncome) {
      throw new IllegalArgumentException(
          "need 0 ≤ potentialIncome ≤ qualifiedIncome and acceptableDebt ≥ 0: "
              + potentialIncome
              + ", "
              + qualifiedIncome
              + ", "
              + acceptableDebt);
    }
    return facts -> {
      Fact<Money> income = facts.monthlyIncome();
      Fact<DicomStatus> dicom = facts.dicomStatus();
      if (income == null || dicom == null || dicom.value() == DicomStatus.UNKNOWN) {
        return null;
      }
      if (dicom.value() != DicomStatus.CLEAN) {
        return Qualification.NOT_QUALIFIED;
      }
      BigDecimal amount = income.value().amount();
      Fact<Money> debt = facts.debtAmount();
      boolean debtAcceptable =
          debt == null || debt.value().amount().compareTo(BigDecimal.valueOf(acceptableDebt)) <= 0;
      if (amount.compareTo(BigDecimal.valueOf(qualifiedIncome)) >= 0 && debtAcceptable) {
        return Qualification.QUALIFIED;
      }
      if (amount.compareTo(BigDecimal.valueOf(potentialIncome)) >= 0) {
        return Qualification.POTENTIAL;
      }
      return Qualification.NOT_QUALIFIED;
    };
  }
}
