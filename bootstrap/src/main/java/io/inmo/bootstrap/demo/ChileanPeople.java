package io.inmo.bootstrap.demo;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Made-up Chilean people for the demo: common first names and surnames, {@code +56 9} mobile
 * numbers written the ways people write them, and e-mails on the reserved {@code example.*} domains
 * (RFC 2606), so nothing the demo stores can reach a real mailbox. Every phone and e-mail it hands
 * out is new, as the lead book requires.
 */
final class ChileanPeople {
  private static final List<String> FIRST_NAMES =
      List.of(
          "Camila",
          "Valentina",
          "Francisca",
          "Javiera",
          "Catalina",
          "Constanza",
          "Fernanda",
          "Daniela",
          "Carolina",
          "María José",
          "Antonia",
          "Isidora",
          "Paulina",
          "Macarena",
          "Josefa",
          "Claudia",
          "Marcela",
          "Pía",
          "Trinidad",
          "Florencia",
          "Matías",
          "Benjamín",
          "Sebastián",
          "Tomás",
          "Nicolás",
          "Felipe",
          "Diego",
          "Joaquín",
          "Cristóbal",
          "Ignacio",
          "Vicente",
          "Rodrigo",
          "Gonzalo",
          "Francisco",
          "Juan Pablo",
          "Patricio",
          "Andrés",
          "Cristián",
          "Álvaro",
          "Martín");

  private static final List<String> SURNAMES =
      List.of(
          "González",
          "Muñoz",
          "Rojas",
          "Díaz",
          "Pérez",
          "Soto",
          "Contreras",
          "Silva",
          "Martínez",
          "Sepúlveda",
          "Morales",
          "Rodríguez",
          "López",
          "Fuentes",
          "Hernández",
          "Torres",
          "Araya",
          "Flores",
          "Espinoza",
          "Valenzuela",
          "Castillo",
          "Tapia",
          "Reyes",
          "Gutiérrez",
          "Castro",
          "Pizarro",
          "Álvarez",
          "Vásquez",
          "Sánchez",
          "Fernández",
          "Ramírez",
          "Carrasco",
          "Gómez",
          "Cortés",
          "Herrera",
          "Núñez",
          "Jara",
          "Vergara",
          "Rivera",
          "Figueroa",
          "Riquelme",
          "Bravo",
          "Vera",
          "Molina",
          "Vega",
          "Campos",
          "Sandoval",
          "Orellana",
          "Cárdenas",
          "Olivares",
          "Alarcón",
          "Gallardo",
          "Ortiz",
          "Garrido",
          "Salazar",
          "Guzmán",
          "Henríquez",
          "Saavedra",
          "Navarro",
          "Aguilera",
          "Parra",
          "Romero",
          "Aravena",
          "Vargas");

  private static final List<String> MAIL_DOMAINS =
      List.of("example.com", "example.net", "example.org");

  private final Random random;
  private final Set<String> phones = new HashSet<>();
  private final Set<String> emails = new HashSet<>();

  ChileanPeople(Random random) {
    this.random = random;
  }

  /** "Camila Rojas" or, one time in three, with the second surname: "Camila Rojas Fuentes". */
  String name() {
    String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
    String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
    if (random.nextInt(3) == 0) {
      String second = SURNAMES.get(random.nextInt(SURNAMES.size()));
      if (!second.equals(surname)) {
        return first + " " + surname + " " + second;
      }
    }
    return first + " " + surname;
  }

  /** A new mobile number in one of the spellings Chileans use: "9 8765 4321", "+56987654321", … */
  String phone() {
    String digits;
    do {
      digits = String.valueOf(10_000_000 + random.nextInt(90_000_000));
    } while (!phones.add(digits));
    String a = digits.substring(0, 4);
    String b = digits.substring(4);
    return switch (random.nextInt(4)) {
      case 0 -> "9 " + a + " " + b;
      case 1 -> "+56 9 " + a + " " + b;
      case 2 -> "+569" + digits;
      default -> "9" + digits;
    };
  }

  /** A new e-mail made from the person's name: "camila.rojas87@example.com". */
  String email(String name) {
    String[] words = ascii(name).split(" ");
    String local =
        switch (random.nextInt(3)) {
          case 0 -> words[0] + "." + words[1];
          case 1 -> words[0].charAt(0) + words[1];
          default -> words[0] + "." + words[1] + (70 + random.nextInt(35));
        };
    String email = local + "@" + MAIL_DOMAINS.get(random.nextInt(MAIL_DOMAINS.size()));
    for (int n = 2; !emails.add(email); n++) {
      email = local + n + "@" + MAIL_DOMAINS.get(random.nextInt(MAIL_DOMAINS.size()));
    }
    return email;
  }

  /** "María José Núñez" → "mariajose nunez": lower case, no accents, compound names joined. */
  private static String ascii(String name) {
    String folded =
        Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return folded.replace("maria jose", "mariajose").replace("juan pablo", "juanpablo");
  }
}
