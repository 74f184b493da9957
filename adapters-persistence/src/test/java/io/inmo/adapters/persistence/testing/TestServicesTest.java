package io.inmo.adapters.persistence.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class TestServicesTest {
  private final String before = System.getProperty(TestServices.REQUIRE_PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(TestServices.REQUIRE_PROPERTY);
    } else {
      System.setProperty(TestServices.REQUIRE_PROPERTY, before);
    }
  }

  @Test
  void givenServicesNotRequired_whenServiceMissing_thenTestClassIsSkipped() {
    System.setProperty(TestServices.REQUIRE_PROPERTY, "false");

    assertThatThrownBy(() -> TestServices.unavailable("PostgreSQL", "no Docker", false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no PostgreSQL: no Docker");
  }

  @Test
  void givenServicesRequired_whenServiceMissing_thenTestClassFails() {
    System.setProperty(TestServices.REQUIRE_PROPERTY, "true");

    assertThatThrownBy(() -> TestServices.unavailable("Redis", "no Docker", false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tests.requireServices=true");
  }

  @Test
  void givenEnvironmentNamesUnreachableServer_whenNotRequired_thenTestClassStillFails() {
    System.setProperty(TestServices.REQUIRE_PROPERTY, "false");

    assertThatThrownBy(
            () -> TestServices.unavailable("Redis", "TEST_REDIS_URL does not answer", true))
        .isInstanceOf(IllegalStateException.class);
  }
}
