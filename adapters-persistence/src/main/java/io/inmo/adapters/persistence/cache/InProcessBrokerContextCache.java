package io.inmo.adapters.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.inmo.application.port.out.BrokerContextCachePort;
import io.inmo.domain.broker.BrokerId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The broker context cache in this process (Caffeine), for nodes without Redis. Evictions come from
 * the live-events channel on every node (ADR 0017); the short time to live bounds what a read
 * racing a write could leave behind.
 */
public final class InProcessBrokerContextCache implements BrokerContextCachePort {
  static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

  private final Cache<BrokerId, BrokerContext> contexts =
      Caffeine.newBuilder().expireAfterWrite(TIME_TO_LIVE).maximumSize(10_000).build();

  @Override
  public Optional<BrokerContext> get(BrokerId broker) {
    return Optional.ofNullable(contexts.getIfPresent(Objects.requireNonNull(broker, "broker")));
  }

  @Override
  public void put(BrokerContext context) {
    contexts.put(context.broker(), context);
  }

  @Override
  public void evict(BrokerId broker) {
    contexts.invalidate(Objects.requireNonNull(broker, "broker"));
  }
}
