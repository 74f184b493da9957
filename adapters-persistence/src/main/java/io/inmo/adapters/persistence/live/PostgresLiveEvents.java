package io.inmo.adapters.persistence.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.application.port.out.LiveEventsPort;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live events from the {@code live_events} table (ADR 0017): the triggers of changelog 0011 append
 * a row in every writing transaction; this node reads, every {@value #POLL_MILLIS} ms, the rows of
 * transactions that have ended — those whose id is below the oldest still running (the snapshot's
 * {@code xmin}) — in transaction order, and hands each to the subscribers of its broker. A
 * transaction still running holds later ones back, so nothing is skipped and nothing is seen before
 * its commit; a rolled-back one leaves no row. Rows older than {@value #RETENTION_MINUTES} minutes
 * are deleted. After the database was unreachable, subscribers are told to {@link Kind#RESYNC}.
 */
public final class PostgresLiveEvents implements LiveEventsPort, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresLiveEvents.class);
  static final int POLL_MILLIS = 200;
  static final int RETENTION_MINUTES = 10;
  private static final int BATCH = 1_000;
  private static final Duration CLEAN_EVERY = Duration.ofMinutes(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Set<String> ENVELOPE =
      Set.of("type", "broker", "lead", "assignedTo", "previouslyAssignedTo");

  private final DataSource dataSource;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<BrokerId, Set<Consumer<LiveEvent>>> byBroker = new ConcurrentHashMap<>();
  private final Set<Consumer<LiveEvent>> everyBroker = ConcurrentHashMap.newKeySet();
  private volatile boolean running = true;
  private final Thread poller;

  /** Rows after (cursorXid, cursorId) in (xid, id) order have not been read. */
  private String cursorXid;

  private long cursorId;

  private PostgresLiveEvents(DataSource dataSource) {
    this.dataSource = dataSource;
    this.poller = Thread.ofPlatform().daemon().name("live-events").unstarted(this::pollLoop);
  }

  /**
   * Starts reading from now: every change whose transaction ends after this returns is delivered (a
   * few that ended just before may be too).
   *
   * @throws IllegalStateException when the database cannot be read
   */
  public static PostgresLiveEvents start(DataSource dataSource) {
    PostgresLiveEvents events = new PostgresLiveEvents(dataSource);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet horizon =
            statement.executeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")) {
      horizon.next();
      events.cursorXid = horizon.getString(1);
      events.cursorId = 0;
    } catch (SQLException e) {
      throw new IllegalStateException("live events: cannot read the database", e);
    }
    events.poller.start();
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

  @Override
  public void announceLocally(LiveEvent event) {
    dispatch(event);
  }

  private void pollLoop() {
    long backoff = 250;
    boolean failed = false;
    long nextClean = System.nanoTime();
    while (running) {
      try {
        int read;
        do {
          read = poll();
        } while (read == BATCH && running);
        if (System.nanoTime() >= nextClean) {
          clean();
          nextClean = System.nanoTime() + CLEAN_EVERY.toNanos();
        }
        if (failed) {
          failed = false;
          backoff = 250;
          LOG.info("live events: reading again");
          dispatch(LiveEvent.resync());
        }
        sleep(POLL_MILLIS);
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        if (!failed) {
          LOG.warn("live events: cannot read ({}), retrying", e.toString());
        }
        failed = true;
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
      }
    }
  }

  /** Reads and dispatches the next rows of ended transactions; returns how many. */
  private int poll() throws SQLException {
    String horizon = null;
    int read = 0;
    String lastXid = null;
    long lastId = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT h.horizon::text, e.xid::text, e.id, e.payload::text"
                    + " FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) h"
                    + " LEFT JOIN LATERAL (SELECT xid, id, payload FROM live_events"
                    + " WHERE (xid, id) > (?::xid8, ?) AND xid < h.horizon"
                    + " ORDER BY xid, id LIMIT ?) e ON true")) {
      statement.setString(1, cursorXid);
      statement.setLong(2, cursorId);
      statement.setInt(3, BATCH);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          horizon = rows.getString(1);
          if (rows.getString(2) == null) {
            continue; // nothing new: just the horizon
          }
          lastXid = rows.getString(2);
          lastId = rows.getLong(3);
          read++;
          parse(rows.getString(4)).ifPresent(this::dispatch);
        }
      }
    }
    if (read == BATCH) {
      cursorXid = lastXid;
      cursorId = lastId;
    } else if (horizon != null) {
      // every transaction below the horizon has ended and all of its rows were read
      cursorXid = horizon;
      cursorId = 0;
    }
    return read;
  }

  private void clean() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "DELETE FROM live_events WHERE created_at < now() - interval '"
              + RETENTION_MINUTES
              + " minutes'");
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
    poller.interrupt();
    try {
      poller.join(2 * POLL_MILLIS + 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
