package io.inmo.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.adapters.llm.offline.OfflineConversationAgent;
import io.inmo.adapters.llm.router.ProviderRouter;
import io.inmo.application.port.out.ConversationAgentPort;
import io.inmo.application.port.out.ConversationAgentPort.AgentReply;
import io.inmo.application.port.out.ConversationAgentPort.AgentRequest;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.conversation.SenderType;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the agent side of a turn costs in CPU (issue 6 and 7): the router's own overhead per turn
 * (circuit breaker + retry around an agent that answers at once, against calling that agent
 * directly) and the offline Spanish agent's time per turn on a realistic 20-message conversation.
 * Single thread, after warm-up; median and p99 of batches. Report in
 * bootstrap/target/benchmarks/agent.md.
 *
 * <pre>./inmo mvn -B -o -pl bootstrap verify -Pbenchmark -Dtest=AgentRouterBenchmark</pre>
 */
@Tag("benchmark")
class AgentRouterBenchmark {
  private static final int WARMUP_ROUNDS = 20;
  private static final int ROUNDS = 50;
  private static final int PER_ROUND = 2_000;

  @Test
  void measure() throws IOException {
    Instant now = Instant.parse("2026-12-04T21:00:00Z");
    BrokerId broker = BrokerId.newId();
    Lead lead = Lead.capture(broker, now);
    List<ChatMessage> history = new ArrayList<>();
    String[] lines = {
      "hola",
      "¡Hola! Soy Sofía. ¿Cómo te llamas?",
      "me llamo Francisca Soto",
      "Gracias, Francisca. ¿Buscas comprar o arrendar?",
      "comprar un depto en Ñuñoa",
      "Anoto que quieres comprar un departamento en Ñuñoa. ¿Cuál es tu presupuesto?",
      "unas 4.500 UF",
      "Perfecto. ¿Cuántos dormitorios necesitas?",
      "2 dormitorios y 1 baño",
      "Entendido. ¿A qué número te podemos llamar?",
      "+56 9 8765 4321",
      "Guardé tu teléfono. ¿Para cuándo la necesitas?",
      "en 3 meses más o menos",
      "Gracias. ¿Cuál es tu renta líquida mensual aproximada?",
      "gano 2 millones líquidos",
      "Gracias por contarme. ¿Tienes deudas en DICOM?",
      "no, estoy limpia",
      "Perfecto. ¿Cómo piensas financiarla?",
      "con crédito hipotecario",
    };
    for (int i = 0; i < lines.length; i++) {
      history.add(
          i % 2 == 0
              ? ChatMessage.inbound(
                  broker, lead.id(), ChatProvider.WEBCHAT, "visitante", lines[i], "m-" + i, now)
              : ChatMessage.outbound(
                  broker,
                  lead.id(),
                  ChatProvider.WEBCHAT,
                  "visitante",
                  lines[i],
                  SenderType.AI,
                  null,
                  now));
    }
    ChatMessage fresh =
        ChatMessage.inbound(
            broker,
            lead.id(),
            ChatProvider.WEBCHAT,
            "visitante",
            "¿puedo visitar el depto el sábado? mi correo es fran.soto@gmail.com",
            "m-last",
            now);
    history.add(fresh);
    AgentRequest request =
        new AgentRequest(
            BrokerPromptConfig.defaults(broker, now),
            lead,
            history,
            List.of(fresh),
            BrokerLeadConfig.defaultFieldPriority().subList(0, 4));

    AgentReply canned =
        new AgentReply(null, null, null, LeadFacts.empty(), Intent.OTHER, "Listo, te contactamos.");
    ConversationAgentPort instant = r -> canned;
    ProviderRouter router =
        new ProviderRouter(
            List.of(new ProviderRouter.Link("instantaneo:eco", instant)),
            new OfflineConversationAgent());
    OfflineConversationAgent offline = new OfflineConversationAgent();

    double[] direct = rounds(instant, request);
    double[] routed = rounds(router, request);
    double[] offlineTurn = rounds(offline, request);
    assertThat(router.states()).containsEntry("instantaneo:eco", "closed");

    String report =
        String.format(
            Locale.ROOT,
            "# Agent side of a turn%n%nSingle thread, %d warm-up and %d measured rounds of %d"
                + " calls; per call, median and p99 over rounds (Java %s, %d cores).%n%n"
                + "| what | median | p99 |%n|---|---:|---:|%n"
                + "| agent answering at once, called directly | %.2f µs | %.2f µs |%n"
                + "| the same through `ProviderRouter` (breaker + retry) | %.2f µs | %.2f µs |%n"
                + "| **router overhead per turn** | **%.2f µs** | |%n"
                + "| offline Spanish agent, 20-message conversation | %.1f µs | %.1f µs |%n",
            WARMUP_ROUNDS,
            ROUNDS,
            PER_ROUND,
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            median(direct),
            p99(direct),
            median(routed),
            p99(routed),
            median(routed) - median(direct),
            median(offlineTurn),
            p99(offlineTurn));
    Path out = Path.of("target", "benchmarks", "agent.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
  }

  private static double[] rounds(ConversationAgentPort agent, AgentRequest request) {
    double[] perCall = new double[ROUNDS];
    long sink = 0;
    for (int r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < PER_ROUND; i++) {
        sink += agent.reply(request).reply().length();
      }
      long took = System.nanoTime() - start;
      if (r >= WARMUP_ROUNDS) {
        perCall[r - WARMUP_ROUNDS] = took / 1_000.0 / PER_ROUND;
      }
    }
    assertThat(sink).isPositive();
    return perCall;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double p99(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)];
  }
}
