package io.inmo.domain.conversation;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.time.Instant;

/**
 * Object mother: chat messages of Camila Rojas' WhatsApp conversation with a Santiago brokerage.
 */
public final class ChatMessageMother {
  public static final BrokerId BROKER_ID = BrokerId.of("01957a1e-0000-7000-8000-000000000001");
  public static final LeadId LEAD_ID = LeadId.of("01957a1e-0000-7000-8000-0000000000a1");
  public static final UserId STAFF_ID = UserId.of("01957a1e-0000-7000-8000-0000000000b1");
  public static final String WHATSAPP_USER = "56912345678";
  public static final Instant NOW = Instant.parse("2025-03-10T13:00:00Z");

  private ChatMessageMother() {}

  /** "Hola, busco un depto de 2 dormitorios en Ñuñoa", received on WhatsApp. */
  public static ChatMessage inbound() {
    return ChatMessage.inbound(
        BROKER_ID,
        LEAD_ID,
        ChatProvider.WHATSAPP,
        WHATSAPP_USER,
        "Hola, busco un depto de 2 dormitorios en Ñuñoa",
        "wamid.HBgLNTY5MTIzNDU2NzgVAgASGBQzQTdGNjQ",
        NOW);
  }

  /** The AI's reply, queued for sending. */
  public static ChatMessage outboundFromAi() {
    return ChatMessage.outbound(
        BROKER_ID,
        LEAD_ID,
        ChatProvider.WHATSAPP,
        WHATSAPP_USER,
        "¡Hola Camila! Soy Sofía de Propiedades Andes. ¿Cuál es tu presupuesto aproximado?",
        SenderType.AI,
        null,
        NOW);
  }

  /** A staff reply written from the dashboard, queued for sending. */
  public static ChatMessage outboundFromStaff() {
    return ChatMessage.outbound(
        BROKER_ID,
        LEAD_ID,
        ChatProvider.WHATSAPP,
        WHATSAPP_USER,
        "Camila, te escribe Diego. ¿Te acomoda visitar el depto el jueves?",
        SenderType.STAFF,
        STAFF_ID,
        NOW);
  }

  /** An AI reply already in {@code status} (sent with a provider id unless queued). */
  public static ChatMessage outboundIn(DeliveryStatus status) {
    ChatMessage m = outboundFromAi();
    return ChatMessage.reconstitute(
        m.id(),
        m.brokerId(),
        m.leadId(),
        m.provider(),
        m.channelUserId(),
        m.text(),
        m.direction(),
        m.senderType(),
        m.sentBy(),
        status == DeliveryStatus.QUEUED ? null : "wamid.OUT-0001",
        status,
        status == DeliveryStatus.FAILED ? "131047: re-engagement message" : null,
        NOW,
        NOW.plusSeconds(5));
  }
}
