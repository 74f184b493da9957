package io.inmo.application.port.out;

import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.Slug;
import java.util.List;
import java.util.Optional;

/** Outbound port: stores and loads whole {@link Broker} aggregates. */
public interface BrokerRepository {

  Optional<Broker> findById(BrokerId id);

  Optional<Broker> findBySlug(Slug slug);

  boolean existsBySlug(Slug slug);

  /** Brokers ordered by name (then id), {@code limit} of them from {@code offset}. */
  List<Broker> findPage(int offset, int limit);

  /** How many brokers exist. */
  long count();

  /**
   * Inserts or updates; a stale {@code version} fails with an optimistic-locking exception of the
   * adapter's choice (a {@link RuntimeException}).
   */
  void save(Broker broker);
}
