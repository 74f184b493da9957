package io.inmo.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEntryTest {
  private static final BrokerId BROKER_ID = BrokerId.of("01957a1e-0000-7000-8000-000000000001");
  private static final UserId ADMIN_ID = UserId.of("01957a1e-0000-7000-8000-0000000000b2");
  private static final Instant NOW = Instant.parse("2025-03-10T13:00:00Z");

  private static AuditEntry leadUpdate() {
    return AuditEntry.record(
        BROKER_ID,
        ADMIN_ID,
        "lead.update",
        "lead",
        "01957a1e-0000-7000-8000-0000000000a1",
        Map.of("name", "Camila"),
        Map.of("name", "Camila Rojas"),
        "190.22.33.44",
        "req-7f3a",
        NOW);
  }

  @Test
  void givenLeadUpdate_whenRecord_thenAllFieldsKept() {
    AuditEntry e = leadUpdate();

    assertThat(e.id()).isNotNull();
    assertThat(e.action()).isEqualTo("lead.update");
    assertThat(e.before()).containsEntry("name", "Camila");
    assertThat(e.after()).containsEntry("name", "Camila Rojas");
    assertThat(e.ip()).isEqualTo("190.22.33.44");
  }

  @Test
  void givenPlatformAction_whenRecord_thenBrokerAndSummariesMayBeNull() {
    AuditEntry e =
        AuditEntry.record(
            null, ADMIN_ID, "broker.create", "broker", null, null, null, " ", null, NOW);

    assertThat(e.brokerId()).isNull();
    assertThat(e.before()).isNull();
    assertThat(e.ip()).isNull();
  }

  @Test
  void givenActionWithoutArea_whenRecord_thenRejected() {
    assertThatThrownBy(
            () ->
                AuditEntry.record(
                    BROKER_ID, ADMIN_ID, "update", "lead", null, null, null, null, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenBlankResourceType_whenRecord_thenRejected() {
    assertThatThrownBy(
            () ->
                AuditEntry.record(
                    BROKER_ID, ADMIN_ID, "lead.delete", " ", null, null, null, null, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenStoredRow_whenConstructed_thenEqualToOriginal() {
    AuditEntry source = leadUpdate();

    AuditEntry copy =
        new AuditEntry(
            source.id(),
            source.brokerId(),
            source.userId(),
            source.action(),
            source.resourceType(),
            source.resourceId(),
            source.before(),
            source.after(),
            source.ip(),
            source.requestId(),
            source.at());

    assertThat(copy).isEqualTo(source);
  }
}
