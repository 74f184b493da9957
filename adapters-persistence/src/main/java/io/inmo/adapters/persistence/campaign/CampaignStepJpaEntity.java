package io.inmo.adapters.persistence.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * JPA model of the {@code campaign_steps} table: part of the campaign aggregate, written only by
 * {@link JpaCampaignRepository} (versioned through the campaign row).
 */
@Entity
@Table(name = "campaign_steps")
class CampaignStepJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  @Column(name = "campaign_id", nullable = false, updatable = false)
  UUID campaignId;

  @Column(name = "step_number", nullable = false)
  int stepNumber;

  @Column(nullable = false)
  String action;

  @Column(name = "message_template_id")
  UUID templateId;

  @Column(name = "delay_hours", nullable = false)
  int delayHours;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  Map<String, String> config;
}
