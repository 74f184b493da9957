package io.inmo.adapters.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.TimeMother;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserEmailTakenException;
import io.inmo.domain.user.UserId;
import io.inmo.domain.user.UserMother;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaUserRepositoryTest {
  private static final BrokerId ANDES = ParentRows.ANDES;
  private static final Instant NOW = TimeMother.NOW;
  private static final String OTHER_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$b3RyYXNhbA$kX9v2m1Qw8ZrT0yLpN5sHcVbF3aJ7dEuGiOq4RtYw2A";

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaUserRepository repository;
  private static ParentRows rows;
  private static BrokerId costa;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    costa = rows.costa();
    jpa = JpaPersistence.start(database.dataSource(), UserJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaUserRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenAdminWhoLoggedIn_whenSavedAndFound_thenEveryFieldRoundTrips() {
    User admin = UserMother.admin(ANDES);
    admin.recordLogin(NOW.plusMillis(1_234).plusNanos(567_891));

    save(admin);
    Optional<User> found = find(admin.id());

    assertThat(found).isPresent();
    assertThat(found.get())
        .usingRecursiveComparison()
        .ignoringFields("lastLoginAt")
        .isEqualTo(admin);
    // PostgreSQL keeps microseconds
    assertThat(found.get().lastLoginAt()).isEqualTo(NOW.plusMillis(1_234).plusNanos(567_000));
    assertThat(found.get().name()).isEqualTo("María José Pérez");
    assertThat(found.get().passwordHash()).isEqualTo(UserMother.PASSWORD_HASH);
    assertThat(found.get().brokerId()).isEqualTo(ANDES);
    assertThat(found.get().version()).isZero();
    assertThat(
            rows.value(
                "SELECT role || '|' || email || '|' || is_active FROM users WHERE id = ?",
                admin.id().value()))
        .isEqualTo("ADMIN|maria.jose.perez@propiedadesnunoa.cl|true");
  }

  @Test
  void givenAgentWhoNeverLoggedIn_whenSavedAndFound_thenLastLoginStaysNull() {
    User agent = agent(ANDES, "Ignacio Pérez", "ignacio.perez@propiedadesandes.cl");

    save(agent);
    User found = find(agent.id()).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(agent);
    assertThat(found.lastLoginAt()).isNull();
    assertThat(found.role()).isEqualTo(Role.AGENT);
  }

  @Test
  void givenNoSuperadmin_whenOneIsSaved_thenItRoundTripsWithoutBrokerAndExistsAnySuperadmin() {
    assertThat(unitOfWork.inTransaction(() -> repository.existsAnySuperadmin())).isFalse();
    User superadmin = UserMother.superadmin();

    save(superadmin);

    assertThat(unitOfWork.inTransaction(() -> repository.existsAnySuperadmin())).isTrue();
    User found = find(superadmin.id()).orElseThrow();
    assertThat(found).usingRecursiveComparison().isEqualTo(superadmin);
    assertThat(found.brokerId()).isNull();
    assertThat(rows.value("SELECT broker_id FROM users WHERE id = ?", superadmin.id().value()))
        .isNull();
  }

  @Test
  void givenStoredUser_whenFoundByEmail_thenFoundWhateverTheStoredCase() {
    User agent = agent(ANDES, "Rocío Muñoz", "rocio.munoz@propiedadesandes.cl");
    save(agent);
    UserId legacy = UserId.newId();
    rows.execute(
        "INSERT INTO users (id, email, hashed_password, name, role, broker_id)"
            + " VALUES (?, 'Tomas.Araya@PropiedadesAndes.CL', ?, 'Tomás Araya', 'AGENT', ?)",
        legacy.value(),
        UserMother.PASSWORD_HASH,
        ANDES.value());

    Optional<User> byEmail = findByEmail("ROCIO.MUNOZ@propiedadesandes.cl");
    Optional<User> legacyByEmail = findByEmail("tomas.araya@propiedadesandes.cl");

    assertThat(byEmail).isPresent();
    assertThat(byEmail.get()).usingRecursiveComparison().isEqualTo(agent);
    assertThat(legacyByEmail.map(User::id)).contains(legacy);
    assertThat(legacyByEmail.get().name()).isEqualTo("Tomás Araya");
    assertThat(findByEmail("rocio.munoz@propiedadescosta.cl")).isEmpty();
  }

  @Test
  void givenUnknownId_whenFinding_thenNothingIsFound() {
    assertThat(find(UserId.newId())).isEmpty();
    assertThat(find(ParentRows.DIEGO).map(User::name)).contains("Diego Fuentes");
  }

  @Test
  void givenEmailOfAnotherBrokersUser_whenSaved_thenUserEmailTakenAndNothingStored() {
    save(agent(ANDES, "Francisca León", "francisca.leon@gmail.com"));
    User sameEmail = agent(costa, "Francisca León Rojas", "Francisca.Leon@Gmail.com");

    assertThatThrownBy(() -> save(sameEmail))
        .isInstanceOfSatisfying(
            UserEmailTakenException.class,
            e -> {
              assertThat(e.code()).isEqualTo(UserEmailTakenException.CODE);
              assertThat(e.email()).isEqualTo(new Email("francisca.leon@gmail.com"));
            });

    assertThat(find(sameEmail.id())).isEmpty();
    assertThat(
            rows.value(
                "SELECT count(*) FROM users WHERE lower(email) = 'francisca.leon@gmail.com'"))
        .isEqualTo(1L);
  }

  @Test
  void givenMixedCaseEmailStoredOutsideTheDomain_whenSameEmailSaved_thenUserEmailTaken() {
    rows.execute(
        "INSERT INTO users (id, email, hashed_password, name, role, broker_id)"
            + " VALUES (?, 'Matias.Contreras@Corredora.CL', ?, 'Matías Contreras', 'AGENT', ?)",
        UserId.newId().value(),
        UserMother.PASSWORD_HASH,
        ANDES.value());

    assertThatThrownBy(
            () -> save(agent(ANDES, "Matías Contreras", "matias.contreras@corredora.cl")))
        .isInstanceOf(UserEmailTakenException.class);
  }

  @Test
  void givenStoredUser_whenEmailChangedToATakenOne_thenUserEmailTakenAndOldEmailKept() {
    save(agent(ANDES, "Javiera Torres", "javiera.torres@propiedadesandes.cl"));
    User other = agent(ANDES, "Benjamín Rojas", "benjamin.rojas@propiedadesandes.cl");
    save(other);
    User loaded = find(other.id()).orElseThrow();
    loaded.changeEmail(new Email("javiera.torres@propiedadesandes.cl"), NOW.plusSeconds(5));

    assertThatThrownBy(() -> save(loaded)).isInstanceOf(UserEmailTakenException.class);

    User stored = find(other.id()).orElseThrow();
    assertThat(stored.email()).isEqualTo(new Email("benjamin.rojas@propiedadesandes.cl"));
    assertThat(stored.version()).isZero();
  }

  @Test
  void givenStoredUser_whenChangedAndSaved_thenUpdateIsStoredAndVersionBumped() {
    User user = agent(ANDES, "Antonia Vargas", "antonia.vargas@propiedadesandes.cl");
    save(user);

    unitOfWork.inTransaction(
        () -> {
          User loaded = repository.findById(user.id()).orElseThrow();
          loaded.rename("Antonia Vargas Núñez", NOW.plusSeconds(10));
          loaded.changeRole(Role.ADMIN, NOW.plusSeconds(20));
          loaded.changePasswordHash(OTHER_HASH, NOW.plusSeconds(30));
          loaded.changeEmail(new Email("avargas@propiedadesandes.cl"), NOW.plusSeconds(40));
          loaded.deactivate(NOW.plusSeconds(50));
          repository.save(loaded);
        });

    User found = find(user.id()).orElseThrow();
    assertThat(found.name()).isEqualTo("Antonia Vargas Núñez");
    assertThat(found.role()).isEqualTo(Role.ADMIN);
    assertThat(found.passwordHash()).isEqualTo(OTHER_HASH);
    assertThat(found.email()).isEqualTo(new Email("avargas@propiedadesandes.cl"));
    assertThat(found.isActive()).isFalse();
    assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(50));
    assertThat(found.createdAt()).isEqualTo(NOW);
    assertThat(found.version()).isEqualTo(1);
    assertThat(findByEmail("antonia.vargas@propiedadesandes.cl")).isEmpty();
  }

  @Test
  void givenLoadedUser_whenSavedUnchanged_thenNoUpdateAndVersionKept() {
    User user = agent(ANDES, "Vicente Soto", "vicente.soto@propiedadesandes.cl");
    user.recordLogin(NOW.plusNanos(123_456_789));
    save(user);
    User loaded = find(user.id()).orElseThrow();

    save(loaded);

    assertThat(find(user.id()).orElseThrow().version()).isZero();
  }

  @Test
  void givenStaleCopy_whenSaved_thenOptimisticLockExceptionAndFreshChangeKept() {
    User user = agent(ANDES, "Catalina Morales", "catalina.morales@propiedadesandes.cl");
    save(user);
    User first = find(user.id()).orElseThrow();
    User stale = find(user.id()).orElseThrow();
    first.rename("Catalina Morales Soto", NOW.plusSeconds(10));
    save(first);
    stale.deactivate(NOW.plusSeconds(20));

    assertThatThrownBy(() -> save(stale))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class)
        .hasMessageContaining(user.id().toString())
        .hasMessageContaining("version 0");

    User stored = find(user.id()).orElseThrow();
    assertThat(stored.name()).isEqualTo("Catalina Morales Soto");
    assertThat(stored.isActive()).isTrue();
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void givenWriterCommittingWhileAUnitHoldsTheUser_whenTheUnitSaves_thenOptimisticLockException() {
    User user = agent(ANDES, "Fernanda Ríos", "fernanda.rios@propiedadesandes.cl");
    save(user);

    assertThatThrownBy(
            () ->
                unitOfWork.inTransaction(
                    () -> {
                      User mine = repository.findById(user.id()).orElseThrow();
                      CompletableFuture.runAsync(
                              () ->
                                  unitOfWork.inTransaction(
                                      () -> {
                                        User theirs = repository.findById(user.id()).orElseThrow();
                                        theirs.deactivate(NOW.plusSeconds(10));
                                        repository.save(theirs);
                                      }))
                          .join();
                      mine.rename("Fernanda Ríos Lagos", NOW.plusSeconds(20));
                      repository.save(mine);
                    }))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class);

    User stored = find(user.id()).orElseThrow();
    assertThat(stored.isActive()).isFalse();
    assertThat(stored.name()).isEqualTo("Fernanda Ríos");
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void givenNewUser_whenSavedTwiceInOneUnitOfWork_thenBothChangesAreStored() {
    User user = agent(ANDES, "Gabriel Núñez", "gabriel.nunez@propiedadesandes.cl");

    unitOfWork.inTransaction(
        () -> {
          repository.save(user);
          user.recordLogin(NOW.plusSeconds(5));
          user.rename("Gabriel Núñez Herrera", NOW.plusSeconds(5));
          repository.save(user);
        });

    User found = find(user.id()).orElseThrow();
    assertThat(found.name()).isEqualTo("Gabriel Núñez Herrera");
    assertThat(found.lastLoginAt()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void givenUsersOfTwoBrokers_whenFindingByBroker_thenOnlyThatBrokersUsersActiveOrNotByName() {
    BrokerId vina = rows.costa();
    User sebastian = agent(vina, "Sebastián Díaz", "sebastian.diaz@costa.cl");
    User carolina = agent(vina, "Carolina Fuentes", "carolina.fuentes@costa.cl");
    carolina.deactivate(NOW);
    User admin =
        User.create(
            new Email("martina.herrera@costa.cl"),
            UserMother.PASSWORD_HASH,
            "Martina Herrera",
            Role.ADMIN,
            vina,
            NOW);
    User benjamin = agent(vina, "Benjamín Araya", "benjamin.araya@costa.cl");
    for (User u : List.of(sebastian, carolina, admin, benjamin)) {
      save(u);
    }
    save(agent(costa, "Alberto Castro", "alberto.castro@costa.cl"));

    List<User> found = unitOfWork.inTransaction(() -> repository.findByBroker(vina));

    assertThat(found)
        .extracting(User::name)
        .containsExactly("Benjamín Araya", "Carolina Fuentes", "Martina Herrera", "Sebastián Díaz");
    assertThat(found.get(1)).usingRecursiveComparison().isEqualTo(carolina);
    assertThat(unitOfWork.inTransaction(() -> repository.findByBroker(BrokerId.newId()))).isEmpty();
    assertThat(unitOfWork.inTransaction(() -> repository.findByBroker(ANDES)))
        .extracting(User::brokerId)
        .isNotEmpty()
        .containsOnly(ANDES);
  }

  @Test
  void givenUserIdStoredUnderAnotherBroker_whenSaved_thenIllegalStateAndRowUntouched() {
    User agent = agent(ANDES, "Florencia Rojas", "florencia.rojas@propiedadesandes.cl");
    save(agent);
    User hijacked =
        User.reconstitute(
            agent.id(),
            agent.email(),
            agent.passwordHash(),
            "Intrusa",
            agent.role(),
            costa,
            agent.isActive(),
            agent.lastLoginAt(),
            agent.createdAt(),
            NOW.plusSeconds(1),
            agent.version());

    assertThatThrownBy(() -> save(hijacked))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(agent.id().toString());

    assertThat(find(agent.id()).orElseThrow().name()).isEqualTo("Florencia Rojas");
    assertThat(find(agent.id()).orElseThrow().brokerId()).isEqualTo(ANDES);
  }

  private static User agent(BrokerId broker, String name, String email) {
    return User.create(new Email(email), UserMother.PASSWORD_HASH, name, Role.AGENT, broker, NOW);
  }

  private static void save(User user) {
    unitOfWork.inTransaction(() -> repository.save(user));
  }

  private static Optional<User> find(UserId id) {
    return unitOfWork.inTransaction(() -> repository.findById(id));
  }

  private static Optional<User> findByEmail(String email) {
    return unitOfWork.inTransaction(() -> repository.findByEmail(new Email(email)));
  }
}
