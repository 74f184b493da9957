package io.inmo.adapters.llm.router;

import io.inmo.adapters.llm.provider.LangChain4jConversationAgent;
import io.inmo.adapters.llm.provider.ProviderCallListener;
import io.inmo.adapters.llm.provider.ProviderKind;
import io.inmo.adapters.llm.provider.ProviderSettings;
import io.inmo.application.port.out.ConversationAgentPort;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLlmConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the route the application chose for a turn (ADR 0018): the offline agent, the server's
 * chain, or the broker's own chain — a {@link ProviderRouter} per broker, built from its settings
 * with its own keys and kept (with its circuit breakers) until the settings change.
 */
public final class BrokerAgentRouter implements ConversationAgentPort {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerAgentRouter.class);

  private final ConversationAgentPort serverChain;
  private final ConversationAgentPort offline;
  private final Map<String, String> baseUrls;
  private final Duration timeout;
  private final ProviderCallListener listener;
  private final Map<BrokerId, Built> brokerChains = new ConcurrentHashMap<>();

  private record Built(
      java.util.UUID configId, Instant updatedAt, long version, ProviderRouter router) {
    boolean buildOf(BrokerLlmConfig c) {
      return configId.equals(c.id()) && updatedAt.equals(c.updatedAt()) && version == c.version();
    }
  }

  /**
   * @param serverChain the server's chain ({@code INMO_LLM_*}), or the offline agent
   * @param offline the built-in agent, last link of every chain
   * @param baseUrls where a broker's chain reaches each provider unless the broker names an
   *     endpoint ({@code INMO_LLM_<PROVIDER>_BASE_URL}); absent = the vendor's
   * @param timeout per provider call
   * @param listener told of every provider call (the call records)
   */
  public BrokerAgentRouter(
      ConversationAgentPort serverChain,
      ConversationAgentPort offline,
      Map<String, String> baseUrls,
      Duration timeout,
      ProviderCallListener listener) {
    this.serverChain = Objects.requireNonNull(serverChain, "serverChain");
    this.offline = Objects.requireNonNull(offline, "offline");
    this.baseUrls = Map.copyOf(baseUrls);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public AgentReply reply(AgentRequest request) {
    AgentRoute route = request.route();
    if (route.offlineOnly()) {
      return offline.reply(request);
    }
    if (!route.brokerChain()) {
      return serverChain.reply(request);
    }
    return chainOf(route.settings()).reply(request);
  }

  /** The broker's chain as built from these settings (built once per change of them). */
  ProviderRouter chainOf(BrokerLlmConfig settings) {
    Built built = brokerChains.get(settings.brokerId());
    if (built != null && built.buildOf(settings)) {
      return built.router();
    }
    Built fresh =
        new Built(settings.id(), settings.updatedAt(), settings.version(), build(settings));
    brokerChains.put(settings.brokerId(), fresh);
    return fresh.router();
  }

  private ProviderRouter build(BrokerLlmConfig settings) {
    List<ProviderRouter.Link> links = new ArrayList<>();
    for (BrokerLlmConfig.Link link : settings.chain()) {
      ProviderKind kind = ProviderKind.fromApiValue(link.provider());
      String baseUrl = link.baseUrl() != null ? link.baseUrl() : baseUrls.get(link.provider());
      ProviderSettings provider =
          new ProviderSettings(
              kind,
              link.model(),
              settings.apiKey(link.provider()).orElse(null),
              baseUrl,
              timeout,
              0,
              null);
      links.add(
          new ProviderRouter.Link(
              link.name(), new LangChain4jConversationAgent(provider, listener)));
    }
    LOG.info(
        "llm: broker {} answers with its own chain {} then the offline agent",
        settings.brokerId(),
        settings.chain().stream().map(BrokerLlmConfig.Link::name).toList());
    return new ProviderRouter(links, offline);
  }

  /** Breaker states of every broker's own chain, by broker then link. */
  public Map<BrokerId, Map<String, String>> brokerStates() {
    Map<BrokerId, Map<String, String>> states = new java.util.HashMap<>();
    brokerChains.forEach((broker, built) -> states.put(broker, built.router().states()));
    return states;
  }
}
