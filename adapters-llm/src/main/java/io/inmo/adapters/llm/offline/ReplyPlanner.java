package io.inmo.adapters.llm.offline;

import io.inmo.application.port.out.ConversationAgentPort.AgentRequest;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.conversation.MessageDirection;
import io.inmo.domain.conversation.ReplyRules;
import io.inmo.domain.lead.DicomStatus;
import io.inmo.domain.lead.Fact;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.lead.Operation;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.shared.Currency;
import io.inmo.domain.shared.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the offline agent's reply from what it understood: greets once as the broker's agent,
 * confirms the search facts it read this turn (never income, DICOM or debt values), answers
 * financing and DICOM questions without promises or figures, hands over to a person, acknowledges
 * an opt-out in one line, steers off-topic messages back, and asks for at most {@value
 * ReplyRules#MAX_QUESTIONS} missing facts. Wording is picked deterministically from the lead id and
 * the number of messages already sent, and the reply never equals a message already sent. Stateless
 * and thread-safe.
 */
public final class ReplyPlanner {
  /** Asked when the broker's next fields were all answered in this very turn. */
  static final List<LeadField> FOLLOW_UP =
      List.of(
          LeadField.NAME,
          LeadField.LOCATION,
          LeadField.OPERATION,
          LeadField.PROPERTY_TYPE,
          LeadField.BUDGET,
          LeadField.PHONE);

  private final SlotOffer slots;

  public ReplyPlanner() {
    this(SlotOffer.NONE);
  }

  public ReplyPlanner(SlotOffer slots) {
    this.slots = Objects.requireNonNull(slots, "slots");
  }

  /** The reply to the lead of {@code request}, given what was understood in its new messages. */
  public String plan(AgentRequest request, Extraction understood) {
    List<String> sent =
        request.history().stream()
            .filter(m -> m.direction() == MessageDirection.OUTBOUND)
            .map(ChatMessage::text)
            .filter(Objects::nonNull)
            .toList();
    int seed = request.lead().id().hashCode() * 31 + sent.size();
    String reply = null;
    for (int attempt = 0; attempt < 6; attempt++) {
      reply = compose(request, understood, sent.isEmpty(), seed + attempt);
      if (!sent.contains(reply)) {
        return reply;
      }
    }
    for (String tail : Phrasebook.VARIATION_TAIL) {
      String varied = reply + " " + tail;
      if (!sent.contains(varied)) {
        return varied;
      }
    }
    return reply + " " + sent.size();
  }

  private String compose(AgentRequest request, Extraction u, boolean first, int seed) {
    Lead lead = request.lead();
    Picker pick = new Picker(seed);
    List<String> parts = new ArrayList<>();
    String name = u.name() != null ? u.name() : lead.name();

    if (u.intent() == Intent.OPT_OUT) {
      return pick.one(Phrasebook.OPT_OUT);
    }
    if (first) {
      parts.add(
          pick.one(Phrasebook.GREETING)
              .replace("{name}", name == null ? "" : ", " + firstName(name))
              .replace("{agent}", request.prompt().agentName()));
    } else if (u.intent() == Intent.GREETING) {
      parts.add(
          pick.one(Phrasebook.GREETING_AGAIN)
              .replace("{name}", name == null ? "" : ", " + firstName(name)));
    } else if (u.name() != null && !u.name().equals(lead.name())) {
      parts.add(pick.one(Phrasebook.THANKS_NAME).replace("{name}", firstName(u.name())));
    }

    if (asksWhetherBot(request)) {
      parts.add(pick.one(Phrasebook.BOT_ANSWER));
    }

    switch (u.intent()) {
      case HUMAN_REQUEST -> {
        parts.add(pick.one(Phrasebook.HUMAN));
        return String.join(" ", parts);
      }
      case OFF_TOPIC -> parts.add(pick.one(Phrasebook.OFF_TOPIC));
      case FINANCING_QUESTION -> parts.add(pick.one(Phrasebook.FINANCING_ANSWER));
      default -> {}
    }

    confirmation(lead.facts(), u, pick).ifPresent(parts::add);
    more(u, pick).ifPresent(parts::add);
    contact(u, pick).ifPresent(parts::add);
    if (u.monthlyIncome() != null || u.dicomStatus() != null || u.debtAmount() != null) {
      parts.add(pick.one(Phrasebook.SENSITIVE_THANKS));
    }
    if (u.dicomStatus() == DicomStatus.HAS_DEBT) {
      parts.add(pick.one(Phrasebook.DICOM_DEBT_ANSWER));
    } else if (u.dicomStatus() == DicomStatus.UNKNOWN) {
      parts.add(pick.one(Phrasebook.DICOM_UNKNOWN_ANSWER));
    }

    boolean booking = request.prompt().enableAppointmentBooking();
    if (u.intent() == Intent.VISIT) {
      Optional<String> offer = booking ? slots.offer(request) : Optional.empty();
      parts.add(offer.orElseGet(() -> pick.one(Phrasebook.VISIT)));
    }

    List<LeadField> ask = questionsToAsk(request, u);
    if (ask.isEmpty() && request.nextFields().isEmpty()) {
      if (u.intent() != Intent.VISIT) {
        parts.add(pick.one(Phrasebook.CLOSING));
        if (booking) {
          slots.offer(request).ifPresent(parts::add);
        }
      }
    } else {
      for (LeadField field : ask) {
        parts.add(pick.one(Phrasebook.QUESTIONS.get(field)));
      }
    }
    if (parts.isEmpty()) {
      parts.add(pick.one(Phrasebook.ACK));
    }
    return String.join(" ", parts);
  }

  /** The broker's next fields the lead did not just answer; a default follow-up when all were. */
  static List<LeadField> questionsToAsk(AgentRequest request, Extraction u) {
    Set<LeadField> insisted = insistedOn(request.history());
    List<LeadField> ask = new ArrayList<>();
    for (LeadField field : request.nextFields()) {
      if (!answered(field, u)
          && !insisted.contains(field)
          && ask.size() < ReplyRules.MAX_QUESTIONS) {
        ask.add(field);
      }
    }
    if (ask.isEmpty() && !request.nextFields().isEmpty()) {
      for (LeadField field : FOLLOW_UP) {
        if (!request.lead().has(field) && !answered(field, u) && !insisted.contains(field)) {
          ask.add(field);
          break;
        }
      }
    }
    return ask;
  }

  private static final List<String> BOT_QUESTIONS =
      List.of(
          "eres un robot",
          "eres un bot",
          "eres robot",
          "eres bot",
          "eres una ia",
          "eres una maquina",
          "eres humano",
          "eres humana",
          "eres una persona",
          "hablo con un robot",
          "hablo con un bot",
          "hablo con una persona");

  /** Whether the lead asks if it is talking to a machine. */
  static boolean asksWhetherBot(AgentRequest request) {
    for (ChatMessage m : request.newMessages()) {
      String folded = Text.fold(m.text() == null ? "" : m.text());
      for (String q : BOT_QUESTIONS) {
        if (Text.containsPhrase(folded, q)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Asked in this many of the agent's last {@value #INSIST_WINDOW} messages: let it rest. */
  static final int INSIST_LIMIT = 2;

  static final int INSIST_WINDOW = 3;

  /**
   * The fields the agent already asked for in {@value #INSIST_LIMIT} of its last {@value
   * #INSIST_WINDOW} messages: a lead who let a question pass twice is not asked it a third time in
   * a row (the broker's next fields come first; it is asked again later).
   */
  static Set<LeadField> insistedOn(List<ChatMessage> history) {
    Map<LeadField, Integer> asked = new EnumMap<>(LeadField.class);
    int seen = 0;
    for (int i = history.size() - 1; i >= 0 && seen < INSIST_WINDOW; i--) {
      ChatMessage m = history.get(i);
      if (m.direction() == MessageDirection.OUTBOUND) {
        seen++;
        AskedFields.fromText(m.text()).forEach(f -> asked.merge(f, 1, Integer::sum));
      }
    }
    Set<LeadField> insisted = EnumSet.noneOf(LeadField.class);
    asked.forEach(
        (field, times) -> {
          if (times >= INSIST_LIMIT) {
            insisted.add(field);
          }
        });
    return insisted;
  }

  static boolean answered(LeadField field, Extraction u) {
    return switch (field) {
      case NAME -> u.name() != null;
      case PHONE -> u.phone() != null;
      case EMAIL -> u.email() != null;
      case LOCATION -> u.location() != null;
      case OPERATION -> u.operation() != null;
      case PROPERTY_TYPE -> u.propertyType() != null;
      case BEDROOMS -> u.bedrooms() != null;
      case BATHROOMS -> u.bathrooms() != null;
      case PARKING -> u.parking() != null;
      case BUDGET -> u.budget() != null;
      case MONTHLY_INCOME -> u.monthlyIncome() != null;
      case DICOM_STATUS -> u.dicomStatus() != null;
      case DEBT_AMOUNT -> u.debtAmount() != null || u.dicomStatus() == DicomStatus.CLEAN;
      case TIMELINE -> u.timeline() != null;
      case INTEREST_LEVEL -> false;
      case FINANCING -> u.financing() != null;
    };
  }

  /** "Anoto que buscas un departamento en Ñuñoa de hasta 3.500 UF." — search facts only. */
  static Optional<String> confirmation(LeadFacts known, Extraction u, Picker pick) {
    // only what is new or changed: repeating back what the lead told us before sounds robotic
    String what = what(news(known, u));
    if (what == null) {
      return Optional.empty();
    }
    boolean corrected =
        differs(known.location(), u.location())
            || differs(known.operation(), u.operation())
            || differs(known.propertyType(), u.propertyType())
            || differs(known.bedrooms(), u.bedrooms())
            || differs(known.bathrooms(), u.bathrooms())
            || differs(known.budget(), u.budget());
    List<String> templates = corrected ? Phrasebook.CONFIRM_CORRECTION : Phrasebook.CONFIRM;
    return Optional.of(pick.one(templates).replace("{what}", what));
  }

  /** The search facts of {@code u} that are not already known with the same value. */
  static Extraction news(LeadFacts known, Extraction u) {
    return new Extraction(
        u.name(),
        u.phone(),
        u.email(),
        same(known.location(), u.location()) ? null : u.location(),
        same(known.operation(), u.operation()) ? null : u.operation(),
        same(known.propertyType(), u.propertyType()) ? null : u.propertyType(),
        same(known.bedrooms(), u.bedrooms()) ? null : u.bedrooms(),
        same(known.bathrooms(), u.bathrooms()) ? null : u.bathrooms(),
        same(known.parking(), u.parking()) ? null : u.parking(),
        same(known.budget(), u.budget()) ? null : u.budget(),
        u.monthlyIncome(),
        u.dicomStatus(),
        u.debtAmount(),
        u.timeline(),
        u.financing(),
        u.intent(),
        u.injection());
  }

  private static <T> boolean same(Fact<T> known, T now) {
    return known != null && now != null && known.value().equals(now);
  }

  private static <T> boolean differs(Fact<T> known, T now) {
    return known != null && now != null && !known.value().equals(now);
  }

  /** "buscas un departamento de 2 dormitorios en Ñuñoa de hasta 3.500 UF"; null when nothing. */
  static String what(Extraction u) {
    if (u.operation() == null
        && u.propertyType() == null
        && u.location() == null
        && u.bedrooms() == null
        && u.bathrooms() == null
        && u.parking() == null
        && u.budget() == null) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    if (u.operation() != null) {
      b.append("quieres ").append(u.operation() == Operation.BUY ? "comprar" : "arrendar");
      if (u.propertyType() != null) {
        b.append(' ').append(noun(u.propertyType()));
      }
    } else {
      b.append("buscas ").append(u.propertyType() != null ? noun(u.propertyType()) : "algo");
    }
    List<String> rooms = new ArrayList<>();
    if (u.bedrooms() != null) {
      rooms.add(count(u.bedrooms(), "dormitorio", "dormitorios"));
    }
    if (u.bathrooms() != null) {
      rooms.add(count(u.bathrooms(), "baño", "baños"));
    }
    if (!rooms.isEmpty()) {
      b.append(" de ").append(String.join(" y ", rooms));
    }
    if (u.parking() != null) {
      b.append(
          u.parking() == 0
              ? " sin estacionamiento"
              : u.parking() == 1
                  ? " con estacionamiento"
                  : " con " + u.parking() + " estacionamientos");
    }
    if (u.location() != null) {
      String places = u.location();
      int last = places.lastIndexOf(", ");
      if (last >= 0) {
        places = places.substring(0, last) + " o " + places.substring(last + 2);
      }
      b.append(" en ").append(places);
    }
    if (u.budget() != null) {
      b.append(" de hasta ").append(format(u.budget()));
    }
    return b.toString();
  }

  /** "que pagarías con crédito hipotecario y que lo necesitas lo antes posible". */
  static Optional<String> more(Extraction u, Picker pick) {
    List<String> parts = new ArrayList<>();
    if (u.financing() != null) {
      parts.add(Phrasebook.FINANCING_MORE.get(u.financing()));
    }
    if (u.timeline() != null) {
      parts.add(Phrasebook.TIMELINE_MORE.get(u.timeline()));
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        pick.one(Phrasebook.CONFIRM_MORE).replace("{more}", String.join(" y ", parts)));
  }

  static Optional<String> contact(Extraction u, Picker pick) {
    String contact =
        u.phone() != null && u.email() != null
            ? "teléfono y tu correo"
            : u.phone() != null ? "teléfono" : u.email() != null ? "correo" : null;
    return Optional.ofNullable(contact)
        .map(c -> pick.one(Phrasebook.CONTACT_SAVED).replace("{contact}", c));
  }

  private static String noun(PropertyType type) {
    return switch (type) {
      case HOUSE -> "una casa";
      case APARTMENT -> "un departamento";
      case OFFICE -> "una oficina";
      case LAND -> "un terreno";
      case OTHER -> "una propiedad comercial";
    };
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** "3.500 UF", "2.750,50 UF", "$800.000". */
  static String format(Money money) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator('.');
    symbols.setDecimalSeparator(',');
    if (money.currency() == Currency.UF) {
      BigDecimal amount = money.amount().stripTrailingZeros();
      DecimalFormat f = new DecimalFormat(amount.scale() > 0 ? "#,##0.00" : "#,##0", symbols);
      return f.format(money.amount()) + " UF";
    }
    return "$" + new DecimalFormat("#,##0", symbols).format(money.amount());
  }

  private static String firstName(String name) {
    return name.split(" ")[0];
  }

  /** Picks one phrasing per slot from the seed; different slots get different offsets. */
  static final class Picker {
    private final int seed;
    private int calls;

    Picker(int seed) {
      this.seed = seed;
    }

    String one(List<String> options) {
      calls++;
      return options.get(Math.floorMod(seed + calls * 7, options.size()));
    }
  }
}
