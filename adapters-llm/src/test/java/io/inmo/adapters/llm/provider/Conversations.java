package io.inmo.adapters.llm.provider;

import io.inmo.application.port.out.ConversationAgentPort.AgentRequest;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.SenderType;
import io.inmo.domain.lead.Lead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Realistic Chilean WhatsApp conversations as real domain objects, for the provider tests. */
final class Conversations {
  static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

  final BrokerId broker = BrokerId.newId();
  final Lead lead = Lead.capture(broker, NOW);
  BrokerPromptConfig prompt =
      BrokerPromptConfig.defaults(broker, NOW)
          .withSettings(
              "Sofía",
              "Eres la asistente de Propiedades Andes, corredora boutique de Santiago oriente.",
              "Vendemos y arrendamos departamentos y casas en Ñuñoa, Providencia, Las Condes y"
                  + " La Reina. Trabajamos con todos los bancos.",
              "Trata a los leads de tú. No hables de la competencia.",
              BrokerPromptConfig.DEFAULT_LANGUAGE,
              true,
              NOW);
  final List<ChatMessage> history = new ArrayList<>();

  /** Twenty-four earlier messages: a lead that greets, chats about comunas and asks questions. */
  static final List<String> SMALL_TALK =
      List.of(
          "hola buenas tardes",
          "¡Hola! Soy Sofía, la asistente virtual de Propiedades Andes. ¿En qué te puedo ayudar?",
          "estoy viendo opciones para cambiarme",
          "¡Qué bueno! ¿Buscas comprar o arrendar?",
          "todavía no sé bien, depende de los precios",
          "Te entiendo. ¿En qué comuna te gustaría vivir?",
          "cerca del metro idealmente",
          "Perfecto, hay buenas opciones cerca del metro. ¿Qué comunas te acomodan?",
          "trabajo en providencia pero vivo en la florida",
          "Entiendo. ¿Buscas casa o departamento?",
          "algo chico, vivo sola con mi perro",
          "¡Genial! Tenemos departamentos que aceptan mascotas.",
          "ah que bueno, eso es clave",
          "Anotado. ¿Cuántos dormitorios necesitas?",
          "con uno estoy bien, ojalá dos para visitas",
          "Perfecto. ¿Tienes un plazo en mente para cambiarte?",
          "a fin de año más o menos",
          "Muy bien. ¿Te puedo pedir tu nombre?",
          "camila",
          "Gracias, Camila. ¿Cuál es tu presupuesto aproximado?",
          "déjame ver con mi pareja",
          "Claro, sin apuro. Cuando lo tengas me cuentas.",
          "oye y tienen estacionamiento?",
          "Algunos sí. ¿Necesitas estacionamiento?");

  ChatMessage inbound(String text) {
    ChatMessage m =
        ChatMessage.inbound(
            broker,
            lead.id(),
            ChatProvider.WHATSAPP,
            "56912345678",
            text,
            "wamid-" + history.size(),
            NOW);
    history.add(m);
    return m;
  }

  ChatMessage outbound(String text) {
    ChatMessage m =
        ChatMessage.outbound(
            broker,
            lead.id(),
            ChatProvider.WHATSAPP,
            "56912345678",
            text,
            SenderType.AI,
            null,
            NOW);
    history.add(m);
    return m;
  }

  /** Adds the small talk, alternating lead and agent. */
  Conversations withSmallTalk() {
    for (int i = 0; i < SMALL_TALK.size(); i++) {
      if (i % 2 == 0) {
        inbound(SMALL_TALK.get(i));
      } else {
        outbound(SMALL_TALK.get(i));
      }
    }
    return this;
  }

  /**
   * A request answering the given new inbound messages; the history passed is the latest 20, as the
   * pipeline does.
   */
  AgentRequest request(List<LeadField> nextFields, String... texts) {
    List<ChatMessage> fresh = new ArrayList<>();
    for (String t : texts) {
      fresh.add(inbound(t));
    }
    List<ChatMessage> latest = history.subList(Math.max(0, history.size() - 20), history.size());
    return new AgentRequest(prompt, lead, List.copyOf(latest), fresh, nextFields);
  }

  AgentRequest request(String... texts) {
    return request(List.of(LeadField.BUDGET, LeadField.LOCATION, LeadField.TIMELINE), texts);
  }
}
