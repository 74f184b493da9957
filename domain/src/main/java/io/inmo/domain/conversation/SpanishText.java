package io.inmo.domain.conversation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text folded for matching what people write in Chilean Spanish: lower case, no accents (ñ → n),
 * punctuation and emoji turned into spaces, runs of spaces collapsed. "¡NO me escriban MÁS! 🙏"
 * becomes "no me escriban mas".
 */
public final class SpanishText {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private SpanishText() {}

  /** The folded form of {@code text}; empty for null. */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String lower = text.toLowerCase(Locale.ROOT);
    String plain = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    return NOT_WORD.matcher(plain).replaceAll(" ").strip();
  }

  /**
   * Whether the folded {@code text} contains {@code phrase} (already folded) as whole words: "baja"
   * matches "BAJA" and "por favor baja", not "bajamos" or "trabaja".
   */
  public static boolean containsPhrase(String folded, String phrase) {
    String padded = " " + folded + " ";
    return padded.contains(" " + phrase + " ");
  }
}
