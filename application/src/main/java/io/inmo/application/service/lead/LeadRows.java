package io.inmo.application.service.lead;

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
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Lead ↔ table row, for CSV import and export ({@code LeadTransferUseCase.COLUMNS}). Reading is
 * forgiving the way brokers' spreadsheets are: Spanish words for enums ({@code Casa}, {@code
 * arriendo}, {@code contado}), Chilean number spelling ({@code 120.000.000}, {@code 3.500,5}), and
 * a budget without currency is read as UF below 100,000 and as pesos above.
 */
final class LeadRows {
  /** Below this a budget without currency is in UF: no one buys or rents for 100,000 pesos. */
  static final BigDecimal UF_BELOW = BigDecimal.valueOf(100_000);

  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
  private static final Pattern DIACRITICS = Pattern.compile("\\p{M}");

  private LeadRows() {}

  /** The facts a row holds, with one message per bad column in {@code errors}. */
  static LeadFacts facts(Map<String, String> row, List<String> errors) {
    LeadFacts.Builder b = LeadFacts.builder();
    read(row, "location", errors, v -> b.location(Fact.of(v)));
    read(row, "operation", errors, v -> b.operation(Fact.of(operation(v))));
    read(row, "propertyType", errors, v -> b.propertyType(Fact.of(propertyType(v))));
    read(row, "bedrooms", errors, v -> b.bedrooms(Fact.of(count(v))));
    read(row, "bathrooms", errors, v -> b.bathrooms(Fact.of(count(v))));
    read(row, "parking", errors, v -> b.parking(Fact.of(count(v))));
    read(row, "budget", errors, v -> b.budget(Fact.of(budget(v, row.get("budgetCurrency")))));
    read(row, "monthlyIncome", errors, v -> b.monthlyIncome(Fact.of(pesos(v))));
    read(row, "dicomStatus", errors, v -> b.dicomStatus(Fact.of(dicom(v))));
    read(row, "debtAmount", errors, v -> b.debtAmount(Fact.of(pesos(v))));
    read(row, "timeline", errors, v -> b.timeline(Fact.of(Timeline.fromApiValue(key(v)))));
    read(row, "interestLevel", errors, v -> b.interestLevel(Fact.of(count(v))));
    read(row, "financing", errors, v -> b.financing(Fact.of(financing(v))));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
      return LeadFacts.empty();
    }
  }

  /** The row of a lead, in {@code columns} order; unknown values are empty strings. */
  static List<String> row(Lead lead, List<String> columns, Function<String, String> userLabel) {
    LeadFacts f = lead.facts();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("id", lead.id().value().toString());
    values.put("name", lead.name());
    values.put("phone", lead.phone() == null ? null : lead.phone().value());
    values.put("email", lead.email() == null ? null : lead.email().value());
    values.put("status", lead.status().apiValue());
    values.put("score", Integer.toString(lead.score().value()));
    values.put("stage", lead.stage().apiValue());
    values.put(
        "assignedTo",
        lead.assignedTo() == null ? null : userLabel.apply(lead.assignedTo().value().toString()));
    values.put("tags", String.join("; ", lead.tags()));
    values.put("notes", lead.notes());
    values.put("location", text(f.location()));
    values.put("operation", f.operation() == null ? null : f.operation().value().apiValue());
    values.put(
        "propertyType", f.propertyType() == null ? null : f.propertyType().value().apiValue());
    values.put("bedrooms", text(f.bedrooms()));
    values.put("bathrooms", text(f.bathrooms()));
    values.put("parking", text(f.parking()));
    values.put("budget", f.budget() == null ? null : f.budget().value().amount().toPlainString());
    values.put("budgetCurrency", f.budget() == null ? null : f.budget().value().currency().name());
    values.put(
        "monthlyIncome",
        f.monthlyIncome() == null ? null : f.monthlyIncome().value().amount().toPlainString());
    values.put("dicomStatus", f.dicomStatus() == null ? null : f.dicomStatus().value().apiValue());
    values.put(
        "debtAmount",
        f.debtAmount() == null ? null : f.debtAmount().value().amount().toPlainString());
    values.put("timeline", f.timeline() == null ? null : f.timeline().value().apiValue());
    values.put("interestLevel", text(f.interestLevel()));
    values.put("financing", f.financing() == null ? null : f.financing().value().apiValue());
    values.put("createdAt", time(lead.createdAt()));
    values.put("updatedAt", time(lead.updatedAt()));
    values.put("lastContactedAt", time(lead.lastContactedAt()));
    List<String> row = new ArrayList<>(columns.size());
    for (String column : columns) {
      String value = values.get(column);
      row.add(value == null ? "" : value);
    }
    return row;
  }

  private static void read(
      Map<String, String> row,
      String column,
      List<String> errors,
      java.util.function.Consumer<String> sink) {
    String value = row.get(column);
    if (value == null || value.isBlank()) {
      return;
    }
    try {
      sink.accept(value.strip());
    } catch (IllegalArgumentException e) {
      errors.add(column + ": valor no válido «" + abbreviate(value.strip()) + "»");
    }
  }

  static Operation operation(String value) {
    return switch (key(value)) {
      case "buy", "compra", "comprar", "venta" -> Operation.BUY;
      case "rent", "arriendo", "arrendar", "alquiler" -> Operation.RENT;
      default -> throw new IllegalArgumentException(value);
    };
  }

  static PropertyType propertyType(String value) {
    return switch (key(value)) {
      case "house", "casa" -> PropertyType.HOUSE;
      case "apartment", "departamento", "depto", "dpto" -> PropertyType.APARTMENT;
      case "office", "oficina" -> PropertyType.OFFICE;
      case "land", "terreno", "parcela", "sitio" -> PropertyType.LAND;
      case "other", "otro", "otra" -> PropertyType.OTHER;
      default -> throw new IllegalArgumentException(value);
    };
  }

  static DicomStatus dicom(String value) {
    return switch (key(value)) {
      case "clean", "limpio", "sin_dicom", "sin_deudas" -> DicomStatus.CLEAN;
      case "has_debt", "con_deuda", "en_dicom", "dicom" -> DicomStatus.HAS_DEBT;
      case "unknown", "no_se", "desconocido" -> DicomStatus.UNKNOWN;
      default -> throw new IllegalArgumentException(value);
    };
  }

  static Financing financing(String value) {
    return switch (key(value)) {
      case "mortgage", "credito_hipotecario", "credito", "hipotecario" -> Financing.MORTGAGE;
      case "cash", "contado", "al_contado" -> Financing.CASH;
      case "subsidy", "subsidio" -> Financing.SUBSIDY;
      case "unknown", "no_se", "desconocido" -> Financing.UNKNOWN;
      default -> throw new IllegalArgumentException(value);
    };
  }

  static int count(String value) {
    return Integer.parseInt(value.strip());
  }

  /** A budget: the currency column when given, else UF below 100,000 and pesos above. */
  static Money budget(String value, String currency) {
    BigDecimal amount = amount(value);
    Currency c;
    if (currency == null || currency.isBlank()) {
      c = amount.compareTo(UF_BELOW) < 0 ? Currency.UF : Currency.CLP;
    } else {
      c =
          switch (key(currency)) {
            case "clp", "$", "pesos" -> Currency.CLP;
            case "uf" -> Currency.UF;
            default -> throw new IllegalArgumentException(currency);
          };
    }
    return new Money(amount, c);
  }

  static Money pesos(String value) {
    return new Money(amount(value), Currency.CLP);
  }

  /**
   * A non-negative amount as Chileans write it: {@code 1.500.000} (dots for thousands), {@code
   * 3500,5} (comma for decimals), {@code $ 800000}, {@code 1500000.00}.
   */
  static BigDecimal amount(String value) {
    String v = value.strip().replace("$", "").replace(" ", "").replace("\u00a0", "");
    if (v.contains(",")) {
      v = v.replace(".", "").replace(',', '.');
    } else if (THOUSANDS.matcher(v).matches()) {
      v = v.replace(".", "");
    }
    BigDecimal amount = new BigDecimal(v);
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("negative");
    }
    return amount.stripTrailingZeros().scale() < 0
        ? amount.setScale(0)
        : amount.stripTrailingZeros();
  }

  /** Lower case, no accents, spaces as underscores: {@code Crédito hipotecario} → key form. */
  static String key(String value) {
    String folded =
        DIACRITICS
            .matcher(Normalizer.normalize(value.strip(), Normalizer.Form.NFD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    return folded.replaceAll("[\\s-]+", "_");
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  private static String text(Fact<?> fact) {
    return fact == null ? null : String.valueOf(fact.value());
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
