package io.inmo.domain.lead;

import io.inmo.domain.broker.LeadField;
import io.inmo.domain.shared.Currency;
import io.inmo.domain.shared.Money;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What is known about a lead's search and finances (PRODUCT §4), each fact with its source message;
 * a null component is unknown. Income, DICOM status and debt are sensitive: stored encrypted and
 * shown only to admins and the assigned agent.
 *
 * @param location comuna or city, 1..100 chars
 * @param bedrooms 0..20
 * @param bathrooms 0..20
 * @param parking 0..20
 * @param budget CLP or UF
 * @param monthlyIncome CLP only (sensitive)
 * @param dicomStatus sensitive
 * @param debtAmount CLP only (sensitive)
 * @param interestLevel 1..10
 */
public record LeadFacts(
    Fact<String> location,
    Fact<Operation> operation,
    Fact<PropertyType> propertyType,
    Fact<Integer> bedrooms,
    Fact<Integer> bathrooms,
    Fact<Integer> parking,
    Fact<Money> budget,
    Fact<Money> monthlyIncome,
    Fact<DicomStatus> dicomStatus,
    Fact<Money> debtAmount,
    Fact<Timeline> timeline,
    Fact<Integer> interestLevel,
    Fact<Financing> financing) {

  public static final int MAX_LOCATION_LENGTH = 100;
  public static final int MAX_ROOMS = 20;

  private static final LeadFacts EMPTY =
      new LeadFacts(null, null, null, null, null, null, null, null, null, null, null, null, null);
  private static final Set<LeadField> SENSITIVE =
      EnumSet.of(LeadField.MONTHLY_INCOME, LeadField.DICOM_STATUS, LeadField.DEBT_AMOUNT);

  public LeadFacts {
    if (location != null) {
      String l = location.value().strip();
      if (l.isEmpty() || l.length() > MAX_LOCATION_LENGTH) {
        throw new IllegalArgumentException("location must be 1.." + MAX_LOCATION_LENGTH + " chars");
      }
      location = new Fact<>(l, location.sourceMessageId());
    }
    checkRange("bedrooms", bedrooms, 0, MAX_ROOMS);
    checkRange("bathrooms", bathrooms, 0, MAX_ROOMS);
    checkRange("parking", parking, 0, MAX_ROOMS);
    checkRange("interestLevel", interestLevel, 1, 10);
    checkClp("monthlyIncome", monthlyIncome);
    checkClp("debtAmount", debtAmount);
  }

  /** Nothing known. */
  public static LeadFacts empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether a field is sensitive: monthly income, DICOM status, debt amount. */
  public static boolean isSensitive(LeadField field) {
    return SENSITIVE.contains(Objects.requireNonNull(field, "field"));
  }

  /** These facts overlaid with {@code newer}: every fact {@code newer} knows wins. */
  public LeadFacts merge(LeadFacts newer) {
    Objects.requireNonNull(newer, "newer");
    return new LeadFacts(
        pick(newer.location, location),
        pick(newer.operation, operation),
        pick(newer.propertyType, propertyType),
        pick(newer.bedrooms, bedrooms),
        pick(newer.bathrooms, bathrooms),
        pick(newer.parking, parking),
        pick(newer.budget, budget),
        pick(newer.monthlyIncome, monthlyIncome),
        pick(newer.dicomStatus, dicomStatus),
        pick(newer.debtAmount, debtAmount),
        pick(newer.timeline, timeline),
        pick(newer.interestLevel, interestLevel),
        pick(newer.financing, financing));
  }

  /**
   * The fact stored for a field, or null when unknown. Contact fields (name, phone, e-mail) are
   * lead columns, not facts: always null here (see {@code Lead.has}).
   */
  public Fact<?> fact(LeadField field) {
    return switch (Objects.requireNonNull(field, "field")) {
      case NAME, PHONE, EMAIL -> null;
      case LOCATION -> location;
      case OPERATION -> operation;
      case PROPERTY_TYPE -> propertyType;
      case BEDROOMS -> bedrooms;
      case BATHROOMS -> bathrooms;
      case PARKING -> parking;
      case BUDGET -> budget;
      case MONTHLY_INCOME -> monthlyIncome;
      case DICOM_STATUS -> dicomStatus;
      case DEBT_AMOUNT -> debtAmount;
      case TIMELINE -> timeline;
      case INTEREST_LEVEL -> interestLevel;
      case FINANCING -> financing;
    };
  }

  /** Whether the fact for a field is known; false for contact fields (name, phone, e-mail). */
  public boolean has(LeadField field) {
    return fact(field) != null;
  }

  /** The fields with a known fact. */
  public Set<LeadField> knownFields() {
    Set<LeadField> known = EnumSet.noneOf(LeadField.class);
    for (LeadField f : LeadField.values()) {
      if (has(f)) {
        known.add(f);
      }
    }
    return known;
  }

  public boolean isEmpty() {
    return equals(EMPTY);
  }

  /** A copy that no longer knows the given fields; contact fields are ignored. */
  public LeadFacts without(Set<LeadField> fields) {
    Builder b = toBuilder();
    for (LeadField field : Objects.requireNonNull(fields, "fields")) {
      switch (Objects.requireNonNull(field, "field")) {
        case NAME, PHONE, EMAIL -> {}
        case LOCATION -> b.location(null);
        case OPERATION -> b.operation(null);
        case PROPERTY_TYPE -> b.propertyType(null);
        case BEDROOMS -> b.bedrooms(null);
        case BATHROOMS -> b.bathrooms(null);
        case PARKING -> b.parking(null);
        case BUDGET -> b.budget(null);
        case MONTHLY_INCOME -> b.monthlyIncome(null);
        case DICOM_STATUS -> b.dicomStatus(null);
        case DEBT_AMOUNT -> b.debtAmount(null);
        case TIMELINE -> b.timeline(null);
        case INTEREST_LEVEL -> b.interestLevel(null);
        case FINANCING -> b.financing(null);
      }
    }
    return b.build();
  }

  /** A copy without income, DICOM status and debt (what goes to {@code lead_metadata}). */
  public LeadFacts withoutSensitive() {
    return toBuilder().monthlyIncome(null).dicomStatus(null).debtAmount(null).build();
  }

  /** Only income, DICOM status and debt (what goes, encrypted, to {@code sensitive_metadata}). */
  public LeadFacts sensitiveOnly() {
    return builder()
        .monthlyIncome(monthlyIncome)
        .dicomStatus(dicomStatus)
        .debtAmount(debtAmount)
        .build();
  }

  private static <T> Fact<T> pick(Fact<T> newer, Fact<T> older) {
    return newer != null ? newer : older;
  }

  private static void checkRange(String name, Fact<Integer> fact, int min, int max) {
    if (fact != null && (fact.value() < min || fact.value() > max)) {
      throw new IllegalArgumentException(
          name + " must be " + min + ".." + max + ": " + fact.value());
    }
  }

  private static void checkClp(String name, Fact<Money> fact) {
    if (fact != null && fact.value().currency() != Currency.CLP) {
      throw new IllegalArgumentException(name + " must be in CLP: " + fact.value().currency());
    }
  }

  /** Builds {@link LeadFacts}; a null fact means unknown. */
  public static final class Builder {
    private Fact<String> location;
    private Fact<Operation> operation;
    private Fact<PropertyType> propertyType;
    private Fact<Integer> bedrooms;
    private Fact<Integer> bathrooms;
    private Fact<Integer> parking;
    private Fact<Money> budget;
    private Fact<Money> monthlyIncome;
    private Fact<DicomStatus> dicomStatus;
    private Fact<Money> debtAmount;
    private Fact<Timeline> timeline;
    private Fact<Integer> interestLevel;
    private Fact<Financing> financing;

    private Builder() {}

    private Builder(LeadFacts f) {
      location = f.location;
      operation = f.operation;
      propertyType = f.propertyType;
      bedrooms = f.bedrooms;
      bathrooms = f.bathrooms;
      parking = f.parking;
      budget = f.budget;
      monthlyIncome = f.monthlyIncome;
      dicomStatus = f.dicomStatus;
      debtAmount = f.debtAmount;
      timeline = f.timeline;
      interestLevel = f.interestLevel;
      financing = f.financing;
    }

    public Builder location(Fact<String> v) {
      location = v;
      return this;
    }

    public Builder operation(Fact<Operation> v) {
      operation = v;
      return this;
    }

    public Builder propertyType(Fact<PropertyType> v) {
      propertyType = v;
      return this;
    }

    public Builder bedrooms(Fact<Integer> v) {
      bedrooms = v;
      return this;
    }

    public Builder bathrooms(Fact<Integer> v) {
      bathrooms = v;
      return this;
    }

    public Builder parking(Fact<Integer> v) {
      parking = v;
      return this;
    }

    public Builder budget(Fact<Money> v) {
      budget = v;
      return this;
    }

    public Builder monthlyIncome(Fact<Money> v) {
      monthlyIncome = v;
      return this;
    }

    public Builder dicomStatus(Fact<DicomStatus> v) {
      dicomStatus = v;
      return this;
    }

    public Builder debtAmount(Fact<Money> v) {
      debtAmount = v;
      return this;
    }

    public Builder timeline(Fact<Timeline> v) {
      timeline = v;
      return this;
    }

    public Builder interestLevel(Fact<Integer> v) {
      interestLevel = v;
      return this;
    }

    public Builder financing(Fact<Financing> v) {
      financing = v;
      return this;
    }

    public LeadFacts build() {
      return new LeadFacts(
          location,
          operation,
          propertyType,
          bedrooms,
          bathrooms,
          parking,
          budget,
          monthlyIncome,
          dicomStatus,
          debtAmount,
          timeline,
          interestLevel,
          financing);
    }
  }
}
