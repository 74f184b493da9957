package io.inmo.adapters.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.lead.DicomStatus;
import io.inmo.domain.lead.Fact;
import io.inmo.domain.lead.Financing;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.lead.Operation;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.lead.Timeline;
import io.inmo.domain.shared.Currency;
import io.inmo.domain.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The facts a model proposed, mapped to domain values one by one: an item that breaks a rule (a
 * negative bedroom count, income in UF, an unknown field) is dropped alone and counted, the others
 * stand. Each fact goes through the {@link LeadFacts} constructor, so the domain's rules decide.
 *
 * @param name as written, else null
 * @param phone as written (at least 8 digits), else null
 * @param email as written, else null
 * @param dropped how many proposed items were dropped
 */
record ProposedFacts(String name, String phone, String email, LeadFacts facts, int dropped) {
  static final int MAX_CONTACT_LENGTH = 254;
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
  private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,2})?");
  private static final Pattern INTEGER = Pattern.compile("\\d{1,3}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /**
   * Maps the {@code facts} array of a model's output.
   *
   * @param sources the source id of each numbered message or line (index 0 = number 1); an
   *     out-of-range number takes the last one
   */
  static ProposedFacts from(JsonNode items, List<String> sources) {
    String name = null;
    String phone = null;
    String email = null;
    LeadFacts.Builder facts = LeadFacts.builder();
    int dropped = 0;
    for (JsonNode item : items) {
      try {
        LeadField field = LeadField.fromApiValue(text(item, "field"));
        String value = text(item, "value").strip();
        if (value.isEmpty()) {
          throw new IllegalArgumentException("empty value");
        }
        String currency = item.path("currency").asText("none").toLowerCase(Locale.ROOT);
        String source = source(item.path("source"), sources);
        switch (field) {
          case NAME -> name = contact(value, Lead.MAX_NAME_LENGTH);
          case PHONE -> phone = phone(value);
          case EMAIL -> email = email(value);
          default -> put(facts, field, value, currency, source);
        }
      } catch (IllegalArgumentException | NullPointerException e) {
        dropped++; // an invalid proposal is dropped alone; its value is never logged
      }
    }
    return new ProposedFacts(name, phone, email, facts.build(), dropped);
  }

  private static void put(
      LeadFacts.Builder facts, LeadField field, String value, String currency, String source) {
    // First alone, so only the broken fact is dropped: the LeadFacts constructor checks it.
    apply(LeadFacts.builder(), field, value, currency, source).build();
    apply(facts, field, value, currency, source);
  }

  private static LeadFacts.Builder apply(
      LeadFacts.Builder b, LeadField field, String value, String currency, String source) {
    return switch (field) {
      case LOCATION -> b.location(Fact.of(value, source));
      case OPERATION -> b.operation(Fact.of(Operation.fromApiValue(value), source));
      case PROPERTY_TYPE -> b.propertyType(Fact.of(PropertyType.fromApiValue(value), source));
      case BEDROOMS -> b.bedrooms(Fact.of(integer(value), source));
      case BATHROOMS -> b.bathrooms(Fact.of(integer(value), source));
      case PARKING -> b.parking(Fact.of(integer(value), source));
      case INTEREST_LEVEL -> b.interestLevel(Fact.of(integer(value), source));
      case BUDGET -> b.budget(Fact.of(money(value, currency), source));
      case MONTHLY_INCOME -> b.monthlyIncome(Fact.of(money(value, currency), source));
      case DEBT_AMOUNT -> b.debtAmount(Fact.of(money(value, currency), source));
      case DICOM_STATUS -> b.dicomStatus(Fact.of(DicomStatus.fromApiValue(value), source));
      case TIMELINE -> b.timeline(Fact.of(Timeline.fromApiValue(value), source));
      case FINANCING -> b.financing(Fact.of(Financing.fromApiValue(value), source));
      case NAME, PHONE, EMAIL -> throw new IllegalArgumentException("contact field");
    };
  }

  private static String text(JsonNode item, String property) {
    JsonNode n = item.get(property);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(property + " must be a string");
    }
    return n.asText();
  }

  private static String source(JsonNode n, List<String> sources) {
    if (sources.isEmpty()) {
      return null;
    }
    int i = n.canConvertToInt() ? n.asInt() : sources.size();
    return i >= 1 && i <= sources.size() ? sources.get(i - 1) : sources.getLast();
  }

  private static int integer(String value) {
    if (!INTEGER.matcher(value).matches()) {
      throw new IllegalArgumentException("not a whole number");
    }
    return Integer.parseInt(value);
  }

  /** "4500", "4.500" (grouped thousands), "4500,5" or "4500.5"; the currency must be given. */
  static Money money(String value, String currency) {
    Currency c =
        switch (currency) {
          case "clp" -> Currency.CLP;
          case "uf" -> Currency.UF;
          default -> throw new IllegalArgumentException("an amount needs clp or uf");
        };
    String v = value.replace(" ", "").replace("$", "");
    if (GROUPED.matcher(v).matches()) {
      v = v.replace(".", "");
    } else if (v.indexOf('.') < 0) {
      v = v.replace(',', '.');
    }
    if (!AMOUNT.matcher(v).matches()) {
      throw new IllegalArgumentException("not an amount");
    }
    return new Money(new BigDecimal(v), c);
  }

  private static String contact(String value, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException("too long");
    }
    return value;
  }

  private static String phone(String value) {
    long digits = value.chars().filter(Character::isDigit).count();
    if (digits < 8 || digits > 15 || value.length() > 30) {
      throw new IllegalArgumentException("not a phone");
    }
    return value;
  }

  private static String email(String value) {
    if (value.length() > MAX_CONTACT_LENGTH || !EMAIL.matcher(value).matches()) {
      throw new IllegalArgumentException("not an e-mail");
    }
    return value;
  }
}
