package io.inmo.adapters.persistence.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.application.port.out.RateLimiterPort;
import io.inmo.application.port.out.RateLimiterPort.Decision;
import io.inmo.application.port.out.RateLimiterPort.RateLimit;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(TestRedis.class)
class RedisRateLimiterTest extends RateLimiterPortContract {
  private static RedisClient client;
  private static StatefulRedisConnection<String, String> connection;
  private static RedisCommands<String, String> redis;
  private static RedisRateLimiter limiter;

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeAll
  static void connect(RedisEndpoint endpoint) {
    client = RedisClient.create(endpoint.uri());
    connection = client.connect();
    redis = connection.sync();
    limiter = new RedisRateLimiter(connection);
  }

  @AfterAll
  static void disconnect() {
    if (connection != null) {
      connection.close();
    }
    if (client != null) {
      client.shutdown();
    }
  }

  @BeforeEach
  void captureLog() {
    logged.start();
    limiterLogger().addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    limiterLogger().detachAppender(logged);
  }

  @Override
  RateLimiterPort limiter() {
    return limiter;
  }

  @Test
  void givenTwoNodes_whenBothTakePermitsForOneKey_thenTheyShareTheCount(RedisEndpoint endpoint) {
    RateLimit login = limit("login", 4, Duration.ofMinutes(1));
    try (RedisRateLimiter otherNode = RedisRateLimiter.create(endpoint.uri())) {
      assertThat(limiter.tryAcquire(login, VALENTINA).allowed()).isTrue();
      assertThat(otherNode.tryAcquire(login, VALENTINA).allowed()).isTrue();
      assertThat(limiter.tryAcquire(login, VALENTINA).allowed()).isTrue();
      assertThat(otherNode.tryAcquire(login, VALENTINA).allowed()).isTrue();

      Decision fifthOnOtherNode = otherNode.tryAcquire(login, VALENTINA);
      Decision fifthOnThisNode = limiter.tryAcquire(login, VALENTINA);

      assertThat(fifthOnOtherNode.allowed()).isFalse();
      assertThat(fifthOnThisNode.allowed()).isFalse();
      assertThat(fifthOnOtherNode.retryAfter()).isPositive().isLessThanOrEqualTo(login.period());
      assertThat(otherNode.tryAcquire(login, DIEGO).allowed()).isTrue();
    }
    assertThat(logged.list).isEmpty();
  }

  @Test
  void givenEmailKey_whenCounted_thenRedisKeyHoldsItsSha256AndExpiresWithTheWindow() {
    RateLimit login = limit("login", 5, Duration.ofMinutes(1));

    limiter.tryAcquire(login, VALENTINA);
    limiter.tryAcquire(login, VALENTINA);

    String key = "inmo:rl:" + login.name() + ":" + sha256(VALENTINA);
    assertThat(RedisRateLimiter.redisKey(login, VALENTINA)).isEqualTo(key);
    assertThat(redis.get(key)).isEqualTo("2");
    assertThat(redis.pttl(key)).isPositive().isLessThanOrEqualTo(60_000L);
    List<String> keysOfLimit = redis.keys("inmo:rl:" + login.name() + ":*");
    assertThat(keysOfLimit).containsExactly(key);
    assertThat(keysOfLimit).noneMatch(k -> k.contains("valentina") || k.contains("@"));
  }

  @Test
  void givenServerForgotTheScript_whenAcquiring_thenScriptIsSentAgainAndCountingGoesOn() {
    RateLimit login = limit("login", 2, Duration.ofMinutes(1));
    assertThat(limiter.tryAcquire(login, DIEGO).allowed()).isTrue();

    redis.scriptFlush();

    assertThat(limiter.tryAcquire(login, DIEGO).allowed()).isTrue();
    assertThat(limiter.tryAcquire(login, DIEGO).allowed()).isFalse();
    assertThat(logged.list).isEmpty();
  }

  @Test
  void givenRedisUnreachable_whenAcquiring_thenLimitsInProcessAndWarnsOnlyOnce()
      throws IOException {
    RedisURI nowhere = RedisURI.create("redis://127.0.0.1:" + closedPort());
    RateLimit login = limit("login", 3, Duration.ofMinutes(1));
    // retry interval zero: every call tries Redis again, and fails again
    try (RedisRateLimiter cut =
        RedisRateLimiter.create(nowhere, Duration.ofMillis(500), Duration.ZERO)) {
      long start = System.nanoTime();

      List<Decision> first3 = acquire(cut, login, VALENTINA, 3);
      List<Decision> next2 = acquire(cut, login, VALENTINA, 2);
      Decision otherKey = cut.tryAcquire(login, IP_SANTIAGO);

      assertThat(first3).containsOnly(Decision.ALLOWED);
      assertThat(next2)
          .allSatisfy(
              d -> {
                assertThat(d.allowed()).isFalse();
                assertThat(d.retryAfter()).isPositive().isLessThanOrEqualTo(login.period());
              });
      assertThat(otherKey).isEqualTo(Decision.ALLOWED);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
    assertThat(logged.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement()
        .satisfies(
            e -> assertThat(e.getFormattedMessage()).contains("Redis rate limiting unavailable"));
  }

  @Test
  void givenConnectionClosed_whenAcquiring_thenFallsBackInsteadOfFailing(RedisEndpoint endpoint) {
    RateLimit reset = limit("password-reset", 1, Duration.ofMinutes(10));
    StatefulRedisConnection<String, String> closed = client.connect();
    closed.close();
    RedisRateLimiter onClosed = new RedisRateLimiter(closed);

    Decision first = onClosed.tryAcquire(reset, VALENTINA);
    Decision second = onClosed.tryAcquire(reset, VALENTINA);

    assertThat(first).isEqualTo(Decision.ALLOWED);
    assertThat(second.allowed()).isFalse();
    assertThat(second.retryAfter()).isPositive().isLessThanOrEqualTo(reset.period());
    assertThat(redis.exists(RedisRateLimiter.redisKey(reset, VALENTINA))).isZero();
    assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
  }

  private static List<Decision> acquire(
      RateLimiterPort on, RateLimit limit, String key, int times) {
    return IntStream.range(0, times).mapToObj(i -> on.tryAcquire(limit, key)).toList();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  private static Logger limiterLogger() {
    return (Logger) LoggerFactory.getLogger(RedisRateLimiter.class);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
