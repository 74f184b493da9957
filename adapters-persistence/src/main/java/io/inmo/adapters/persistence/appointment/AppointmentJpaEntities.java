package io.inmo.adapters.persistence.appointment;

import java.util.List;

/** The JPA entity classes of the appointment area, for {@code JpaEntities}. */
public final class AppointmentJpaEntities {
  public static final List<Class<?>> CLASSES = List.of(AppointmentJpaEntity.class);

  private AppointmentJpaEntities() {}
}
