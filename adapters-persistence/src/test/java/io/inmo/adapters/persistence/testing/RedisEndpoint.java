package io.inmo.adapters.persistence.testing;

import java.net.URI;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test service: a reachable Redis for the whole test run, injected by {@link TestRedis}. The server
 * is shared by every test class, so tests write under their own {@link #newKeyPrefix()}.
 *
 * @param uri e.g. {@code redis://127.0.0.1:6379}, as Lettuce's {@code RedisClient.create} takes it
 * @param source where the server came from: {@code env}, {@code testcontainers} or {@code embedded}
 */
public record RedisEndpoint(String uri, String source) {

  public String host() {
    return URI.create(uri).getHost();
  }

  public int port() {
    int port = URI.create(uri).getPort();
    return port < 0 ? 6379 : port;
  }

  /** A key prefix no other test uses, such as {@code test:3fa2c1d0:}. */
  public String newKeyPrefix() {
    return "test:" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ":";
  }
}
