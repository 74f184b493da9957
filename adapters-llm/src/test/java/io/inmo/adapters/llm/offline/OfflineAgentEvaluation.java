package io.inmo.adapters.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.domain.broker.LeadField;
import io.inmo.domain.shared.Money;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the offline extractor over the labelled evaluation sets ({@code
 * eval/offline-agent-eval.tsv}, the development set, and {@code eval/offline-agent-holdout.tsv},
 * never used for tuning) and fails when per-fact precision or recall, or intent accuracy, fall
 * below the thresholds (ADR 0016). The table goes to stdout and {@code
 * target/offline-agent-eval.txt}.
 */
class OfflineAgentEvaluation {
  static final String RESOURCE = "/eval/offline-agent-eval.tsv";
  static final String HOLDOUT = "/eval/offline-agent-holdout.tsv";

  static final List<String> FACTS =
      List.of(
          "name",
          "phone",
          "email",
          "location",
          "operation",
          "type",
          "bedrooms",
          "bathrooms",
          "parking",
          "budget",
          "income",
          "dicom",
          "debt",
          "timeline",
          "financing");

  /** The issue's bars: precision ≥ 0.95 and recall ≥ 0.90 for these, intent accuracy ≥ 0.90. */
  static final Set<String> GATED =
      Set.of("name", "phone", "email", "location", "budget", "income", "dicom", "debt");

  /**
   * Thresholds on both sets together, set just under what the extractor reaches (never below the
   * issue's bars); facts with few labels keep the issue's bars, where one miss moves a lot.
   */
  static final Map<String, double[]> THRESHOLDS =
      Map.ofEntries(
          Map.entry("name", new double[] {0.97, 0.97}),
          Map.entry("phone", new double[] {0.95, 0.95}),
          Map.entry("email", new double[] {0.95, 0.90}),
          Map.entry("location", new double[] {0.98, 0.98}),
          Map.entry("budget", new double[] {0.98, 0.98}),
          Map.entry("income", new double[] {0.96, 0.96}),
          Map.entry("dicom", new double[] {0.97, 0.97}),
          Map.entry("debt", new double[] {0.95, 0.90}),
          Map.entry("operation", new double[] {0.95, 0.95}),
          Map.entry("type", new double[] {0.98, 0.98}),
          Map.entry("bedrooms", new double[] {0.96, 0.96}),
          Map.entry("bathrooms", new double[] {0.90, 0.90}),
          Map.entry("parking", new double[] {0.85, 0.85}),
          Map.entry("timeline", new double[] {0.95, 0.95}),
          Map.entry("financing", new double[] {0.93, 0.93}));

  static final double INTENT_THRESHOLD = 0.97;

  record Case(int line, Set<LeadField> askedFor, String message, Map<String, String> expected) {}

  /** True and false positives and negatives of one fact. */
  static final class Score {
    int tp;
    int fp;
    int fn;

    double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }
  }

  /** Per-fact scores, intent hits and the misses of one run. */
  record Result(
      String title, int size, Map<String, Score> scores, int intentsRight, List<String> misses) {
    double intentAccuracy() {
      return (double) intentsRight / size;
    }
  }

  @Test
  void givenTheLabelledSets_whenExtracted_thenEveryFactAndTheIntentReachTheThresholds()
      throws IOException {
    List<Case> dev = load(RESOURCE);
    List<Case> holdout = load(HOLDOUT);
    List<Case> all = new ArrayList<>(dev);
    all.addAll(holdout);
    assertThat(all).hasSizeGreaterThanOrEqualTo(220);
    SpanishFactExtractor extractor = new SpanishFactExtractor();
    Result devResult = evaluate("development set (" + RESOURCE + ")", dev, extractor);
    Result holdoutResult = evaluate("held-out set (" + HOLDOUT + ")", holdout, extractor);
    Result total = evaluate("both sets (gated)", all, extractor);

    StringBuilder report = new StringBuilder();
    for (Result r : List.of(devResult, holdoutResult, total)) {
      table(report, r);
    }
    report.append("\nMisses (held-out):\n");
    holdoutResult.misses().forEach(m -> report.append("  ").append(m).append('\n'));
    report.append("\nMisses (development):\n");
    devResult.misses().forEach(m -> report.append("  ").append(m).append('\n'));
    System.out.println(report);
    Path out = Path.of("target", "offline-agent-eval.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);

    for (String fact : FACTS) {
      Score s = total.scores().get(fact);
      double[] t = THRESHOLDS.get(fact);
      if (GATED.contains(fact)) {
        assertThat(t[0]).as("issue bar for " + fact).isGreaterThanOrEqualTo(0.95);
        assertThat(t[1]).as("issue bar for " + fact).isGreaterThanOrEqualTo(0.90);
      }
      assertThat(s.precision()).as(fact + " precision").isGreaterThanOrEqualTo(t[0]);
      assertThat(s.recall()).as(fact + " recall").isGreaterThanOrEqualTo(t[1]);
    }
    assertThat(INTENT_THRESHOLD).isGreaterThanOrEqualTo(0.90);
    assertThat(total.intentAccuracy())
        .as("intent accuracy")
        .isGreaterThanOrEqualTo(INTENT_THRESHOLD);
  }

  static Result evaluate(String title, List<Case> cases, SpanishFactExtractor extractor) {
    Map<String, Score> scores = new LinkedHashMap<>();
    FACTS.forEach(f -> scores.put(f, new Score()));
    int intentsRight = 0;
    List<String> misses = new ArrayList<>();
    for (Case c : cases) {
      Map<String, String> got = asLabels(extractor.extract(c.message(), c.askedFor()));
      for (String fact : FACTS) {
        String want = c.expected().get(fact);
        String have = got.get(fact);
        Score s = scores.get(fact);
        if (want != null && want.equals(have)) {
          s.tp++;
        } else if (!Objects.equals(want, have)) {
          if (have != null) {
            s.fp++;
          }
          if (want != null) {
            s.fn++;
          }
          misses.add(
              "line "
                  + c.line()
                  + " "
                  + fact
                  + ": want="
                  + want
                  + " got="
                  + have
                  + " | "
                  + c.message());
        }
      }
      if (c.expected().get("intent").equals(got.get("intent"))) {
        intentsRight++;
      } else {
        misses.add(
            "line "
                + c.line()
                + " intent: want="
                + c.expected().get("intent")
                + " got="
                + got.get("intent")
                + " | "
                + c.message());
      }
    }
    return new Result(title, cases.size(), scores, intentsRight, misses);
  }

  private static void table(StringBuilder report, Result r) {
    report.append("Offline agent evaluation, ").append(r.title()).append(": ");
    report.append(r.size()).append(" messages\n");
    report.append(
        String.format(
            Locale.ROOT,
            "%-10s %5s %5s %5s %9s %7s %9s%n",
            "fact",
            "tp",
            "fp",
            "fn",
            "precision",
            "recall",
            "threshold"));
    for (String fact : FACTS) {
      Score s = r.scores().get(fact);
      double[] t = THRESHOLDS.get(fact);
      report.append(
          String.format(
              Locale.ROOT,
              "%-10s %5d %5d %5d %9.3f %7.3f %4.2f/%4.2f%n",
              fact,
              s.tp,
              s.fp,
              s.fn,
              s.precision(),
              s.recall(),
              t[0],
              t[1]));
    }
    report.append(
        String.format(
            Locale.ROOT,
            "intent accuracy %.3f (%d/%d), threshold %.2f%n%n",
            r.intentAccuracy(),
            r.intentsRight(),
            r.size(),
            INTENT_THRESHOLD));
  }

  static Map<String, String> asLabels(Extraction e) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("intent", e.intent().name());
    put(m, "name", e.name());
    put(m, "phone", e.phone());
    put(m, "email", e.email());
    put(m, "location", e.location());
    put(m, "operation", e.operation());
    put(m, "type", e.propertyType());
    put(m, "bedrooms", e.bedrooms());
    put(m, "bathrooms", e.bathrooms());
    put(m, "parking", e.parking());
    if (e.budget() != null) {
      m.put("budget", plain(e.budget()) + " " + e.budget().currency());
    }
    if (e.monthlyIncome() != null) {
      m.put("income", plain(e.monthlyIncome()));
    }
    put(m, "dicom", e.dicomStatus());
    if (e.debtAmount() != null) {
      m.put("debt", plain(e.debtAmount()));
    }
    put(m, "timeline", e.timeline());
    put(m, "financing", e.financing());
    return m;
  }

  private static String plain(Money money) {
    return money.amount().stripTrailingZeros().toPlainString();
  }

  private static void put(Map<String, String> m, String key, Object value) {
    if (value != null) {
      m.put(key, value instanceof Enum<?> en ? en.name() : value.toString());
    }
  }

  static List<Case> load(String resource) throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = OfflineAgentEvaluation.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        assertThat(cols).as("line " + (i + 1)).hasSize(3);
        Set<LeadField> asked = EnumSet.noneOf(LeadField.class);
        if (cols[0].startsWith("askedFor=")) {
          for (String f : cols[0].substring("askedFor=".length()).split(",")) {
            asked.add(LeadField.valueOf(f.strip()));
          }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (String pair : cols[2].split(";")) {
          int eq = pair.indexOf('=');
          String key = pair.substring(0, eq).strip();
          assertThat(key).as("line " + (i + 1)).isIn(withIntent());
          expected.put(key, pair.substring(eq + 1).strip());
        }
        assertThat(expected).as("line " + (i + 1)).containsKey("intent");
        cases.add(new Case(i + 1, asked, cols[1], expected));
      }
    }
    return cases;
  }

  private static List<String> withIntent() {
    List<String> keys = new ArrayList<>(FACTS);
    keys.add("intent");
    return keys;
  }
}
