package io.inmo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestRedis.class)
class TestRedisTest {

  @Test
  void givenRunRedis_whenPingSetGet_thenValuesRoundTrip(RedisEndpoint redis) {
    RedisClient client = RedisClient.create(redis.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisCommands<String, String> commands = connection.sync();
      String key = redis.newKeyPrefix() + "greeting";

      assertThat(commands.ping()).isEqualTo("PONG");
      assertThat(commands.set(key, "hola")).isEqualTo("OK");
      assertThat(commands.get(key)).isEqualTo("hola");
      commands.del(key);
    } finally {
      client.shutdown();
    }
  }

  @Test
  void givenTwoParameters_whenResolved_thenSameRunWideEndpoint(
      RedisEndpoint first, RedisEndpoint second) {
    assertThat(first).isSameAs(second);
    assertThat(first.source()).isIn("env", "testcontainers", "embedded");
    assertThat(first.port()).isPositive();
  }
}
