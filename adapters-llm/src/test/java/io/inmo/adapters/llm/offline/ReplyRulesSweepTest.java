package io.inmo.adapters.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.application.port.out.ConversationAgentPort.AgentRequest;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.conversation.ReplyRules;
import io.inmo.domain.lead.DicomStatus;
import io.inmo.domain.lead.Financing;
import io.inmo.domain.lead.Operation;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.lead.Timeline;
import io.inmo.domain.shared.Money;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Renders every phrasing of every slot, and the planner's replies over a grid of turns, through the
 * domain's {@link ReplyRules}: no reply may promise credit approval, quote a down payment, rate or
 * instalment, or ask more than two questions.
 */
class ReplyRulesSweepTest {
  private static final List<String> NAMES = List.of("Juan", "María José", "Ñandú");
  private static final List<String> WHATS =
      List.of(
          "buscas un departamento de 3 dormitorios y 2 baños en Ñuñoa o Providencia de hasta"
              + " 100 UF",
          "quieres comprar una casa con 2 estacionamientos en Las Condes de hasta $100.000.000",
          "quieres arrendar una oficina en Santiago de hasta $1.000.000");

  private static void accepted(String text) {
    ReplyRules.Checked checked = ReplyRules.enforce(text);
    assertThat(checked.violations()).as(text).isEmpty();
    assertThat(checked.text()).as(text).isEqualTo(text.strip());
  }

  @Test
  void givenEveryPhrasingOfEverySlot_whenRendered_thenReplyRulesAcceptIt() throws Exception {
    int rendered = 0;
    for (Field field : Phrasebook.class.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      field.setAccessible(true);
      Object value = field.get(null);
      List<String> templates = new ArrayList<>();
      if (value instanceof List<?> list) {
        list.forEach(t -> templates.add((String) t));
      } else if (value instanceof Map<?, ?> map) {
        for (Object v : map.values()) {
          if (v instanceof List<?> list) {
            list.forEach(t -> templates.add((String) t));
          } else {
            templates.add("También anoto " + v + ".");
          }
        }
      }
      for (String template : templates) {
        for (String name : NAMES) {
          for (String what : WHATS) {
            String text =
                template
                    .replace("{agent}", "Sofía")
                    .replace("{name}", name)
                    .replace("{what}", what)
                    .replace("{contact}", "teléfono y tu correo")
                    .replace(
                        "{more}",
                        "que pagarías con crédito hipotecario y que lo necesitas lo antes posible");
            accepted(text);
            rendered++;
          }
        }
      }
    }
    assertThat(rendered).isGreaterThan(500);
  }

  @Test
  void everyQuestionIsOneQuestionAndEveryAskableFieldHasThree() {
    for (LeadField field : LeadField.values()) {
      List<String> variants = Phrasebook.QUESTIONS.get(field);
      assertThat(variants).as(field.name()).hasSize(3).doesNotHaveDuplicates();
      for (String q : variants) {
        assertThat(q.chars().filter(c -> c == '?').count()).as(q).isEqualTo(1);
        assertThat(q).as(q).startsWith("¿").endsWith("?");
      }
    }
  }

  @Test
  void givenAGridOfTurns_whenPlanned_thenEveryReplyPassesReplyRulesUnchanged() {
    ReplyPlanner planner =
        new ReplyPlanner(r -> java.util.Optional.of("Puedo ofrecerte el jueves a las 18:00."));
    List<Money> budgets = List.of(Money.uf("100"), Money.clp(100_000_000), Money.uf("3500.5"));
    int checked = 0;
    for (Intent intent : Intent.values()) {
      for (int variant = 0; variant < 3; variant++) {
        for (LeadField next : LeadField.values()) {
          Turns turns = new Turns();
          for (int k = 0; k < variant; k++) {
            turns.outbound("Mensaje anterior número " + k + ".");
          }
          AgentRequest request = turns.request(List.of(next, LeadField.EMAIL), "mensaje del lead");
          Extraction e =
              new Extraction(
                  variant == 0 ? null : "Juan Pérez",
                  variant == 1 ? "+56912345678" : null,
                  variant == 2 ? "juan@example.cl" : null,
                  "Ñuñoa, Providencia",
                  variant == 0 ? Operation.BUY : Operation.RENT,
                  PropertyType.values()[variant],
                  variant + 1,
                  variant,
                  variant,
                  budgets.get(variant),
                  Money.clp(1_500_000),
                  DicomStatus.values()[variant],
                  variant == 1 ? Money.clp(500_000) : null,
                  Timeline.values()[variant],
                  Financing.values()[variant],
                  intent,
                  intent == Intent.OFF_TOPIC);
          String reply = planner.plan(request, e);
          accepted(reply);
          assertThat(reply).doesNotContain("1.500.000").doesNotContain("500.000");
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(Intent.values().length * 3 * LeadField.values().length);
  }
}
