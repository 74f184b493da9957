package io.inmo.bootstrap.demo;

import io.inmo.bootstrap.demo.DemoComunas.Comuna;
import io.inmo.bootstrap.demo.DemoLead.Move;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo's lead book: {@link #PER_STAGE} leads per pipeline stage, each with the data that puts
 * it there under the default lead settings (a name and a contact start profiling; name, phone,
 * comuna and property type or budget complete the profile; income from $500.000 with a clean DICOM
 * qualifies), plus hand moves for visits, wins and losses. Shuffled, so the book is not sorted by
 * stage. The same seed gives the same book.
 */
final class DemoLeadPlanner {
  /** How many leads end in each stage (API values, pipeline order). */
  static final Map<String, Integer> PER_STAGE = perStage();

  private static final List<String> SOURCES =
      List.of("portal-inmobiliario", "yapo", "instagram", "referido", "sitio-web", "feria");

  private static final List<String> PROFILING_NOTES =
      List.of(
          "Pidió fotos del living y la cocina; enviar por WhatsApp.",
          "Está comparando con un proyecto en verde; llamar la próxima semana.",
          "Prefiere que lo contacten después de las 18:00.",
          "Viene referido por un cliente que compró en 2025.");
  private static final List<String> QUALIFYING_NOTES =
      List.of(
          "Pendiente que envíe liquidaciones de sueldo de los últimos 3 meses.",
          "Tiene pre-aprobación del banco en trámite.",
          "Consultó por el subsidio DS1; revisar si aplica.",
          "Quiere vender su depto actual para el pie.");
  private static final List<String> VISIT_DAYS =
      List.of("el lunes", "el martes", "el miércoles", "el jueves", "el viernes", "el sábado");

  private final Random random;
  private final ChileanPeople people;
  private final DemoComunas comunas;
  private final int agents;

  DemoLeadPlanner(Random random, ChileanPeople people, DemoComunas comunas, int agents) {
    this.random = random;
    this.people = people;
    this.comunas = comunas;
    this.agents = agents;
  }

  List<DemoLead> plan() {
    List<DemoLead> leads = new ArrayList<>();
    PER_STAGE.forEach(
        (stage, count) -> {
          for (int i = 0; i < count; i++) {
            leads.add(lead(stage, i));
          }
        });
    Collections.shuffle(leads, random);
    return List.copyOf(leads);
  }

  private static Map<String, Integer> perStage() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("new", 12);
    counts.put("profiling", 20);
    counts.put("financial_qualification", 16);
    counts.put("potential", 16);
    counts.put("scheduled", 10);
    counts.put("won", 7);
    counts.put("lost", 9);
    return Collections.unmodifiableMap(counts);
  }

  private DemoLead lead(String stage, int i) {
    return switch (stage) {
      case "new" -> newcomer(i);
      case "profiling" -> profiling(i);
      case "financial_qualification" -> qualifying(i);
      case "potential" -> qualified(stage, List.of(), 75);
      case "scheduled" -> qualified(stage, List.of(visit()), 90);
      case "won" -> won();
      case "lost" -> lost(i);
      default -> throw new IllegalArgumentException(stage);
    };
  }

  /** No name yet: a missed call or a portal form with only a phone or an e-mail. */
  private DemoLead newcomer(int i) {
    Map<String, Object> body = new LinkedHashMap<>();
    Comuna comuna = comunas.pick(random);
    if (i % 3 == 2) {
      body.put("email", people.email(people.name()));
    } else {
      body.put("phone", people.phone());
    }
    body.put("facts", Map.of("location", comuna.name(), "operation", operation()));
    body.put("tags", List.of(source()));
    body.put(
        "notes",
        "Consultó por un aviso en " + comuna.name() + " y no dejó su nombre; volver a contactar.");
    return new DemoLead("new", body, DemoLead.UNASSIGNED, List.of());
  }

  /** A name and some of the search, not yet the whole profile. */
  private DemoLead profiling(int i) {
    Comuna comuna = comunas.pick(random);
    String operation = operation();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("operation", operation);
    if (i % 2 == 0) {
      facts.put("location", comuna.name());
      facts.put("bedrooms", 1 + random.nextInt(4));
    } else {
      facts.put("propertyType", propertyType(operation));
      facts.put("budget", budget(operation, comuna));
    }
    Map<String, Object> body = person(i % 4 != 3);
    body.put("facts", facts);
    if (i % 2 == 0) {
      body.put("notes", pick(PROFILING_NOTES));
    }
    return new DemoLead("profiling", body, assignee(30), List.of());
  }

  /** The whole profile; income unknown, too low, or a DICOM debt. */
  private DemoLead qualifying(int i) {
    Comuna comuna = comunas.pick(random);
    Map<String, Object> facts = search(comuna);
    switch (i % 5) {
      case 0, 1, 2 -> {} // income not asked yet
      case 3 -> {
        facts.put("monthlyIncome", clp(350_000 + 10_000 * random.nextInt(14)));
        facts.put("dicomStatus", "clean");
      }
      default -> {
        facts.put("monthlyIncome", clp(900_000 + 50_000 * random.nextInt(20)));
        facts.put("dicomStatus", "has_debt");
        facts.put("debtAmount", clp(400_000 + 100_000 * random.nextInt(30)));
      }
    }
    Map<String, Object> body = person(true);
    body.put("facts", facts);
    body.put("notes", pick(QUALIFYING_NOTES));
    return new DemoLead("financial_qualification", body, assignee(50), List.of());
  }

  /** Qualified (income from $500.000, clean DICOM), then moved by hand through {@code moves}. */
  private DemoLead qualified(String stage, List<Move> moves, int assignedPercent) {
    Comuna comuna = comunas.pick(random);
    Map<String, Object> facts = search(comuna);
    int income =
        random.nextInt(5) == 0
            ? 500_000 + 50_000 * random.nextInt(10)
            : 1_100_000 + 100_000 * random.nextInt(40);
    facts.put("monthlyIncome", clp(income));
    facts.put("dicomStatus", "clean");
    facts.put("interestLevel", 6 + random.nextInt(5));
    Map<String, Object> body = person(true);
    body.put("facts", facts);
    return new DemoLead(stage, body, assignee(assignedPercent), moves);
  }

  private DemoLead won() {
    DemoLead lead = qualified("won", List.of(), 100);
    @SuppressWarnings("unchecked")
    Map<String, Object> facts = (Map<String, Object>) lead.body().get("facts");
    boolean rent = "rent".equals(facts.get("operation"));
    Move close =
        rent
            ? new Move("won", "Firmó contrato de arriendo por 12 meses", "rented")
            : new Move("won", "Firmó promesa de compraventa", "sold");
    return new DemoLead("won", lead.body(), lead.agent(), List.of(visit(), close));
  }

  /** Closed as lost at different points of the funnel, each with its reason. */
  private DemoLead lost(int i) {
    Move close =
        switch (i % 5) {
          case 0 -> new Move("lost", "Compró con otra corredora", "bought_elsewhere");
          case 1 -> new Move("lost", "No contesta hace tres semanas", "no_response");
          case 2 -> new Move("lost", "El presupuesto no alcanza para la comuna", "budget_too_low");
          case 3 -> new Move("lost", "Deuda vigente en DICOM", "not_qualified");
          default -> new Move("lost", "Postergó la búsqueda para el próximo año", "postponed");
        };
    DemoLead base =
        i % 5 == 1 ? profiling(i) : i % 5 == 3 ? qualifying(4) : qualified("lost", List.of(), 70);
    List<Move> moves = i % 5 == 0 ? List.of(visit(), close) : List.of(close);
    return new DemoLead("lost", base.body(), base.agent(), moves);
  }

  private Move visit() {
    return new Move(
        "scheduled",
        "Visita agendada "
            + pick(VISIT_DAYS)
            + " a las "
            + (10 + random.nextInt(9))
            + ":"
            + (random.nextBoolean() ? "00" : "30"),
        null);
  }

  /** Name, phone and usually an e-mail, plus where the lead came from. */
  private Map<String, Object> person(boolean withEmail) {
    Map<String, Object> body = new LinkedHashMap<>();
    String name = people.name();
    body.put("name", name);
    body.put("phone", people.phone());
    if (withEmail) {
      body.put("email", people.email(name));
    }
    body.put("tags", List.of(source()));
    return body;
  }

  /** What a complete profile says: comuna, operation, property, rooms, budget, timeline. */
  private Map<String, Object> search(Comuna comuna) {
    String operation = operation();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("location", comuna.name());
    facts.put("operation", operation);
    String type = propertyType(operation);
    facts.put("propertyType", type);
    if (!"office".equals(type)) {
      facts.put("bedrooms", 1 + random.nextInt(4));
      facts.put("bathrooms", 1 + random.nextInt(3));
    }
    facts.put("parking", random.nextInt(3));
    facts.put("budget", budget(operation, comuna));
    facts.put(
        "timeline",
        List.of("immediate", "30_days", "90_days", "just_looking").get(random.nextInt(4)));
    if ("buy".equals(operation)) {
      facts.put(
          "financing",
          List.of("mortgage", "mortgage", "mortgage", "cash", "subsidy").get(random.nextInt(5)));
    }
    return facts;
  }

  private String operation() {
    return random.nextInt(100) < 65 ? "buy" : "rent";
  }

  /** Mostly apartments and houses; offices now and then; land only to buy. */
  private String propertyType(String operation) {
    int roll = random.nextInt(100);
    if (roll < 60) {
      return "apartment";
    }
    if (roll < 88) {
      return "house";
    }
    return roll < 95 || "rent".equals(operation) ? "office" : "land";
  }

  /**
   * A purchase in UF or a monthly rent in pesos, in line with the comuna's prices, rounded as
   * people say them.
   */
  private Map<String, Object> budget(String operation, Comuna comuna) {
    int tier = comuna.priceTier();
    if ("buy".equals(operation)) {
      int low = new int[] {2_200, 3_000, 4_500, 7_000, 10_000}[tier - 1];
      int span = new int[] {1_300, 2_000, 3_500, 5_000, 8_000}[tier - 1];
      return Map.of("amount", low + 100 * random.nextInt(span / 100), "currency", "UF");
    }
    int low = new int[] {350_000, 450_000, 600_000, 800_000, 1_100_000}[tier - 1];
    int span = new int[] {150_000, 250_000, 350_000, 500_000, 700_000}[tier - 1];
    return clp(low + 10_000 * random.nextInt(span / 10_000));
  }

  private static Map<String, Object> clp(int amount) {
    return Map.of("amount", amount, "currency", "CLP");
  }

  /** A demo agent one time in {@code percent} out of a hundred, else unassigned. */
  private int assignee(int percent) {
    return random.nextInt(100) < percent ? random.nextInt(agents) : DemoLead.UNASSIGNED;
  }

  private String source() {
    return pick(SOURCES);
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
