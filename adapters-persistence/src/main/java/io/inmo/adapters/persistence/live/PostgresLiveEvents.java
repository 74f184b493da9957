package io.inmo.adapters.persistence.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.application.port.out.LiveEventsPort;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live events from PostgreSQL's LISTEN/NOTIFY (ADR 0017): the triggers of changelog 0011 notify
 * channel {@value #CHANNEL} as their transaction commits; this node holds one connection listening
 * on it and hands each event to the subscribers of its broker. When the connection is lost it
 * reconnects with backoff and tells every subscriber to {@link Kind#RESYNC}, since events sent
 * meanwhile are gone.
 */
public final class PostgresLiveEvents implements LiveEventsPort, AutoCloseable {
  static final String CHANNEL = "inmo_live";
  private static final Logger LOG = LoggerFactory.getLogger(PostgresLiveEvents.class);
  private static final int POLL_MILLIS = 500;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Set<String> ENVELOPE =
      Set.of("type", "broker", "lead", "assignedTo", "previouslyAssignedTo");

  private final DataSource dataSource;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<BrokerId, Set<Consumer<LiveEvent>>> byBroker = new ConcurrentHashMap<>();
  private final Set<Consumer<LiveEvent>> everyBroker = ConcurrentHashMap.newKeySet();
  private final CountDownLatch listening = new CountDownLatch(1);
  private volatile boolean running = true;
  private final Thread listener;

  private PostgresLiveEvents(DataSource dataSource) {
    this.dataSource = dataSource;
    this.listener = Thread.ofPlatform().daemon().name("live-events").unstarted(this::listen);
  }

  /**
   * Starts listening and waits (up to 10 s) until the first LISTEN is in place, so no change
   * committed after this returns is missed.
   */
  public static PostgresLiveEvents start(DataSource dataSource) {
    PostgresLiveEvents events = new PostgresLiveEvents(dataSource);
    events.listener.start();
    try {
      if (!events.listening.await(10, TimeUnit.SECONDS)) {
        LOG.warn("live events: not listening yet, will keep trying");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return events;
  }

  @Override
  public Subscription subscribe(BrokerId broker, Consumer<LiveEvent> listener) {
    Consumer<LiveEvent> own = listener::accept; // a distinct identity per subscription
    Set<Consumer<LiveEvent>> set =
        broker == null
            ? everyBroker
            : byBroker.computeIfAbsent(broker, b -> ConcurrentHashMap.newKeySet());
    set.add(own);
    return () -> {
      set.remove(own);
      if (broker != null) {
        byBroker.computeIfPresent(broker, (b, s) -> s.isEmpty() ? null : s);
      }
    };
  }

  private void listen() {
    long backoff = 250;
    boolean lostBefore = false;
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        listening.countDown();
        if (lostBefore) {
          LOG.info("live events: listening again");
          dispatch(LiveEvent.resync());
        }
        backoff = 250;
        while (running) {
          PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              parse(notification.getParameter()).ifPresent(this::dispatch);
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warn("live events: connection lost ({}), retrying in {} ms", e.toString(), backoff);
        lostBefore = true;
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
      }
    }
  }

  Optional<LiveEvent> parse(String payload) {
    try {
      JsonNode node = json.readTree(payload);
      Optional<Kind> kind = Kind.fromApiValue(node.path("type").asText());
      if (kind.isEmpty()) {
        return Optional.empty();
      }
      Map<String, String> data = new LinkedHashMap<>();
      node.fields()
          .forEachRemaining(
              field -> {
                if (!ENVELOPE.contains(field.getKey()) && !field.getValue().isNull()) {
                  data.put(field.getKey(), field.getValue().asText());
                }
              });
      return Optional.of(
          new LiveEvent(
              kind.get(),
              uuid(node, "broker").map(BrokerId::new).orElse(null),
              uuid(node, "lead").map(LeadId::new).orElse(null),
              uuid(node, "assignedTo").map(UserId::new).orElse(null),
              uuid(node, "previouslyAssignedTo").map(UserId::new).orElse(null),
              data));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      LOG.warn("live events: unreadable notification ignored: {}", e.toString());
      return Optional.empty();
    }
  }

  private static Optional<UUID> uuid(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull()
        ? Optional.empty()
        : Optional.of(UUID.fromString(value.asText()));
  }

  private void dispatch(LiveEvent event) {
    if (event.broker() == null) {
      byBroker.values().forEach(set -> set.forEach(listener -> deliver(listener, event)));
    } else {
      Set<Consumer<LiveEvent>> set = byBroker.get(event.broker());
      if (set != null) {
        set.forEach(listener -> deliver(listener, event));
      }
    }
    everyBroker.forEach(listener -> deliver(listener, event));
  }

  private static void deliver(Consumer<LiveEvent> listener, LiveEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      LOG.warn("live events: a subscriber failed on {}", event.kind(), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    listener.interrupt();
    try {
      listener.join(2 * POLL_MILLIS + 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
