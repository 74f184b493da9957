package io.inmo.adapters.llm.router;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.inmo.adapters.llm.provider.AgentUnavailableException;
import io.inmo.application.port.out.ConversationAgentPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain of conversation agents (PRODUCT §9, ADR 0018): the configured provider, its fallbacks
 * in order, and last the offline agent, which never fails. Each provider has a circuit breaker
 * (opens when half of its last 10 calls failed, at least 5 calls; tries again after 30 s) and
 * retries a transient failure once — after the provider's {@code Retry-After} when it gave one of
 * at most 2 s, else after 500 ms; a timeout is not retried (the lead has waited long enough). A
 * turn never fails because of a provider: it falls to the next link.
 */
public final class ProviderRouter implements ConversationAgentPort {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderRouter.class);
  static final Duration RETRY_WAIT = Duration.ofMillis(500);
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(2);

  /** One provider of the chain; {@code name} (e.g. {@code openai:gpt-4o-mini}) holds no secret. */
  public record Link(String name, ConversationAgentPort agent) {
    public Link {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(agent, "agent");
    }
  }

  private record Guarded(Link link, CircuitBreaker breaker, Retry retry) {}

  private final List<Guarded> chain = new ArrayList<>();
  private final ConversationAgentPort lastResort;

  public ProviderRouter(List<Link> links, ConversationAgentPort lastResort) {
    this(links, lastResort, defaultBreaker());
  }

  /** A router with its own breaker settings (tests, tuning). */
  public ProviderRouter(
      List<Link> links, ConversationAgentPort lastResort, CircuitBreakerConfig breaker) {
    this.lastResort = Objects.requireNonNull(lastResort, "lastResort");
    RetryConfig retry =
        RetryConfig.custom()
            .maxAttempts(2)
            .retryOnException(ProviderRouter::transient_)
            .intervalBiFunction(ProviderRouter.wait_())
            .build();
    for (Link link : links) {
      chain.add(
          new Guarded(link, CircuitBreaker.of(link.name(), breaker), Retry.of(link.name(), retry)));
    }
  }

  public static CircuitBreakerConfig defaultBreaker() {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(10)
        .minimumNumberOfCalls(5)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(30))
        .permittedNumberOfCallsInHalfOpenState(2)
        .recordException(e -> !(e instanceof IllegalArgumentException))
        .build();
  }

  private static boolean transient_(Throwable e) {
    return e instanceof AgentUnavailableException u
        && u.retriable()
        && u.reason() != AgentUnavailableException.Reason.TIMEOUT;
  }

  private static IntervalBiFunction<Object> wait_() {
    return (attempt, outcome) -> {
      if (outcome.isLeft() && outcome.getLeft() instanceof AgentUnavailableException u) {
        Duration after = u.retryAfter().orElse(RETRY_WAIT);
        return Math.min(after.toMillis(), MAX_RETRY_AFTER.toMillis());
      }
      return RETRY_WAIT.toMillis();
    };
  }

  @Override
  public AgentReply reply(AgentRequest request) {
    for (Guarded g : chain) {
      Supplier<AgentReply> call =
          CircuitBreaker.decorateSupplier(
              g.breaker(),
              Retry.decorateSupplier(g.retry(), () -> g.link().agent().reply(request)));
      try {
        return call.get();
      } catch (CallNotPermittedException open) {
        LOG.debug("llm: {} is open, skipped", g.link().name());
      } catch (AgentUnavailableException e) {
        LOG.warn("llm: {} failed ({}), falling back", g.link().name(), e.reason().apiValue());
      } catch (RuntimeException e) {
        LOG.warn(
            "llm: {} failed ({}), falling back", g.link().name(), e.getClass().getSimpleName());
      }
    }
    return lastResort.reply(request);
  }

  /**
   * Each provider's breaker state ({@code closed}, {@code open}, {@code half_open}), in chain
   * order, for readiness details and logs.
   */
  public Map<String, String> states() {
    Map<String, String> states = new LinkedHashMap<>();
    for (Guarded g : chain) {
      states.put(g.link().name(), g.breaker().getState().name().toLowerCase(java.util.Locale.ROOT));
    }
    return states;
  }

  /** Whether every provider of the chain is usable (no breaker open). */
  public boolean healthy() {
    return chain.stream().allMatch(g -> g.breaker().getState() != CircuitBreaker.State.OPEN);
  }
}
