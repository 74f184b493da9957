package io.inmo.application.port.in.platform;

import java.util.List;

/** Use case: tells whether this node can serve traffic, and what is degraded. */
public interface CheckReadinessUseCase {

  ReadinessView check();

  /** The node's readiness: {@code ready} is false when a critical dependency is down. */
  record ReadinessView(boolean ready, boolean degraded, List<DependencyView> dependencies) {
    public ReadinessView {
      dependencies = List.copyOf(dependencies);
    }
  }

  /** One dependency's state as shown in {@code /health/ready}. */
  record DependencyView(
      String name, String status, boolean critical, String detail, long latencyMillis) {}
}
