package io.inmo.application.port.in.lead;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.ChannelIdentity;
import io.inmo.domain.lead.CloseReason;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.scoring.ScoreComponent;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A lead as one caller may see it. {@code facts} holds the sensitive facts (income, DICOM, debt)
 * only when {@code sensitiveVisible} is true: for ADMINs, SUPERADMINs and the assigned AGENT.
 */
public record LeadView(
    LeadId id,
    BrokerId brokerId,
    String name,
    PhoneNumber phone,
    Email email,
    LeadStatus status,
    int score,
    List<ScoreComponent> scoreComponents,
    Qualification qualification,
    PipelineStage stage,
    Instant stageEnteredAt,
    UserId assignedTo,
    LeadFacts facts,
    boolean sensitiveVisible,
    Set<String> tags,
    String notes,
    Set<ChannelIdentity> identities,
    CloseReason closeReason,
    Instant closedAt,
    PipelineStage closedFromStage,
    Instant optedOutAt,
    Instant lastContactedAt,
    Instant nextActionAt,
    Instant staleSince,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The lead as seen by a caller who may ({@code sensitiveVisible}) or may not see its secrets. */
  public static LeadView of(Lead lead, boolean sensitiveVisible) {
    return new LeadView(
        lead.id(),
        lead.brokerId(),
        lead.name(),
        lead.phone(),
        lead.email(),
        lead.status(),
        lead.score().value(),
        sensitiveVisible ? lead.scoreComponents() : maskFinancial(lead.scoreComponents()),
        lead.qualification(),
        lead.stage(),
        lead.stageEnteredAt(),
        lead.assignedTo(),
        sensitiveVisible ? lead.facts() : lead.facts().withoutSensitive(),
        sensitiveVisible,
        lead.tags(),
        lead.notes(),
        lead.identities(),
        lead.closeReason(),
        lead.closedAt(),
        lead.closedFromStage(),
        lead.optedOutAt(),
        lead.lastContactedAt(),
        lead.nextActionAt(),
        lead.staleSince(),
        lead.createdAt(),
        lead.updatedAt(),
        lead.version());
  }

  /** Score factors that would tell income or DICOM tiers apart. */
  private static final Set<String> FINANCIAL_FACTORS = Set.of("monthly_income", "dicom_status");

  /**
   * For a caller who may not see income, DICOM or debt: their score lines become one {@code
   * financial} line with their sum, so the explanation still adds up to the score without telling
   * which tier each fact reached.
   */
  static List<ScoreComponent> maskFinancial(List<ScoreComponent> components) {
    List<ScoreComponent> masked = new ArrayList<>();
    int financial = 0;
    boolean any = false;
    for (ScoreComponent component : components) {
      if (FINANCIAL_FACTORS.contains(component.factor())) {
        financial += component.points();
        any = true;
      } else {
        masked.add(component);
      }
    }
    if (any) {
      masked.add(
          new ScoreComponent(
              "financial",
              financial,
              "Datos financieros: el detalle lo ven el agente asignado y los administradores."));
    }
    return List.copyOf(masked);
  }
}
