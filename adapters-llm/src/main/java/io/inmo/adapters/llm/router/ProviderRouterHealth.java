package io.inmo.adapters.llm.router;

import io.inmo.application.port.out.DependencyHealthPort;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Readiness detail {@code llm}: degraded (never unready — the offline agent still answers) while a
 * provider's circuit breaker is open; the detail names each provider and its state, no secrets.
 */
public final class ProviderRouterHealth implements DependencyHealthPort {
  private final ProviderRouter router;

  public ProviderRouterHealth(ProviderRouter router) {
    this.router = Objects.requireNonNull(router, "router");
  }

  @Override
  public String name() {
    return "llm";
  }

  @Override
  public boolean critical() {
    return false;
  }

  @Override
  public Health check() {
    String detail =
        router.states().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    return router.healthy()
        ? new Health(true, detail, 0)
        : Health.down(detail + "; answering with the next provider or the offline agent", 0);
  }
}
