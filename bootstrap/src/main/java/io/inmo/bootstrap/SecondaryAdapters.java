package io.inmo.bootstrap;

import io.inmo.application.port.out.DependencyHealthPort;
import io.inmo.application.port.out.PasswordHashingPort;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import java.time.Clock;
import java.util.List;

/**
 * Every outbound-port implementation the use cases need, built by {@link Inmo} from configuration.
 */
public record SecondaryAdapters(
    List<DependencyHealthPort> healthChecks,
    UnitOfWorkPort unitOfWork,
    UserRepository users,
    PasswordHashingPort passwords,
    Clock clock) {
  public SecondaryAdapters {
    healthChecks = List.copyOf(healthChecks);
  }
}
