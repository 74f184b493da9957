package io.inmo.adapters.llm.placeholder;

import io.inmo.application.port.out.ConversationAgentPort;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.conversation.MessageDirection;
import io.inmo.domain.lead.LeadFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in conversation agent for issue 5, until the offline Spanish agent (issue 6) and the LLM
 * providers (issue 7) arrive: it reads no facts, greets once as the broker's agent and asks for the
 * next missing facts by the broker's priority. It is honest about what it is — it never claims to
 * have understood anything — so the conversation pipeline around it can be built and tested for
 * real.
 */
public final class PlaceholderConversationAgent implements ConversationAgentPort {

  @Override
  public AgentReply reply(AgentRequest request) {
    boolean greeted =
        request.history().stream()
            .anyMatch(message -> message.direction() == MessageDirection.OUTBOUND);
    List<String> parts = new ArrayList<>();
    if (!greeted) {
      parts.add(
          "¡Hola! Soy "
              + request.prompt().agentName()
              + ", asistente virtual de la corredora. Gracias por escribirnos.");
    } else {
      parts.add("Gracias por tu mensaje.");
    }
    List<String> questions = new ArrayList<>();
    for (LeadField field : request.nextFields()) {
      questions.add(question(field));
    }
    if (questions.isEmpty()) {
      parts.add("Ya tenemos lo necesario: una persona de nuestro equipo te contactará pronto.");
    } else {
      parts.add("Para ayudarte mejor: " + String.join(" ", questions));
    }
    return new AgentReply(
        null,
        null,
        null,
        LeadFacts.empty(),
        greeted ? Intent.OTHER : Intent.GREETING,
        String.join(" ", parts));
  }

  static String question(LeadField field) {
    return switch (field) {
      case NAME -> "¿Cómo te llamas?";
      case PHONE -> "¿A qué número te podemos llamar?";
      case EMAIL -> "¿Cuál es tu correo?";
      case LOCATION -> "¿En qué comuna buscas?";
      case OPERATION -> "¿Buscas comprar o arrendar?";
      case PROPERTY_TYPE -> "¿Buscas casa, departamento u otro tipo de propiedad?";
      case BEDROOMS -> "¿Cuántos dormitorios necesitas?";
      case BATHROOMS -> "¿Cuántos baños necesitas?";
      case PARKING -> "¿Necesitas estacionamiento?";
      case BUDGET -> "¿Cuál es tu presupuesto aproximado?";
      case MONTHLY_INCOME -> "¿Cuál es tu renta líquida mensual aproximada?";
      case DICOM_STATUS -> "¿Tienes deudas en DICOM?";
      case DEBT_AMOUNT -> "¿De cuánto es tu deuda aproximada?";
      case TIMELINE -> "¿Para cuándo necesitas la propiedad?";
      case INTEREST_LEVEL -> "¿Qué tan decidido estás a cambiarte?";
      case FINANCING -> "¿Cómo piensas financiarla: crédito hipotecario, contado o subsidio?";
    };
  }
}
