package io.inmo.domain.campaign;

import static io.inmo.domain.campaign.MessageTemplateMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.shared.DomainException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {
  private static final Instant LATER = NOW.plusSeconds(3600);

  @Test
  void givenGreeting_whenCreate_thenVariablesExtractedInOrder() {
    MessageTemplate t = MessageTemplateMother.greeting();

    assertThat(t.variables()).containsExactly("lead_name", "agent_name", "broker_name");
    assertThat(t.channel()).isEqualTo(TemplateChannel.WHATSAPP);
    assertThat(t.agentType()).isEqualTo(AgentType.FOLLOW_UP);
  }

  @Test
  void givenWhitespaceInsideBracesAndRepeats_whenCreate_thenDistinctVariables() {
    MessageTemplate t =
        MessageTemplateMother.withContent(
            "Repetido",
            "{{ lead_name }}, ¿sigues buscando en {{location}}? Saludos, {{lead_name}}");

    assertThat(t.variables()).containsExactly("lead_name", "location");
  }

  @Test
  void givenUnknownVariable_whenCreate_thenUnknownVariableNamingIt() {
    assertThatThrownBy(
            () ->
                MessageTemplateMother.withContent(
                    "Renta", "Hola {{lead_name}}, tu renta es {{sueldo}}"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("sueldo")
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("template.unknown_variable");
  }

  @Test
  void givenSensitiveFact_whenCreate_thenUnknownVariable() {
    assertThatThrownBy(
            () -> MessageTemplateMother.withContent("Deuda", "Tu deuda DICOM: {{debt_amount}}"))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("template.unknown_variable");
  }

  @Test
  void givenUnclosedPlaceholder_whenCreate_thenMalformedPlaceholder() {
    assertThatThrownBy(
            () -> MessageTemplateMother.withContent("Roto", "Hola {{lead_name, ¿cómo estás?"))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("template.malformed_placeholder");
  }

  @Test
  void givenBlankContent_whenCreate_thenRejected() {
    assertThatThrownBy(() -> MessageTemplateMother.withContent("Vacío", "  "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenContentOver4096_whenCreate_thenRejected() {
    assertThatThrownBy(() -> MessageTemplateMother.withContent("Largo", "a".repeat(4097)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAllValues_whenRender_thenPlaceholdersReplaced() {
    String text = MessageTemplateMother.greeting().render(MessageTemplateMother.greetingValues());

    assertThat(text).isEqualTo("Hola Camila Rojas, soy Sofía de Propiedades Andes");
  }

  @Test
  void givenValueWithDollarSign_whenRender_thenInsertedLiterally() {
    MessageTemplate t =
        MessageTemplateMother.withContent("Presupuesto", "Tu presupuesto: {{ budget }}");

    assertThat(t.render(Map.of("budget", "$120.000.000 CLP")))
        .isEqualTo("Tu presupuesto: $120.000.000 CLP");
  }

  @Test
  void givenReminder_whenRender_thenDateAndTimeFilled() {
    String text =
        MessageTemplateMother.visitReminder()
            .render(
                Map.of(
                    "lead_name", "Camila",
                    "location", "Ñuñoa",
                    "appointment_date", "jueves 13 de marzo",
                    "appointment_time", "11:00"));

    assertThat(text)
        .isEqualTo(
            "Hola Camila, te recordamos tu visita en Ñuñoa el jueves 13 de marzo a las 11:00. ¿Nos confirmas?");
  }

  @Test
  void givenMissingValue_whenRender_thenMissingValueNamingIt() {
    Map<String, String> values = new HashMap<>(MessageTemplateMother.greetingValues());
    values.remove("broker_name");

    assertThatThrownBy(() -> MessageTemplateMother.greeting().render(values))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("broker_name")
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("template.missing_value");
  }

  @Test
  void givenBlankValue_whenRender_thenMissingValue() {
    Map<String, String> values = new HashMap<>(MessageTemplateMother.greetingValues());
    values.put("agent_name", " ");

    assertThatThrownBy(() -> MessageTemplateMother.greeting().render(values))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("agent_name");
  }

  @Test
  void givenTemplate_whenEdit_thenContentAndVariablesReplaced() {
    MessageTemplate t = MessageTemplateMother.greeting();

    t.edit(
        "Saludo corto", TemplateChannel.ANY, "¡Hola {{lead_first_name}}!", AgentType.SALES, LATER);

    assertThat(t.name()).isEqualTo("Saludo corto");
    assertThat(t.variables()).containsExactly("lead_first_name");
    assertThat(t.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void givenTemplate_whenEditWithUnknownVariable_thenUnchanged() {
    MessageTemplate t = MessageTemplateMother.greeting();

    assertThatThrownBy(
            () -> t.edit("Malo", TemplateChannel.ANY, "Hola {{rut}}", AgentType.SALES, LATER))
        .isInstanceOf(DomainException.class);
    assertThat(t.content()).isEqualTo(MessageTemplateMother.GREETING);
    assertThat(t.name()).isEqualTo("Saludo inicial");
  }

  @Test
  void givenStoredRow_whenReconstitute_thenEveryColumnRoundTrips() {
    MessageTemplate source = MessageTemplateMother.visitReminder();

    MessageTemplate copy =
        MessageTemplate.reconstitute(
            source.id(),
            source.brokerId(),
            source.name(),
            source.channel(),
            source.content(),
            source.agentType(),
            source.variables(),
            source.createdAt(),
            source.updatedAt(),
            source.version());

    assertThat(copy).usingRecursiveComparison().isEqualTo(source);
  }
}
