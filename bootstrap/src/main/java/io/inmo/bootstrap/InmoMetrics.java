package io.inmo.bootstrap;

import io.inmo.adapters.llm.provider.ProviderCallListener.ProviderCall;
import io.inmo.adapters.llm.router.BrokerAgentRouter;
import io.inmo.adapters.llm.router.ProviderRouter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The node's metrics (Prometheus, {@code /health/metrics}): JVM and process figures, every language
 * model call by provider, model and outcome with its latency, and the state of the providers'
 * circuit breakers — the server chain's per link, the brokers' own chains as a count of open ones.
 * Labels never name a broker (unbounded, and tenant data).
 */
final class InmoMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  InmoMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** One provider call (ADR 0018). */
  void llmCall(ProviderCall call) {
    Counter.builder("inmo.llm.calls")
        .description("Calls to language-model providers")
        .tag("provider", call.provider())
        .tag("model", call.model())
        .tag("outcome", call.outcome())
        .register(registry)
        .increment();
    Timer.builder("inmo.llm.call.latency")
        .description("Latency of language-model calls")
        .tag("provider", call.provider())
        .tag("model", call.model())
        .register(registry)
        .record(call.latency());
    if (call.tokensIn() != null) {
      Counter.builder("inmo.llm.tokens")
          .tag("provider", call.provider())
          .tag("model", call.model())
          .tag("direction", "in")
          .register(registry)
          .increment(call.tokensIn());
    }
    if (call.tokensOut() != null) {
      Counter.builder("inmo.llm.tokens")
          .tag("provider", call.provider())
          .tag("model", call.model())
          .tag("direction", "out")
          .register(registry)
          .increment(call.tokensOut());
    }
  }

  /** 1 while a link of the server's chain has its breaker open (degraded), else 0. */
  void serverChain(ProviderRouter router) {
    router
        .states()
        .keySet()
        .forEach(
            link ->
                Gauge.builder(
                        "inmo.llm.breaker.open",
                        router,
                        r -> "open".equals(r.states().get(link)) ? 1 : 0)
                    .description("1 while the provider's circuit breaker is open")
                    .tag("link", link)
                    .register(registry));
  }

  /** How many links of brokers' own chains have their breaker open. */
  void brokerChains(BrokerAgentRouter router) {
    Gauge.builder(
            "inmo.llm.broker.breakers.open",
            router,
            r ->
                r.brokerStates().values().stream()
                    .flatMap(states -> states.values().stream())
                    .filter("open"::equals)
                    .count())
        .description("Open circuit breakers in brokers' own provider chains")
        .register(registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
