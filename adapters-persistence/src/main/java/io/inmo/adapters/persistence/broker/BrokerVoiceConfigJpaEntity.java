package io.inmo.adapters.persistence.broker;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.LocalTimeJdbcType;

/** JPA model of the {@code broker_voice_configs} table (one row per broker). */
@Entity
@Table(name = "broker_voice_configs")
class BrokerVoiceConfigJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  /** {@code vapi|bland}; null when voice is not configured. */
  String provider;

  /** {@code {"api_key":"<FieldCodec-encoded value>"}}; null when there are none. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "provider_credentials")
  String providerCredentials;

  @Column(name = "phone_number_id")
  String phoneNumberId;

  @Column(name = "assistant_id_default")
  String assistantIdDefault;

  /**
   * Broker-local wall-clock times, bound as {@code LocalTime} (not through {@code java.sql.Time}),
   * so that neither the JVM's zone nor {@code hibernate.jdbc.time_zone} shifts them.
   */
  @JdbcType(LocalTimeJdbcType.class)
  @Column(name = "calling_hours_start", nullable = false)
  LocalTime callingHoursStart;

  @JdbcType(LocalTimeJdbcType.class)
  @Column(name = "calling_hours_end", nullable = false)
  LocalTime callingHoursEnd;

  @Column(name = "max_concurrent_calls", nullable = false)
  int maxConcurrentCalls;

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
