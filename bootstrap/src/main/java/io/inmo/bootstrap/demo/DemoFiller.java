package io.inmo.bootstrap.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.bootstrap.demo.DemoChatPlayer.StaffMember;
import io.inmo.bootstrap.demo.DemoLead.Move;
import io.inmo.bootstrap.demo.DemoReport.Account;
import io.inmo.bootstrap.demo.InmoApi.ApiException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Fills an Inmo with the demo brokerage through its public API only (ADR 0019): registers
 * "Propiedades Demo" with its ADMIN, creates three AGENTs, creates the planned leads and moves them
 * by hand where the data alone does not (visits, wins, losses) — as their assigned agent when they
 * have one — and meanwhile plays the web-chat conversations, which the server's AI agent answers.
 *
 * <p>The brokerage is known by its ADMIN's e-mail: when registering answers {@code
 * user.email_taken} the demo exists and nothing is written.
 */
public final class DemoFiller {
  static final String BROKER = "Propiedades Demo";
  static final String DOMAIN = "demo.inmo.local";
  static final Account ADMIN = new Account("ADMIN", "Valentina Soto", "valentina@" + DOMAIN, null);
  static final List<Account> AGENTS =
      List.of(
          new Account("AGENT", "Ignacio Carrasco", "ignacio@" + DOMAIN, null),
          new Account("AGENT", "Fernanda Muñoz", "fernanda@" + DOMAIN, null),
          new Account("AGENT", "Cristóbal Reyes", "cristobal@" + DOMAIN, null));

  /** Conversations played at once (the server answers four turns at a time). */
  private static final int CHAT_THREADS = 4;

  private static final long CONTENT_SEED = 20_260_301L;

  private final InmoApi api;
  private final String fixedPassword;
  private final Consumer<String> progress;

  /**
   * @param fixedPassword every demo account's password, or null to generate one per account
   * @param progress receives a line now and then
   */
  public DemoFiller(URI base, String fixedPassword, Consumer<String> progress) {
    this.api = new InmoApi(base);
    this.fixedPassword = fixedPassword;
    this.progress = progress;
  }

  boolean serverIsUp() {
    return api.isUp();
  }

  DemoReport fill() throws InterruptedException {
    // everything is planned before the first write, so a planning error writes nothing
    Random random = new Random(CONTENT_SEED);
    ChileanPeople people = new ChileanPeople(random);
    List<DemoConversation> scripts = DemoConversations.scripts(people);
    List<DemoLead> leads =
        new DemoLeadPlanner(random, people, DemoComunas.load(), AGENTS.size()).plan();

    Account admin = withPassword(ADMIN);
    JsonNode registered;
    try {
      registered =
          api.post(
              "/api/v1/auth/register",
              Map.of(
                  "brokerName", BROKER,
                  "name", admin.name(),
                  "email", admin.email(),
                  "password", admin.password()),
              null);
    } catch (ApiException e) {
      if ("user.email_taken".equals(e.code())) {
        List<Account> accounts = new ArrayList<>(List.of(ADMIN));
        accounts.addAll(AGENTS);
        return DemoReport.existing(BROKER, accounts);
      }
      throw e;
    }
    String adminToken = registered.path("accessToken").asText();
    String slug = registered.path("user").path("brokerSlug").asText();
    progress.accept("Registered «" + BROKER + "» (" + slug + ") and its ADMIN " + admin.email());

    List<Account> accounts = new ArrayList<>(List.of(admin));
    List<StaffMember> agents = new ArrayList<>();
    for (Account agent : AGENTS) {
      Account account = withPassword(agent);
      JsonNode user =
          api.post(
              "/api/v1/users",
              Map.of(
                  "name", account.name(),
                  "email", account.email(),
                  "role", "AGENT",
                  "password", account.password()),
              adminToken);
      JsonNode login =
          api.post(
              "/api/v1/auth/login",
              Map.of("email", account.email(), "password", account.password()),
              null);
      agents.add(new StaffMember(user.path("id").asText(), login.path("accessToken").asText()));
      accounts.add(account);
    }
    progress.accept("Created " + agents.size() + " agents");

    ExecutorService chats = Executors.newFixedThreadPool(CHAT_THREADS);
    try {
      DemoChatPlayer player = new DemoChatPlayer(api, slug);
      List<Future<Integer>> played = new ArrayList<>();
      for (DemoConversation script : scripts) {
        played.add(chats.submit(() -> player.play(script, agents.getFirst())));
      }
      createLeads(leads, adminToken, agents);
      progress.accept("Created " + leads.size() + " leads; waiting for the web-chat conversations");
      int replies = 0;
      for (Future<Integer> conversation : played) {
        replies += conversation.get();
      }
      progress.accept("Played " + scripts.size() + " web-chat conversations");
      return new DemoReport(
          true, BROKER, slug, accounts, stageCounts(adminToken), scripts.size(), replies);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } finally {
      chats.shutdownNow();
    }
  }

  private void createLeads(List<DemoLead> leads, String adminToken, List<StaffMember> agents) {
    for (DemoLead lead : leads) {
      Map<String, Object> body = new LinkedHashMap<>(lead.body());
      String token = adminToken;
      if (lead.agent() != DemoLead.UNASSIGNED) {
        StaffMember agent = agents.get(lead.agent());
        body.put("assignedTo", agent.userId());
        token = agent.token();
      }
      String id = api.post("/api/v1/leads", body, adminToken).path("id").asText();
      for (Move move : lead.moves()) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("stage", move.stage());
        request.put("reason", move.reason());
        if (move.closeReason() != null) {
          request.put("closeReason", move.closeReason());
        }
        api.post("/api/v1/leads/" + id + "/stage", request, token);
      }
    }
  }

  /** Per stage, how many leads the pipeline holds, as the server counts them. */
  private Map<String, Integer> stageCounts(String adminToken) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (JsonNode stage : api.get("/api/v1/pipeline/metrics", adminToken).path("stages")) {
      counts.put(stage.path("stage").asText(), stage.path("count").asInt());
    }
    return counts;
  }

  private Account withPassword(Account account) {
    return new Account(
        account.role(),
        account.name(),
        account.email(),
        fixedPassword != null ? fixedPassword : generatedPassword());
  }

  /** 16 characters a person can copy without confusing 0/O or 1/l. */
  private static String generatedPassword() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      password.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return password.toString();
  }
}
