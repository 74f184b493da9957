package io.inmo.adapters.persistence.appointment;

import io.inmo.adapters.persistence.BrokerScope;
import io.inmo.adapters.persistence.ConstraintViolation;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.OptimisticLocks;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.application.port.out.AppointmentRepository;
import io.inmo.domain.appointment.Appointment;
import io.inmo.domain.appointment.AppointmentConflictException;
import io.inmo.domain.appointment.AppointmentId;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Persistence adapter: stores appointments with JPA inside the caller's unit of work. */
public final class JpaAppointmentRepository implements AppointmentRepository {
  /** The exclusion constraint that forbids double-booking an agent. */
  static final String NO_DOUBLE_BOOKING = "appointments_agent_id_time_excl";

  private final JpaUnitOfWork unitOfWork;

  public JpaAppointmentRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public Optional<Appointment> findById(BrokerId brokerId, AppointmentId id) {
    Objects.requireNonNull(brokerId, "brokerId");
    return BrokerScope.findById(
            unitOfWork.entityManager(), AppointmentJpaEntity.class, brokerId.value(), id.value())
        .map(AppointmentJpaMapper::toDomain);
  }

  @Override
  public List<Appointment> findByAgentBetween(
      BrokerId brokerId, UserId agentId, Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return unitOfWork
        .entityManager()
        .createQuery(
            "select a from AppointmentJpaEntity a where a.brokerId = :broker"
                + " and a.agentId = :agent and a.start < :to and a.end > :from"
                + " order by a.start, a.id",
            AppointmentJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .setParameter("agent", agentId.value())
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultStream()
        .map(AppointmentJpaMapper::toDomain)
        .toList();
  }

  @Override
  public List<Appointment> findByLead(BrokerId brokerId, LeadId leadId) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select a from AppointmentJpaEntity a where a.brokerId = :broker"
                + " and a.leadId = :lead order by a.start, a.id",
            AppointmentJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .setParameter("lead", leadId.value())
        .getResultStream()
        .map(AppointmentJpaMapper::toDomain)
        .toList();
  }

  @Override
  public void save(Appointment appointment) {
    EntityManager em = unitOfWork.entityManager();
    AppointmentJpaEntity found =
        BrokerScope.findById(
                em,
                AppointmentJpaEntity.class,
                appointment.brokerId().value(),
                appointment.id().value())
            .orElse(null);
    AppointmentJpaEntity entity = found != null ? found : new AppointmentJpaEntity();
    if (found != null) {
      OptimisticLocks.requireCurrent(
          "appointment",
          appointment.id(),
          appointment.version(),
          found.version,
          found.versionReadByThisUnit);
    }
    AppointmentJpaMapper.copy(appointment, entity);
    try {
      if (found == null) {
        em.persist(entity);
      }
      // the exclusion constraint is checked by the statement: surface it here, not at commit
      em.flush();
    } catch (PersistenceException e) {
      if (PersistenceErrors.constraintViolation(e)
          .filter(v -> v.kind() == ConstraintViolation.Kind.EXCLUSION)
          .filter(v -> v.constraintName() == null || v.isOf(NO_DOUBLE_BOOKING))
          .isPresent()) {
        throw new AppointmentConflictException(appointment);
      }
      if (BrokerScope.isIdOfAnotherBroker(e, "appointments")) {
        // the scoped load found nothing, yet the id is taken
        throw new IllegalArgumentException(
            "appointment " + appointment.id() + " belongs to another brokerage", e);
      }
      throw e;
    }
  }

  /**
   * The statuses that hold a slot, as a JPQL literal list: constants of the enum, written into the
   * query so no collection is bound to the String-typed column on every turn.
   */
  private static final String BLOCKING_STATUSES =
      java.util.Arrays.stream(io.inmo.domain.appointment.AppointmentStatus.values())
          .filter(io.inmo.domain.appointment.AppointmentStatus::blocksSlot)
          .map(status -> "'" + status.apiValue() + "'")
          .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

  @Override
  public Set<LeadId> leadsWithActiveAppointments(BrokerId brokerId, Collection<LeadId> leadIds) {
    if (leadIds.isEmpty()) {
      return Set.of();
    }
    return unitOfWork
        .entityManager()
        .createQuery(
            "select distinct a.leadId from AppointmentJpaEntity a where a.brokerId = :broker"
                + " and a.leadId in :leads and a.status in "
                + BLOCKING_STATUSES,
            UUID.class)
        .setParameter("broker", brokerId.value())
        .setParameter("leads", leadIds.stream().map(LeadId::value).toList())
        .getResultStream()
        .map(LeadId::new)
        .collect(java.util.stream.Collectors.toSet());
  }
}
