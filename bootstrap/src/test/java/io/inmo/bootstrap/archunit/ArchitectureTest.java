package io.inmo.bootstrap.archunit;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of the hexagon, checked on every build: dependencies point inwards, the
 * domain is JDK-only, adapters meet only through ports, each vendor library stays in its adapter.
 */
@AnalyzeClasses(packages = "io.inmo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule dependencies_point_inwards =
      onionArchitecture()
          .domainModels("io.inmo.domain..")
          .domainServices("io.inmo.domain..")
          .applicationServices("io.inmo.application..")
          .adapter("rest", "io.inmo.adapters.rest..")
          .adapter("persistence", "io.inmo.adapters.persistence..")
          .adapter("llm", "io.inmo.adapters.llm..")
          .adapter("voice", "io.inmo.adapters.voice..")
          .adapter("chat", "io.inmo.adapters.chat..")
          .adapter("calendar", "io.inmo.adapters.calendar..")
          .withOptionalLayers(true)
          .ignoreDependency(resideInAPackage("io.inmo.bootstrap.."), alwaysTrue());

  @ArchTest
  static final ArchRule domain_uses_only_the_jdk =
      classes()
          .that()
          .resideInAPackage("io.inmo.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.inmo.domain..", "java..");

  @ArchTest
  static final ArchRule application_uses_only_domain_and_the_jdk =
      classes()
          .that()
          .resideInAPackage("io.inmo.application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.inmo.application..", "io.inmo.domain..", "java..");

  @ArchTest
  static final ArchRule adapters_enter_through_ports_only =
      noClasses()
          .that()
          .resideInAPackage("io.inmo.adapters..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.inmo.application.service..");

  @ArchTest
  static final ArchRule nobody_depends_on_bootstrap =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.inmo.bootstrap..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.inmo.bootstrap..");

  @ArchTest
  static final ArchRule inbound_ports_are_use_cases =
      classes()
          .that()
          .resideInAPackage("io.inmo.application.port.in..")
          .and()
          .areInterfaces()
          .and()
          .areTopLevelClasses()
          .should()
          .haveSimpleNameEndingWith("UseCase");

  @ArchTest
  static final ArchRule outbound_ports_are_repositories_or_ports =
      classes()
          .that()
          .resideInAPackage("io.inmo.application.port.out..")
          .and()
          .areInterfaces()
          .and()
          .areTopLevelClasses()
          .should()
          .haveSimpleNameEndingWith("Repository")
          .orShould()
          .haveSimpleNameEndingWith("Port");

  @ArchTest
  static final ArchRule services_implement_use_cases =
      classes()
          .that()
          .resideInAPackage("io.inmo.application.service..")
          .and()
          .areTopLevelClasses()
          .and()
          .haveSimpleNameEndingWith("Service")
          .should()
          .beAssignableTo(nameMatching("io\\.inmo\\.application\\.port\\.in\\..*UseCase"));

  @ArchTest
  static final ArchRule jpa_stays_in_persistence =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.inmo.adapters.persistence..", "io.inmo.bootstrap..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta.persistence..",
              "org.hibernate..",
              "liquibase..",
              "com.zaxxer..",
              "org.postgresql..",
              "io.lettuce..",
              "com.github.kagkarlsson..",
              "com.github.benmanes..");

  @ArchTest
  static final ArchRule langchain4j_stays_in_llm =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.inmo.adapters.llm..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.langchain4j..");

  @ArchTest
  static final ArchRule google_stays_in_calendar =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.inmo.adapters.calendar..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.google.api..", "com.google.auth..");

  @ArchTest
  static final ArchRule tokens_and_password_hashing_stay_in_rest =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.inmo.adapters.rest..", "io.inmo.bootstrap..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.nimbusds..", "com.password4j..");

  @ArchTest
  static final ArchRule rate_limiting_goes_through_the_port =
      noClasses()
          .that()
          // persistence: the login throttles behind RateLimiterPort; chat: the pace of sending to
          // Telegram and WhatsApp, which is the provider client's own business
          .resideOutsideOfPackages("io.inmo.adapters.persistence..", "io.inmo.adapters.chat..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.github.resilience4j.ratelimiter..");

  @ArchTest
  static final ArchRule http_stack_stays_at_the_edge =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.inmo.domain..", "io.inmo.application..", "io.inmo.adapters.persistence..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta.ws.rs..", "org.glassfish..", "org.eclipse.jetty..", "io.swagger..");

  @ArchTest
  static final ArchRule adapters_never_see_each_other =
      slices().matching("io.inmo.adapters.(*)..").should().notDependOnEachOther();

  @ArchTest
  static final ArchRule no_package_cycles =
      slices().matching("io.inmo.(*).(*)..").should().beFreeOfCycles();
}
