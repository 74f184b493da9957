package io.inmo.adapters.persistence.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.inmo.application.port.out.BrokerContextCachePort;
import io.inmo.domain.broker.BrokerId;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker context cache in Redis, shared by every node: one JSON value per broker under {@code
 * inmo:broker-context:{id}} with a {@value #TTL_SECONDS} s time to live. Any node evicts it when
 * the live-events channel reports a config write (ADR 0017). Redis trouble never fails a turn: a
 * failed read is a miss and a failed write is skipped (logged once per outage).
 */
public final class RedisBrokerContextCache implements BrokerContextCachePort {
  static final long TTL_SECONDS = 60;
  private static final String PREFIX = "inmo:broker-context:";
  private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);
  private static final Logger LOG = LoggerFactory.getLogger(RedisBrokerContextCache.class);

  private final StatefulRedisConnection<String, String> connection;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private volatile boolean failing;

  /** A cache on an existing connection, owned (and closed) by the caller. */
  public RedisBrokerContextCache(StatefulRedisConnection<String, String> connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  @Override
  public Optional<BrokerContext> get(BrokerId broker) {
    try {
      String value =
          connection
              .async()
              .get(key(broker))
              .get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      recovered();
      if (value == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(read(value));
      } catch (java.io.IOException unreadable) {
        // written by another version of Inmo: read PostgreSQL and write it again
        evict(broker);
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      failed("read", e);
      return Optional.empty();
    }
  }

  @Override
  public void put(BrokerContext context) {
    try {
      connection
          .async()
          .set(
              key(context.broker()),
              json.writeValueAsString(context),
              SetArgs.Builder.ex(TTL_SECONDS))
          .get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      recovered();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      failed("write", e);
    }
  }

  @Override
  public void evict(BrokerId broker) {
    try {
      connection.async().del(key(broker)).get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      recovered();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // the time to live ends it anyway
      failed("evict", e);
    }
  }

  private BrokerContext read(String value) throws java.io.IOException {
    return json.readValue(value, BrokerContext.class);
  }

  private static String key(BrokerId broker) {
    return PREFIX + broker.value();
  }

  private void failed(String what, Exception e) {
    if (!failing) {
      failing = true;
      LOG.warn(
          "broker context cache: {} failed, reading PostgreSQL instead: {}", what, e.toString());
    }
  }

  private void recovered() {
    if (failing) {
      failing = false;
      LOG.info("broker context cache: Redis answers again");
    }
  }
}
