package io.inmo.domain.campaign;

import io.inmo.domain.broker.BrokerId;
import java.time.Instant;
import java.util.Map;

/** Object mother: WhatsApp templates of a Santiago brokerage. */
public final class MessageTemplateMother {
  public static final BrokerId BROKER_ID = BrokerId.of("01957a1e-0000-7000-8000-000000000001");
  public static final Instant NOW = Instant.parse("2025-03-10T13:00:00Z");
  public static final String GREETING = "Hola {{lead_name}}, soy {{agent_name}} de {{broker_name}}";

  private MessageTemplateMother() {}

  /** "Hola {{lead_name}}, soy {{agent_name}} de {{broker_name}}" for WhatsApp. */
  public static MessageTemplate greeting() {
    return withContent("Saludo inicial", GREETING);
  }

  /** A visit reminder using the appointment date and time. */
  public static MessageTemplate visitReminder() {
    return withContent(
        "Recordatorio de visita",
        "Hola {{ lead_name }}, te recordamos tu visita en {{location}} el {{appointment_date}}"
            + " a las {{appointment_time}}. ¿Nos confirmas?");
  }

  /** A WhatsApp template with the given name and content. */
  public static MessageTemplate withContent(String name, String content) {
    return MessageTemplate.create(
        BROKER_ID, name, TemplateChannel.WHATSAPP, content, AgentType.FOLLOW_UP, NOW);
  }

  /** Values for every variable of {@link #greeting()}. */
  public static Map<String, String> greetingValues() {
    return Map.of(
        "lead_name", "Camila Rojas", "agent_name", "Sofía", "broker_name", "Propiedades Andes");
  }
}
