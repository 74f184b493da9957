package io.inmo.adapters.persistence.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** JPA model of the {@code notifications} table (0006). */
@Entity
@Table(name = "notifications")
class NotificationJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false)
  UUID brokerId;

  @Column(name = "user_id", nullable = false)
  UUID userId;

  @Column(nullable = false)
  String kind;

  @Column(name = "lead_id")
  UUID leadId;

  @Column(nullable = false)
  String title;

  @Column(nullable = false)
  String body;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "read_at")
  Instant readAt;
}
