package io.inmo.adapters.llm.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chile's 346 comunas (resource {@code offline/comunas-chile.csv}) and the other spellings people
 * use for them, matched on folded words: "nunoa", "ÑUÑOA" and "Ñuñoa" are all Ñuñoa.
 */
final class Comunas {
  static final String RESOURCE = "/offline/comunas-chile.csv";

  /** One spelling of a place: its folded words and its canonical name. */
  record Entry(List<String> words, String canonical, String key) {}

  /** A place found in a text: tokens [from, to) and its canonical name. */
  record Match(int from, int to, String canonical, String key) {}

  private final List<String> canonical;
  private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
  private final Map<String, String> singleWord = new HashMap<>();

  Comunas() {
    this.canonical = load();
    Map<String, String> spellings = new HashMap<>();
    for (String name : canonical) {
      spellings.put(Text.fold(name), name);
    }
    spellings.putAll(SpanishRules.LOCATION_ALIASES);
    for (Map.Entry<String, String> s : spellings.entrySet()) {
      List<String> words = Arrays.asList(s.getKey().split(" "));
      Entry e = new Entry(words, s.getValue(), s.getKey());
      byFirstWord.computeIfAbsent(words.getFirst(), k -> new ArrayList<>()).add(e);
      if (words.size() == 1) {
        singleWord.put(s.getKey(), s.getValue());
      }
    }
    for (List<Entry> list : byFirstWord.values()) {
      list.sort(Comparator.comparingInt((Entry e) -> e.words().size()).reversed());
    }
  }

  /** The canonical comuna names as in the CSV, in its order. */
  List<String> names() {
    return canonical;
  }

  /** The longest place spelled from token {@code i}, if any. */
  Optional<Match> at(Text text, int i) {
    for (Entry e : byFirstWord.getOrDefault(text.word(i), List.of())) {
      if (text.matchesAt(i, e.words())) {
        return Optional.of(new Match(i, i + e.words().size(), e.canonical(), e.key()));
      }
    }
    return Optional.empty();
  }

  /** A one-word comuna written with one typo (a letter swapped, missing, extra or wrong). */
  Optional<String> nearMiss(String word) {
    if (word.length() < 7) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> e : singleWord.entrySet()) {
      String key = e.getKey();
      if (key.length() >= 7 && key.charAt(0) == word.charAt(0) && oneEditApart(word, key)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Damerau–Levenshtein distance exactly 1 (or 0). */
  static boolean oneEditApart(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()] <= 1;
  }

  private static List<String> load() {
    try (InputStream in = Comunas.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> names = new ArrayList<>();
      String line = reader.readLine(); // header
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          names.add(line.substring(0, line.indexOf(',')).strip());
        }
      }
      return List.copyOf(names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
