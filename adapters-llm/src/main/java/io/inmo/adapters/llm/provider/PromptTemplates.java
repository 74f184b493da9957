package io.inmo.adapters.llm.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt texts in {@code resources/prompts/} (Spanish): {@code {{name}}} placeholders filled by
 * {@link #render}; a placeholder left without a value is a bug and fails loudly.
 */
final class PromptTemplates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  private final Properties labels;

  PromptTemplates() {
    this.labels = new Properties();
    try (Reader r = new InputStreamReader(open("labels.properties"), StandardCharsets.UTF_8)) {
      labels.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A template with its placeholders replaced; every placeholder must have a value. */
  String render(String template, Map<String, String> values) {
    String text = load(template);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("prompt " + template + " needs {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  /** A short Spanish label from {@code prompts/labels.properties}. */
  String label(String key) {
    String v = labels.getProperty(key);
    if (v == null) {
      throw new IllegalStateException("missing prompt label " + key);
    }
    return v;
  }

  static String load(String name) {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = PromptTemplates.class.getResourceAsStream("/prompts/" + name);
    return Objects.requireNonNull(in, () -> "missing prompt resource prompts/" + name);
  }
}
