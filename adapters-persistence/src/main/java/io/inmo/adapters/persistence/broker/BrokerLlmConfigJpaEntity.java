package io.inmo.adapters.persistence.broker;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** JPA model of the {@code broker_llm_configs} table (at most one row per broker). */
@Entity
@Table(name = "broker_llm_configs")
class BrokerLlmConfigJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  /** Null = the server's chain. */
  String provider;

  String model;

  @Column(name = "base_url")
  String baseUrl;

  /** {@code ["anthropic:claude-haiku-4-5"]}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "fallbacks", nullable = false)
  String fallbacks;

  /** {@code {"openai.api_key":"<FieldCodec-encoded value>"}}; null when there are none. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "provider_credentials")
  String providerCredentials;

  @Column(name = "monthly_budget_usd")
  BigDecimal monthlyBudgetUsd;

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
