package io.inmo.domain.appointment;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;

/** Object mother: property visits of Camila Rojas with agent Diego Fuentes in Ñuñoa. */
public final class AppointmentMother {
  public static final BrokerId BROKER_ID = BrokerId.of("01957a1e-0000-7000-8000-000000000001");
  public static final LeadId LEAD_ID = LeadId.of("01957a1e-0000-7000-8000-0000000000a1");
  public static final UserId AGENT_ID = UserId.of("01957a1e-0000-7000-8000-0000000000b1");

  /** Monday 10 March 2025, 10:00 in Santiago (UTC-3). */
  public static final Instant NOW = Instant.parse("2025-03-10T13:00:00Z");

  /** Thursday 13 March 2025, 11:00 in Santiago. */
  public static final Instant VISIT_START = Instant.parse("2025-03-13T14:00:00Z");

  public static final Instant VISIT_END = VISIT_START.plus(Duration.ofHours(1));

  private AppointmentMother() {}

  /** A scheduled one-hour property visit on Thursday with Diego. */
  public static Appointment scheduledVisit() {
    return scheduled(AGENT_ID, VISIT_START, VISIT_END);
  }

  /** A scheduled property visit of {@code agentId} in {@code [start, end)}. */
  public static Appointment scheduled(UserId agentId, Instant start, Instant end) {
    return Appointment.schedule(
        BROKER_ID,
        LEAD_ID,
        agentId,
        AppointmentType.PROPERTY_VISIT,
        start,
        end,
        "Av. Irarrázaval 3456, depto 1203, Ñuñoa",
        null,
        "Quiere ver la orientación y los estacionamientos",
        NOW);
  }

  /** The Thursday visit, already in {@code status}. */
  public static Appointment visitIn(AppointmentStatus status) {
    Appointment a = scheduledVisit();
    return Appointment.reconstitute(
        a.id(),
        a.brokerId(),
        a.leadId(),
        a.agentId(),
        a.type(),
        status,
        a.start(),
        a.end(),
        a.meetUrl(),
        a.location(),
        a.notes(),
        a.externalEventId(),
        status == AppointmentStatus.CANCELLED ? "La clienta viajó a Concepción" : null,
        a.createdAt(),
        a.updatedAt(),
        1L);
  }
}
