package io.inmo.domain.call;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/** Object mother: VAPI calls from a Santiago brokerage to Camila Rojas. */
public final class VoiceCallMother {
  public static final BrokerId BROKER_ID = BrokerId.of("01957a1e-0000-7000-8000-000000000001");
  public static final LeadId LEAD_ID = LeadId.of("01957a1e-0000-7000-8000-0000000000a1");
  public static final UserId AGENT_ID = UserId.of("01957a1e-0000-7000-8000-0000000000b1");
  public static final PhoneNumber CAMILA_PHONE = new PhoneNumber("+56 9 1234 5678");
  public static final String PURPOSE = "Calificar interés en depto de 2 dormitorios en Ñuñoa";
  public static final Instant NOW = Instant.parse("2025-03-10T14:00:00Z");

  private VoiceCallMother() {}

  /** A call just initiated by an agent, not yet dialled. */
  public static VoiceCall initiated() {
    return VoiceCall.initiate(
        BROKER_ID, LEAD_ID, null, AGENT_ID, VoiceProvider.VAPI, PURPOSE, CAMILA_PHONE, NOW);
  }

  /** A call dialled at VAPI as {@code call_8f2c}. */
  public static VoiceCall dialled() {
    VoiceCall call = initiated();
    call.dialled("call_8f2c", NOW.plusSeconds(1));
    return call;
  }

  /** A dialled call already in {@code status}. */
  public static VoiceCall inStatus(CallStatus status) {
    VoiceCall call = dialled();
    call.updateStatus(status, NOW.plusSeconds(10));
    return call;
  }

  /** A short, realistic transcript. */
  public static List<TranscriptLine> transcript() {
    return List.of(
        new TranscriptLine(0, Speaker.AGENT, "Hola Camila, te llamo de Propiedades Andes.", 0.4),
        new TranscriptLine(1, Speaker.LEAD, "Hola, sí, estoy buscando depto en Ñuñoa.", 3.2),
        new TranscriptLine(2, Speaker.AGENT, "¿Con cuántos dormitorios?", 6.9),
        new TranscriptLine(3, Speaker.LEAD, "Dos, y mi presupuesto es de 4.500 UF.", 8.1));
  }
}
