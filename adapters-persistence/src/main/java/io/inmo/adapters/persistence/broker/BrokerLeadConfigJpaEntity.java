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

/** JPA model of the {@code broker_lead_configs} table (one row per broker); fields by API value. */
@Entity
@Table(name = "broker_lead_configs")
class BrokerLeadConfigJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  /** {@code {"name":10,"phone":15,…}}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "field_weights", nullable = false)
  String fieldWeights;

  @Column(name = "cold_max_score", nullable = false)
  int coldMaxScore;

  @Column(name = "warm_max_score", nullable = false)
  int warmMaxScore;

  @Column(name = "hot_min_score", nullable = false)
  int hotMinScore;

  /** {@code ["name","operation",…]}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "field_priority", nullable = false)
  String fieldPriority;

  /** {@code [["name"],["phone"],["location"],["property_type","budget"]]}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "required_profile_fields", nullable = false)
  String requiredProfileFields;

  @Column(name = "qualified_income", nullable = false)
  long qualifiedIncome;

  @Column(name = "potential_income", nullable = false)
  long potentialIncome;

  @Column(name = "acceptable_debt", nullable = false)
  long acceptableDebt;

  @Column(name = "auto_close_not_qualified", nullable = false)
  boolean autoCloseNotQualified;

  @Column(name = "hot_alert_score")
  Integer hotAlertScore;

  @Column(name = "agents_see_unassigned", nullable = false)
  boolean agentsSeeUnassigned;

  @Column(name = "stale_after_days", nullable = false)
  int staleAfterDays;

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
