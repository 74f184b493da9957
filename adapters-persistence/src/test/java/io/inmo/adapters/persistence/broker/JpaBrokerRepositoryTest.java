package io.inmo.adapters.persistence.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerMother;
import io.inmo.domain.broker.BrokerSlugTakenException;
import io.inmo.domain.broker.BusinessHours;
import io.inmo.domain.broker.Slug;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.shared.TimeMother;
import jakarta.persistence.OptimisticLockException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaBrokerRepositoryTest {
  private static final Instant NOW = TimeMother.NOW;

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaBrokerRepository repository;
  private static ParentRows rows;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    jpa = JpaPersistence.start(database.dataSource(), BrokerJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaBrokerRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenBrokerWithContactZoneAndSplitHours_whenSavedAndFound_thenEveryFieldRoundTrips() {
    Broker broker = Broker.register(BrokerMother.NAME, Slug.fromName(BrokerMother.NAME), NOW);
    broker.changeContact(
        new PhoneNumber("+56223456789"), new Email("Contacto@PropiedadesNunoa.cl"), NOW);
    broker.changeTimezone(ZoneId.of("America/Punta_Arenas"), NOW);
    broker.changeBusinessHours(
        BusinessHours.defaults()
            .with(
                DayOfWeek.MONDAY,
                List.of(
                    BusinessHours.Range.of("14:30", "19:00"),
                    BusinessHours.Range.of("09:00", "13:30"))),
        NOW.plusSeconds(30));

    save(broker);
    Optional<Broker> found = find(broker.id());

    assertThat(found).isPresent();
    assertThat(found.get()).usingRecursiveComparison().isEqualTo(broker);
    assertThat(found.get().slug()).isEqualTo(new Slug("propiedades-nunoa-ltda"));
    assertThat(found.get().name()).isEqualTo("Propiedades Ñuñoa Ltda.");
    assertThat(found.get().email()).isEqualTo(new Email("contacto@propiedadesnunoa.cl"));
    assertThat(found.get().timezone()).isEqualTo(ZoneId.of("America/Punta_Arenas"));
    assertThat(found.get().businessHours().on(DayOfWeek.MONDAY))
        .containsExactly(
            BusinessHours.Range.of("09:00", "13:30"), BusinessHours.Range.of("14:30", "19:00"));
    assertThat(found.get().businessHours().on(DayOfWeek.SUNDAY)).isEmpty();
    assertThat(found.get().updatedAt()).isEqualTo(NOW.plusSeconds(30));
    assertThat(found.get().version()).isZero();
    assertThat(
            rows.value(
                "SELECT business_hours->'monday'->1->>'start' || '|'"
                    + " || jsonb_array_length(business_hours->'sunday') || '|' || timezone"
                    + " FROM brokers WHERE id = ?",
                broker.id().value()))
        .isEqualTo("14:30|0|America/Punta_Arenas");
  }

  @Test
  void givenRegisteredBrokerWithoutContact_whenSavedAndFound_thenNullColumnsStayNull() {
    Broker broker = register("Corredora Peñalolén");

    save(broker);
    Broker found = find(broker.id()).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(broker);
    assertThat(found.phone()).isNull();
    assertThat(found.email()).isNull();
    assertThat(found.isActive()).isTrue();
    assertThat(found.timezone()).isEqualTo(ZoneId.of("America/Santiago"));
    assertThat(found.businessHours()).isEqualTo(BusinessHours.defaults());
  }

  @Test
  void givenClosedEveryDay_whenSavedAndFound_thenEveryWeekdayIsStoredAsEmptyArray() {
    Broker broker = register("Gestión Inmobiliaria Chillán");
    broker.changeBusinessHours(BusinessHours.closed(), NOW);

    save(broker);

    assertThat(find(broker.id()).orElseThrow().businessHours()).isEqualTo(BusinessHours.closed());
    assertThat(
            rows.value(
                "SELECT business_hours::text FROM brokers WHERE id = ?", broker.id().value()))
        .isEqualTo(
            "{\"friday\": [], \"monday\": [], \"sunday\": [], \"tuesday\": [], \"saturday\": [],"
                + " \"thursday\": [], \"wednesday\": []}");
  }

  @Test
  void givenStoredBroker_whenFoundBySlug_thenItIsReturnedAndExistsBySlugAgrees() {
    Broker broker = register("Propiedades Valdivia Sur");
    save(broker);

    Optional<Broker> found =
        unitOfWork.inTransaction(() -> repository.findBySlug(new Slug("propiedades-valdivia-sur")));

    assertThat(found).isPresent();
    assertThat(found.get()).usingRecursiveComparison().isEqualTo(broker);
    assertThat(exists("propiedades-valdivia-sur")).isTrue();
    assertThat(exists("propiedades-andes")).isTrue(); // a row inserted outside the repository
    assertThat(exists("propiedades-valdivia")).isFalse();
    assertThat(
            unitOfWork.inTransaction(() -> repository.findBySlug(new Slug("propiedades-valdivia"))))
        .isEmpty();
  }

  @Test
  void givenUnknownId_whenFinding_thenNothingIsFound() {
    assertThat(find(BrokerId.newId())).isEmpty();
    assertThat(find(ParentRows.ANDES)).isPresent();
  }

  @Test
  void givenTakenSlug_whenAnotherBrokerSaved_thenBrokerSlugTakenAndNothingStored() {
    Broker copycat = register("Propiedades Andes"); // the slug of ParentRows' brokerage

    assertThatThrownBy(() -> save(copycat))
        .isInstanceOfSatisfying(
            BrokerSlugTakenException.class,
            e -> {
              assertThat(e.code()).isEqualTo(BrokerSlugTakenException.CODE);
              assertThat(e.slug()).isEqualTo(new Slug("propiedades-andes"));
            });

    assertThat(find(copycat.id())).isEmpty();
    assertThat(rows.value("SELECT count(*) FROM brokers WHERE slug = 'propiedades-andes'"))
        .isEqualTo(1L);
  }

  @Test
  void givenStoredBroker_whenChangedAndSaved_thenUpdateIsStoredAndVersionBumped() {
    Broker broker = register("Inmobiliaria Los Ángeles");
    save(broker);

    unitOfWork.inTransaction(
        () -> {
          Broker loaded = repository.findById(broker.id()).orElseThrow();
          loaded.rename("Inmobiliaria Los Ángeles SpA", NOW.plusSeconds(60));
          loaded.changeContact(
              new PhoneNumber("+56432345678"), new Email("ventas@losangeles.cl"), NOW);
          loaded.deactivate(NOW.plusSeconds(90));
          repository.save(loaded);
        });

    Broker found = find(broker.id()).orElseThrow();
    assertThat(found.name()).isEqualTo("Inmobiliaria Los Ángeles SpA");
    assertThat(found.phone()).isEqualTo(new PhoneNumber("+56432345678"));
    assertThat(found.email()).isEqualTo(new Email("ventas@losangeles.cl"));
    assertThat(found.isActive()).isFalse();
    assertThat(found.slug()).isEqualTo(new Slug("inmobiliaria-los-angeles"));
    assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(90));
    assertThat(found.createdAt()).isEqualTo(NOW);
    assertThat(found.version()).isEqualTo(1);
  }

  @Test
  void givenLoadedBroker_whenSavedUnchanged_thenNoUpdateAndVersionKept() {
    Broker broker = register("Corredora Temuco Centro");
    save(broker);
    Broker loaded = find(broker.id()).orElseThrow();

    save(loaded);

    assertThat(find(broker.id()).orElseThrow().version()).isZero();
  }

  @Test
  void givenStaleCopy_whenSaved_thenOptimisticLockExceptionAndFreshChangeKept() {
    Broker broker = register("Propiedades Antofagasta");
    save(broker);
    Broker first = find(broker.id()).orElseThrow();
    Broker stale = find(broker.id()).orElseThrow();
    first.rename("Propiedades Antofagasta Norte", NOW.plusSeconds(10));
    save(first);
    stale.deactivate(NOW.plusSeconds(20));

    assertThatThrownBy(() -> save(stale))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class)
        .hasMessageContaining(broker.id().toString())
        .hasMessageContaining("version 0");

    Broker stored = find(broker.id()).orElseThrow();
    assertThat(stored.name()).isEqualTo("Propiedades Antofagasta Norte");
    assertThat(stored.isActive()).isTrue();
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void givenNewBroker_whenSavedTwiceInOneUnitOfWork_thenBothChangesAreStored() {
    Broker broker = register("Corredora Ñielol");

    unitOfWork.inTransaction(
        () -> {
          repository.save(broker);
          broker.changeContact(null, new Email("hola@nielol.cl"), NOW.plusSeconds(5));
          repository.save(broker);
        });

    Broker found = find(broker.id()).orElseThrow();
    assertThat(found.email()).isEqualTo(new Email("hola@nielol.cl"));
    assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(5));
  }

  private static Broker register(String name) {
    return Broker.register(name, Slug.fromName(name), NOW);
  }

  private static boolean exists(String slug) {
    return unitOfWork.inTransaction(() -> repository.existsBySlug(new Slug(slug)));
  }

  private static void save(Broker broker) {
    unitOfWork.inTransaction(() -> repository.save(broker));
  }

  private static Optional<Broker> find(BrokerId id) {
    return unitOfWork.inTransaction(() -> repository.findById(id));
  }
}
