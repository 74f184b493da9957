package io.inmo.domain.broker;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The URL-safe, unique short name of a brokerage ({@code propiedades-nunoa-ltda}). */
public record Slug(String value) {
  /** Longest slug accepted (a DNS label, so a slug can become a subdomain). */
  public static final int MAX_LENGTH = 63;

  private static final Pattern SHAPE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

  public Slug {
    Objects.requireNonNull(value, "slug must not be null");
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "slug must match "
              + SHAPE.pattern()
              + " and be at most "
              + MAX_LENGTH
              + " chars: "
              + value);
    }
  }

  /**
   * Derives a slug from a display name: strips accents ({@code Ñuñoa} → {@code nunoa}), joins words
   * with hyphens and cuts at {@value #MAX_LENGTH} characters. Throws {@link
   * IllegalArgumentException} when nothing usable remains.
   */
  public static Slug fromName(String name) {
    Objects.requireNonNull(name, "name must not be null");
    String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    String slug = NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
    slug = trimHyphens(slug);
    if (slug.length() > MAX_LENGTH) {
      slug = trimHyphens(slug.substring(0, MAX_LENGTH));
    }
    if (slug.isEmpty()) {
      throw new IllegalArgumentException("cannot derive a slug from: " + name);
    }
    return new Slug(slug);
  }

  private static String trimHyphens(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }

  @Override
  public String toString() {
    return value;
  }
}
