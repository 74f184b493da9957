package io.inmo.application.service.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.domain.lead.DicomStatus;
import io.inmo.domain.lead.Financing;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.lead.Operation;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.shared.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadRowsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "120.000.000|120000000",
        "1.500.000|1500000",
        "$ 800000|800000",
        "3500,5|3500.5",
        "3.500|3500",
        "1500000.00|1500000",
        "2.5|2.5"
      })
  void givenChileanNumberSpelling_whenRead_thenAmount(String written, String amount) {
    assertThat(LeadRows.amount(written)).isEqualByComparingTo(new BigDecimal(amount));
  }

  @Test
  void givenBudgetWithoutCurrency_whenRead_thenUfBelowHundredThousandElsePesos() {
    assertThat(LeadRows.budget("4.500", null)).isEqualTo(Money.uf("4500"));
    assertThat(LeadRows.budget("95.000.000", "")).isEqualTo(Money.clp(95_000_000));
    assertThat(LeadRows.budget("4500", "clp")).isEqualTo(Money.clp(4500));
  }

  @Test
  void givenSpreadsheetWords_whenRead_thenFacts() {
    List<String> errors = new ArrayList<>();

    LeadFacts facts =
        LeadRows.facts(
            Map.of(
                "operation", "Arriendo",
                "propertyType", "Depto",
                "financing", "Crédito hipotecario",
                "dicomStatus", "Sin deudas",
                "bedrooms", "3",
                "location", "Ñuñoa"),
            errors);

    assertThat(errors).isEmpty();
    assertThat(facts.operation().value()).isEqualTo(Operation.RENT);
    assertThat(facts.propertyType().value()).isEqualTo(PropertyType.APARTMENT);
    assertThat(facts.financing().value()).isEqualTo(Financing.MORTGAGE);
    assertThat(facts.dicomStatus().value()).isEqualTo(DicomStatus.CLEAN);
    assertThat(facts.bedrooms().value()).isEqualTo(3);
    assertThat(facts.location().value()).isEqualTo("Ñuñoa");
  }

  @Test
  void givenBadValues_whenRead_thenOneErrorPerColumnAndNoFacts() {
    List<String> errors = new ArrayList<>();

    LeadFacts facts =
        LeadRows.facts(
            Map.of(
                "operation", "permuta", "bedrooms", "tres", "monthlyIncome", "-5", "budget", "x"),
            errors);

    assertThat(errors)
        .hasSize(4)
        .anySatisfy(e -> assertThat(e).startsWith("operation:"))
        .anySatisfy(e -> assertThat(e).startsWith("bedrooms:"))
        .anySatisfy(e -> assertThat(e).startsWith("monthlyIncome:"))
        .anySatisfy(e -> assertThat(e).startsWith("budget:"));
    assertThat(facts.isEmpty()).isTrue();
  }

  @Test
  void givenRoomsOutOfRange_whenRead_thenReported() {
    List<String> errors = new ArrayList<>();

    LeadRows.facts(Map.of("bedrooms", "45"), errors);

    assertThat(errors).hasSize(1);
  }
}
