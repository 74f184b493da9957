package io.inmo.adapters.llm.provider;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider could not give a usable answer for one call: the typed failure the provider router
 * (issue 7) retries, counts against the provider's circuit breaker or falls through to the next
 * provider and finally to the offline agent. Never carries the prompt, the lead's text or an API
 * key.
 */
public final class AgentUnavailableException extends RuntimeException {

  /** Why the call failed; {@link #retriable()} tells the router whether a retry may help. */
  public enum Reason {
    /** No answer within the configured timeout (or HTTP 408). */
    TIMEOUT(true),
    /** HTTP 429; see {@link #retryAfter()}. */
    RATE_LIMITED(true),
    /** HTTP 5xx (incl. Anthropic's 529 overloaded). */
    SERVER_ERROR(true),
    /** The host could not be resolved or the connection was refused. */
    UNREACHABLE(true),
    /** The output stayed unusable after one repair: not JSON, truncated, wrong shape. */
    INVALID_OUTPUT(false),
    /** The provider's safety filter blocked the answer. */
    CONTENT_FILTERED(false),
    /** HTTP 401/403: wrong or revoked key. */
    AUTH(false),
    /** Any other HTTP 4xx (unknown model, request the provider rejects). */
    BAD_REQUEST(false),
    /** Anything else the client library threw. */
    PROVIDER_ERROR(false);

    private final boolean retriable;

    Reason(boolean retriable) {
      this.retriable = retriable;
    }

    public boolean retriable() {
      return retriable;
    }

    /** The lower-snake-case value for logs and the future accounting table. */
    public String apiValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;
  private final String provider;
  private final String model;
  private final Duration retryAfter;

  public AgentUnavailableException(
      Reason reason,
      String provider,
      String model,
      Duration retryAfter,
      String detail,
      Throwable cause) {
    super(
        Objects.requireNonNull(reason, "reason").apiValue()
            + " from "
            + provider
            + "/"
            + model
            + (detail == null || detail.isBlank() ? "" : ": " + detail),
        cause);
    this.reason = reason;
    this.provider = provider;
    this.model = model;
    this.retryAfter = retryAfter;
  }

  public Reason reason() {
    return reason;
  }

  public boolean retriable() {
    return reason.retriable();
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }

  /** The provider's {@code Retry-After} (HTTP 429/503), when it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
