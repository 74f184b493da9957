package io.inmo.domain.user;

import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.Set;

/**
 * What a staff password must be: at least {@value #MIN_LENGTH} characters (at most {@value
 * #MAX_LENGTH}, which also bounds the cost of hashing), not one of the passwords every attacker
 * tries first, and not the account's own e-mail name.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;

  // Lower-cased; the most used passwords of breach corpora that are ≥ 10 characters long, plus
  // the Spanish and Chilean ones a brokerage office would reach for.
  private static final Set<String> COMMON =
      Set.of(
          "1234567890",
          "12345678910",
          "0123456789",
          "1234567891",
          "123456789a",
          "a123456789",
          "1111111111",
          "0000000000",
          "1q2w3e4r5t",
          "1qaz2wsx3edc",
          "qwertyuiop",
          "qwerty1234",
          "qwerty12345",
          "qwerty123456",
          "asdfghjkl1",
          "password12",
          "password123",
          "password1234",
          "passw0rd123",
          "iloveyou12",
          "abcdefghij",
          "abc1234567",
          "abcd123456",
          "administrator",
          "admin12345",
          "admin123456",
          "adminadmin",
          "welcome123",
          "changeme123",
          "contraseña",
          "contraseña1",
          "contraseña123",
          "contrasena",
          "contrasena1",
          "contrasena123",
          "micontraseña",
          "teamo12345",
          "teamomucho",
          "chile12345",
          "chile123456",
          "colocolo123",
          "colocolo12",
          "santiago123",
          "santiago2024",
          "santiago2025",
          "santiago2026",
          "inmobiliaria",
          "inmobiliaria1",
          "inmobiliaria123",
          "propiedades",
          "propiedades1",
          "propiedades123",
          "corredora123",
          "bienvenido1",
          "bienvenido123",
          "bienvenida1",
          "primavera2026",
          "verano2026",
          "invierno2026",
          "otono2026",
          "inmo123456",
          "inmo1234567");

  private PasswordPolicy() {}

  /**
   * Throws {@link InvalidValueException} ({@code auth.weak_password}) when {@code password} breaks
   * the policy for the account with {@code email} (nullable).
   */
  public static void check(CharSequence password, Email email) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw weak("La contraseña debe tener al menos " + MIN_LENGTH + " caracteres.");
    }
    if (password.length() > MAX_LENGTH) {
      throw weak("La contraseña puede tener como máximo " + MAX_LENGTH + " caracteres.");
    }
    String lower = password.toString().toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower) || lower.chars().distinct().count() <= 2) {
      throw weak("Esa contraseña es demasiado común; elige otra más difícil de adivinar.");
    }
    if (email != null) {
      String name = email.value().substring(0, email.value().indexOf('@'));
      if (lower.equals(email.value()) || (name.length() >= 4 && lower.contains(name))) {
        throw weak("La contraseña no puede contener tu correo.");
      }
    }
  }

  private static InvalidValueException weak(String message) {
    return new InvalidValueException("auth.weak_password", message);
  }
}
