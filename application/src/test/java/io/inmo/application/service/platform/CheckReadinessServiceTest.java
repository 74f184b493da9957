package io.inmo.application.service.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.application.port.in.platform.CheckReadinessUseCase.ReadinessView;
import io.inmo.application.port.out.DependencyHealthPort;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReadinessServiceTest {

  @Test
  void givenAllUp_whenChecked_thenReadyNotDegraded() {
    ReadinessView view =
        new CheckReadinessService(
                List.of(probe("database", true, true), probe("redis", false, true)))
            .check();

    assertThat(view.ready()).isTrue();
    assertThat(view.degraded()).isFalse();
    assertThat(view.dependencies())
        .extracting(d -> d.name() + ":" + d.status())
        .containsExactly("database:up", "redis:up");
  }

  @Test
  void givenRedisDown_whenChecked_thenReadyButDegraded() {
    ReadinessView view =
        new CheckReadinessService(
                List.of(probe("database", true, true), probe("redis", false, false)))
            .check();

    assertThat(view.ready()).isTrue();
    assertThat(view.degraded()).isTrue();
  }

  @Test
  void givenDatabaseDown_whenChecked_thenNotReady() {
    ReadinessView view =
        new CheckReadinessService(
                List.of(probe("database", true, false), probe("redis", false, true)))
            .check();

    assertThat(view.ready()).isFalse();
    assertThat(view.dependencies().get(0).detail()).isEqualTo("caído");
  }

  private static DependencyHealthPort probe(String name, boolean critical, boolean up) {
    return new DependencyHealthPort() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean critical() {
        return critical;
      }

      @Override
      public Health check() {
        return up ? Health.up(3) : Health.down("caído", 1000);
      }
    };
  }
}
