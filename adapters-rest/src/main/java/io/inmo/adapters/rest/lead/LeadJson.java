package io.inmo.adapters.rest.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.application.port.in.lead.LeadView;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.lead.DicomStatus;
import io.inmo.domain.lead.Fact;
import io.inmo.domain.lead.Financing;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.lead.Operation;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.lead.Timeline;
import io.inmo.domain.shared.Currency;
import io.inmo.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON shapes of a lead (§4, §15): facts in camelCase with lower-snake-case enum values and
 * money as {@code {amount, currency}}. Reading throws {@link IllegalArgumentException} with a
 * Spanish message naming the field, which the resource answers as 400.
 */
public final class LeadJson {
  private static final Map<String, LeadField> FACT_KEYS = new LinkedHashMap<>();

  static {
    FACT_KEYS.put("location", LeadField.LOCATION);
    FACT_KEYS.put("operation", LeadField.OPERATION);
    FACT_KEYS.put("propertyType", LeadField.PROPERTY_TYPE);
    FACT_KEYS.put("bedrooms", LeadField.BEDROOMS);
    FACT_KEYS.put("bathrooms", LeadField.BATHROOMS);
    FACT_KEYS.put("parking", LeadField.PARKING);
    FACT_KEYS.put("budget", LeadField.BUDGET);
    FACT_KEYS.put("monthlyIncome", LeadField.MONTHLY_INCOME);
    FACT_KEYS.put("dicomStatus", LeadField.DICOM_STATUS);
    FACT_KEYS.put("debtAmount", LeadField.DEBT_AMOUNT);
    FACT_KEYS.put("timeline", LeadField.TIMELINE);
    FACT_KEYS.put("interestLevel", LeadField.INTEREST_LEVEL);
    FACT_KEYS.put("financing", LeadField.FINANCING);
  }

  private LeadJson() {}

  /**
   * Facts given ({@code set}) and facts set to null ({@code cleared}) in a {@code facts} object.
   */
  record FactsInput(LeadFacts set, Set<LeadField> cleared) {}

  static FactsInput facts(JsonNode node) {
    if (node == null || node.isNull()) {
      return new FactsInput(LeadFacts.empty(), Set.of());
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("facts debe ser un objeto");
    }
    LeadFacts.Builder b = LeadFacts.builder();
    Set<LeadField> cleared = EnumSet.noneOf(LeadField.class);
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String key = entry.getKey();
      LeadField field = FACT_KEYS.get(key);
      if (field == null) {
        throw new IllegalArgumentException(
            "facts."
                + key
                + " no es un dato conocido; usa: "
                + String.join(", ", FACT_KEYS.keySet()));
      }
      JsonNode value = entry.getValue();
      if (value.isNull()) {
        cleared.add(field);
        continue;
      }
      String name = "facts." + key;
      switch (field) {
        case LOCATION -> b.location(Fact.of(text(value, name)));
        case OPERATION -> b.operation(Fact.of(enumValue(value, name, Operation::fromApiValue)));
        case PROPERTY_TYPE ->
            b.propertyType(Fact.of(enumValue(value, name, PropertyType::fromApiValue)));
        case BEDROOMS -> b.bedrooms(Fact.of(integer(value, name, 0, LeadFacts.MAX_ROOMS)));
        case BATHROOMS -> b.bathrooms(Fact.of(integer(value, name, 0, LeadFacts.MAX_ROOMS)));
        case PARKING -> b.parking(Fact.of(integer(value, name, 0, LeadFacts.MAX_ROOMS)));
        case BUDGET -> b.budget(Fact.of(money(value, name, null)));
        case MONTHLY_INCOME -> b.monthlyIncome(Fact.of(money(value, name, Currency.CLP)));
        case DICOM_STATUS ->
            b.dicomStatus(Fact.of(enumValue(value, name, DicomStatus::fromApiValue)));
        case DEBT_AMOUNT -> b.debtAmount(Fact.of(money(value, name, Currency.CLP)));
        case TIMELINE -> b.timeline(Fact.of(enumValue(value, name, Timeline::fromApiValue)));
        case INTEREST_LEVEL -> b.interestLevel(Fact.of(integer(value, name, 1, 10)));
        case FINANCING -> b.financing(Fact.of(enumValue(value, name, Financing::fromApiValue)));
        default -> throw new IllegalStateException("not a fact: " + field);
      }
    }
    return new FactsInput(b.build(), cleared);
  }

  /** {@code {"location": "Ñuñoa", "budget": {"amount": 5000, "currency": "UF"}, …}}. */
  static Map<String, Object> facts(LeadFacts facts) {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "location", facts.location(), v -> v);
    put(out, "operation", facts.operation(), Operation::apiValue);
    put(out, "propertyType", facts.propertyType(), PropertyType::apiValue);
    put(out, "bedrooms", facts.bedrooms(), v -> v);
    put(out, "bathrooms", facts.bathrooms(), v -> v);
    put(out, "parking", facts.parking(), v -> v);
    put(out, "budget", facts.budget(), LeadJson::money);
    put(out, "monthlyIncome", facts.monthlyIncome(), LeadJson::money);
    put(out, "dicomStatus", facts.dicomStatus(), DicomStatus::apiValue);
    put(out, "debtAmount", facts.debtAmount(), LeadJson::money);
    put(out, "timeline", facts.timeline(), Timeline::apiValue);
    put(out, "interestLevel", facts.interestLevel(), v -> v);
    put(out, "financing", facts.financing(), Financing::apiValue);
    return out;
  }

  private static <T> void put(
      Map<String, Object> out, String key, Fact<T> fact, Function<T, Object> value) {
    if (fact != null) {
      out.put(key, value.apply(fact.value()));
    }
  }

  private static Map<String, Object> money(Money money) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("amount", money.amount());
    out.put("currency", money.currency().name());
    return out;
  }

  static String text(JsonNode value, String name) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException(name + " debe ser texto");
    }
    return value.asText();
  }

  /** A text field: absent → null, JSON null → empty optional is the caller's business. */
  static String optionalText(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : text(value, name);
  }

  static List<String> tags(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("tags debe ser una lista de textos");
    }
    List<String> tags = new ArrayList<>();
    node.forEach(tag -> tags.add(text(tag, "tags[]")));
    return tags;
  }

  private static <E> E enumValue(JsonNode value, String name, Function<String, E> parse) {
    String text = text(value, name);
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": valor desconocido «" + abbreviate(text) + "»");
    }
  }

  private static int integer(JsonNode value, String name, int min, int max) {
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      throw new IllegalArgumentException(name + " debe ser un entero entre " + min + " y " + max);
    }
    return value.asInt();
  }

  /** {@code {"amount": 5000, "currency": "UF"}}; {@code fixed} forces (and defaults) a currency. */
  private static Money money(JsonNode value, String name, Currency fixed) {
    if (!value.isObject() || !value.path("amount").isNumber()) {
      throw new IllegalArgumentException(
          name + " debe ser {\"amount\": número, \"currency\": \"CLP\"|\"UF\"}");
    }
    BigDecimal amount = value.get("amount").decimalValue();
    JsonNode currencyNode = value.get("currency");
    Currency currency;
    if (currencyNode == null || currencyNode.isNull()) {
      if (fixed == null) {
        throw new IllegalArgumentException(name + ".currency es obligatorio (CLP o UF)");
      }
      currency = fixed;
    } else {
      String c = text(currencyNode, name + ".currency");
      try {
        currency = Currency.valueOf(c.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ".currency debe ser CLP o UF");
      }
    }
    if (fixed != null && currency != fixed) {
      throw new IllegalArgumentException(name + " se expresa en " + fixed);
    }
    try {
      return new Money(amount, currency);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name + ": monto no válido (no negativo; CLP sin decimales, UF con hasta dos)");
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  /** The lead as the API shows it; null fields are left out by the JSON dialect. */
  public record LeadResponse(
      String id,
      String name,
      String phone,
      String email,
      String status,
      int score,
      List<ScoreComponentResponse> scoreComponents,
      String qualification,
      String stage,
      Instant stageEnteredAt,
      String assignedTo,
      Map<String, Object> facts,
      boolean sensitiveFactsHidden,
      List<String> tags,
      String notes,
      List<IdentityResponse> identities,
      String closeReason,
      String closeDetail,
      Instant closedAt,
      String closedFromStage,
      Instant optedOutAt,
      Instant lastContactedAt,
      Instant nextActionAt,
      Instant staleSince,
      Instant createdAt,
      Instant updatedAt) {
    static LeadResponse of(LeadView lead) {
      return new LeadResponse(
          lead.id().value().toString(),
          lead.name(),
          lead.phone() == null ? null : lead.phone().value(),
          lead.email() == null ? null : lead.email().value(),
          lead.status().apiValue(),
          lead.score(),
          lead.scoreComponents().stream()
              .map(c -> new ScoreComponentResponse(c.factor(), c.points(), c.reason()))
              .toList(),
          lead.qualification() == null ? null : lead.qualification().name(),
          lead.stage().apiValue(),
          lead.stageEnteredAt(),
          lead.assignedTo() == null ? null : lead.assignedTo().value().toString(),
          LeadJson.facts(lead.facts()),
          !lead.sensitiveVisible(),
          List.copyOf(lead.tags()),
          lead.notes(),
          lead.identities().stream()
              .map(i -> new IdentityResponse(i.channel().apiValue(), i.value()))
              .toList(),
          lead.closeReason() == null ? null : lead.closeReason().code(),
          lead.closeReason() == null ? null : lead.closeReason().detail(),
          lead.closedAt(),
          lead.closedFromStage() == null ? null : lead.closedFromStage().apiValue(),
          lead.optedOutAt(),
          lead.lastContactedAt(),
          lead.nextActionAt(),
          lead.staleSince(),
          lead.createdAt(),
          lead.updatedAt());
    }
  }

  public record ScoreComponentResponse(String factor, int points, String reason) {}

  public record IdentityResponse(String channel, String value) {}
}
