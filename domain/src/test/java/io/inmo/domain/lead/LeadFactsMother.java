package io.inmo.domain.lead;

import io.inmo.domain.shared.Money;

/** Object mother: lead facts as the agent would learn them in a Chilean conversation. */
public final class LeadFactsMother {
  private LeadFactsMother() {}

  /** A buyer looking for an apartment in Ñuñoa for 5.000 UF; nothing financial known. */
  public static LeadFacts apartmentInNunoa() {
    return LeadFacts.builder()
        .location(Fact.of("Ñuñoa", "msg-1"))
        .operation(Fact.of(Operation.BUY, "msg-1"))
        .propertyType(Fact.of(PropertyType.APARTMENT, "msg-1"))
        .bedrooms(Fact.of(2, "msg-2"))
        .budget(Fact.of(Money.uf("5000"), "msg-2"))
        .build();
  }

  /** Income 1.800.000 CLP, DICOM clean, no debt. */
  public static LeadFacts solventFinances() {
    return LeadFacts.builder()
        .monthlyIncome(Fact.of(Money.clp(1_800_000), "msg-5"))
        .dicomStatus(Fact.of(DicomStatus.CLEAN, "msg-5"))
        .debtAmount(Fact.of(Money.clp(0), "msg-6"))
        .build();
  }

  /** Every one of the thirteen facts known. */
  public static LeadFacts complete() {
    return apartmentInNunoa().merge(solventFinances()).toBuilder()
        .bathrooms(Fact.of(2, "msg-3"))
        .parking(Fact.of(1, "msg-3"))
        .timeline(Fact.of(Timeline.DAYS_90, "msg-4"))
        .interestLevel(Fact.of(8, "msg-4"))
        .financing(Fact.of(Financing.MORTGAGE, "msg-4"))
        .build();
  }
}
