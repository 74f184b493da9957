package io.inmo.adapters.persistence.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inmo.adapters.persistence.JsonColumns;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BusinessHours;
import io.inmo.domain.broker.Slug;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps brokers between the domain and {@link BrokerJpaEntity}. */
final class BrokerJpaMapper {
  private BrokerJpaMapper() {}

  static Broker toDomain(BrokerJpaEntity e) {
    return Broker.reconstitute(
        new BrokerId(e.id),
        e.name,
        new Slug(e.slug),
        e.phone == null ? null : new PhoneNumber(e.phone),
        e.email == null ? null : new Email(e.email),
        ZoneId.of(e.timezone),
        businessHours(JsonColumns.read(e.businessHours)),
        e.active,
        e.createdAt,
        e.updatedAt,
        e.version);
  }

  /** Copies every column except the version, which JPA manages. */
  static void copy(Broker b, BrokerJpaEntity e) {
    e.id = b.id().value();
    e.name = b.name();
    e.slug = b.slug().value();
    e.phone = b.phone() == null ? null : b.phone().value();
    e.email = b.email() == null ? null : b.email().value();
    e.timezone = b.timezone().getId();
    e.businessHours = JsonColumns.replaceIfChanged(e.businessHours, json(b.businessHours()));
    e.active = b.isActive();
    e.createdAt = micros(b.createdAt());
    e.updatedAt = micros(b.updatedAt());
  }

  /** Every weekday, Monday first; a closed day is an empty array. */
  static ObjectNode json(BusinessHours hours) {
    ObjectNode node = JsonColumns.object();
    for (DayOfWeek day : DayOfWeek.values()) {
      ArrayNode ranges = node.putArray(day.name().toLowerCase(Locale.ROOT));
      for (BusinessHours.Range r : hours.on(day)) {
        ranges.addObject().put("start", r.start().toString()).put("end", r.end().toString());
      }
    }
    return node;
  }

  static BusinessHours businessHours(JsonNode node) {
    Map<DayOfWeek, List<BusinessHours.Range>> days = new EnumMap<>(DayOfWeek.class);
    node.properties()
        .forEach(
            entry -> {
              List<BusinessHours.Range> ranges = new ArrayList<>();
              for (JsonNode r : entry.getValue()) {
                ranges.add(
                    new BusinessHours.Range(
                        LocalTime.parse(r.get("start").asText()),
                        LocalTime.parse(r.get("end").asText())));
              }
              days.put(DayOfWeek.valueOf(entry.getKey().toUpperCase(Locale.ROOT)), ranges);
            });
    return new BusinessHours(days);
  }

  /** PostgreSQL keeps microseconds; truncating here keeps unchanged rows from looking dirty. */
  static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}
