package io.inmo.adapters.llm.offline;

import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.MessageDirection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the agent's last message asked for, read from its questions: a bare "Francisca Soto" or "3"
 * after "¿Cómo te llamas?" or "¿Cuántos dormitorios necesitas?" is an answer to that question.
 */
final class AskedFields {
  /** Folded words of a question → the field it asks for. */
  private static final Map<String, LeadField> KEYWORDS =
      Map.ofEntries(
          Map.entry("como te llamas", LeadField.NAME),
          Map.entry("tu nombre", LeadField.NAME),
          Map.entry("con quien tengo el gusto", LeadField.NAME),
          Map.entry("con quien hablo", LeadField.NAME),
          Map.entry("numero", LeadField.PHONE),
          Map.entry("telefono", LeadField.PHONE),
          Map.entry("celular", LeadField.PHONE),
          Map.entry("correo", LeadField.EMAIL),
          Map.entry("mail", LeadField.EMAIL),
          Map.entry("comuna", LeadField.LOCATION),
          Map.entry("comunas", LeadField.LOCATION),
          Map.entry("sector", LeadField.LOCATION),
          Map.entry("comprar o arrendar", LeadField.OPERATION),
          Map.entry("tipo de propiedad", LeadField.PROPERTY_TYPE),
          Map.entry("casa o un departamento", LeadField.PROPERTY_TYPE),
          Map.entry("dormitorios", LeadField.BEDROOMS),
          Map.entry("piezas", LeadField.BEDROOMS),
          Map.entry("banos", LeadField.BATHROOMS),
          Map.entry("estacionamiento", LeadField.PARKING),
          Map.entry("presupuesto", LeadField.BUDGET),
          Map.entry("hasta cuanto", LeadField.BUDGET),
          Map.entry("renta", LeadField.MONTHLY_INCOME),
          Map.entry("ingreso", LeadField.MONTHLY_INCOME),
          Map.entry("sueldo", LeadField.MONTHLY_INCOME),
          Map.entry("dicom", LeadField.DICOM_STATUS),
          Map.entry("monto aproximado de la deuda", LeadField.DEBT_AMOUNT),
          Map.entry("cuanto es tu deuda", LeadField.DEBT_AMOUNT),
          Map.entry("cuanto es la deuda", LeadField.DEBT_AMOUNT),
          Map.entry("para cuando", LeadField.TIMELINE),
          Map.entry("plazo", LeadField.TIMELINE),
          Map.entry("financiarla", LeadField.FINANCING),
          Map.entry("credito hipotecario", LeadField.FINANCING),
          Map.entry("al contado", LeadField.FINANCING),
          Map.entry("que tan decidido", LeadField.INTEREST_LEVEL),
          Map.entry("tu decision", LeadField.INTEREST_LEVEL),
          Map.entry("que tan seguro", LeadField.INTEREST_LEVEL),
          Map.entry("financiarias", LeadField.FINANCING));

  private AskedFields() {}

  /** The fields the last outbound message of {@code history} asked about (empty when none). */
  static Set<LeadField> from(List<ChatMessage> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      ChatMessage m = history.get(i);
      if (m.direction() == MessageDirection.OUTBOUND) {
        return fromText(m.text());
      }
    }
    return Set.of();
  }

  static Set<LeadField> fromText(String text) {
    Set<LeadField> asked = EnumSet.noneOf(LeadField.class);
    if (text == null) {
      return asked;
    }
    for (String sentence : text.split("(?<=[.!?])\\s+")) {
      if (!sentence.contains("?")) {
        continue;
      }
      String folded = Text.fold(sentence);
      for (Map.Entry<String, LeadField> e : KEYWORDS.entrySet()) {
        if (Text.containsPhrase(folded, e.getKey())) {
          asked.add(e.getValue());
        }
      }
    }
    return asked;
  }
}
