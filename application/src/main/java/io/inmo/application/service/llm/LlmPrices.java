package io.inmo.application.service.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model costs, in US dollars per million input and output tokens, by {@code provider:model}
 * (ADR 0018). Estimates only: the providers' invoices are the truth. A model not in the table has
 * no estimate (shown as unknown, never as zero).
 */
public final class LlmPrices {

  /** Dollars per million tokens in and out. */
  public record Price(BigDecimal perMillionIn, BigDecimal perMillionOut) {
    public Price {
      Objects.requireNonNull(perMillionIn, "perMillionIn");
      Objects.requireNonNull(perMillionOut, "perMillionOut");
      if (perMillionIn.signum() < 0 || perMillionOut.signum() < 0) {
        throw new IllegalArgumentException("prices must not be negative");
      }
    }
  }

  /** Public list prices of common models (USD per million tokens), 2026; override by config. */
  public static final Map<String, Price> DEFAULTS =
      Map.of(
          "openai:gpt-4o-mini", new Price(new BigDecimal("0.15"), new BigDecimal("0.60")),
          "openai:gpt-4o", new Price(new BigDecimal("2.50"), new BigDecimal("10.00")),
          "openai:gpt-4.1-mini", new Price(new BigDecimal("0.40"), new BigDecimal("1.60")),
          "anthropic:claude-haiku-4-5", new Price(new BigDecimal("1.00"), new BigDecimal("5.00")),
          "anthropic:claude-sonnet-4-5", new Price(new BigDecimal("3.00"), new BigDecimal("15.00")),
          "gemini:gemini-2.0-flash", new Price(new BigDecimal("0.10"), new BigDecimal("0.40")),
          "gemini:gemini-2.5-flash", new Price(new BigDecimal("0.30"), new BigDecimal("2.50")));

  private final Map<String, Price> prices;

  public LlmPrices(Map<String, Price> prices) {
    this.prices = Map.copyOf(prices);
  }

  /** The defaults with {@code overrides} on top (same keys replace). */
  public static LlmPrices withOverrides(Map<String, Price> overrides) {
    Map<String, Price> all = new java.util.HashMap<>(DEFAULTS);
    overrides.forEach((k, v) -> all.put(key(k), v));
    return new LlmPrices(all);
  }

  /**
   * Parses {@code provider:model=in/out,…}, e.g. {@code openai:gpt-4o-mini=0.15/0.60}.
   *
   * @throws IllegalArgumentException naming the entry that does not parse
   */
  public static Map<String, Price> parse(String spec) {
    Map<String, Price> parsed = new java.util.HashMap<>();
    if (spec == null || spec.isBlank()) {
      return parsed;
    }
    for (String entry : spec.split(",")) {
      String[] kv = entry.strip().split("=", 2);
      String[] io = kv.length == 2 ? kv[1].split("/", 2) : new String[0];
      if (kv.length != 2 || !kv[0].contains(":") || io.length != 2) {
        throw new IllegalArgumentException(
            "'" + entry.strip() + "' is not provider:model=in/out (USD per million tokens)");
      }
      try {
        parsed.put(
            key(kv[0]), new Price(new BigDecimal(io[0].strip()), new BigDecimal(io[1].strip())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'" + entry.strip() + "' has a price that is not a number");
      }
    }
    return parsed;
  }

  private static String key(String providerModel) {
    return providerModel.strip().toLowerCase(Locale.ROOT);
  }

  /** The estimated cost of these tokens, in USD with 6 decimals; empty for an unknown model. */
  public Optional<BigDecimal> cost(String provider, String model, long tokensIn, long tokensOut) {
    Price price = prices.get(key(provider + ":" + model));
    if (price == null) {
      return Optional.empty();
    }
    BigDecimal million = BigDecimal.valueOf(1_000_000);
    return Optional.of(
        price
            .perMillionIn()
            .multiply(BigDecimal.valueOf(tokensIn))
            .add(price.perMillionOut().multiply(BigDecimal.valueOf(tokensOut)))
            .divide(million, 6, RoundingMode.HALF_UP));
  }
}
