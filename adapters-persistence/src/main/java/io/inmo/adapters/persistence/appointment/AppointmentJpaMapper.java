package io.inmo.adapters.persistence.appointment;

import io.inmo.domain.appointment.Appointment;
import io.inmo.domain.appointment.AppointmentId;
import io.inmo.domain.appointment.AppointmentStatus;
import io.inmo.domain.appointment.AppointmentType;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;

/** Maps appointments between the domain and {@link AppointmentJpaEntity}. */
final class AppointmentJpaMapper {
  private AppointmentJpaMapper() {}

  static Appointment toDomain(AppointmentJpaEntity e) {
    return Appointment.reconstitute(
        new AppointmentId(e.id),
        new BrokerId(e.brokerId),
        new LeadId(e.leadId),
        e.agentId == null ? null : new UserId(e.agentId),
        AppointmentType.fromApiValue(e.type),
        AppointmentStatus.fromApiValue(e.status),
        e.start,
        e.end,
        e.meetUrl,
        e.location,
        e.notes,
        e.externalEventId,
        e.cancelReason,
        e.createdAt,
        e.updatedAt,
        e.version);
  }

  /** Copies every column except the version, which JPA manages. */
  static void copy(Appointment a, AppointmentJpaEntity e) {
    e.id = a.id().value();
    e.brokerId = a.brokerId().value();
    e.leadId = a.leadId().value();
    e.agentId = a.agentId() == null ? null : a.agentId().value();
    e.type = a.type().apiValue();
    e.status = a.status().apiValue();
    e.start = a.start();
    e.end = a.end();
    e.meetUrl = a.meetUrl();
    e.location = a.location();
    e.notes = a.notes();
    e.externalEventId = a.externalEventId();
    e.cancelReason = a.cancelReason();
    e.createdAt = a.createdAt();
    e.updatedAt = a.updatedAt();
  }
}
