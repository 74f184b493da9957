package io.inmo.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.domain.conversation.EscalationPolicy.Reason;
import io.inmo.domain.conversation.ReplyRules.Violation;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationPoliciesTest {

  @Nested
  class Folding {
    @Test
    void givenShoutedAccentedTextWithEmoji_whenFolded_thenPlainLowerWords() {
      assertThat(SpanishText.fold("¡NO me escriban MÁS! 🙏 Ñuñoa…"))
          .isEqualTo("no me escriban mas nunoa");
      assertThat(SpanishText.fold(null)).isEmpty();
      assertThat(SpanishText.fold(" ¿? ")).isEmpty();
    }
  }

  @Nested
  class OptOut {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "STOP",
          "baja",
          "Baja.",
          "BAJA!!",
          "no me escriban más",
          "Por favor no me escriban mas",
          "Número equivocado",
          "numero equivocado, no soy Pedro",
          "dejen de escribirme por favor 🙏",
          "No me contacten",
          "eliminen mi número de su lista",
          "Quiero darme de baja",
          "se equivocaron de número",
          "Bórrenme de sus registros",
          "sáquenme de esta wea",
          "sácame de la lista porfa"
        })
    void givenWithdrawal_whenChecked_thenOptOut(String message) {
      assertThat(OptOutPolicy.isOptOut(message)).as(message).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "no me interesa por ahora",
          "Busco depto en Ñuñoa que no baje de 3 dormitorios",
          "el precio bajó?",
          "trabaja en Providencia",
          "stop motion jaja",
          "¿Tienen casas en Las Condes?",
          "",
          "   "
        })
    void givenOrdinaryMessage_whenChecked_thenNotOptOut(String message) {
      assertThat(OptOutPolicy.isOptOut(message)).as(message).isFalse();
    }
  }

  @Nested
  class Escalation {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "Quiero hablar con una persona | HUMAN_REQUESTED",
          "no quiero hablar con un bot, quiero una persona real | HUMAN_REQUESTED",
          "prefiero hablar con el corredor directamente | HUMAN_REQUESTED",
          "que me llame alguien porfa | HUMAN_REQUESTED",
          "Voy a poner un reclamo en el SERNAC | COMPLAINT",
          "esto es una estafa | COMPLAINT",
          "mi abogado va a revisar la promesa | COMPLAINT",
          "los voy a demandar | COMPLAINT",
          "no entiendes nada, weón | HOSTILE",
          "pésimo servicio | HOSTILE"
        })
    void givenMessage_whenChecked_thenEscalatedWithReason(String message, Reason reason) {
      assertThat(EscalationPolicy.escalation(message)).as(message).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Hay mucha demanda en Ñuñoa?",
          "Busco un depto para una persona",
          "¿Cuándo puedo visitar la casa?",
          "Gracias, muy amable",
          // a question, not a request: the agent says what it is and offers a person
          "jajaja y tú eres un robot?",
          ""
        })
    void givenOrdinaryMessage_whenChecked_thenNoEscalation(String message) {
      assertThat(EscalationPolicy.escalation(message)).as(message).isEqualTo(Optional.empty());
    }

    @Test
    void givenComplaintAndHumanRequest_whenChecked_thenComplaintWins() {
      assertThat(EscalationPolicy.escalation("Quiero hablar con una persona, voy al Sernac"))
          .contains(Reason.COMPLAINT);
      assertThat(Reason.HUMAN_REQUESTED.apiValue()).isEqualTo("human_requested");
    }
  }

  @Nested
  class Replies {
    @Test
    void givenSafeReply_whenEnforced_thenUnchanged() {
      String reply = "¡Hola Camila! Anoté Ñuñoa y 4.000 UF. ¿Cuántos dormitorios necesitas?";
      ReplyRules.Checked checked = ReplyRules.enforce(reply);
      assertThat(checked.text()).isEqualTo(reply);
      assertThat(checked.changed()).isFalse();
    }

    @Test
    void givenCreditPromise_whenEnforced_thenRemovedAndTheBankLineSaidOnce() {
      ReplyRules.Checked checked =
          ReplyRules.enforce(
              "Perfecto, con esa renta tu crédito está aprobado. El banco te lo aprueba sin"
                  + " problema. ¿Te acomoda visitar el sábado?");
      assertThat(checked.violations()).containsExactly(Violation.CREDIT_PROMISE);
      // both promising sentences go, the bank line is said once, the question stays last
      assertThat(checked.text())
          .isEqualTo(ReplyRules.SAFE_FINANCING_LINE + " ¿Te acomoda visitar el sábado?");
    }

    @Test
    void givenWholeSentenceIsAPromise_whenEnforced_thenOnlyTheBankLine() {
      ReplyRules.Checked checked = ReplyRules.enforce("Quedas preaprobado para el hipotecario.");
      assertThat(checked.text()).isEqualTo(ReplyRules.SAFE_FINANCING_LINE);
    }

    @Test
    void givenHonestDisclaimer_whenEnforced_thenKept() {
      String reply = "No podemos garantizar la aprobación del crédito: eso lo evalúa el banco.";
      assertThat(ReplyRules.enforce(reply).text()).isEqualTo(reply);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "El pie suele ser del 20%.",
          "La tasa hoy está en 4,5% anual.",
          "El dividendo quedaría en unos $650.000 mensuales.",
          "Serían 240 cuotas de 30 UF."
        })
    void givenFinancialFigure_whenEnforced_thenRemoved(String figure) {
      ReplyRules.Checked checked = ReplyRules.enforce("Buena pregunta. " + figure);
      assertThat(checked.violations()).containsExactly(Violation.FINANCIAL_FIGURE);
      assertThat(checked.text()).isEqualTo("Buena pregunta. " + ReplyRules.SAFE_FINANCING_LINE);
    }

    @Test
    void givenFiguresThatAreNotFinancing_whenEnforced_thenKept() {
      String reply =
          "El depto tiene 3 dormitorios y queda a 5 minutos a pie del metro. ¿Cuánto pie tienes"
              + " ahorrado?";
      assertThat(ReplyRules.enforce(reply).text()).isEqualTo(reply);
    }

    @Test
    void givenThreeQuestions_whenEnforced_thenTheFirstTwoKept() {
      ReplyRules.Checked checked =
          ReplyRules.enforce(
              "Gracias Tomás. ¿En qué comuna buscas? ¿Cuál es tu presupuesto?\n¿Tienes DICOM?");
      assertThat(checked.violations()).containsExactly(Violation.TOO_MANY_QUESTIONS);
      assertThat(checked.text())
          .isEqualTo("Gracias Tomás. ¿En qué comuna buscas? ¿Cuál es tu presupuesto?");
    }
  }
}
