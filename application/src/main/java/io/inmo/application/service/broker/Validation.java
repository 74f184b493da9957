package io.inmo.application.service.broker;

import io.inmo.domain.shared.InvalidValueException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Turns rule violations of caller-supplied values (the domain's IllegalArgumentException,
 * java.time's DateTimeException) into {@link InvalidValueException}s, answered as 400 with a code.
 */
final class Validation {
  private Validation() {}

  static <T> T valid(String code, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new InvalidValueException(code, message(e));
    } catch (NullPointerException e) {
      throw new InvalidValueException(
          code, e.getMessage() == null ? "falta un dato obligatorio" : e.getMessage());
    }
  }

  static ZoneId zone(String value) {
    return valid(
        "broker.invalid_timezone",
        () -> {
          if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("la zona horaria no puede estar vacía");
          }
          String v = value.strip();
          // IANA region ids only (America/Santiago); offsets like +03:00 or "Z" are not accepted
          if (!v.contains("/") || !ZoneId.getAvailableZoneIds().contains(v)) {
            throw new IllegalArgumentException(
                "zona horaria desconocida (usa un nombre IANA como America/Santiago): " + v);
          }
          return ZoneId.of(v);
        });
  }

  static LocalTime time(String code, String field, String value) {
    return valid(
        code,
        () -> {
          if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " es obligatorio (HH:mm)");
          }
          try {
            return LocalTime.parse(value.strip());
          } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + " debe ser una hora HH:mm: " + value);
          }
        });
  }

  static DayOfWeek day(String value) {
    return valid(
        "broker.invalid_business_hours",
        () -> {
          try {
            return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "día desconocido en businessHours (monday…sunday): " + value);
          }
        });
  }

  private static String message(RuntimeException e) {
    return e.getMessage() == null ? "valor inválido" : e.getMessage();
  }
}
