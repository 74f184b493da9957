package io.inmo.domain.lead;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.broker.RequiredProfileFields;
import io.inmo.domain.broker.ScoreThresholds;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.scoring.Engagement;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.Money;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.shared.TimeMother;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Seeded generator of realistic Chilean leads, broker configs and engagement for the property
 * tests: the same seed always yields the same cases, so a failure can be replayed. Not a Mother: it
 * stays out of the test-jar.
 */
final class RandomLeads {
  static final Instant NOW = TimeMother.NOW;

  private static final List<String> COMUNAS =
      List.of(
          "Ñuñoa",
          "Providencia",
          "Las Condes",
          "Maipú",
          "La Florida",
          "Viña del Mar",
          "Concepción",
          "Puente Alto",
          "Temuco");

  /** Around the default limits (500.000 / 1.000.000) and the custom ones the configs draw. */
  private static final long[] INCOMES = {
    0, 350_000, 499_999, 500_000, 500_001, 750_000, 800_000, 999_999, 1_000_000, 1_000_001,
    1_800_000, 2_000_000, 4_500_000
  };

  private static final long[] DEBTS = {0, 1, 99_999, 100_000, 100_001, 850_000, 3_200_000};

  private final Random random;

  RandomLeads(long seed) {
    this.random = new Random(seed);
  }

  boolean coin() {
    return random.nextBoolean();
  }

  int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  <E extends Enum<E>> E pick(Class<E> type) {
    E[] values = type.getEnumConstants();
    return values[random.nextInt(values.length)];
  }

  long pick(long[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Each of the thirteen facts known with probability one half. */
  LeadFacts facts() {
    return LeadFacts.builder()
        .location(maybe(() -> pick(COMUNAS)))
        .operation(maybe(() -> pick(Operation.class)))
        .propertyType(maybe(() -> pick(PropertyType.class)))
        .bedrooms(maybe(() -> between(0, 5)))
        .bathrooms(maybe(() -> between(1, 4)))
        .parking(maybe(() -> between(0, 3)))
        .budget(maybe(this::budget))
        .monthlyIncome(maybe(this::income))
        .dicomStatus(maybe(() -> pick(DicomStatus.class)))
        .debtAmount(maybe(() -> Money.clp(coin() ? pick(DEBTS) : between(0, 5_000_000))))
        .timeline(maybe(() -> pick(Timeline.class)))
        .interestLevel(maybe(() -> between(1, 10)))
        .financing(maybe(() -> pick(Financing.class)))
        .build();
  }

  Money income() {
    return Money.clp(coin() ? pick(INCOMES) : between(0, 6_000_000));
  }

  private Money budget() {
    return coin()
        ? Money.clp(between(30, 400) * 1_000_000L)
        : Money.uf(between(1_500, 15_000) + "." + between(0, 99));
  }

  private <T> Fact<T> maybe(Supplier<T> value) {
    return coin() ? Fact.of(value.get(), "wamid.msg-" + between(1, 99)) : null;
  }

  /** Contact data: name, phone, e-mail, each known with probability one half. */
  Contact contact() {
    return new Contact(coin(), coin(), coin());
  }

  /**
   * A broker config with random weights (now and then far above 100 in total), thresholds, limits,
   * required profile and auto-close.
   */
  BrokerLeadConfig config() {
    Map<LeadField, Integer> weights = new EnumMap<>(LeadField.class);
    boolean heavy = random.nextInt(10) == 0;
    for (LeadField field : LeadField.values()) {
      if (random.nextInt(5) > 0) {
        weights.put(field, heavy ? between(0, 100) : between(0, 25));
      }
    }
    int coldMax = between(0, 97);
    int warmMax = between(coldMax + 1, 98);
    long qualified = pick(INCOMES);
    long potential = Math.min(qualified, pick(INCOMES));
    BrokerId broker = BrokerId.newId();
    return BrokerLeadConfig.defaults(broker, NOW)
        .withScoring(weights, ScoreThresholds.of(coldMax, warmMax), null, NOW)
        .withProfiling(BrokerLeadConfig.defaultFieldPriority(), requiredProfile(), NOW)
        .withQualification(qualified, potential, pick(DEBTS), coin(), NOW);
  }

  private RequiredProfileFields requiredProfile() {
    if (coin()) {
      return RequiredProfileFields.defaults();
    }
    List<Set<LeadField>> groups = new ArrayList<>();
    for (int g = between(1, 4); g > 0; g--) {
      Set<LeadField> group = EnumSet.of(pick(LeadField.class));
      if (coin()) {
        group.add(pick(LeadField.class));
      }
      groups.add(group);
    }
    return new RequiredProfileFields(groups);
  }

  /** Replies 0..10, a median delay of 0..40 min when it replied, a last message 0..20 days ago. */
  Engagement engagement() {
    int replies = random.nextInt(4) == 0 ? 0 : between(1, 10);
    Duration median = replies > 0 && coin() ? Duration.ofSeconds(between(0, 40 * 60)) : null;
    return new Engagement(replies, median, coin() ? daysAgo() : null);
  }

  /** An instant 0..20 days before {@link #NOW}, now and then exactly 7 days before. */
  Instant daysAgo() {
    if (random.nextInt(8) == 0) {
      return NOW.minus(Duration.ofDays(7));
    }
    return NOW.minus(Duration.ofMinutes(between(0, 20 * 24 * 60)));
  }

  Qualification qualificationOrNull() {
    return random.nextInt(4) == 0 ? null : pick(Qualification.class);
  }

  /** A lead captured and filled in before {@link #NOW}, in stage new, events pulled. */
  static Lead lead(Contact contact, LeadFacts facts, Instant lastContactedAt) {
    Instant t = NOW.minus(Duration.ofDays(30));
    Lead lead = Lead.capture(BrokerId.newId(), t);
    if (contact.name()) {
      lead.rename("María José Pérez", t);
    }
    if (contact.phone()) {
      lead.changePhone(new PhoneNumber("+56912345678"), t);
    }
    if (contact.email()) {
      lead.changeEmail(new Email("mjperez@gmail.com"), t);
    }
    lead.updateFacts(facts, t);
    if (lastContactedAt != null) {
      lead.recordContact(lastContactedAt);
    }
    lead.pullEvents();
    return lead;
  }

  /** A random lead in a random stage (won and lost closed with a reason) and qualification. */
  Lead leadInAnyStage() {
    Lead lead = lead(contact(), facts(), null);
    Instant t = NOW.minus(Duration.ofDays(10));
    lead.applyScore(LeadScore.ZERO, List.of(), LeadStatus.COLD, qualificationOrNull(), t);
    PipelineStage stage = pick(PipelineStage.class);
    if (stage == PipelineStage.WON) {
      lead.close(stage, CloseReason.of("sold", "Depto 504, Av. Irarrázaval"), t);
    } else if (stage == PipelineStage.LOST) {
      lead.close(stage, CloseReason.of("bought_elsewhere"), t);
    } else {
      lead.moveTo(stage, t);
    }
    lead.pullEvents();
    return lead;
  }

  /** Which contact columns a lead has. */
  record Contact(boolean name, boolean phone, boolean email) {
    /** Known where either knows. */
    Contact union(Contact other) {
      return new Contact(name || other.name, phone || other.phone, email || other.email);
    }
  }
}
