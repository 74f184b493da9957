package io.inmo.adapters.persistence.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

/**
 * Test extension: provides one real Redis for the whole run, from {@code TEST_REDIS_URL} (e.g.
 * {@code redis://127.0.0.1:6379}), else a Testcontainers {@code redis:7-alpine} when Docker is
 * available, else an embedded redis-server on a free port; with none the test class is skipped, or
 * fails under {@code -Dtests.requireServices=true}. Injects {@link RedisEndpoint} parameters:
 *
 * <pre>{@code
 * @ExtendWith(TestRedis.class)
 * class RedisRateLimiterTest {
 *   @Test
 *   void givenX_whenY_thenZ(RedisEndpoint redis) {
 *     RedisClient client = RedisClient.create(redis.uri());
 *     ...
 *   }
 * }
 * }</pre>
 */
public final class TestRedis implements BeforeAllCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(TestRedis.class);
  private static final Logger LOG = LoggerFactory.getLogger(TestRedis.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Holder holder = holder(context);
    if (holder.endpoint == null) {
      TestServices.unavailable("Redis", holder.why, holder.misconfigured);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RedisEndpoint.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return redis(context);
  }

  /**
   * The run's Redis, for extensions and helpers that hold an {@link ExtensionContext}.
   *
   * @throws ParameterResolutionException when there is none (the class is normally skipped before)
   */
  public static RedisEndpoint redis(ExtensionContext context) {
    Holder holder = holder(context);
    if (holder.endpoint == null) {
      throw new ParameterResolutionException("no Redis for this run: " + holder.why);
    }
    return holder.endpoint;
  }

  private static Holder holder(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(Holder.class, key -> new Holder(), Holder.class);
  }

  /** The run-wide server, kept in the root store; JUnit closes it when the run ends. */
  static final class Holder implements AutoCloseable {
    RedisEndpoint endpoint;
    String why = "";
    boolean misconfigured;
    private AutoCloseable owned;

    Holder() {
      long start = System.nanoTime();
      String url = TestServices.env("TEST_REDIS_URL");
      if (url != null) {
        RedisEndpoint candidate = new RedisEndpoint(url, "env");
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(candidate.host(), candidate.port()), 2_000);
          endpoint = candidate;
        } catch (IOException | IllegalArgumentException e) {
          why = "TEST_REDIS_URL=" + url + " is set but does not answer: " + e.getMessage();
          misconfigured = true;
        }
        log(start);
        return;
      }
      StringBuilder reasons = new StringBuilder("no TEST_REDIS_URL");
      try {
        if (TestServices.dockerMightBeAvailable() && Docker.available()) {
          Docker.Started started = Docker.start();
          endpoint = started.endpoint();
          owned = started.owned();
          log(start);
          return;
        }
        reasons.append("; Docker not available");
      } catch (Throwable e) { // LinkageError too: consumers may lack testcontainers
        reasons.append("; Testcontainers failed: ").append(TestServices.describe(e));
      }
      try {
        Embedded.Started started = Embedded.start();
        endpoint = started.endpoint();
        owned = started.owned();
        log(start);
        return;
      } catch (Throwable e) {
        reasons.append("; embedded Redis failed: ").append(TestServices.describe(e));
      }
      why = reasons.toString();
    }

    private void stopOwned() {
      if (owned != null) {
        try {
          owned.close();
        } catch (Exception e) {
          throw new IllegalStateException("cannot stop the test server", e);
        }
      }
    }

    private void log(long start) {
      if (endpoint != null) {
        LOG.info(
            "Redis for this run: {} ({}, {} ms)",
            endpoint.uri(),
            endpoint.source(),
            (System.nanoTime() - start) / 1_000_000);
      }
    }

    @Override
    public void close() {
      stopOwned();
    }
  }

  /** Kept apart so that a missing Testcontainers only fails here, not when loading the holder. */
  private static final class Docker {
    record Started(RedisEndpoint endpoint, AutoCloseable owned) {}

    static boolean available() {
      return DockerClientFactory.instance().isDockerAvailable();
    }

    static Started start() {
      GenericContainer<?> container =
          new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
      container.start();
      String uri = "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
      return new Started(new RedisEndpoint(uri, "testcontainers"), container::stop);
    }
  }

  /** Kept apart so that a missing embedded-redis only fails here. */
  private static final class Embedded {
    record Started(RedisEndpoint endpoint, AutoCloseable owned) {}

    static Started start() throws IOException {
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      RedisServer server =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      server.start();
      URI uri = URI.create("redis://127.0.0.1:" + port);
      return new Started(new RedisEndpoint(uri.toString(), "embedded"), server::stop);
    }
  }
}
