package io.inmo.adapters.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.domain.lead.DicomStatus;
import io.inmo.domain.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProposedFactsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ProposedFacts map(String items) throws Exception {
    return ProposedFacts.from(JSON.readTree(items), List.of("m1", "m2"));
  }

  @ParameterizedTest
  @CsvSource({
    "4500, uf, 4500.00, UF",
    "4.500, uf, 4500.00, UF",
    "'4500,5', uf, 4500.50, UF",
    "3.5, uf, 3.50, UF",
    "2500000, clp, 2500000, CLP",
    "$2.500.000, clp, 2500000, CLP"
  })
  void amountsAreReadWithTheirCurrency(String value, String currency, String amount, String c) {
    Money m = ProposedFacts.money(value, currency);
    assertThat(m.amount().toPlainString()).isEqualTo(amount);
    assertThat(m.currency().name()).isEqualTo(c);
  }

  @ParameterizedTest
  @CsvSource({"4500, none", "-300, clp", "2 millones, clp", "1500.5, clp", "4500.123, uf"})
  void unreadableAmountsAreRejected(String value, String currency) {
    assertThatThrownBy(() -> ProposedFacts.money(value, currency))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contactsAreKeptAsWrittenAndBadOnesDropped() throws Exception {
    ProposedFacts p =
        map(
            "[{\"field\":\"name\",\"value\":\"Camila Soto\",\"currency\":\"none\",\"source\":1},"
                + "{\"field\":\"phone\",\"value\":\"+56 9 8765 4321\",\"currency\":\"none\",\"source\":1},"
                + "{\"field\":\"email\",\"value\":\"camila(at)gmail\",\"currency\":\"none\",\"source\":2}]");

    assertThat(p.name()).isEqualTo("Camila Soto");
    assertThat(p.phone()).isEqualTo("+56 9 8765 4321");
    assertThat(p.email()).isNull();
    assertThat(p.dropped()).isEqualTo(1);
  }

  @Test
  void theSourceIsTheNumberedMessageAndOutOfRangeTakesTheLast() throws Exception {
    ProposedFacts p =
        map(
            "[{\"field\":\"location\",\"value\":\"Ñuñoa\",\"currency\":\"none\",\"source\":1},"
                + "{\"field\":\"dicom_status\",\"value\":\"has_debt\",\"currency\":\"none\",\"source\":7}]");

    assertThat(p.facts().location().sourceMessageId()).isEqualTo("m1");
    assertThat(p.facts().dicomStatus().value()).isEqualTo(DicomStatus.HAS_DEBT);
    assertThat(p.facts().dicomStatus().sourceMessageId()).isEqualTo("m2");
  }

  @Test
  void wrongShapesAndOutOfRangeValuesAreDroppedOneByOne() throws Exception {
    ProposedFacts p =
        map(
            "[{\"field\":\"bedrooms\",\"value\":\"25\",\"currency\":\"none\",\"source\":1},"
                + "{\"field\":\"interest_level\",\"value\":\"0\",\"currency\":\"none\",\"source\":1},"
                + "{\"field\":\"parking\",\"value\":2,\"currency\":\"none\",\"source\":1},"
                + "{\"field\":\"garden\",\"value\":\"si\",\"currency\":\"none\",\"source\":1},"
                + "\"location\","
                + "{\"field\":\"location\",\"value\":\"   \",\"currency\":\"none\",\"source\":1},"
                + "{\"field\":\"location\",\"value\":\""
                + "x".repeat(101)
                + "\",\"currency\":\"none\",\"source\":1},"
                + "{\"field\":\"bedrooms\",\"value\":\"3\",\"currency\":\"none\",\"source\":1}]");

    assertThat(p.dropped()).isEqualTo(7);
    assertThat(p.facts().bedrooms().value()).isEqualTo(3);
    assertThat(p.facts().location()).isNull();
    assertThat(p.facts().parking()).isNull();
  }
}
