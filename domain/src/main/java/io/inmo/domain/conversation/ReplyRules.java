package io.inmo.domain.conversation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every reply to a lead keeps, checked in code whatever wrote it (PRODUCT §7): never
 * promise credit approval; never quote down payments, rates or instalments; ask at most {@value
 * #MAX_QUESTIONS} questions. {@link #enforce} removes the sentences that break a rule and, when it
 * removed something about credit, adds once the honest line that the bank decides.
 */
public final class ReplyRules {
  public static final int MAX_QUESTIONS = 2;

  /** Said instead of a removed promise or figure. */
  public static final String SAFE_FINANCING_LINE =
      "La aprobación del crédito y sus condiciones (pie, tasa, dividendo) las define el banco"
          + " según tu evaluación; te podemos orientar en el proceso.";

  /** A broken rule. */
  public enum Violation {
    CREDIT_PROMISE,
    FINANCIAL_FIGURE,
    TOO_MANY_QUESTIONS
  }

  /** The reply as it may be sent, and what was removed from it. */
  public record Checked(String text, Set<Violation> violations) {
    public Checked {
      Objects.requireNonNull(text, "text");
      violations = violations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(violations));
    }

    public boolean changed() {
      return !violations.isEmpty();
    }
  }

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+|\\n+");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Pattern CREDIT =
      Pattern.compile("\\b(credito|creditos|hipotecario|financiamiento|prestamo|banco|bancos)\\b");
  private static final Pattern PROMISE =
      Pattern.compile(
          "\\b(aprobad[oa]s?|asegurad[oa]s?|garantizad[oa]s?|garantiz\\w*|te lo aprueban"
              + "|te lo van a aprobar|te van a aprobar|lo van a aprobar|vas a calificar"
              + "|calificas sin problema|seguro que|sin ningun problema|sin problema"
              + "|de todas maneras|100 por ciento|100)\\b");
  private static final Pattern PRE_APPROVED = Pattern.compile("\\bpre ?aprobad[oa]s?\\b");
  private static final Pattern NEGATED =
      Pattern.compile(
          "\\bno (te |le )?(podemos|puedo|se puede|es posible|podria|podriamos)"
              + " (garantizar|asegurar|prometer)");
  private static final Set<String> FIGURE_WORDS =
      Set.of(
          "pie",
          "tasa",
          "tasas",
          "dividendo",
          "dividendos",
          "cuota",
          "cuotas",
          "interes",
          "intereses",
          "cae",
          "abono");

  private ReplyRules() {}

  /** {@code reply} with every sentence that breaks a rule removed; see the class comment. */
  public static Checked enforce(String reply) {
    Objects.requireNonNull(reply, "reply");
    Set<Violation> violations = EnumSet.noneOf(Violation.class);
    List<String> kept = new ArrayList<>();
    int questions = 0;
    for (String sentence : SENTENCE_END.split(reply.strip())) {
      if (sentence.isBlank()) {
        continue;
      }
      String folded = SpanishText.fold(sentence);
      if (promisesCredit(folded)) {
        violations.add(Violation.CREDIT_PROMISE);
        continue;
      }
      if (quotesFigure(sentence, folded)) {
        violations.add(Violation.FINANCIAL_FIGURE);
        continue;
      }
      if (sentence.contains("?")) {
        if (questions == MAX_QUESTIONS) {
          violations.add(Violation.TOO_MANY_QUESTIONS);
          continue;
        }
        questions++;
      }
      kept.add(sentence.strip());
    }
    if (violations.contains(Violation.CREDIT_PROMISE)
        || violations.contains(Violation.FINANCIAL_FIGURE)) {
      kept.add(
          kept.isEmpty() || !kept.getLast().contains("?") ? kept.size() : kept.size() - 1,
          SAFE_FINANCING_LINE);
    }
    return new Checked(String.join(" ", kept), violations);
  }

  /** Whether one folded sentence promises credit approval. */
  static boolean promisesCredit(String folded) {
    if (PRE_APPROVED.matcher(folded).find()) {
      return true;
    }
    if (NEGATED.matcher(folded).find()) {
      return false;
    }
    return CREDIT.matcher(folded).find() && PROMISE.matcher(folded).find();
  }

  /** Whether one sentence quotes a down payment, rate or instalment figure. */
  static boolean quotesFigure(String sentence, String folded) {
    if (!DIGIT.matcher(sentence).find()) {
      return false;
    }
    String[] words = folded.split(" ");
    for (int i = 0; i < words.length; i++) {
      if (FIGURE_WORDS.contains(words[i])) {
        boolean onFoot =
            words[i].equals("pie")
                && i > 0
                && (words[i - 1].equals("a") || words[i - 1].equals("de"));
        if (!onFoot) {
          return true;
        }
      }
    }
    return false;
  }
}
