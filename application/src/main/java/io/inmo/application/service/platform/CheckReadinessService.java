package io.inmo.application.service.platform;

import io.inmo.application.port.in.platform.CheckReadinessUseCase;
import io.inmo.application.port.out.DependencyHealthPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Use case implementation: readiness from the probes of every configured dependency. */
public final class CheckReadinessService implements CheckReadinessUseCase {
  private final List<DependencyHealthPort> dependencies;

  public CheckReadinessService(List<DependencyHealthPort> dependencies) {
    this.dependencies = List.copyOf(Objects.requireNonNull(dependencies, "dependencies"));
  }

  @Override
  public ReadinessView check() {
    List<DependencyView> views = new ArrayList<>();
    boolean ready = true;
    boolean degraded = false;
    for (DependencyHealthPort dependency : dependencies) {
      DependencyHealthPort.Health health = dependency.check();
      if (!health.up()) {
        if (dependency.critical()) {
          ready = false;
        } else {
          degraded = true;
        }
      }
      views.add(
          new DependencyView(
              dependency.name(),
              health.up() ? "up" : "down",
              dependency.critical(),
              health.detail(),
              health.latencyMillis()));
    }
    return new ReadinessView(ready, degraded, views);
  }
}
