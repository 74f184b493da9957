package io.inmo.domain.lead;

import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.scoring.Engagement;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.scoring.ScoreComponent;
import io.inmo.domain.scoring.ScoreResult;
import io.inmo.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** {@link ScoringPolicy#forBroker}: the rules are documented on {@link ScoringPolicy}. */
final class WeightedScoringPolicy implements ScoringPolicy {
  private static final ScoreResult OPTED_OUT =
      new ScoreResult(
          LeadScore.ZERO, List.of(new ScoreComponent(Lead.OPT_OUT_FACTOR, 0, Lead.OPT_OUT_REASON)));

  private final BrokerLeadConfig config;

  WeightedScoringPolicy(BrokerLeadConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public ScoreResult score(Lead lead, Engagement engagement, Instant now) {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(engagement, "engagement");
    Objects.requireNonNull(now, "now");
    if (lead.isOptedOut()) {
      return OPTED_OUT;
    }
    List<ScoreComponent> components = new ArrayList<>();
    for (LeadField field : LeadField.values()) {
      int weight = config.weightOf(field);
      if (weight > 0 && lead.has(field)) {
        components.add(fieldComponent(field, weight, lead.facts()));
      }
    }
    ScoreComponent engaged = engagementComponent(lead, engagement, now);
    if (engaged != null) {
      components.add(engaged);
    }
    int points = components.stream().mapToInt(ScoreComponent::points).sum();
    // ScoreComponent points stop at -100: a larger excess takes several cap lines
    for (int excess = points - LeadScore.MAX; excess > 0; excess -= 100) {
      int cut = Math.min(excess, 100);
      components.add(
          new ScoreComponent(
              CAP_FACTOR,
              -cut,
              "Puntaje máximo " + LeadScore.MAX + ": se descuentan " + cut + " puntos"));
    }
    return new ScoreResult(LeadScore.clamped(points), components);
  }

  private ScoreComponent fieldComponent(LeadField field, int weight, LeadFacts facts) {
    return switch (field) {
      case MONTHLY_INCOME -> incomeComponent(weight, facts.monthlyIncome().value());
      case DICOM_STATUS -> dicomComponent(weight, facts.dicomStatus().value(), facts.debtAmount());
      default -> new ScoreComponent(field.apiValue(), weight, knownReason(field));
    };
  }

  private ScoreComponent incomeComponent(int weight, Money income) {
    String factor = LeadField.MONTHLY_INCOME.apiValue();
    BigDecimal amount = income.amount();
    long qualified = config.qualifiedIncome();
    long potential = config.potentialIncome();
    if (amount.compareTo(BigDecimal.valueOf(qualified)) >= 0) {
      return new ScoreComponent(
          factor, weight, "Ingreso mensual ≥ " + clp(qualified) + ": puntaje completo");
    }
    if (amount.compareTo(BigDecimal.valueOf(potential)) >= 0) {
      return new ScoreComponent(
          factor,
          weight / 2,
          "Ingreso mensual ≥ " + clp(potential) + " y < " + clp(qualified) + ": medio puntaje");
    }
    return new ScoreComponent(factor, 0, "Ingreso mensual < " + clp(potential) + ": sin puntaje");
  }

  private ScoreComponent dicomComponent(int weight, DicomStatus status, Fact<Money> debt) {
    String factor = LeadField.DICOM_STATUS.apiValue();
    long acceptable = config.acceptableDebt();
    return switch (status) {
      case CLEAN -> new ScoreComponent(factor, weight, "DICOM sin deudas: puntaje completo");
      case UNKNOWN -> new ScoreComponent(factor, 0, "Estado DICOM desconocido: sin puntaje");
      case HAS_DEBT -> {
        if (debt == null) {
          yield new ScoreComponent(factor, 0, "DICOM con deudas de monto desconocido: sin puntaje");
        }
        if (debt.value().amount().compareTo(BigDecimal.valueOf(acceptable)) <= 0) {
          yield new ScoreComponent(
              factor,
              weight / 2,
              "DICOM con deudas dentro de lo aceptable (≤ " + clp(acceptable) + "): medio puntaje");
        }
        yield new ScoreComponent(
            factor,
            0,
            "DICOM con deudas sobre lo aceptable (> " + clp(acceptable) + "): sin puntaje");
      }
    };
  }

  private static ScoreComponent engagementComponent(Lead lead, Engagement engagement, Instant now) {
    int points = 0;
    List<String> why = new ArrayList<>();
    if (engagement.inboundReplies() >= MIN_REPLIES) {
      points += REPLIES_POINTS;
      why.add("respondió " + engagement.inboundReplies() + " veces (+" + REPLIES_POINTS + ")");
    }
    if (engagement.medianReplyDelay() != null
        && engagement.medianReplyDelay().compareTo(FAST_REPLY) <= 0) {
      points += FAST_REPLY_POINTS;
      why.add(
          "responde rápido, mediana ≤ "
              + FAST_REPLY.toMinutes()
              + " min (+"
              + FAST_REPLY_POINTS
              + ")");
    }
    Instant last = latest(lead.lastContactedAt(), engagement.lastInboundAt());
    if (last != null && !last.isBefore(now.minus(RECENT_CONTACT))) {
      points += RECENT_CONTACT_POINTS;
      why.add(
          "contacto en los últimos "
              + RECENT_CONTACT.toDays()
              + " días (+"
              + RECENT_CONTACT_POINTS
              + ")");
    }
    if (points == 0) {
      return null;
    }
    return new ScoreComponent(ENGAGEMENT_FACTOR, points, "Interacción: " + String.join("; ", why));
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static String knownReason(LeadField field) {
    return switch (field) {
      case NAME -> "Nombre conocido";
      case PHONE -> "Teléfono conocido";
      case EMAIL -> "Correo conocido";
      case LOCATION -> "Ubicación buscada conocida";
      case OPERATION -> "Operación (compra o arriendo) conocida";
      case PROPERTY_TYPE -> "Tipo de propiedad conocido";
      case BEDROOMS -> "Dormitorios conocidos";
      case BATHROOMS -> "Baños conocidos";
      case PARKING -> "Estacionamientos conocidos";
      case BUDGET -> "Presupuesto conocido";
      case MONTHLY_INCOME -> "Ingreso mensual conocido";
      case DICOM_STATUS -> "Estado DICOM conocido";
      case DEBT_AMOUNT -> "Monto de deuda conocido";
      case TIMELINE -> "Plazo de compra conocido";
      case INTEREST_LEVEL -> "Nivel de interés conocido";
      case FINANCING -> "Forma de financiamiento conocida";
    };
  }

  /** Chilean pesos as the dashboard writes them: {@code $1.000.000}. */
  private static String clp(long pesos) {
    return "$" + String.format(Locale.ROOT, "%,d", pesos).replace(',', '.');
  }
}
