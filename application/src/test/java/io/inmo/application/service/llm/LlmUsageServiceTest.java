package io.inmo.application.service.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.application.port.in.llm.LlmUsageUseCase.Usage;
import io.inmo.application.port.out.LlmUsageRepository.UsageRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cost arithmetic of the usage report; the queries and the endpoint are tested end to end. */
class LlmUsageServiceTest {
  private static final LocalDate MON = LocalDate.of(2026, 11, 30);
  private static final LocalDate TUE = MON.plusDays(1);

  private static final LlmPrices PRICES =
      LlmPrices.withOverrides(LlmPrices.parse("openai:gpt-4o-mini=0.15/0.60,ollama:llama3.1=0/0"));

  @Test
  void givenPricedModels_whenReported_thenCostPerDayModelTotalAndQualifiedLead() {
    Usage usage =
        LlmUsageService.report(
            PRICES,
            MON,
            TUE,
            List.of(
                new UsageRow(MON, "openai", "gpt-4o-mini", 10, 1, 1_000_000, 100_000),
                new UsageRow(MON, "ollama", "llama3.1", 4, 0, 50_000, 5_000),
                new UsageRow(TUE, "openai", "gpt-4o-mini", 2, 2, 0, 0)),
            3,
            null);

    assertThat(usage.days()).hasSize(2);
    assertThat(usage.days().getFirst().costUsd()).isEqualByComparingTo("0.21");
    assertThat(usage.models())
        .extracting(m -> m.provider() + ":" + m.model())
        .containsExactly("openai:gpt-4o-mini", "ollama:llama3.1");
    assertThat(usage.calls()).isEqualTo(16);
    assertThat(usage.failed()).isEqualTo(3);
    assertThat(usage.costUsd()).isEqualByComparingTo("0.21");
    assertThat(usage.costPerQualifiedLeadUsd()).isEqualByComparingTo("0.07");
  }

  @Test
  void givenAModelWithoutAPrice_whenReported_thenItsTotalsAreUnknownNotZero() {
    Usage usage =
        LlmUsageService.report(
            PRICES,
            MON,
            MON,
            List.of(
                new UsageRow(MON, "openai", "gpt-4o-mini", 1, 0, 1_000, 100),
                new UsageRow(MON, "anthropic", "claude-desconocido", 1, 0, 1_000, 100)),
            1,
            null);

    assertThat(usage.costUsd()).isNull();
    assertThat(usage.costPerQualifiedLeadUsd()).isNull();
    assertThat(usage.models().getFirst().costUsd()).isEqualByComparingTo("0.000210");
    assertThat(usage.models().get(1).costUsd()).isNull();
  }

  @Test
  void givenABadPriceList_whenParsed_thenTheEntryIsNamed() {
    assertThatThrownBy(() -> LlmPrices.parse("openai:gpt-4o-mini=barato"))
        .hasMessageContaining("openai:gpt-4o-mini=barato");
    assertThat(LlmPrices.parse("Gemini:gemini-2.0-flash=0.10/0.40"))
        .containsEntry(
            "gemini:gemini-2.0-flash",
            new LlmPrices.Price(new BigDecimal("0.10"), new BigDecimal("0.40")));
    assertThat(LlmPrices.parse(" ")).isEqualTo(Map.of());
  }
}
