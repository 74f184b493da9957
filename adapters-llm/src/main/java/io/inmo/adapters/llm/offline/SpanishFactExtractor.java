package io.inmo.adapters.llm.offline;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import io.inmo.adapters.llm.offline.SpanishRules.MoneyKind;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.conversation.OptOutPolicy;
import io.inmo.domain.lead.DicomStatus;
import io.inmo.domain.lead.Financing;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.lead.Operation;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.lead.Timeline;
import io.inmo.domain.shared.Currency;
import io.inmo.domain.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the facts and the intent of one lead message written in Chilean Spanish, with plain rules:
 * folded words (no accents, any case), the phrase tables of {@link SpanishRules}, a few regular
 * expressions for amounts, phones and e-mails, libphonenumber for E.164 and the comuna gazetteer.
 * Later values in a message win over earlier ones ("9 1234 5678, perdón, 9 8765 4321"). A message
 * that tries to instruct the agent yields OFF_TOPIC and nothing else. Immutable and thread-safe.
 */
public final class SpanishFactExtractor {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]++@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");

  private static final String NUM = "\\d{1,3}(?:[.,]\\d{3})+(?:,\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?<![\\w.,])(?:(?:uf|u\\.f\\.)\\s*(?<n1>"
              + NUM
              + ")(?:\\s*(?<m1>mil)(?!\\w))?"
              + "|(?<dollar>\\$\\s*)?(?<n2>"
              + NUM
              + ")(?:\\s*(?<m2>millones|millon|mill|mm|palos|palo|mil|lucas|luca|k)(?!\\w)"
              + "(?<half2>\\s+y\\s+medio(?!\\w))?)?"
              + "(?:\\s*(?:de\\s+)?(?<uf>ufs?|u\\.f\\.?)(?!\\w))?"
              + "(?:\\s*(?<pesos>pesos|clp)(?!\\w))?)(?!\\w)");
  private static final Pattern WORD_AMOUNT =
      Pattern.compile(
          "(?<![\\w])(?:(?<w>un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|medio)\\s+)?"
              + "(?<u>millones|millon|palos|palo)(?<half>\\s+y\\s+medio)?(?!\\w)");
  private static final Pattern ROOM_COMBO =
      Pattern.compile("(?<![\\w])(\\d{1,2})\\s*d\\s*(\\d{1,2})\\s*b(?!\\w)");
  private static final Pattern PHONE =
      Pattern.compile("(?<![\\w$])(\\+?\\(?\\d[\\d\\s().-]{6,18}\\d)(?!\\w)");
  private static final Pattern DOTTED = Pattern.compile("\\d{1,3}\\.\\d{3}\\.\\d{3}");
  private static final Pattern RUT_AFTER = Pattern.compile("\\s*-\\s*[\\dk](?!\\w)");

  /** How far back (chars) a cue word may stand from the amount it qualifies. */
  private static final int CUE_REACH = 120;

  private final Comunas comunas;

  public SpanishFactExtractor() {
    this.comunas = new Comunas();
  }

  /** The canonical comuna names the extractor knows (346). */
  public List<String> comunaNames() {
    return comunas.names();
  }

  /** What {@code message} says, with no context. */
  public Extraction extract(String message) {
    return extract(message, Set.of());
  }

  /**
   * What {@code message} says.
   *
   * @param askedFor what the agent's previous message asked for: a bare "3" answers bedrooms, a
   *     bare "Francisca Soto" answers the name
   */
  public Extraction extract(String message, Set<LeadField> askedFor) {
    Text text = new Text(message);
    String folded = text.folded();
    if (isInjection(folded)) {
      return Extraction.injectionAttempt();
    }
    StringBuilder work = new StringBuilder(text.plain);
    String email = email(text, work);
    MoneyRead money = money(text, work, askedFor, folded);
    String phone = phone(work.toString());
    NameRead name = name(text, askedFor);
    String location = location(text, name, askedFor);
    Operation operation = operation(text);
    PropertyType type = propertyType(text, folded);
    int[] rooms = rooms(text, askedFor);
    Integer parking = parking(text);
    DicomStatus dicom = dicom(text, folded, askedFor);
    if (dicom == null && money.debt != null) {
      dicom = DicomStatus.HAS_DEBT;
    }
    Timeline timeline = timeline(folded);
    Financing financing = financing(text);
    Extraction facts =
        new Extraction(
            name == null ? null : name.value,
            phone,
            email,
            location,
            operation,
            type,
            rooms[0] < 0 ? null : rooms[0],
            rooms[1] < 0 ? null : rooms[1],
            parking,
            money.budget,
            money.income,
            dicom,
            money.debt,
            timeline,
            financing,
            Intent.OTHER,
            false);
    return facts.withIntent(intent(text, folded, facts));
  }

  // ------------------------------------------------------------------ intent

  static boolean isInjection(String folded) {
    return SpanishRules.INJECTION_PHRASES.stream().anyMatch(p -> Text.containsPhrase(folded, p));
  }

  private static Intent intent(Text text, String folded, Extraction facts) {
    if (OptOutPolicy.isOptOut(text.original) || anyPhrase(folded, SpanishRules.EXTRA_OPT_OUT)) {
      return Intent.OPT_OUT;
    }
    if (anyPhrase(folded, SpanishRules.HUMAN_PHRASES)) {
      return Intent.HUMAN_REQUEST;
    }
    if (isFinancingQuestion(text, folded)) {
      return Intent.FINANCING_QUESTION;
    }
    if (anyPhrase(folded, SpanishRules.VISIT_PHRASES)) {
      return Intent.VISIT;
    }
    boolean selling =
        anyPhrase(folded, SpanishRules.SELL_PHRASES)
            && !Text.containsPhrase(folded, "busco")
            && facts.operation() == null;
    if (!selling && (facts.hasFacts() || searchWords(folded))) {
      return Intent.PROPERTY_SEARCH;
    }
    for (int i = 0; i < Math.min(3, text.size()); i++) {
      if (SpanishRules.GREETINGS.contains(text.word(i))) {
        return Intent.GREETING;
      }
    }
    if (anyPhrase(folded, SpanishRules.OFF_TOPIC_PHRASES)) {
      return Intent.OFF_TOPIC;
    }
    return Intent.OTHER;
  }

  private static boolean searchWords(String folded) {
    for (String p : SpanishRules.SEARCH_PHRASES) {
      if (Text.containsPhrase(folded, p) && !Text.containsPhrase(folded, "no " + p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isFinancingQuestion(Text text, String folded) {
    if (anyPhrase(folded, SpanishRules.FINANCING_QUESTION_PHRASES)) {
      return true;
    }
    for (String sentence : sentences(text.plain)) {
      if (isQuestion(sentence)) {
        for (String w : Text.fold(sentence).split(" ")) {
          if (SpanishRules.FINANCING_TOPIC.contains(w)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<String> sentences(String plain) {
    List<String> out = new ArrayList<>();
    for (String s : plain.split("(?<=[.!?\\n])\\s+|\\n+")) {
      if (!s.isBlank()) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean isQuestion(String sentence) {
    if (sentence.contains("?") || sentence.contains("¿")) {
      return true;
    }
    String f = Text.fold(sentence);
    String first = f.isEmpty() ? "" : f.split(" ")[0];
    return SpanishRules.QUESTION_STARTS.contains(first) || f.contains("quiero saber");
  }

  private static boolean anyPhrase(String folded, List<String> phrases) {
    return phrases.stream().anyMatch(p -> Text.containsPhrase(folded, p));
  }

  // ------------------------------------------------------------------ e-mail

  private static String email(Text text, StringBuilder work) {
    String found = null;
    Matcher m = EMAIL.matcher(text.original);
    while (m.find()) {
      String e = m.group().replaceAll("[.-]+$", "");
      found = e.toLowerCase(Locale.ROOT);
      blank(work, m.start(), m.end());
    }
    return found;
  }

  private static void blank(StringBuilder work, int from, int to) {
    for (int i = from; i < to; i++) {
      work.setCharAt(i, ' ');
    }
  }

  // ------------------------------------------------------------------ money

  private record Mention(int start, int end, BigDecimal amount, Currency currency, boolean bare) {}

  private record MoneyRead(Money budget, Money income, Money debt) {}

  private MoneyRead money(Text text, StringBuilder work, Set<LeadField> askedFor, String folded) {
    List<Mention> mentions = new ArrayList<>();
    String plain = work.toString();
    Matcher m = AMOUNT.matcher(plain);
    while (m.find()) {
      if (rutFollows(plain, m.end())) {
        continue;
      }
      boolean ufBefore = m.group("n1") != null;
      String num = ufBefore ? m.group("n1") : m.group("n2");
      String mult = ufBefore ? m.group("m1") : m.group("m2");
      boolean uf = ufBefore || m.group("uf") != null;
      boolean clpMarked = !ufBefore && (m.group("dollar") != null || m.group("pesos") != null);
      BigDecimal amount = number(num);
      if (!ufBefore && m.group("half2") != null) {
        amount = amount.add(new BigDecimal("0.5")); // "2 millones y medio"
      }
      if (mult != null) {
        amount = amount.multiply(BigDecimal.valueOf(SpanishRules.MONEY_MULTIPLIERS.get(mult)));
      }
      boolean bare = !uf && !clpMarked && mult == null;
      mentions.add(new Mention(m.start(), m.end(), amount, uf ? Currency.UF : Currency.CLP, bare));
    }
    for (Mention mention : mentions) {
      if (!mention.bare()) {
        blank(work, mention.start(), mention.end());
      }
    }
    Matcher w = WORD_AMOUNT.matcher(work.toString());
    while (w.find()) {
      BigDecimal units =
          w.group("w") == null
              ? BigDecimal.ONE
              : "medio".equals(w.group("w"))
                  ? new BigDecimal("0.5")
                  : BigDecimal.valueOf(SpanishRules.NUMBER_WORDS.get(w.group("w")));
      if (w.group("half") != null) {
        units = units.add(new BigDecimal("0.5"));
      }
      BigDecimal amount =
          units.multiply(BigDecimal.valueOf(SpanishRules.MONEY_MULTIPLIERS.get(w.group("u"))));
      mentions.add(new Mention(w.start(), w.end(), amount, Currency.CLP, false));
    }
    mentions.sort(Comparator.comparingInt(Mention::start));

    boolean rentContext = folded.contains("arriend");
    boolean searchContext =
        text.tokens.stream()
                .anyMatch(
                    t ->
                        SpanishRules.PROPERTY_WORDS.containsKey(t.text())
                            || SpanishRules.BUY_WORDS.contains(t.text())
                            || SpanishRules.RENT_WORDS.contains(t.text()))
            || searchWords(folded);
    Money budget = null;
    Money income = null;
    Money debt = null;
    int previousEnd = 0;
    for (Mention mention : mentions) {
      if (mention.bare() && mention.amount().compareTo(BigDecimal.valueOf(100)) < 0) {
        continue; // a count ("2 hijos", "piso 3"), never money
      }
      MoneyKind kind = kind(text, mention, previousEnd);
      int end = mention.end();
      BigDecimal amount = mention.amount();
      Currency currency = mention.currency();
      if (mention.bare()) {
        boolean asked =
            askedFor.contains(LeadField.BUDGET) || askedFor.contains(LeadField.MONTHLY_INCOME);
        if (kind == MoneyKind.BUDGET
            && rentContext
            && amount.compareTo(BigDecimal.valueOf(100)) >= 0
            && amount.compareTo(BigDecimal.valueOf(5000)) < 0
            && amount.stripTrailingZeros().scale() <= 0) {
          amount = amount.multiply(BigDecimal.valueOf(1000)); // "arriendo máximo 700" = 700 mil
        } else if (kind == null && !asked) {
          continue;
        }
        if (amount.compareTo(BigDecimal.valueOf(SpanishRules.MIN_CLP)) < 0) {
          continue;
        }
        blank(work, mention.start(), mention.end());
      }
      previousEnd = end;
      if (kind == null) {
        if (askedFor.contains(LeadField.MONTHLY_INCOME) && !askedFor.contains(LeadField.BUDGET)) {
          kind = MoneyKind.INCOME;
        } else if (askedFor.contains(LeadField.BUDGET)
            || currency == Currency.UF
            || searchContext
            || amount.compareTo(BigDecimal.valueOf(SpanishRules.CLP_PRICE_WITHOUT_CUE)) >= 0) {
          kind = MoneyKind.BUDGET;
        } else {
          continue;
        }
      }
      Money value = money(amount, currency);
      if (value == null) {
        continue;
      }
      switch (kind) {
        case BUDGET -> budget = value;
        case INCOME -> income = currency == Currency.CLP ? value : income;
        case DEBT -> debt = currency == Currency.CLP ? value : debt;
        case DOWN_PAYMENT -> {}
      }
    }
    return new MoneyRead(budget, income, debt);
  }

  /** What an amount is: the word right after it if telling, else the nearest cue before it. */
  private static MoneyKind kind(Text text, Mention mention, int previousEnd) {
    int after = text.tokenAt(mention.end());
    for (int i = after; i < Math.min(after + 3, text.size()); i++) {
      MoneyKind k = SpanishRules.MONEY_AFTER_CUES.get(text.word(i));
      if (k != null) {
        return k;
      }
    }
    int from =
        Math.max(
            Math.max(previousEnd, mention.start() - CUE_REACH),
            sentenceStart(text.plain, mention.start()));
    for (int i = text.tokenAt(mention.start()) - 1; i >= 0; i--) {
      if (text.tokens.get(i).start() < from) {
        break;
      }
      MoneyKind k = SpanishRules.MONEY_CUES.get(text.word(i));
      if (k != null) {
        return k;
      }
    }
    return null;
  }

  private static int sentenceStart(String plain, int at) {
    for (int i = at - 1; i >= Math.max(0, at - CUE_REACH); i--) {
      char c = plain.charAt(i);
      if (c == '!' || c == '?' || c == ';' || c == '\n' || c == '¿' || c == '¡') {
        return i + 1;
      }
      if (c == '.' && i + 1 < plain.length() && Character.isWhitespace(plain.charAt(i + 1))) {
        return i + 1;
      }
    }
    return 0;
  }

  private static boolean rutFollows(CharSequence text, int at) {
    return RUT_AFTER.matcher(text).region(at, text.length()).lookingAt();
  }

  /** "3.500" → 3500, "1,5" → 1.5, "1.2" → 1.2, "3.500,50" → 3500.50. */
  static BigDecimal number(String s) {
    if (s.matches("\\d{1,3}(?:[.,]\\d{3})+")) {
      return new BigDecimal(s.replaceAll("[.,]", ""));
    }
    if (s.matches("\\d{1,3}(?:[.,]\\d{3})+,\\d{1,2}")) {
      int comma = s.lastIndexOf(',');
      return new BigDecimal(
          s.substring(0, comma).replaceAll("[.,]", "") + "." + s.substring(comma + 1));
    }
    return new BigDecimal(s.replace(',', '.'));
  }

  private static Money money(BigDecimal amount, Currency currency) {
    if (currency == Currency.UF) {
      if (amount.compareTo(BigDecimal.ONE) < 0) {
        return null;
      }
      return new Money(amount.setScale(2, RoundingMode.HALF_UP), Currency.UF);
    }
    if (amount.compareTo(BigDecimal.valueOf(SpanishRules.MIN_CLP)) < 0) {
      return null;
    }
    return new Money(amount.setScale(0, RoundingMode.HALF_UP), Currency.CLP);
  }

  // ------------------------------------------------------------------ phone

  private static String phone(String work) {
    String found = null;
    Matcher m = PHONE.matcher(work);
    while (m.find()) {
      String candidate = m.group(1);
      if (DOTTED.matcher(candidate).find() || rutFollows(work, m.end())) {
        continue;
      }
      String before = work.substring(Math.max(0, m.start() - 12), m.start());
      if (before.contains("rut")) {
        continue;
      }
      Optional<String> e164 = parsePhone(candidate);
      if (e164.isPresent()) {
        found = e164.get();
      }
    }
    return found;
  }

  /** A Chilean (or explicitly international) number in E.164; empty when not a phone. */
  static Optional<String> parsePhone(String candidate) {
    String digits = candidate.replaceAll("\\D", "");
    if (digits.length() < 8 || digits.length() > 13) {
      return Optional.empty();
    }
    String input = candidate.strip();
    if (!input.startsWith("+") && digits.startsWith("56") && digits.length() == 11) {
      input = "+" + digits;
    }
    try {
      Phonenumber.PhoneNumber number = PHONES.parse(input, "CL");
      if (!PHONES.isPossibleNumber(number)) {
        return Optional.empty();
      }
      if (number.getCountryCode() == 56) {
        String national = String.valueOf(number.getNationalNumber());
        if (national.length() != 9) {
          return Optional.empty();
        }
      } else if (!PHONES.isValidNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(PHONES.format(number, PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  // ------------------------------------------------------------------ name

  private record NameRead(String value, int from, int to) {}

  private NameRead name(Text text, Set<LeadField> askedFor) {
    NameRead found = null;
    for (int i = 0; i < text.size(); i++) {
      for (List<String> cue : SpanishRules.STRONG_NAME_CUES) {
        if (text.matchesAt(i, cue)) {
          NameRead n = readName(text, i + cue.size(), true, false);
          if (n != null) {
            found = n;
          }
          break;
        }
      }
      if (SpanishRules.WEAK_NAME_CUE.contains(text.word(i)) && text.joinedToPrevious(i + 1)) {
        NameRead n = readName(text, i + 1, false, false);
        if (n != null) {
          found = n;
        }
      }
    }
    if (found == null && askedFor.contains(LeadField.NAME) && text.size() > 0) {
      found = readName(text, 0, false, true);
    }
    return found;
  }

  /**
   * The name starting at token {@code i}.
   *
   * @param strong after "me llamo": any name-like word is taken
   * @param wholeClause the name must be all of the first clause (a bare answer)
   */
  private NameRead readName(Text text, int i, boolean strong, boolean wholeClause) {
    if (i < text.size()
        && SpanishRules.NAME_ARTICLES.contains(text.word(i))
        && i + 1 < text.size()
        && text.joinedToPrevious(i + 1)
        && !wholeClause) {
      i++;
    }
    if (i >= text.size() || !nameLike(text.word(i))) {
      return null;
    }
    String first = text.written(i);
    boolean capitalised = Character.isUpperCase(first.charAt(0));
    boolean known = SpanishRules.FIRST_NAMES.contains(text.word(i));
    if (!strong && !capitalised && !known) {
      return null;
    }
    if (!known && comunas.at(text, i).isPresent()) {
      return null;
    }
    int to = i + 1;
    while (to < text.size()
        && to - i < 4
        && text.joinedToPrevious(to)
        && nameLike(text.word(to))
        && (strong
            || Character.isUpperCase(text.written(to).charAt(0))
            || !capitalised
            || SpanishRules.FIRST_NAMES.contains(text.word(to)))) {
      to++;
    }
    if (wholeClause && to < text.size() && text.joinedToPrevious(to)) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (int k = i; k < to; k++) {
      String w = text.written(k);
      parts.add(
          w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1).toLowerCase(Locale.ROOT));
    }
    return new NameRead(String.join(" ", parts), i, to);
  }

  private static boolean nameLike(String word) {
    return word.length() >= 2
        && word.chars().allMatch(Character::isLetter)
        && !SpanishRules.NOT_NAME.contains(word)
        && !SpanishRules.GREETINGS.contains(word);
  }

  // ------------------------------------------------------------------ location

  private String location(Text text, NameRead name, Set<LeadField> askedFor) {
    record Place(int at, String canonical) {}
    List<Place> places = new ArrayList<>();
    int lastContrast = -1;
    for (int i = 0; i < text.size(); i++) {
      if (name != null && i >= name.from() && i < name.to()) {
        continue;
      }
      if (SpanishRules.CONTRAST.contains(text.word(i))) {
        lastContrast = i;
      }
      Optional<Comunas.Match> match = comunas.at(text, i);
      String previous = text.word(i - 1);
      boolean placeCue = SpanishRules.PLACE_WORDS.contains(previous);
      if (match.isEmpty()) {
        if (placeCue && !previous.equals("a") && !previous.equals("y")) {
          String w = text.word(i);
          if (w.chars().allMatch(Character::isLetter) && !knownWord(w)) {
            Optional<String> near = comunas.nearMiss(w);
            if (near.isPresent() && !notSearchPlace(text, i)) {
              places.add(new Place(i, near.get()));
            }
          }
        }
        continue;
      }
      Comunas.Match m = match.get();
      boolean wholeAnswer =
          (m.from() == 0 || (m.from() == 1 && previous.equals("en"))) && m.to() == text.size();
      boolean answered = wholeAnswer && askedFor.contains(LeadField.LOCATION);
      boolean accepted;
      if (SpanishRules.WORD_PLACES.contains(m.key())) {
        accepted = answered || (previous.equals("de") && text.word(i - 2).equals("comuna"));
      } else if (SpanishRules.AMBIGUOUS_PLACES.contains(m.key())) {
        accepted = placeCue || wholeAnswer;
      } else {
        accepted = true;
      }
      boolean negated =
          previous.equals("no")
              || (text.word(m.to()).equals("no") && text.joinedToPrevious(m.to()));
      if (accepted && !negated && !notSearchPlace(text, i)) {
        places.add(new Place(i, m.canonical()));
      }
      i = m.to() - 1;
    }
    if (lastContrast >= 0) {
      int contrast = lastContrast;
      if (places.stream().anyMatch(p -> p.at() > contrast)
          && places.stream().anyMatch(p -> p.at() < contrast)) {
        places.removeIf(p -> p.at() < contrast);
      }
    }
    Set<String> names = new LinkedHashSet<>();
    for (Place p : places) {
      String joined = String.join(", ", names);
      String candidate = joined.isEmpty() ? p.canonical() : joined + ", " + p.canonical();
      if (candidate.length() <= LeadFacts.MAX_LOCATION_LENGTH) {
        names.add(p.canonical());
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static boolean knownWord(String w) {
    return SpanishRules.PROPERTY_WORDS.containsKey(w)
        || SpanishRules.RENT_WORDS.contains(w)
        || SpanishRules.BUY_WORDS.contains(w)
        || SpanishRules.BEDROOM_WORDS.contains(w)
        || SpanishRules.PARKING_WORDS.contains(w)
        || SpanishRules.NOT_NAME.contains(w);
  }

  private static boolean notSearchPlace(Text text, int i) {
    for (List<String> cue : SpanishRules.NOT_SEARCH_PLACE_CUES) {
      if (text.matchesAt(i - cue.size(), cue)) {
        return true;
      }
    }
    for (List<String> verb : SpanishRules.PLACE_OF_PERSON) {
      int at = i - verb.size();
      if (text.matchesAt(at, verb)) {
        for (int k = Math.max(0, at - 4); k < at; k++) {
          if (SpanishRules.THIRD_PARTY.contains(text.word(k))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ search facts

  private static Operation operation(Text text) {
    Operation found = null;
    for (Text.Token t : text.tokens) {
      if (SpanishRules.BUY_WORDS.contains(t.text())) {
        found = Operation.BUY;
      } else if (SpanishRules.RENT_WORDS.contains(t.text())) {
        found = Operation.RENT;
      }
    }
    return found;
  }

  private static PropertyType propertyType(Text text, String folded) {
    boolean selling = anyPhrase(folded, SpanishRules.SELL_PHRASES);
    PropertyType found = null;
    Set<PropertyType> distinct = new LinkedHashSet<>();
    for (int i = 0; i < text.size(); i++) {
      PropertyType type = SpanishRules.PROPERTY_WORDS.get(text.word(i));
      if (type == null) {
        continue;
      }
      String previous = text.word(i - 1);
      if (type == PropertyType.OTHER) {
        if (!SpanishRules.OTHER_TYPE_PREVIOUS.contains(previous)) {
          continue;
        }
      } else if (SpanishRules.NOT_PROPERTY_NEXT.contains(text.word(i + 1))) {
        continue;
      } else if (SpanishRules.NOT_PROPERTY_PREVIOUS.contains(previous) && !selling) {
        continue;
      } else if (SpanishRules.NAME_ARTICLES.contains(previous)
          && SpanishRules.AT_PLACE_BEFORE_ARTICLE.contains(text.word(i - 2))) {
        continue;
      }
      found = type;
      distinct.add(type);
    }
    if (distinct.size() > 1 && !correcting(folded)) {
      return null; // "casa o depto": the lead has not chosen
    }
    return found;
  }

  private static boolean correcting(String folded) {
    return Text.containsPhrase(folded, "perdon")
        || Text.containsPhrase(folded, "mejor")
        || Text.containsPhrase(folded, "corrijo")
        || Text.containsPhrase(folded, "me equivoque");
  }

  /** [bedrooms, bathrooms], -1 when not said. */
  private static int[] rooms(Text text, Set<LeadField> askedFor) {
    int[] rooms = {-1, -1};
    Matcher combo = ROOM_COMBO.matcher(text.plain);
    while (combo.find()) {
      rooms[0] = Integer.parseInt(combo.group(1));
      rooms[1] = Integer.parseInt(combo.group(2));
    }
    for (int i = 1; i < text.size(); i++) {
      Integer n = count(text.word(i - 1));
      if (n == null) {
        continue;
      }
      if (SpanishRules.BEDROOM_WORDS.contains(text.word(i))) {
        rooms[0] = n;
      } else if (SpanishRules.BATHROOM_WORDS.contains(text.word(i))) {
        rooms[1] = n;
      }
    }
    if (rooms[0] < 0 && askedFor.contains(LeadField.BEDROOMS) && text.size() == 1) {
      Integer n = count(text.word(0));
      rooms[0] = n == null ? -1 : n;
    }
    for (int k = 0; k < 2; k++) {
      if (rooms[k] > LeadFacts.MAX_ROOMS) {
        rooms[k] = -1;
      }
    }
    return rooms;
  }

  private static Integer count(String word) {
    if (word.matches("\\d{1,2}")) {
      return Integer.parseInt(word);
    }
    return SpanishRules.NUMBER_WORDS.get(word);
  }

  private static Integer parking(Text text) {
    Integer found = null;
    for (int i = 0; i < text.size(); i++) {
      if (!SpanishRules.PARKING_WORDS.contains(text.word(i))) {
        continue;
      }
      Integer n = count(text.word(i - 1));
      if (n != null && n <= LeadFacts.MAX_ROOMS) {
        found = n;
      } else if (SpanishRules.PARKING_WANTED_PREVIOUS.contains(text.word(i - 1))) {
        found = 1;
      }
    }
    return found;
  }

  private static DicomStatus dicom(Text text, String folded, Set<LeadField> askedFor) {
    boolean question = text.original.contains("?") || text.original.contains("¿");
    for (Map.Entry<String, DicomStatus> e : SpanishRules.DICOM_PHRASES) {
      int at = Text.lastPhraseIndex(folded, e.getKey());
      if (at < 0) {
        continue;
      }
      boolean hypothetical = at > 0 && folded.split(" ")[at - 1].equals("si") && question;
      if (e.getValue() == DicomStatus.HAS_DEBT && hypothetical) {
        continue; // "¿puedo comprar si estoy en dicom?"
      }
      return e.getValue();
    }
    if (askedFor.contains(LeadField.DICOM_STATUS)) {
      for (Map.Entry<String, DicomStatus> e : SpanishRules.DICOM_ANSWERS) {
        if (folded.equals(e.getKey()) || folded.startsWith(e.getKey() + " ")) {
          return e.getValue();
        }
      }
    }
    return null;
  }

  private static Timeline timeline(String folded) {
    Timeline found = null;
    int at = -1;
    for (Map.Entry<String, Timeline> e : SpanishRules.TIMELINE_PHRASES) {
      int i = Text.lastPhraseIndex(folded, e.getKey());
      if (i > at) {
        at = i;
        found = e.getValue();
      }
    }
    return found;
  }

  private static Financing financing(Text text) {
    Financing found = null;
    for (String sentence : sentences(text.plain)) {
      String f = Text.fold(sentence);
      List<Map.Entry<String, Financing>> table =
          isQuestion(sentence)
              ? SpanishRules.FINANCING_IN_QUESTIONS
              : SpanishRules.FINANCING_PHRASES;
      int at = -1;
      Financing inSentence = null;
      for (Map.Entry<String, Financing> e : table) {
        int i = Text.lastPhraseIndex(f, e.getKey());
        if (i > at) {
          at = i;
          inSentence = e.getValue();
        }
      }
      if (inSentence != null) {
        found = inSentence;
      }
    }
    return found;
  }
}
