package io.inmo.adapters.persistence.ratelimit;

import io.inmo.application.port.out.RateLimiterPort;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limiter shared by every node through Redis: a fixed-window counter per (limit, key), kept
 * under {@code inmo:rl:<limit name>:<sha-256 hex of the key>} (keys are e-mails and IP addresses,
 * which should not sit in Redis in clear). One Lua script increments the counter, starts the window
 * ({@code PEXPIRE period}) on the first hit and returns the count and the window's remaining time,
 * so concurrent callers on any node never over-admit. A call is rejected when the count exceeds the
 * permits; it may retry once the window expires ({@code PTTL}).
 *
 * <p>As any fixed window, a key can get up to twice its permits across a window boundary; for login
 * and password-reset throttling that is acceptable and costs one round trip per call.
 *
 * <p>Redis being down never fails a request: a call whose Redis round trip fails or exceeds the
 * command timeout is decided by an embedded {@link InProcessRateLimiter} (so each node then limits
 * on its own), a WARN is logged at most once a minute, and Redis is skipped for {@link
 * #DEFAULT_RETRY_INTERVAL} so that an unresponsive server does not add its timeout to every call.
 */
public final class RedisRateLimiter implements RateLimiterPort, AutoCloseable {
  /** The prefix of every counter key. */
  public static final String KEY_PREFIX = "inmo:rl:";

  /** How long one Redis round trip may take before the call is decided in-process. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(250);

  /** How long Redis is left alone after a failure before it is tried again. */
  public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);

  private static final Duration WARN_INTERVAL = Duration.ofMinutes(1);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);

  /** KEYS[1] counter; ARGV[1] window in ms. Returns {count, remaining ms of the window}. */
  static final String SCRIPT =
      """
      local count = redis.call('INCR', KEYS[1])
      if count == 1 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
      end
      local ttl = redis.call('PTTL', KEYS[1])
      if ttl < 0 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        ttl = tonumber(ARGV[1])
      end
      return {count, ttl}
      """;

  private static final String SCRIPT_SHA1 = hex("SHA-1", SCRIPT);

  private final Connections connections;
  private final InProcessRateLimiter fallback;
  private final long commandTimeoutNanos;
  private final long retryIntervalNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong skipRedisUntil;
  private final AtomicLong nextWarnAt;
  private volatile boolean degraded;

  /**
   * A limiter on an existing connection (owned by the caller, who closes it), with the default
   * command timeout and a fresh in-process fallback.
   */
  public RedisRateLimiter(StatefulRedisConnection<String, String> connection) {
    this(
        new Connections.Given(Objects.requireNonNull(connection, "connection")),
        DEFAULT_COMMAND_TIMEOUT,
        DEFAULT_RETRY_INTERVAL,
        new InProcessRateLimiter(),
        System::nanoTime);
  }

  /**
   * A limiter owning its own Lettuce client on {@code redisUri} (e.g. {@code
   * redis://cache.internal:6379}); it connects lazily and keeps retrying in the background, so it
   * can be created while Redis is down. {@link #close()} shuts the client down.
   */
  public static RedisRateLimiter create(String redisUri) {
    return create(RedisURI.create(redisUri), DEFAULT_COMMAND_TIMEOUT, DEFAULT_RETRY_INTERVAL);
  }

  /** As {@link #create(String)}, with explicit command timeout and retry interval. */
  public static RedisRateLimiter create(
      RedisURI redisUri, Duration commandTimeout, Duration retryInterval) {
    Objects.requireNonNull(redisUri, "redisUri");
    RedisClient client = RedisClient.create(redisUri);
    client.setOptions(
        ClientOptions.builder()
            // while disconnected, fail at once instead of queueing until the timeout
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
            .build());
    return new RedisRateLimiter(
        new Connections.Owned(client, redisUri),
        commandTimeout,
        retryInterval,
        new InProcessRateLimiter(),
        System::nanoTime);
  }

  RedisRateLimiter(
      Connections connections,
      Duration commandTimeout,
      Duration retryInterval,
      InProcessRateLimiter fallback,
      LongSupplier nanoTime) {
    this.connections = connections;
    this.commandTimeoutNanos = positive(commandTimeout, "commandTimeout").toNanos();
    this.retryIntervalNanos =
        Objects.requireNonNull(retryInterval, "retryInterval").isNegative()
            ? 0
            : retryInterval.toNanos();
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    long now = nanoTime.getAsLong();
    this.skipRedisUntil = new AtomicLong(now);
    this.nextWarnAt = new AtomicLong(now);
  }

  @Override
  public Decision tryAcquire(RateLimit limit, String key) {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(key, "key");
    if (nanoTime.getAsLong() - skipRedisUntil.get() < 0) {
      return fallback.tryAcquire(limit, key);
    }
    try {
      Window window = increment(redisKey(limit, key), windowMillis(limit));
      recovered();
      if (window.count() <= limit.permits()) {
        return Decision.ALLOWED;
      }
      long ttl = Math.min(Math.max(window.remainingMillis(), 1), windowMillis(limit));
      return Decision.rejected(Duration.ofMillis(ttl));
    } catch (RedisUnavailable e) {
      failed(e.getCause() != null ? e.getCause() : e);
      return fallback.tryAcquire(limit, key);
    }
  }

  /** {@code inmo:rl:<limit name>:<sha-256 hex of key>}. */
  static String redisKey(RateLimit limit, String key) {
    return KEY_PREFIX + limit.name() + ":" + hex("SHA-256", key);
  }

  /** Shuts down the client when this limiter created it; a given connection stays open. */
  @Override
  public void close() {
    connections.close();
  }

  private Window increment(String key, long windowMillis) {
    RedisAsyncCommands<String, String> commands = connections.get(commandTimeoutNanos).async();
    String[] keys = {key};
    String window = Long.toString(windowMillis);
    List<Object> reply;
    try {
      reply = await(commands.evalsha(SCRIPT_SHA1, ScriptOutputType.MULTI, keys, window));
    } catch (RedisUnavailable e) {
      if (!(e.getCause() instanceof RedisNoScriptException)) {
        throw e;
      }
      // first call on this server (or after SCRIPT FLUSH / restart): send the script itself
      reply = await(commands.eval(SCRIPT, ScriptOutputType.MULTI, keys, window));
    }
    return new Window((Long) reply.get(0), (Long) reply.get(1));
  }

  private <T> T await(RedisFuture<T> reply) {
    try {
      return reply.get(commandTimeoutNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new RedisUnavailable(e.getCause());
    } catch (TimeoutException e) {
      reply.cancel(false);
      throw new RedisUnavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedisUnavailable(e);
    }
  }

  private void failed(Throwable cause) {
    long now = nanoTime.getAsLong();
    skipRedisUntil.set(now + retryIntervalNanos);
    degraded = true;
    long warnAt = nextWarnAt.get();
    if (now - warnAt >= 0 && nextWarnAt.compareAndSet(warnAt, now + WARN_INTERVAL.toNanos())) {
      LOG.warn(
          "Redis rate limiting unavailable, limiting per node in-process meanwhile: {}",
          describe(cause));
    }
  }

  private void recovered() {
    if (degraded) {
      degraded = false;
      LOG.info("Redis rate limiting available again");
    }
  }

  private static long windowMillis(RateLimit limit) {
    // PEXPIRE has millisecond resolution; round up so a window is never shorter than the period
    long millis = limit.period().toMillis();
    return limit.period().minusMillis(millis).isZero() ? millis : millis + 1;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static Duration positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be > 0");
    }
    return d;
  }

  private static String hex(String algorithm, String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is a required JDK algorithm", e);
    }
  }

  /** The counter after this call and the window's remaining milliseconds. */
  private record Window(long count, long remainingMillis) {}

  /** Redis could not answer in time; the cause says why. */
  private static final class RedisUnavailable extends RuntimeException {
    RedisUnavailable(Throwable cause) {
      super(cause == null ? "Redis unavailable" : cause.getMessage(), cause, false, false);
    }
  }

  /** Where the connection comes from: given by the caller, or owned and opened lazily. */
  sealed interface Connections permits Connections.Given, Connections.Owned {
    /**
     * The connection to use now.
     *
     * @throws RedisUnavailable when there is none within {@code timeoutNanos}
     */
    StatefulRedisConnection<String, String> get(long timeoutNanos);

    void close();

    /** A caller's connection: Lettuce reconnects it by itself; the caller closes it. */
    record Given(StatefulRedisConnection<String, String> connection) implements Connections {
      @Override
      public StatefulRedisConnection<String, String> get(long timeoutNanos) {
        if (!connection.isOpen()) {
          throw new RedisUnavailable(new IllegalStateException("the connection is closed"));
        }
        return connection;
      }

      @Override
      public void close() {}
    }

    /**
     * A client of this limiter's own: connects on first use, and after a failed attempt tries again
     * on the next call that reaches Redis (the limiter's retry interval spaces them out).
     */
    final class Owned implements Connections {
      private final RedisClient client;
      private final RedisURI uri;
      private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>>
          connecting = new AtomicReference<>();

      Owned(RedisClient client, RedisURI uri) {
        this.client = client;
        this.uri = uri;
      }

      @Override
      public StatefulRedisConnection<String, String> get(long timeoutNanos) {
        CompletableFuture<StatefulRedisConnection<String, String>> attempt = connecting.get();
        if (attempt == null || attempt.isCompletedExceptionally() || attempt.isCancelled()) {
          CompletableFuture<StatefulRedisConnection<String, String>> fresh =
              new CompletableFuture<>();
          if (connecting.compareAndSet(attempt, fresh)) {
            client
                .connectAsync(StringCodec.UTF8, uri)
                .whenComplete(
                    (connection, failure) -> {
                      if (failure != null) {
                        fresh.completeExceptionally(failure);
                      } else {
                        fresh.complete(connection);
                      }
                    });
          }
          attempt = connecting.get();
        }
        try {
          return attempt.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
          throw new RedisUnavailable(e.getCause());
        } catch (TimeoutException e) {
          throw new RedisUnavailable(e); // the attempt goes on; a later call may use it
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RedisUnavailable(e);
        }
      }

      @Override
      public void close() {
        CompletableFuture<StatefulRedisConnection<String, String>> attempt = connecting.get();
        if (attempt != null && attempt.isDone() && !attempt.isCompletedExceptionally()) {
          attempt.join().close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
  }
}
