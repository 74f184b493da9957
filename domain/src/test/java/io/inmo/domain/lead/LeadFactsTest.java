package io.inmo.domain.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.broker.LeadField;
import io.inmo.domain.shared.Money;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadFactsTest {

  @Test
  void givenEmpty_whenAsked_thenNothingKnown() {
    assertThat(LeadFacts.empty().isEmpty()).isTrue();
    assertThat(LeadFacts.empty().knownFields()).isEmpty();
    assertThat(LeadFacts.empty().has(LeadField.LOCATION)).isFalse();
  }

  @Test
  void givenOlderAndNewerFacts_whenMerged_thenNewerNonNullWinsAndOlderKept() {
    LeadFacts older = LeadFactsMother.apartmentInNunoa();
    LeadFacts newer =
        LeadFacts.builder()
            .location(Fact.of("Providencia", "msg-9"))
            .dicomStatus(Fact.of(DicomStatus.CLEAN, "msg-9"))
            .build();

    LeadFacts merged = older.merge(newer);

    assertThat(merged.location()).isEqualTo(Fact.of("Providencia", "msg-9"));
    assertThat(merged.dicomStatus().value()).isEqualTo(DicomStatus.CLEAN);
    assertThat(merged.budget().value()).isEqualTo(Money.uf("5000"));
    assertThat(merged.propertyType().value()).isEqualTo(PropertyType.APARTMENT);
    assertThat(older.location().value()).isEqualTo("Ñuñoa");
  }

  @Test
  void givenCompleteFacts_whenSplit_thenSensitiveAndPublicPartsRecombine() {
    LeadFacts complete = LeadFactsMother.complete();

    LeadFacts open = complete.withoutSensitive();
    LeadFacts sensitive = complete.sensitiveOnly();

    assertThat(open.knownFields())
        .doesNotContain(LeadField.MONTHLY_INCOME, LeadField.DICOM_STATUS, LeadField.DEBT_AMOUNT)
        .hasSize(10);
    assertThat(sensitive.knownFields())
        .containsExactlyInAnyOrder(
            LeadField.MONTHLY_INCOME, LeadField.DICOM_STATUS, LeadField.DEBT_AMOUNT);
    assertThat(open.merge(sensitive)).isEqualTo(complete);
  }

  @Test
  void givenEveryField_whenForgotten_thenNothingIsLeft() {
    LeadFacts complete = LeadFactsMother.complete();

    LeadFacts forgotten = complete.without(EnumSet.allOf(LeadField.class));
    LeadFacts withoutBudget = complete.without(Set.of(LeadField.BUDGET, LeadField.NAME));

    assertThat(forgotten.isEmpty()).isTrue();
    assertThat(withoutBudget.knownFields())
        .hasSize(complete.knownFields().size() - 1)
        .doesNotContain(LeadField.BUDGET);
  }

  @Test
  void givenFields_whenSensitivityAsked_thenIncomeDicomDebtOnly() {
    EnumSet<LeadField> sensitive = EnumSet.noneOf(LeadField.class);
    for (LeadField f : LeadField.values()) {
      if (LeadFacts.isSensitive(f)) {
        sensitive.add(f);
      }
    }
    assertThat(sensitive)
        .containsExactly(LeadField.MONTHLY_INCOME, LeadField.DICOM_STATUS, LeadField.DEBT_AMOUNT);
  }

  @Test
  void givenCompleteFacts_whenHasAsked_thenEveryFactFieldKnownButContactFieldsNot() {
    LeadFacts complete = LeadFactsMother.complete();

    assertThat(complete.knownFields()).hasSize(13);
    assertThat(complete.has(LeadField.NAME)).isFalse();
    assertThat(complete.has(LeadField.PHONE)).isFalse();
    assertThat(complete.fact(LeadField.TIMELINE)).isEqualTo(Fact.of(Timeline.DAYS_90, "msg-4"));
  }

  @Test
  void givenLocationWithSpaces_whenBuilt_thenTrimmedAndSourceKept() {
    LeadFacts facts = LeadFacts.builder().location(Fact.of("  Ñuñoa ", "msg-1")).build();

    assertThat(facts.location()).isEqualTo(Fact.of("Ñuñoa", "msg-1"));
    assertThatThrownBy(() -> LeadFacts.builder().location(Fact.of("   ")).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenRoomCountsOutOfRange_whenBuilt_thenRejected() {
    assertThatThrownBy(() -> LeadFacts.builder().bedrooms(Fact.of(21)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeadFacts.builder().bathrooms(Fact.of(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeadFacts.builder().parking(Fact.of(25)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            LeadFacts.builder()
                .bedrooms(Fact.of(0))
                .parking(Fact.of(20))
                .build()
                .bedrooms()
                .value())
        .isZero();
  }

  @Test
  void givenInterestLevelOutside1To10_whenBuilt_thenRejected() {
    assertThatThrownBy(() -> LeadFacts.builder().interestLevel(Fact.of(0)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeadFacts.builder().interestLevel(Fact.of(11)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenIncomeOrDebtInUf_whenBuilt_thenRejectedBecauseClpOnly() {
    assertThatThrownBy(() -> LeadFacts.builder().monthlyIncome(Fact.of(Money.uf("40"))).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeadFacts.builder().debtAmount(Fact.of(Money.uf("10.5"))).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            LeadFacts.builder()
                .budget(Fact.of(Money.clp(95_000_000)))
                .build()
                .has(LeadField.BUDGET))
        .isTrue();
  }

  @Test
  void givenFacts_whenRebuiltAndFactCleared_thenOnlyThatFactForgotten() {
    LeadFacts facts = LeadFactsMother.apartmentInNunoa().toBuilder().bedrooms(null).build();

    assertThat(facts.has(LeadField.BEDROOMS)).isFalse();
    assertThat(facts.has(LeadField.LOCATION)).isTrue();
  }
}
