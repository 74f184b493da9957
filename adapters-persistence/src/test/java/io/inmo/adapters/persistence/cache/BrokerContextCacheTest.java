package io.inmo.adapters.persistence.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.application.port.out.BrokerContextCachePort;
import io.inmo.application.port.out.BrokerContextCachePort.BrokerContext;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.LeadField;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Both broker context caches keep a context whole, per broker, until it is evicted. */
@ExtendWith(TestRedis.class)
class BrokerContextCacheTest {
  private static final Instant NOW = Instant.parse("2026-12-04T20:15:00Z");
  private static RedisClient client;
  private static StatefulRedisConnection<String, String> connection;

  @BeforeAll
  static void connect(RedisEndpoint redis) {
    client = RedisClient.create(redis.uri());
    connection = client.connect();
  }

  @AfterAll
  static void close() {
    if (client != null) {
      connection.close();
      client.shutdown();
    }
  }

  @Test
  void givenRedis_whenAContextIsStoredReadAndEvicted_thenItComesBackEqualThenMisses() {
    check(new RedisBrokerContextCache(connection));
    BrokerId broker = BrokerId.newId();
    new RedisBrokerContextCache(connection).put(context(broker));
    assertThat(connection.sync().ttl("inmo:broker-context:" + broker.value()))
        .isBetween(1L, RedisBrokerContextCache.TTL_SECONDS);
    assertThat(connection.sync().get("inmo:broker-context:" + broker.value()))
        .contains("Fernanda")
        .doesNotContain("telegram.bot_token");
  }

  @Test
  void givenTheProcess_whenAContextIsStoredReadAndEvicted_thenTheSameBehaviour() {
    check(new InProcessBrokerContextCache());
  }

  @Test
  void givenAValueWrittenByAnotherVersion_whenRead_thenAMissAndItIsDropped() {
    BrokerId broker = BrokerId.newId();
    connection.sync().set("inmo:broker-context:" + broker.value(), "{\"broker\":42}");
    assertThat(new RedisBrokerContextCache(connection).get(broker)).isEmpty();
    assertThat(connection.sync().exists("inmo:broker-context:" + broker.value())).isZero();
  }

  @Test
  void givenRedisGone_whenUsed_thenMissesAndNeverThrows() {
    StatefulRedisConnection<String, String> dead = client.connect();
    dead.close();
    BrokerContextCachePort cache = new RedisBrokerContextCache(dead);
    BrokerId broker = BrokerId.newId();
    cache.put(context(broker));
    assertThat(cache.get(broker)).isEmpty();
    cache.evict(broker);
  }

  private static void check(BrokerContextCachePort cache) {
    BrokerId andes = BrokerId.newId();
    BrokerId costa = BrokerId.newId();
    BrokerContext context = context(andes);
    assertThat(cache.get(andes)).isEmpty();

    cache.put(context);
    cache.put(context(costa));

    assertThat(cache.get(andes)).contains(context);
    assertThat(cache.get(andes).orElseThrow().leadConfig().fieldPriority())
        .startsWith(LeadField.LOCATION, LeadField.BUDGET);
    cache.evict(andes);
    assertThat(cache.get(andes)).isEmpty();
    assertThat(cache.get(costa)).isPresent();
  }

  private static BrokerContext context(BrokerId broker) {
    BrokerPromptConfig prompt =
        new BrokerPromptConfig(
            java.util.UUID.randomUUID(),
            broker,
            "Fernanda",
            "Eres Fernanda, asesora de Propiedades Ñuñoa.",
            "Vendemos y arrendamos departamentos en Ñuñoa y Providencia.",
            "No des tasas.",
            "es-CL",
            true,
            NOW,
            NOW,
            3);
    BrokerLeadConfig defaults = BrokerLeadConfig.defaults(broker, NOW);
    List<LeadField> priority =
        new java.util.ArrayList<>(List.of(LeadField.LOCATION, LeadField.BUDGET));
    defaults.fieldPriority().stream().filter(f -> !priority.contains(f)).forEach(priority::add);
    BrokerLeadConfig lead =
        new BrokerLeadConfig(
            defaults.id(),
            broker,
            defaults.fieldWeights(),
            defaults.thresholds(),
            priority,
            defaults.requiredProfileFields(),
            1_200_000L,
            600_000L,
            defaults.acceptableDebt(),
            true,
            80,
            false,
            21,
            NOW,
            NOW,
            7);
    return BrokerContext.of(prompt, lead, BrokerChatConfig.defaults(broker, NOW));
  }
}
