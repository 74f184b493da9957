package io.inmo.adapters.llm.offline;

import io.inmo.domain.conversation.SpanishText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A message prepared for rule matching: {@link #plain} has the same length as the original (lower
 * case, accents removed, ñ → n, punctuation kept), so a match can be cut back out of the original
 * with its accents; {@link #tokens} are its runs of letters and digits.
 */
final class Text {
  /** A run of letters and digits of {@link #plain}, with its position. */
  record Token(String text, int start, int end) {}

  final String original;
  final String plain;
  final List<Token> tokens;

  Text(String original) {
    this.original = original == null ? "" : original;
    this.plain = plain(this.original);
    this.tokens = tokens(plain);
  }

  /** Lower case without accents, one char for one char. */
  static String plain(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      if (c > 127 && Character.isLetter(c)) {
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        c = d.charAt(0);
      }
      b.append(c);
    }
    return b.toString();
  }

  /** Folded words of {@code s} joined by single spaces: the domain's folding (SpanishText). */
  static String fold(String s) {
    return SpanishText.fold(s);
  }

  static List<Token> tokens(String plain) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < plain.length()) {
      if (Character.isLetterOrDigit(plain.charAt(i))) {
        int start = i;
        while (i < plain.length() && Character.isLetterOrDigit(plain.charAt(i))) {
          i++;
        }
        out.add(new Token(plain.substring(start, i), start, i));
      } else {
        i++;
      }
    }
    return out;
  }

  int size() {
    return tokens.size();
  }

  String word(int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i).text() : "";
  }

  /** The token as written in the original (with accents and case). */
  String written(int i) {
    Token t = tokens.get(i);
    return original.substring(t.start(), t.end());
  }

  /** Whether only spaces separate token {@code i - 1} from token {@code i}. */
  boolean joinedToPrevious(int i) {
    if (i <= 0) {
      return false;
    }
    return original.substring(tokens.get(i - 1).end(), tokens.get(i).start()).isBlank();
  }

  /** Whether the tokens from {@code i} spell {@code words}. */
  boolean matchesAt(int i, List<String> words) {
    if (i < 0 || i + words.size() > tokens.size()) {
      return false;
    }
    for (int k = 0; k < words.size(); k++) {
      if (!tokens.get(i + k).text().equals(words.get(k))) {
        return false;
      }
    }
    return true;
  }

  /** Token index of the first token starting at or after {@code offset}; size() when none. */
  int tokenAt(int offset) {
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).start() >= offset) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Folded words of the whole text. */
  String folded() {
    StringBuilder b = new StringBuilder();
    for (Token t : tokens) {
      if (!b.isEmpty()) {
        b.append(' ');
      }
      b.append(t.text());
    }
    return b.toString();
  }

  /** Whether folded {@code haystack} contains folded {@code phrase} as whole words. */
  static boolean containsPhrase(String haystack, String phrase) {
    return SpanishText.containsPhrase(haystack, phrase);
  }

  /** Word index where folded {@code phrase} last starts in {@code haystack}; -1 when absent. */
  static int lastPhraseIndex(String haystack, String phrase) {
    int at = (" " + haystack + " ").lastIndexOf(" " + phrase + " ");
    if (at < 0) {
      return -1;
    }
    // at is the offset of the space before the phrase in the padded text: the words before it are
    // the spaces in haystack[0, at)
    return (int) haystack.substring(0, at).chars().filter(c -> c == ' ').count();
  }
}
