package io.inmo.domain.broker;

import io.inmo.domain.shared.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A broker's lead-handling rules: scoring weights and thresholds, which facts to ask for first,
 * which profile is required before financial qualification, the income and debt limits of
 * qualification, auto-closing, hot alerts and agent visibility. Immutable; one per broker.
 *
 * @param fieldWeights points per field, each 0..100; a field not in the map weighs 0
 * @param fieldPriority the order in which the agent asks for missing fields; no duplicates
 * @param qualifiedIncome monthly income in whole CLP pesos from which a lead is qualified
 * @param potentialIncome monthly income in whole CLP pesos from which a lead is potential; ≤
 *     qualifiedIncome
 * @param acceptableDebt debt in whole CLP pesos still acceptable for qualification; ≥ 0
 * @param hotAlertScore nullable 0..100; null alerts when the lead becomes hot
 * @param staleAfterDays days without contact or stage move after which an open lead is flagged
 *     stale by the nightly job; {@value #MIN_STALE_AFTER_DAYS}..{@value #MAX_STALE_AFTER_DAYS}
 * @param version optimistic-locking version read from storage; the domain never changes it
 */
public record BrokerLeadConfig(
    UUID id,
    BrokerId brokerId,
    Map<LeadField, Integer> fieldWeights,
    ScoreThresholds thresholds,
    List<LeadField> fieldPriority,
    RequiredProfileFields requiredProfileFields,
    long qualifiedIncome,
    long potentialIncome,
    long acceptableDebt,
    boolean autoCloseNotQualified,
    Integer hotAlertScore,
    boolean agentsSeeUnassigned,
    int staleAfterDays,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final long DEFAULT_QUALIFIED_INCOME = 1_000_000L;
  public static final long DEFAULT_POTENTIAL_INCOME = 500_000L;
  public static final int DEFAULT_STALE_AFTER_DAYS = 14;
  public static final int MIN_STALE_AFTER_DAYS = 1;
  public static final int MAX_STALE_AFTER_DAYS = 365;

  public BrokerLeadConfig {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(brokerId, "brokerId must not be null");
    Objects.requireNonNull(fieldWeights, "fieldWeights must not be null");
    EnumMap<LeadField, Integer> weights = new EnumMap<>(LeadField.class);
    fieldWeights.forEach(
        (field, weight) -> {
          Objects.requireNonNull(field, "field must not be null");
          Objects.requireNonNull(weight, "weight of " + field + " must not be null");
          if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException(
                "weight of " + field.apiValue() + " must be 0..100: " + weight);
          }
          weights.put(field, weight);
        });
    fieldWeights = Collections.unmodifiableMap(weights);
    Objects.requireNonNull(thresholds, "thresholds must not be null");
    Objects.requireNonNull(fieldPriority, "fieldPriority must not be null");
    fieldPriority = List.copyOf(fieldPriority);
    if (new HashSet<>(fieldPriority).size() != fieldPriority.size()) {
      throw new IllegalArgumentException("fieldPriority must not repeat a field: " + fieldPriority);
    }
    Objects.requireNonNull(requiredProfileFields, "requiredProfileFields must not be null");
    if (qualifiedIncome < 0 || potentialIncome < 0) {
      throw new IllegalArgumentException("incomes must not be negative");
    }
    if (potentialIncome > qualifiedIncome) {
      throw new IllegalArgumentException(
          "potentialIncome ("
              + potentialIncome
              + ") must not exceed qualifiedIncome ("
              + qualifiedIncome
              + ")");
    }
    if (acceptableDebt < 0) {
      throw new IllegalArgumentException("acceptableDebt must not be negative: " + acceptableDebt);
    }
    if (hotAlertScore != null && (hotAlertScore < 0 || hotAlertScore > 100)) {
      throw new IllegalArgumentException("hotAlertScore must be 0..100: " + hotAlertScore);
    }
    if (staleAfterDays < MIN_STALE_AFTER_DAYS || staleAfterDays > MAX_STALE_AFTER_DAYS) {
      throw new IllegalArgumentException(
          "staleAfterDays must be "
              + MIN_STALE_AFTER_DAYS
              + ".."
              + MAX_STALE_AFTER_DAYS
              + ": "
              + staleAfterDays);
    }
    Objects.requireNonNull(createdAt, "createdAt must not be null");
    Objects.requireNonNull(updatedAt, "updatedAt must not be null");
  }

  /**
   * Weights name 10, phone 15, email 10, location 15, budget 20, monthly_income 15, dicom_status
   * 15; thresholds 30/69/70; incomes 1,000,000 / 500,000 CLP; debt 0; no auto-close; alert when
   * hot; agents see unassigned leads; stale after 14 days.
   */
  public static BrokerLeadConfig defaults(BrokerId brokerId, Instant now) {
    return new BrokerLeadConfig(
        Ids.newUuid(),
        brokerId,
        defaultFieldWeights(),
        ScoreThresholds.defaults(),
        defaultFieldPriority(),
        RequiredProfileFields.defaults(),
        DEFAULT_QUALIFIED_INCOME,
        DEFAULT_POTENTIAL_INCOME,
        0L,
        false,
        null,
        true,
        DEFAULT_STALE_AFTER_DAYS,
        now,
        now,
        0L);
  }

  /** The seed's weights plus the financial ones; they sum to 100. */
  public static Map<LeadField, Integer> defaultFieldWeights() {
    Map<LeadField, Integer> w = new EnumMap<>(LeadField.class);
    w.put(LeadField.NAME, 10);
    w.put(LeadField.PHONE, 15);
    w.put(LeadField.EMAIL, 10);
    w.put(LeadField.LOCATION, 15);
    w.put(LeadField.BUDGET, 20);
    w.put(LeadField.MONTHLY_INCOME, 15);
    w.put(LeadField.DICOM_STATUS, 15);
    return Collections.unmodifiableMap(w);
  }

  /** Profile first (who, where, what, how much), then contact and timing, finances last. */
  public static List<LeadField> defaultFieldPriority() {
    return List.of(
        LeadField.NAME,
        LeadField.OPERATION,
        LeadField.LOCATION,
        LeadField.PROPERTY_TYPE,
        LeadField.BUDGET,
        LeadField.BEDROOMS,
        LeadField.PHONE,
        LeadField.TIMELINE,
        LeadField.EMAIL,
        LeadField.FINANCING,
        LeadField.MONTHLY_INCOME,
        LeadField.DICOM_STATUS,
        LeadField.DEBT_AMOUNT);
  }

  /** The points a field is worth; 0 when it has no weight. */
  public int weightOf(LeadField field) {
    return fieldWeights.getOrDefault(Objects.requireNonNull(field, "field"), 0);
  }

  public BrokerLeadConfig withScoring(
      Map<LeadField, Integer> newWeights,
      ScoreThresholds newThresholds,
      Integer newHotAlertScore,
      Instant now) {
    return new BrokerLeadConfig(
        id,
        brokerId,
        newWeights,
        newThresholds,
        fieldPriority,
        requiredProfileFields,
        qualifiedIncome,
        potentialIncome,
        acceptableDebt,
        autoCloseNotQualified,
        newHotAlertScore,
        agentsSeeUnassigned,
        staleAfterDays,
        createdAt,
        Objects.requireNonNull(now, "now"),
        version);
  }

  public BrokerLeadConfig withProfiling(
      List<LeadField> newFieldPriority, RequiredProfileFields newRequired, Instant now) {
    return new BrokerLeadConfig(
        id,
        brokerId,
        fieldWeights,
        thresholds,
        newFieldPriority,
        newRequired,
        qualifiedIncome,
        potentialIncome,
        acceptableDebt,
        autoCloseNotQualified,
        hotAlertScore,
        agentsSeeUnassigned,
        staleAfterDays,
        createdAt,
        Objects.requireNonNull(now, "now"),
        version);
  }

  /** A copy with new qualification limits (whole CLP pesos) and auto-close setting. */
  public BrokerLeadConfig withQualification(
      long newQualifiedIncome,
      long newPotentialIncome,
      long newAcceptableDebt,
      boolean newAutoCloseNotQualified,
      Instant now) {
    return new BrokerLeadConfig(
        id,
        brokerId,
        fieldWeights,
        thresholds,
        fieldPriority,
        requiredProfileFields,
        newQualifiedIncome,
        newPotentialIncome,
        newAcceptableDebt,
        newAutoCloseNotQualified,
        hotAlertScore,
        agentsSeeUnassigned,
        staleAfterDays,
        createdAt,
        Objects.requireNonNull(now, "now"),
        version);
  }

  public BrokerLeadConfig withAgentsSeeUnassigned(boolean value, Instant now) {
    return new BrokerLeadConfig(
        id,
        brokerId,
        fieldWeights,
        thresholds,
        fieldPriority,
        requiredProfileFields,
        qualifiedIncome,
        potentialIncome,
        acceptableDebt,
        autoCloseNotQualified,
        hotAlertScore,
        value,
        staleAfterDays,
        createdAt,
        Objects.requireNonNull(now, "now"),
        version);
  }

  /** How long an open lead may go without contact or stage move before it is flagged stale. */
  public Duration staleAfter() {
    return Duration.ofDays(staleAfterDays);
  }
}
