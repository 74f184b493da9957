package io.inmo.domain.broker;

import io.inmo.domain.shared.Ids;
import io.inmo.domain.shared.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A broker's language-model settings (PRODUCT §9, ADR 0018): its own provider chain — which
 * overrides the server's — and a monthly budget. Immutable.
 *
 * <p>{@code provider} null means "the server's chain" ({@code INMO_LLM_*}); {@code offline} means
 * the built-in agent only. A provider of the broker's chain that needs a key takes the broker's own
 * ({@code <provider>.api_key}), never the server's: a brokerage choosing a model pays for it. The
 * budget, in US dollars per calendar month of the broker's time zone, applies whichever chain
 * answers; once the month's estimated cost reaches it, the broker is answered by the offline agent
 * until the month ends or the budget is raised.
 *
 * @param provider null (server default), {@code offline} or a provider of {@link #PROVIDERS}
 * @param model the model of {@code provider}; required unless the provider is null or offline
 * @param baseUrl another endpoint of {@code provider} (required for {@code openai_compatible})
 * @param fallbacks further {@code provider:model} links, in order (at most {@link #MAX_FALLBACKS})
 * @param credentials {@code <provider>.api_key} by provider; values print masked
 * @param monthlyBudgetUsd null for no budget; else positive, at most two decimals
 * @param version optimistic-locking version read from storage; the domain never changes it
 */
public record BrokerLlmConfig(
    UUID id,
    BrokerId brokerId,
    String provider,
    String model,
    String baseUrl,
    List<String> fallbacks,
    Map<String, Secret> credentials,
    BigDecimal monthlyBudgetUsd,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The built-in agent: no provider, no key, no cost. */
  public static final String OFFLINE = "offline";

  /** The API values of the providers a chain can name, besides {@link #OFFLINE}. */
  public static final Set<String> PROVIDERS =
      Set.of("openai", "openai_compatible", "anthropic", "gemini", "ollama");

  /** Providers that cannot be called without an API key. */
  public static final Set<String> KEYED_PROVIDERS = Set.of("openai", "anthropic", "gemini");

  public static final int MAX_FALLBACKS = 3;
  public static final BigDecimal MAX_BUDGET_USD = new BigDecimal("1000000");
  private static final int MAX_MODEL_LENGTH = 200;
  private static final int MAX_URL_LENGTH = 500;

  public BrokerLlmConfig {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(brokerId, "brokerId must not be null");
    provider = provider(provider, true);
    boolean overrides = provider != null && !OFFLINE.equals(provider);
    model = blankToNull(model);
    if (overrides) {
      requireModel(model, provider);
    } else if (model != null) {
      throw new IllegalArgumentException("a model needs a provider other than offline");
    }
    baseUrl = blankToNull(baseUrl);
    if (baseUrl != null) {
      if (!overrides) {
        throw new IllegalArgumentException("a base URL needs a provider other than offline");
      }
      requireHttpUrl(baseUrl);
    } else if ("openai_compatible".equals(provider)) {
      throw new IllegalArgumentException("openai_compatible needs a base URL");
    }
    fallbacks = fallbacks(fallbacks == null ? List.of() : fallbacks, provider, model);
    if (!overrides && !fallbacks.isEmpty()) {
      throw new IllegalArgumentException("fallbacks need a provider other than offline");
    }
    credentials = Credentials.copyOf(credentials);
    for (String key : credentials.keySet()) {
      String p = key.endsWith(".api_key") ? key.substring(0, key.length() - 8) : "";
      if (!PROVIDERS.contains(p)) {
        throw new IllegalArgumentException("unknown credential " + key + " (<provider>.api_key)");
      }
    }
    if (monthlyBudgetUsd != null) {
      if (monthlyBudgetUsd.signum() <= 0 || monthlyBudgetUsd.compareTo(MAX_BUDGET_USD) > 0) {
        throw new IllegalArgumentException(
            "monthlyBudgetUsd must be > 0 and at most " + MAX_BUDGET_USD);
      }
      if (monthlyBudgetUsd.stripTrailingZeros().scale() > 2) {
        throw new IllegalArgumentException("monthlyBudgetUsd takes at most two decimals");
      }
      monthlyBudgetUsd = monthlyBudgetUsd.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
    Objects.requireNonNull(createdAt, "createdAt must not be null");
    Objects.requireNonNull(updatedAt, "updatedAt must not be null");
  }

  /** The server's chain and no budget. */
  public static BrokerLlmConfig defaults(BrokerId brokerId, Instant now) {
    return new BrokerLlmConfig(
        Ids.newUuid(), brokerId, null, null, null, List.of(), Map.of(), null, now, now, 0L);
  }

  /** Whether the broker answers with the server's chain ({@code INMO_LLM_*}). */
  public boolean usesServerChain() {
    return provider == null;
  }

  /** Whether the broker chose the offline agent only. */
  public boolean offlineOnly() {
    return OFFLINE.equals(provider);
  }

  /**
   * The broker's own chain, primary first, as {@code provider:model} links; empty when it uses the
   * server's chain or the offline agent.
   */
  public List<Link> chain() {
    if (provider == null || OFFLINE.equals(provider)) {
      return List.of();
    }
    List<Link> links = new ArrayList<>();
    links.add(new Link(provider, model, baseUrl));
    for (String f : fallbacks) {
      String[] pm = f.split(":", 2);
      links.add(new Link(pm[0], pm[1], null));
    }
    return List.copyOf(links);
  }

  /**
   * The keys the chain needs and does not have ({@code <provider>.api_key}); a chain with missing
   * keys cannot be saved.
   */
  public List<String> missingCredentials() {
    List<String> missing = new ArrayList<>();
    for (Link link : chain()) {
      String key = link.provider() + ".api_key";
      if (KEYED_PROVIDERS.contains(link.provider())
          && !credentials.containsKey(key)
          && !missing.contains(key)) {
        missing.add(key);
      }
    }
    return List.copyOf(missing);
  }

  /** The broker's key for {@code provider}, if it gave one. */
  public java.util.Optional<Secret> apiKey(String provider) {
    return java.util.Optional.ofNullable(credentials.get(provider + ".api_key"));
  }

  /** Whether a month's estimated cost has reached the budget (never without a budget). */
  public boolean budgetReached(BigDecimal spentUsd) {
    return monthlyBudgetUsd != null
        && spentUsd != null
        && spentUsd.compareTo(monthlyBudgetUsd) >= 0;
  }

  /** A copy with new settings (validated like a new config). */
  public BrokerLlmConfig withSettings(
      String newProvider,
      String newModel,
      String newBaseUrl,
      List<String> newFallbacks,
      Map<String, Secret> newCredentials,
      BigDecimal newMonthlyBudgetUsd,
      Instant now) {
    return new BrokerLlmConfig(
        id,
        brokerId,
        newProvider,
        newModel,
        newBaseUrl,
        newFallbacks,
        newCredentials,
        newMonthlyBudgetUsd,
        createdAt,
        Objects.requireNonNull(now, "now"),
        version);
  }

  /**
   * One provider of the broker's chain; {@code baseUrl} null means the server's or the vendor's.
   */
  public record Link(String provider, String model, String baseUrl) {
    public Link {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(model, "model");
    }

    /** {@code provider:model}; holds no secret. */
    public String name() {
      return provider + ":" + model;
    }
  }

  private static String provider(String value, boolean allowOffline) {
    String p = blankToNull(value);
    if (p == null) {
      return null;
    }
    p = p.toLowerCase(Locale.ROOT);
    if (!PROVIDERS.contains(p) && !(allowOffline && OFFLINE.equals(p))) {
      throw new IllegalArgumentException(
          "unknown provider "
              + value
              + " (offline, openai, openai_compatible, anthropic, gemini, ollama)");
    }
    return p;
  }

  private static void requireModel(String model, String provider) {
    if (model == null) {
      throw new IllegalArgumentException(provider + " needs a model");
    }
    if (model.length() > MAX_MODEL_LENGTH || model.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "a model is 1.." + MAX_MODEL_LENGTH + " characters without spaces: " + model);
    }
  }

  private static List<String> fallbacks(List<String> values, String primary, String model) {
    if (values.size() > MAX_FALLBACKS) {
      throw new IllegalArgumentException("at most " + MAX_FALLBACKS + " fallbacks");
    }
    List<String> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (primary != null && model != null) {
      seen.add(primary + ":" + model);
    }
    for (String value : values) {
      String v = blankToNull(value);
      if (v == null || !v.contains(":")) {
        throw new IllegalArgumentException("a fallback is provider:model: " + value);
      }
      String[] pm = v.split(":", 2);
      String p = provider(pm[0], false);
      if (p == null) {
        throw new IllegalArgumentException("a fallback is provider:model: " + value);
      }
      if ("openai_compatible".equals(p)) {
        throw new IllegalArgumentException(
            "openai_compatible needs its own base URL and can only be the primary provider");
      }
      String m = blankToNull(pm[1]);
      requireModel(m, p);
      String link = p + ":" + m;
      if (!seen.add(link)) {
        throw new IllegalArgumentException("the chain names " + link + " twice");
      }
      result.add(link);
    }
    return List.copyOf(result);
  }

  private static void requireHttpUrl(String url) {
    if (url.length() > MAX_URL_LENGTH) {
      throw new IllegalArgumentException("a base URL is at most " + MAX_URL_LENGTH + " chars");
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException("a base URL is an http(s) URL: " + url);
      }
      if (uri.getUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "a base URL has no credentials, query or fragment (keys go in credentials)");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("a base URL is an http(s) URL: " + url, e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
