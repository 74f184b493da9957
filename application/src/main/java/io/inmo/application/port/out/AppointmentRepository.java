package io.inmo.application.port.out;

import io.inmo.domain.appointment.Appointment;
import io.inmo.domain.appointment.AppointmentConflictException;
import io.inmo.domain.appointment.AppointmentId;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Outbound port: stores and finds appointments of one brokerage. */
public interface AppointmentRepository {
  Optional<Appointment> findById(BrokerId brokerId, AppointmentId id);

  /**
   * The agent's appointments (any status) whose time range intersects {@code [from, to)}, ordered
   * by start.
   */
  List<Appointment> findByAgentBetween(BrokerId brokerId, UserId agentId, Instant from, Instant to);

  /** The lead's appointments (any status), ordered by start. */
  List<Appointment> findByLead(BrokerId brokerId, LeadId leadId);

  /**
   * Inserts or updates the appointment (optimistic locking on its version).
   *
   * @throws AppointmentConflictException when a scheduled or confirmed appointment of the same
   *     agent overlaps it (enforced by the store, not only checked)
   */
  void save(Appointment appointment);

  /** Which of these leads have a scheduled or confirmed appointment (one that blocks a slot). */
  Set<LeadId> leadsWithActiveAppointments(BrokerId brokerId, Collection<LeadId> leadIds);
}
