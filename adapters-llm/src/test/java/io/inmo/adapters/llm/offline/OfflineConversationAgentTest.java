package io.inmo.adapters.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.application.port.out.ConversationAgentPort.AgentReply;
import io.inmo.application.port.out.ConversationAgentPort.AgentRequest;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.conversation.ReplyRules;
import io.inmo.domain.lead.DicomStatus;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.shared.Money;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OfflineConversationAgentTest {
  private final OfflineConversationAgent agent = new OfflineConversationAgent();

  @Test
  void givenAFirstMessageWithFacts_whenReplied_thenFactsCarryTheirSourceMessage() {
    Turns turns = new Turns();
    AgentRequest request =
        turns.request(
            List.of(LeadField.NAME, LeadField.PHONE),
            "hola, busco depto en Ñuñoa hasta 3.500 UF, gano 1.200.000 y no tengo dicom");
    AgentReply reply = agent.reply(request);
    String source = request.newMessages().getFirst().id().value().toString();
    assertThat(reply.facts().propertyType().value()).isEqualTo(PropertyType.APARTMENT);
    assertThat(reply.facts().location().value()).isEqualTo("Ñuñoa");
    assertThat(reply.facts().budget().value()).isEqualTo(Money.uf("3500"));
    assertThat(reply.facts().budget().sourceMessageId()).isEqualTo(source);
    assertThat(reply.facts().monthlyIncome().value()).isEqualTo(Money.clp(1_200_000));
    assertThat(reply.facts().dicomStatus().value()).isEqualTo(DicomStatus.CLEAN);
    assertThat(reply.intent()).isEqualTo(Intent.PROPERTY_SEARCH);
    assertThat(reply.reply()).contains("Sofía").doesNotContain("1.200.000");
    assertThat(ReplyRules.enforce(reply.reply()).changed()).isFalse();
  }

  @Test
  void givenTheAgentAskedForTheName_whenTheLeadAnswersItAlone_thenTheNameIsProposed() {
    Turns turns = new Turns();
    turns.outbound("¡Hola! Soy Sofía, asistente virtual de la corredora. ¿Cómo te llamas?");
    AgentReply reply = agent.reply(turns.request(List.of(LeadField.NAME), "Francisca Soto"));
    assertThat(reply.name()).isEqualTo("Francisca Soto");
    assertThat(reply.reply()).contains("Francisca").doesNotContain("¿Cómo te llamas?");
  }

  @Test
  void givenACorrectionInALaterMessageOfTheTurn_whenReplied_thenTheLaterValueWins() {
    Turns turns = new Turns();
    turns.outbound("¡Hola! ¿A qué número te podemos llamar?");
    AgentRequest request =
        turns.request(List.of(LeadField.PHONE), "9 1234 5678", "perdón, es 9 8765 4321");
    AgentReply reply = agent.reply(request);
    assertThat(reply.phone()).isEqualTo("+56987654321");
  }

  @Test
  void givenSeveralMessages_whenReplied_thenTheTurnIntentIsTheOneOfHighestPrecedence() {
    Turns turns = new Turns();
    AgentReply reply =
        agent.reply(turns.request(List.of(), "busco depto en Macul", "no me escriban más"));
    assertThat(reply.intent()).isEqualTo(Intent.OPT_OUT);
    assertThat(reply.facts().location().value()).isEqualTo("Macul");
  }

  @Test
  void givenAMessageWithoutText_whenReplied_thenNothingIsReadAndTheReplyIsNotBlank() {
    Turns turns = new Turns();
    AgentReply reply =
        agent.reply(turns.request(List.of(LeadField.NAME), ChatMessage.NO_TEXT_PLACEHOLDER));
    assertThat(reply.facts().isEmpty()).isTrue();
    assertThat(reply.intent()).isEqualTo(Intent.OTHER);
    assertThat(reply.reply()).isNotBlank();
  }

  @Test
  void givenManyThreads_whenReplying_thenEachGetsTheSameDeterministicAnswer() throws Exception {
    Turns turns = new Turns();
    AgentRequest request =
        turns.request(List.of(LeadField.BUDGET), "quiero arrendar en Providencia, 2 dormitorios");
    String expected = agent.reply(request).reply();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<String>> results =
          pool.invokeAll(java.util.Collections.nCopies(64, () -> agent.reply(request).reply()));
      for (Future<String> r : results) {
        assertThat(r.get()).isEqualTo(expected);
      }
    }
  }
}
