package io.inmo.adapters.persistence.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.domain.appointment.Appointment;
import io.inmo.domain.appointment.AppointmentConflictException;
import io.inmo.domain.appointment.AppointmentId;
import io.inmo.domain.appointment.AppointmentMother;
import io.inmo.domain.appointment.AppointmentStatus;
import io.inmo.domain.appointment.AppointmentType;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaAppointmentRepositoryTest {
  private static final BrokerId ANDES = ParentRows.ANDES;
  private static final Instant NOW = AppointmentMother.NOW;

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaAppointmentRepository repository;
  private static ParentRows rows;
  private static BrokerId costa;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    costa = rows.costa();
    jpa = JpaPersistence.start(database.dataSource(), AppointmentJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaAppointmentRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenScheduledVisit_whenSavedAndFound_thenEveryFieldRoundTrips() {
    Appointment visit = AppointmentMother.scheduledVisit();
    visit.linkCalendarEvent("gcal-7f3a9c", "https://meet.google.com/abc-defg-hij", NOW);

    save(visit);
    Optional<Appointment> found = find(ANDES, visit.id());

    assertThat(found).isPresent();
    assertThat(found.get()).usingRecursiveComparison().isEqualTo(visit);
    assertThat(found.get().location()).isEqualTo("Av. Irarrázaval 3456, depto 1203, Ñuñoa");
    assertThat(found.get().externalEventId()).isEqualTo("gcal-7f3a9c");
    assertThat(found.get().version()).isZero();
    assertThat(
            rows.value(
                "SELECT appointment_type FROM appointments WHERE id = ?", visit.id().value()))
        .isEqualTo("property_visit");
  }

  @Test
  void givenVirtualMeetingWithoutAgent_whenSavedAndFound_thenNullColumnsStayNull() {
    Appointment meeting =
        Appointment.schedule(
            ANDES,
            ParentRows.CAMILA,
            null,
            AppointmentType.VIRTUAL_MEETING,
            day(20, 15),
            day(20, 15).plus(Duration.ofMinutes(30)),
            null,
            null,
            null,
            NOW);

    save(meeting);
    Appointment found = find(ANDES, meeting.id()).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(meeting);
    assertThat(found.agentId()).isNull();
    assertThat(found.meetUrl()).isNull();
    assertThat(found.notes()).isNull();
  }

  @Test
  void givenStoredVisit_whenCancelledAndSaved_thenUpdateIsStoredAndVersionBumped() {
    Appointment visit = scheduled(rows.agent(ANDES, "Ignacio Pérez"), day(21, 10), 60);
    save(visit);

    unitOfWork.inTransaction(
        () -> {
          Appointment loaded = repository.findById(ANDES, visit.id()).orElseThrow();
          loaded.cancel("La clienta viajó a Concepción", NOW.plusSeconds(60));
          repository.save(loaded);
        });

    Appointment found = find(ANDES, visit.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(found.cancelReason()).isEqualTo("La clienta viajó a Concepción");
    assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(found.createdAt()).isEqualTo(visit.createdAt());
    assertThat(found.version()).isEqualTo(1);
  }

  @Test
  void givenStaleCopy_whenSaved_thenOptimisticLockExceptionAndFreshChangeKept() {
    Appointment visit = scheduled(rows.agent(ANDES, "Rocío Muñoz"), day(22, 10), 60);
    save(visit);
    Appointment first = find(ANDES, visit.id()).orElseThrow();
    Appointment stale = find(ANDES, visit.id()).orElseThrow();
    first.confirm(NOW.plusSeconds(10));
    save(first);
    stale.cancel("Cliente desistió", NOW.plusSeconds(20));

    assertThatThrownBy(() -> save(stale))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class)
        .hasMessageContaining(visit.id().toString())
        .hasMessageContaining("version 0");

    Appointment stored = find(ANDES, visit.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(AppointmentStatus.CONFIRMED);
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void givenNewVisit_whenSavedTwiceInOneUnitOfWork_thenBothChangesAreStored() {
    Appointment visit = scheduled(rows.agent(ANDES, "Tomás Araya"), day(23, 10), 60);

    unitOfWork.inTransaction(
        () -> {
          repository.save(visit);
          visit.linkCalendarEvent("gcal-2b81", null, NOW.plusSeconds(5));
          repository.save(visit);
        });

    Appointment found = find(ANDES, visit.id()).orElseThrow();
    assertThat(found.externalEventId()).isEqualTo("gcal-2b81");
    assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void givenAnotherBrokersId_whenFinding_thenNothingIsFound() {
    UserId agent = rows.agent(ANDES, "Francisca León");
    Appointment visit = scheduled(agent, day(24, 10), 60);
    save(visit);

    assertThat(find(costa, visit.id())).isEmpty();
    assertThat(unitOfWork.inTransaction(() -> repository.findByLead(costa, ParentRows.CAMILA)))
        .isEmpty();
    assertThat(
            unitOfWork.inTransaction(
                () -> repository.findByAgentBetween(costa, agent, day(24, 0), day(25, 0))))
        .isEmpty();
    assertThat(find(ANDES, visit.id())).isPresent();
  }

  @Test
  void givenLiveVisitOfAgent_whenOverlappingVisitSaved_thenAppointmentConflictAndNothingStored() {
    UserId agent = rows.agent(ANDES, "Matías Contreras");
    save(scheduled(agent, day(25, 10), 60));
    Appointment overlapping = scheduled(agent, day(25, 10).plus(Duration.ofMinutes(30)), 60);

    assertThatThrownBy(() -> save(overlapping))
        .isInstanceOfSatisfying(
            AppointmentConflictException.class,
            e -> assertThat(e.code()).isEqualTo(AppointmentConflictException.CODE));

    assertThat(find(ANDES, overlapping.id())).isEmpty();
  }

  @Test
  void givenConfirmedVisit_whenRescheduledOntoAnotherLiveVisit_thenAppointmentConflict() {
    UserId agent = rows.agent(ANDES, "Javiera Torres");
    save(scheduled(agent, day(26, 10), 60));
    Appointment later = scheduled(agent, day(26, 12), 60);
    save(later);
    Appointment loaded = find(ANDES, later.id()).orElseThrow();
    loaded.reschedule(day(26, 10).plus(Duration.ofMinutes(45)), day(26, 11), NOW);

    assertThatThrownBy(() -> save(loaded)).isInstanceOf(AppointmentConflictException.class);

    assertThat(find(ANDES, later.id()).orElseThrow().start()).isEqualTo(day(26, 12));
  }

  @Test
  void givenCancelledVisit_whenOverlappingVisitSaved_thenItIsStored() {
    UserId agent = rows.agent(ANDES, "Benjamín Rojas");
    Appointment cancelled = scheduled(agent, day(27, 10), 60);
    cancelled.cancel("Reagendará", NOW);
    save(cancelled);
    Appointment replacement = scheduled(agent, day(27, 10), 60);

    save(replacement);

    assertThat(find(ANDES, replacement.id())).isPresent();
  }

  @Test
  void givenAdjacentOrOtherAgentsVisits_whenSaved_thenNoConflict() {
    UserId agent = rows.agent(ANDES, "Antonia Vargas");
    UserId colleague = rows.agent(ANDES, "Sebastián Díaz");
    save(scheduled(agent, day(28, 10), 60));

    save(scheduled(agent, day(28, 11), 60)); // starts exactly when the first ends: [) ranges
    save(scheduled(colleague, day(28, 10), 60));

    assertThat(
            unitOfWork.inTransaction(
                () -> repository.findByAgentBetween(ANDES, agent, day(28, 0), day(29, 0))))
        .hasSize(2);
  }

  @Test
  void givenAgentsVisits_whenFindingBetween_thenIntersectingOnesOfAnyStatusInStartOrder() {
    UserId agent = rows.agent(ANDES, "Catalina Morales");
    UserId colleague = rows.agent(ANDES, "Vicente Soto");
    Appointment afternoon = scheduled(agent, day(31, 15), 60);
    Appointment morning = scheduled(agent, day(31, 9), 120);
    Appointment cancelled = scheduled(agent, day(31, 12), 60);
    cancelled.cancel(null, NOW);
    Appointment tooEarly = scheduled(agent, day(31, 7), 60); // ends 08:00, before the window
    Appointment nextDay = scheduled(agent, day(32, 9), 60);
    Appointment colleagues = scheduled(colleague, day(31, 10), 60);
    for (Appointment a : List.of(afternoon, morning, cancelled, tooEarly, nextDay, colleagues)) {
      save(a);
    }

    List<Appointment> found =
        unitOfWork.inTransaction(
            () -> repository.findByAgentBetween(ANDES, agent, day(31, 8), day(31, 16)));

    assertThat(found)
        .extracting(Appointment::id)
        .containsExactly(morning.id(), cancelled.id(), afternoon.id());
  }

  @Test
  void givenLeadsVisits_whenFindingByLead_thenAllOfThemInStartOrder() {
    LeadId lead = rows.lead(ANDES, "Martina Herrera");
    UserId agent = rows.agent(ANDES, "Gabriel Núñez");
    Appointment second = visit(lead, agent, day(40, 16));
    Appointment first = visit(lead, agent, day(40, 10));
    first.cancel("Cambio de planes", NOW);
    save(second);
    save(first);
    save(scheduled(agent, day(40, 12), 60)); // Camila's, not Martina's

    List<Appointment> found = unitOfWork.inTransaction(() -> repository.findByLead(ANDES, lead));

    assertThat(found).extracting(Appointment::id).containsExactly(first.id(), second.id());
  }

  private static Appointment scheduled(UserId agent, Instant start, int minutes) {
    return AppointmentMother.scheduled(agent, start, start.plus(Duration.ofMinutes(minutes)));
  }

  private static Appointment visit(LeadId lead, UserId agent, Instant start) {
    return Appointment.schedule(
        ANDES,
        lead,
        agent,
        AppointmentType.PROPERTY_VISIT,
        start,
        start.plus(Duration.ofHours(1)),
        "Los Militares 5620, Las Condes",
        null,
        null,
        NOW);
  }

  /** {@code hour}:00 Santiago time (UTC-3), {@code days} after the mother's Monday. */
  private static Instant day(int days, int hour) {
    return NOW.plus(Duration.ofDays(days)).plus(Duration.ofHours(hour - 10));
  }

  private static void save(Appointment appointment) {
    unitOfWork.inTransaction(() -> repository.save(appointment));
  }

  private static Optional<Appointment> find(BrokerId broker, AppointmentId id) {
    return unitOfWork.inTransaction(() -> repository.findById(broker, id));
  }
}
