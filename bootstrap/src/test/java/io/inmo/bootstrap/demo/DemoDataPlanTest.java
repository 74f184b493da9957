package io.inmo.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo's planned content, without a server: stages, people, comunas, conversations. */
class DemoDataPlanTest {

  private static List<DemoLead> plan(long seed) {
    Random random = new Random(seed);
    return new DemoLeadPlanner(
            random, new ChileanPeople(random), DemoComunas.load(), DemoFiller.AGENTS.size())
        .plan();
  }

  @Test
  void givenTheDefaultPlan_whenCounted_thenEveryStageHasItsLeads() {
    Map<String, Long> byStage =
        plan(1).stream().collect(Collectors.groupingBy(DemoLead::stage, Collectors.counting()));

    assertThat(byStage.keySet())
        .containsExactlyInAnyOrder(
            "new", "profiling", "financial_qualification", "potential", "scheduled", "won", "lost");
    DemoLeadPlanner.PER_STAGE.forEach(
        (stage, count) -> assertThat(byStage.get(stage)).as(stage).isEqualTo((long) count));
  }

  @Test
  void givenThePlan_whenRead_thenClosedLeadsCarryTheirReasonAndWinsWentThroughAVisit() {
    for (DemoLead lead : plan(2)) {
      if (lead.stage().equals("won") || lead.stage().equals("lost")) {
        DemoLead.Move last = lead.moves().getLast();
        assertThat(last.stage()).isEqualTo(lead.stage());
        assertThat(last.closeReason()).matches("[a-z_]+");
        assertThat(last.reason()).isNotBlank();
      }
      if (lead.stage().equals("won")) {
        assertThat(lead.moves().getFirst().stage()).isEqualTo("scheduled");
        assertThat(lead.agent()).isNotEqualTo(DemoLead.UNASSIGNED);
      }
      if (lead.stage().equals("new")) {
        assertThat(lead.body()).doesNotContainKey("name");
      } else {
        assertThat(lead.body().get("name").toString()).matches("\\p{Lu}\\p{L}+( \\p{Lu}\\p{L}+)+");
      }
    }
  }

  @Test
  void givenThePlanAndTheConversations_whenPeopleAreMade_thenPhonesAndEmailsAreNeverRepeated() {
    Random random = new Random(3);
    ChileanPeople people = new ChileanPeople(random);
    List<DemoConversation> scripts = DemoConversations.scripts(people);
    List<DemoLead> leads = new DemoLeadPlanner(random, people, DemoComunas.load(), 3).plan();

    Set<String> phones = new HashSet<>();
    Set<String> emails = new HashSet<>();
    for (DemoLead lead : leads) {
      if (lead.body().get("phone") instanceof String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        assertThat(digits).matches("(56)?9\\d{8}");
        assertThat(phones.add(digits.substring(digits.length() - 8))).as(phone).isTrue();
      }
      if (lead.body().get("email") instanceof String email) {
        assertThat(email).matches("[a-z0-9.]+@example\\.(com|net|org)");
        assertThat(emails.add(email)).as(email).isTrue();
      }
    }
    assertThat(scripts).hasSizeGreaterThanOrEqualTo(8);
    assertThat(scripts.stream().filter(DemoConversation::takenOver)).hasSize(1);
  }

  @Test
  void givenTheComunas_whenPicked_thenThreeAreasAllFromTheOfficialList() {
    DemoComunas comunas = DemoComunas.load();
    Random random = new Random(4);
    Set<String> areas = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      DemoComunas.Comuna comuna = comunas.pick(random);
      areas.add(comuna.area());
      names.add(comuna.name());
    }
    assertThat(areas).containsExactlyInAnyOrder("Santiago", "Valparaíso", "Concepción");
    assertThat(names).contains("Ñuñoa", "Viña del Mar", "San Pedro de la Paz");
  }

  @Test
  void givenTheSameSeed_whenPlannedTwice_thenTheSameBook() {
    assertThat(plan(5)).isEqualTo(plan(5));
  }
}
