package io.inmo.adapters.persistence.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** How the test-service extensions react when a service is missing. */
final class TestServices {
  /** System property CI sets (Surefire passes it on) to turn "skipped" into "failed". */
  static final String REQUIRE_PROPERTY = "tests.requireServices";

  private TestServices() {}

  static boolean required() {
    return Boolean.parseBoolean(System.getProperty(REQUIRE_PROPERTY, "false"));
  }

  static String env(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  /**
   * Skips the test class, or fails it when services are required or the environment named a server
   * that does not answer (a misconfiguration should never turn into a green build).
   */
  static void unavailable(String service, String why, boolean misconfigured) {
    String message = "no " + service + ": " + why;
    if (misconfigured || required()) {
      throw new IllegalStateException(
          message + (misconfigured ? "" : " (" + REQUIRE_PROPERTY + "=true, so this fails)"));
    }
    Assumptions.abort(message);
  }

  /**
   * A cheap look for a Docker endpoint before asking Testcontainers, whose failed probe logs an
   * ERROR and takes time: {@code DOCKER_HOST}, a Testcontainers properties file, or a socket in one
   * of the usual places (rootful, rootless, Docker Desktop).
   */
  static boolean dockerMightBeAvailable() {
    if (env("DOCKER_HOST") != null || env("TESTCONTAINERS_HOST_OVERRIDE") != null) {
      return true;
    }
    Path home = Path.of(System.getProperty("user.home", "/nonexistent"));
    List<Path> candidates = new ArrayList<>();
    candidates.add(home.resolve(".testcontainers.properties"));
    candidates.add(Path.of("/var/run/docker.sock"));
    candidates.add(home.resolve(".docker/run/docker.sock"));
    candidates.add(home.resolve(".docker/desktop/docker.sock"));
    String runtimeDir = env("XDG_RUNTIME_DIR");
    if (runtimeDir != null) {
      candidates.add(Path.of(runtimeDir, "docker.sock"));
    }
    return candidates.stream().anyMatch(Files::exists);
  }

  static String describe(Throwable e) {
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    return e.getCause() == null || e.getCause() == e
        ? text
        : text
            + " <- "
            + e.getCause().getClass().getSimpleName()
            + ": "
            + e.getCause().getMessage();
  }
}
