package io.inmo.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.bootstrap.Inmo;
import io.inmo.bootstrap.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./inmo demo} against a running server (ADR 0019): the command fills it through the API,
 * prints credentials that sign in, every pipeline stage holds its leads, the web-chat conversations
 * were answered (one escalated and taken over, one opted out), and a second run writes nothing.
 */
@ExtendWith(TestPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataE2ETest {
  /** " ADMIN Valentina Soto valentina@demo.inmo.local Abc…": role, e-mail, password. */
  private static final Pattern ACCOUNT =
      Pattern.compile("^ {5}(ADMIN|AGENT) +.+? +(\\S+@\\S+) +(\\S+)$", Pattern.MULTILINE);

  private Inmo inmo;
  private InmoApi api;
  private URI base;

  @BeforeAll
  void start(PgDatabase database) {
    // in-process rate limits: the fixed demo e-mails sign in on every run of this test
    Map<String, String> env = new HashMap<>();
    env.put("INMO_PORT", "0");
    env.put("INMO_HOST", "127.0.0.1");
    env.put("INMO_DATABASE_URL", database.jdbcUrl());
    env.put("INMO_DATABASE_USER", database.user());
    env.put("INMO_DATABASE_PASSWORD", database.password() == null ? "" : database.password());
    env.put("INMO_SHUTDOWN_GRACE_SECONDS", "1");
    env.put("INMO_JWT_SECRET", "secreto-de-firma-para-pruebas-de-datos-demo");
    inmo = Inmo.start(AppConfig.from(env, Path.of(System.getProperty("java.io.tmpdir"))));
    base = URI.create("http://127.0.0.1:" + inmo.port());
    api = new InmoApi(base);
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenARunningServer_whenTheDemoCommandRunsTwice_thenOneLivelyBrokerageAndNoDuplicates()
      throws Exception {
    String first = run("--url", base.toString());
    assertThat(first).contains("Demo data ready: «Propiedades Demo»");

    // the printed credentials sign in: one ADMIN and three AGENTs
    Map<String, String> passwords = new LinkedHashMap<>();
    Map<String, String> tokens = new LinkedHashMap<>();
    Matcher account = ACCOUNT.matcher(first);
    List<String> roles = new ArrayList<>();
    while (account.find()) {
      roles.add(account.group(1));
      passwords.put(account.group(2), account.group(3));
      JsonNode login =
          api.post(
              "/api/v1/auth/login",
              Map.of("email", account.group(2), "password", account.group(3)),
              null);
      assertThat(login.path("user").path("role").asText()).isEqualTo(account.group(1));
      tokens.put(account.group(2), login.path("accessToken").asText());
    }
    assertThat(roles).containsExactly("ADMIN", "AGENT", "AGENT", "AGENT");
    String admin = tokens.get(DemoFiller.ADMIN.email());

    // every stage holds leads: the planned ones plus the web-chat visitors in the early stages
    Map<String, Integer> stages = new LinkedHashMap<>();
    for (JsonNode stage : api.get("/api/v1/pipeline/metrics", admin).path("stages")) {
      stages.put(stage.path("stage").asText(), stage.path("count").asInt());
    }
    List<DemoConversation> scripts = DemoConversations.scripts(new ChileanPeople(new Random()));
    DemoLeadPlanner.PER_STAGE.forEach(
        (stage, planned) -> {
          if (List.of("scheduled", "won", "lost").contains(stage)) {
            assertThat(stages.get(stage)).as(stage).isEqualTo(planned);
          } else {
            assertThat(stages.get(stage)).as(stage).isGreaterThanOrEqualTo(planned);
          }
        });
    int planned = DemoLeadPlanner.PER_STAGE.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(stages.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(planned + scripts.size());
    assertThat(first).contains((planned + scripts.size()) + " leads: new " + stages.get("new"));

    // statuses spread, some leads with an agent, wins closed with their reason after a visit
    JsonNode book = api.get("/api/v1/leads?limit=200", admin).path("items");
    assertThat(book).hasSize(planned + scripts.size());
    Map<String, Integer> statuses = new HashMap<>();
    int assigned = 0;
    for (JsonNode lead : book) {
      statuses.merge(lead.path("status").asText(), 1, Integer::sum);
      assigned += lead.hasNonNull("assignedTo") ? 1 : 0;
    }
    assertThat(statuses.keySet()).contains("hot", "warm", "cold", "converted", "lost");
    assertThat(assigned).isBetween(20, planned);
    JsonNode won = api.get("/api/v1/leads?stage=won&limit=1", admin).path("items").get(0);
    assertThat(won.path("closeReason").asText()).isIn("sold", "rented");
    List<String> history = new ArrayList<>();
    for (JsonNode entry :
        api.get("/api/v1/leads/" + won.path("id").asText() + "/activity?limit=50", admin)
            .path("items")) {
      history.add(entry.path("type").asText() + ":" + entry.path("details").path("to").asText());
    }
    assertThat(history)
        .contains("lead_closed:won", "stage_changed:scheduled", "stage_changed:potential");

    // an agent sees its own leads
    String agentToken = tokens.get(DemoFiller.AGENTS.getFirst().email());
    assertThat(api.get("/api/v1/leads?limit=200", agentToken).path("items")).isNotEmpty();

    // the web-chat conversations were answered; two escalated (one of them then taken over, which
    // closes its escalation), one opted out
    JsonNode chats = api.get("/api/v1/leads?channel=webchat&limit=50", admin).path("items");
    assertThat(chats).hasSize(scripts.size());
    int escalated = 0;
    int escalations = 0;
    int takenOver = 0;
    int optedOut = 0;
    for (JsonNode lead : chats) {
      JsonNode conversation =
          api.get("/api/v1/leads/" + lead.path("id").asText() + "/conversation", admin);
      long replies = 0;
      for (JsonNode message : conversation.path("messages")) {
        replies += message.path("direction").asText().equals("outbound") ? 1 : 0;
      }
      assertThat(replies).as(lead.toString()).isPositive();
      JsonNode state = conversation.path("conversations").get(0);
      escalated += state.hasNonNull("escalation") ? 1 : 0;
      takenOver += state.hasNonNull("takenOverBy") ? 1 : 0;
      optedOut += lead.hasNonNull("optedOutAt") ? 1 : 0;
      for (JsonNode entry :
          api.get("/api/v1/leads/" + lead.path("id").asText() + "/activity?limit=100", admin)
              .path("items")) {
        escalations += entry.path("type").asText().equals("escalation") ? 1 : 0;
      }
    }
    assertThat(escalations).isEqualTo(2);
    assertThat(escalated).isEqualTo(1);
    assertThat(takenOver).isEqualTo(1);
    assertThat(optedOut).isEqualTo(1);

    // a second run finds the brokerage and writes nothing
    String second = run("--url", base.toString());
    assertThat(second).contains("already exists").doesNotContain("Demo data ready");
    assertThat(api.get("/api/v1/leads?limit=200", admin).path("items"))
        .hasSize(planned + scripts.size());
    assertThat(api.get("/api/v1/users", admin).path("items")).hasSize(4);
    assertThat(passwords).hasSize(4);
  }

  @Test
  void givenNoServerAtTheUrl_whenTheDemoCommandRuns_thenItSaysSoAndFails() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        new DemoDataCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
            .execute(new String[] {"--url", "http://127.0.0.1:9"});
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("No Inmo answers at");
  }

  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        new DemoDataCommand(new PrintStream(out, true, StandardCharsets.UTF_8)).execute(args);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(printed).isZero();
    return printed;
  }
}
