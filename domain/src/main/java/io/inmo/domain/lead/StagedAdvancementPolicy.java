package io.inmo.domain.lead;

import io.inmo.domain.broker.LeadField;
import io.inmo.domain.broker.RequiredProfileFields;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.pipeline.StageMove;
import io.inmo.domain.pipeline.StageMove.Rule;
import io.inmo.domain.scoring.Qualification;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** {@link PipelineAdvancementPolicy#of}: the rules are documented on the interface. */
final class StagedAdvancementPolicy implements PipelineAdvancementPolicy {
  /** Besides a name, any one of these starts profiling. */
  private static final Set<LeadField> PROFILE_STARTERS =
      EnumSet.of(
          LeadField.PHONE,
          LeadField.EMAIL,
          LeadField.LOCATION,
          LeadField.BUDGET,
          LeadField.PROPERTY_TYPE);

  private final RequiredProfileFields requiredProfileFields;
  private final boolean autoCloseNotQualified;

  StagedAdvancementPolicy(RequiredProfileFields requiredProfileFields, boolean autoClose) {
    this.requiredProfileFields =
        Objects.requireNonNull(requiredProfileFields, "requiredProfileFields");
    this.autoCloseNotQualified = autoClose;
  }

  @Override
  public List<StageMove> plan(Lead lead, boolean hasActiveAppointment) {
    Objects.requireNonNull(lead, "lead");
    List<StageMove> moves = new ArrayList<>();
    PipelineStage stage = lead.stage();
    // each move goes strictly forwards, so this ends after at most six moves
    for (StageMove move = next(lead, stage, hasActiveAppointment);
        move != null;
        move = next(lead, stage, hasActiveAppointment)) {
      moves.add(move);
      stage = move.to();
    }
    return List.copyOf(moves);
  }

  private StageMove next(Lead lead, PipelineStage stage, boolean hasActiveAppointment) {
    Qualification qualification = lead.qualification();
    if (stage == PipelineStage.NEW
        && lead.has(LeadField.NAME)
        && PROFILE_STARTERS.stream().anyMatch(lead::has)) {
      return new StageMove(
          stage,
          PipelineStage.PROFILING,
          Rule.PROFILE_STARTED,
          "Tiene nombre y al menos un dato de contacto o de búsqueda");
    }
    if (stage == PipelineStage.PROFILING && requiredProfileFields.isSatisfiedBy(lead::has)) {
      return new StageMove(
          stage,
          PipelineStage.FINANCIAL_QUALIFICATION,
          Rule.PROFILE_COMPLETE,
          "Tiene el perfil que la corredora exige para la calificación financiera");
    }
    if (stage == PipelineStage.FINANCIAL_QUALIFICATION
        && (qualification == Qualification.POTENTIAL || qualification == Qualification.QUALIFIED)) {
      return new StageMove(
          stage,
          PipelineStage.POTENTIAL,
          Rule.FINANCIALLY_QUALIFIED,
          qualification == Qualification.QUALIFIED
              ? "Calificación financiera: calificado"
              : "Calificación financiera: potencial");
    }
    if (hasActiveAppointment && stage.isBefore(PipelineStage.SCHEDULED)) {
      return new StageMove(
          stage,
          PipelineStage.SCHEDULED,
          Rule.APPOINTMENT_SCHEDULED,
          "Tiene una cita agendada o confirmada");
    }
    if (stage == PipelineStage.FINANCIAL_QUALIFICATION
        && qualification == Qualification.NOT_QUALIFIED
        && autoCloseNotQualified) {
      return new StageMove(
          stage,
          PipelineStage.LOST,
          Rule.NOT_QUALIFIED,
          "No califica financieramente y la corredora cierra estos leads automáticamente");
    }
    return null;
  }
}
