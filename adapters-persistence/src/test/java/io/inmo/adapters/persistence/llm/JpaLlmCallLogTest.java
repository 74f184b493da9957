package io.inmo.adapters.persistence.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.LlmCallLogPort.LlmCall;
import io.inmo.domain.broker.BrokerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaLlmCallLogTest {
  private static final Instant AT = Instant.parse("2026-12-04T21:10:00Z");
  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static ParentRows rows;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    jpa = JpaPersistence.start(database.dataSource(), List.of());
    unitOfWork = jpa.unitOfWork();
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenCallsWithAndWithoutUsage_whenRecorded_thenStoredAsTheyCame() {
    JpaLlmCallLog log = new JpaLlmCallLog(unitOfWork);

    log.record(
        new LlmCall(
            ParentRows.ANDES,
            ParentRows.CAMILA,
            "openai",
            "gpt-4o-mini",
            "turno_agente",
            1,
            1450,
            96,
            Duration.ofMillis(812),
            "ok",
            AT));
    log.record(
        new LlmCall(
            ParentRows.ANDES,
            null,
            "anthropic",
            "claude-haiku-4-5",
            "analisis_llamada",
            2,
            null,
            null,
            Duration.ofSeconds(20),
            "timeout",
            AT.plusSeconds(1)));

    assertThat(
            rows.column(
                "SELECT concat_ws('|', provider, model, purpose, attempt, lead_id, tokens_in,"
                    + " tokens_out, latency_ms, outcome) FROM llm_calls WHERE broker_id = ?"
                    + " ORDER BY created_at",
                ParentRows.ANDES.value()))
        .containsExactly(
            "openai|gpt-4o-mini|turno_agente|1|" + ParentRows.CAMILA.value() + "|1450|96|812|ok",
            "anthropic|claude-haiku-4-5|analisis_llamada|2|20000|timeout");
  }

  @Test
  void givenACallOfAnUnknownBroker_whenRecorded_thenDroppedWithoutThrowing() {
    JpaLlmCallLog log = new JpaLlmCallLog(unitOfWork);
    BrokerId ghost = BrokerId.newId();

    log.record(
        new LlmCall(
            ghost,
            null,
            "openai",
            "gpt-4o-mini",
            "turno_agente",
            1,
            10,
            5,
            Duration.ZERO,
            "ok",
            AT));

    assertThat(rows.value("SELECT count(*) FROM llm_calls WHERE broker_id = ?", ghost.value()))
        .isEqualTo(0L);
  }
}
