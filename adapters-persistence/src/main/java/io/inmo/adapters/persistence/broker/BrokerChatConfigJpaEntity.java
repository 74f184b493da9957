package io.inmo.adapters.persistence.broker;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** JPA model of the {@code broker_chat_configs} table (one row per broker). */
@Entity
@Table(name = "broker_chat_configs")
class BrokerChatConfigJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  /** {@code ["telegram","webchat"]}, sorted. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "enabled_providers", nullable = false)
  String enabledProviders;

  @Column(name = "default_provider", nullable = false)
  String defaultProvider;

  /** {@code {"telegram.bot_token":"<FieldCodec-encoded value>"}}; null when there are none. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "provider_credentials")
  String providerCredentials;

  @Column(name = "burst_window_seconds", nullable = false)
  int burstWindowSeconds;

  @Column(name = "takeover_idle_minutes", nullable = false)
  int takeoverIdleMinutes;

  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version long version;

  /** The version when this unit of work loaded the row; see OptimisticLocks. */
  @Transient long versionReadByThisUnit;

  @PostLoad
  void rememberVersion() {
    versionReadByThisUnit = version;
  }
}
