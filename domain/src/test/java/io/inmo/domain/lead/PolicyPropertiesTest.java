package io.inmo.domain.lead;

import static io.inmo.domain.lead.RandomLeads.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.broker.ScoreThresholds;
import io.inmo.domain.lead.LeadEvent.LeadStageChanged;
import io.inmo.domain.lead.RandomLeads.Contact;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.pipeline.StageMove;
import io.inmo.domain.scoring.Engagement;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.scoring.ScoreComponent;
import io.inmo.domain.scoring.ScoreResult;
import io.inmo.domain.shared.Money;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the scoring, qualification and pipeline policies: thousands of seeded random
 * leads, configs and engagements (see {@link RandomLeads}); a failure names its case.
 */
class PolicyPropertiesTest {
  private static final int CASES = 4_000;
  private static final long SEED = 20_250_310L;

  private static int sum(List<ScoreComponent> components) {
    return components.stream().mapToInt(ScoreComponent::points).sum();
  }

  // ---- scoring ----

  @Test
  void givenAnyLeadConfigAndEngagement_whenScored_thenComponentsExplainAClampedScore() {
    RandomLeads random = new RandomLeads(SEED);
    for (int i = 0; i < CASES; i++) {
      BrokerLeadConfig config = random.config();
      Lead lead = RandomLeads.lead(random.contact(), random.facts(), maybeContact(random));
      Engagement engagement = random.engagement();
      String which =
          "case " + i + ": " + lead.facts() + ", " + config.fieldWeights() + ", " + engagement;

      ScoreResult result = ScoringPolicy.forBroker(config).score(lead, engagement, NOW);

      List<ScoreComponent> earned =
          result.components().stream().filter(c -> !c.factor().equals("cap")).toList();
      List<ScoreComponent> caps =
          result.components().stream().filter(c -> c.factor().equals("cap")).toList();
      int raw = sum(earned);
      assertThat(sum(result.components())).as(which).isEqualTo(result.score().value());
      assertThat(result.score().value()).as(which).isBetween(0, 100).isEqualTo(Math.min(100, raw));
      assertThat(caps.isEmpty()).as(which).isEqualTo(raw <= 100);
      assertThat(caps).as(which).allSatisfy(c -> assertThat(c.points()).isBetween(-100, -1));

      Set<String> expectedFields =
          EnumSet.allOf(LeadField.class).stream()
              .filter(f -> config.weightOf(f) > 0 && lead.has(f))
              .map(LeadField::apiValue)
              .collect(Collectors.toSet());
      List<ScoreComponent> fields =
          earned.stream().filter(c -> !c.factor().equals("engagement")).toList();
      assertThat(fields)
          .extracting(ScoreComponent::factor)
          .as(which)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(expectedFields);
      for (ScoreComponent c : fields) {
        int weight = config.weightOf(LeadField.fromApiValue(c.factor()));
        assertThat(c.points()).as(which + " / " + c).isBetween(0, weight);
      }
      assertThat(earned)
          .filteredOn(c -> c.factor().equals("engagement"))
          .as(which)
          .hasSizeLessThanOrEqualTo(1)
          .allSatisfy(
              c -> assertThat(c.points()).isBetween(1, ScoringPolicy.ENGAGEMENT_MAX_POINTS));
    }
  }

  @Test
  void givenAnyLead_whenFactsOrContactDataAdded_thenScoreNeverDrops() {
    RandomLeads random = new RandomLeads(SEED + 1);
    int rose = 0;
    for (int i = 0; i < CASES; i++) {
      BrokerLeadConfig config = random.config();
      Contact contact = random.contact();
      LeadFacts facts = random.facts();
      Contact moreContact = contact.union(random.contact());
      LeadFacts moreFacts = random.facts().merge(facts); // keeps every known fact, adds others
      Instant contacted = maybeContact(random);
      Engagement engagement = random.engagement();
      ScoringPolicy policy = ScoringPolicy.forBroker(config);

      LeadScore before =
          policy.score(RandomLeads.lead(contact, facts, contacted), engagement, NOW).score();
      LeadScore after =
          policy
              .score(RandomLeads.lead(moreContact, moreFacts, contacted), engagement, NOW)
              .score();

      assertThat(after)
          .as("case %d: %s → %s with weights %s", i, facts, moreFacts, config.fieldWeights())
          .isGreaterThanOrEqualTo(before);
      rose += after.compareTo(before) > 0 ? 1 : 0;
    }
    assertThat(rose).as("the generator must add facts that count").isGreaterThan(CASES / 4);
  }

  @Test
  void givenAnyLead_whenEngagementAdded_thenAtMostTenMorePoints() {
    RandomLeads random = new RandomLeads(SEED + 2);
    for (int i = 0; i < CASES; i++) {
      ScoringPolicy policy = ScoringPolicy.forBroker(random.config());
      Lead lead = RandomLeads.lead(random.contact(), random.facts(), null);
      Engagement engagement = random.engagement();

      int without = policy.score(lead, Engagement.NONE, NOW).score().value();
      int with = policy.score(lead, engagement, NOW).score().value();

      assertThat(with - without).as("case %d: %s", i, engagement).isBetween(0, 10);
    }
  }

  @Test
  void givenAnyOptedOutLead_whenScored_thenZeroExplainedByOptOutOnly() {
    RandomLeads random = new RandomLeads(SEED + 3);
    for (int i = 0; i < CASES / 4; i++) {
      Lead lead = RandomLeads.lead(random.contact(), random.facts(), maybeContact(random));
      lead.optOut(NOW);

      ScoreResult result =
          ScoringPolicy.forBroker(random.config()).score(lead, random.engagement(), NOW);

      assertThat(result.score()).as("case %d", i).isEqualTo(LeadScore.ZERO);
      assertThat(result.components()).extracting(ScoreComponent::factor).containsExactly("opt_out");
    }
  }

  @Test
  void givenEveryValidThresholds_whenStatusAtTheBoundaries_thenBandsHonoured() {
    int checked = 0;
    for (int coldMax = 0; coldMax <= 98; coldMax++) {
      for (int warmMax = coldMax + 1; warmMax <= 99; warmMax++) {
        ScoreThresholds t = ScoreThresholds.of(coldMax, warmMax);
        String which = coldMax + "/" + warmMax;
        assertThat(LeadStatus.forScore(0, t)).as(which).isEqualTo(LeadStatus.COLD);
        assertThat(LeadStatus.forScore(coldMax, t)).as(which).isEqualTo(LeadStatus.COLD);
        assertThat(LeadStatus.forScore(coldMax + 1, t)).as(which).isEqualTo(LeadStatus.WARM);
        assertThat(LeadStatus.forScore(warmMax, t)).as(which).isEqualTo(LeadStatus.WARM);
        assertThat(LeadStatus.forScore(t.hotMin(), t)).as(which).isEqualTo(LeadStatus.HOT);
        assertThat(LeadStatus.forScore(100, t)).as(which).isEqualTo(LeadStatus.HOT);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(4_950);
  }

  // ---- qualification ----

  @Test
  void
      givenAnyFinances_whenQualified_thenUnknownOnlyWithoutIncomeOrDicom_andMoreIncomeNeverHurts() {
    RandomLeads random = new RandomLeads(SEED + 4);
    for (int i = 0; i < CASES; i++) {
      BrokerLeadConfig config = random.config();
      QualificationPolicy policy = QualificationPolicy.forBroker(config);
      LeadFacts facts = random.facts();
      String which = "case " + i + ": " + facts.sensitiveOnly();

      Qualification q = policy.qualify(facts);

      boolean known =
          facts.monthlyIncome() != null
              && facts.dicomStatus() != null
              && facts.dicomStatus().value() != DicomStatus.UNKNOWN;
      assertThat(q == null).as(which).isEqualTo(!known);
      if (q != null && q != Qualification.NOT_QUALIFIED) {
        assertThat(facts.dicomStatus().value()).as(which).isEqualTo(DicomStatus.CLEAN);
      }
      if (known) {
        Money more =
            Money.clp(
                facts.monthlyIncome().value().amount().longValue() + random.between(0, 2_000_000));
        Qualification richer =
            policy.qualify(facts.toBuilder().monthlyIncome(Fact.of(more)).build());
        assertThat(rank(richer)).as(which + " with income " + more).isGreaterThanOrEqualTo(rank(q));
      }
    }
  }

  private static int rank(Qualification q) {
    return switch (q) {
      case NOT_QUALIFIED -> 0;
      case POTENTIAL -> 1;
      case QUALIFIED -> 2;
    };
  }

  // ---- pipeline ----

  @Test
  void givenAnyLeadInAnyStage_whenAdvanced_thenForwardsOnlyNeverFromWonOrLostAndIdempotent() {
    RandomLeads random = new RandomLeads(SEED + 5);
    int moved = 0;
    for (int i = 0; i < CASES; i++) {
      BrokerLeadConfig config = random.config();
      PipelineAdvancementPolicy policy = PipelineAdvancementPolicy.forBroker(config);
      Lead lead = random.leadInAnyStage();
      boolean appointment = random.coin();
      PipelineStage start = lead.stage();
      String which =
          "case "
              + i
              + ": "
              + start
              + ", "
              + lead.qualification()
              + ", appointment "
              + appointment
              + ", auto-close "
              + config.autoCloseNotQualified()
              + ", "
              + lead.facts();

      List<StageMove> plan = policy.plan(lead, appointment);

      assertThat(lead.stage()).as(which).isEqualTo(start);
      if (start.isClosed()) {
        assertThat(plan).as(which).isEmpty();
      }
      PipelineStage at = start;
      for (int m = 0; m < plan.size(); m++) {
        StageMove move = plan.get(m);
        assertThat(move.from()).as(which).isEqualTo(at);
        assertThat(move.from().isClosed()).as(which).isFalse();
        assertThat(move.from().isBefore(move.to())).as(which).isTrue();
        assertThat(move.rule().isAutomatic()).as(which).isTrue();
        assertThat(move.closes() && m < plan.size() - 1).as(which).isFalse();
        if (move.to() == PipelineStage.LOST) {
          assertThat(config.autoCloseNotQualified() && !appointment).as(which).isTrue();
          assertThat(lead.qualification()).as(which).isEqualTo(Qualification.NOT_QUALIFIED);
        }
        at = move.to();
      }
      if (appointment && start.isBefore(PipelineStage.SCHEDULED)) {
        assertThat(at).as(which).isEqualTo(PipelineStage.SCHEDULED);
      }

      List<StageMove> applied = policy.advance(lead, appointment, NOW);

      assertThat(applied).as(which).isEqualTo(plan);
      assertThat(lead.stage()).as(which).isEqualTo(at);
      assertThat(lead.pullEvents())
          .as(which)
          .hasSize(plan.size())
          .allSatisfy(e -> assertThat(e).isInstanceOf(LeadStageChanged.class));
      assertThat(policy.plan(lead, appointment)).as(which + " (second run)").isEmpty();
      assertThat(policy.advance(lead, appointment, NOW)).as(which + " (second run)").isEmpty();
      assertThat(lead.stage()).as(which).isEqualTo(at);
      moved += plan.isEmpty() ? 0 : 1;
    }
    assertThat(moved).as("the generator must produce leads that move").isGreaterThan(CASES / 4);
  }

  private static Instant maybeContact(RandomLeads random) {
    return random.coin() ? random.daysAgo() : null;
  }
}
