package io.inmo.domain.activity;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.Map;

/** Object mother: activity of Camila Rojas' lead at a Santiago brokerage. */
public final class ActivityEntryMother {
  public static final BrokerId BROKER_ID = BrokerId.of("01957a1e-0000-7000-8000-000000000001");
  public static final LeadId LEAD_ID = LeadId.of("01957a1e-0000-7000-8000-0000000000a1");
  public static final UserId AGENT_ID = UserId.of("01957a1e-0000-7000-8000-0000000000b1");
  public static final Instant NOW = Instant.parse("2025-03-10T13:00:00Z");

  private ActivityEntryMother() {}

  /** The lead wrote on WhatsApp. */
  public static ActivityEntry messageReceived() {
    return ActivityEntry.record(
        BROKER_ID,
        LEAD_ID,
        ActivityType.MESSAGE_RECEIVED,
        Map.of("provider", "whatsapp", "preview", "Hola, busco depto en Ñuñoa"),
        ActorType.LEAD,
        null,
        NOW);
  }

  /** The AI moved the lead from profiling to financial qualification. */
  public static ActivityEntry stageChanged() {
    return ActivityEntry.record(
        BROKER_ID,
        LEAD_ID,
        ActivityType.STAGE_CHANGED,
        Map.of("from", "profiling", "to", "financial_qualification", "score", 55),
        ActorType.AI,
        null,
        NOW.plusSeconds(5));
  }

  /** Agent Diego wrote a note on the lead. */
  public static ActivityEntry note() {
    return ActivityEntry.record(
        BROKER_ID,
        LEAD_ID,
        ActivityType.NOTE,
        Map.of("text", "Prefiere visitas en la tarde"),
        ActorType.USER,
        AGENT_ID,
        NOW.plusSeconds(60));
  }
}
