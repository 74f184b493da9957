package io.inmo.domain.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A step of the sales pipeline, in order from first contact to a closed deal; {@link #WON} and
 * {@link #LOST} are the closed stages.
 */
public enum PipelineStage {
  NEW("Entrada"),
  PROFILING("Perfilamiento"),
  FINANCIAL_QUALIFICATION("Calificación financiera"),
  POTENTIAL("Potencial"),
  SCHEDULED("Agendado"),
  WON("Ganado"),
  LOST("Perdido");

  private final String label;

  PipelineStage(String label) {
    this.label = label;
  }

  /**
   * The lower-snake-case value used in the API and in the database ({@code
   * financial_qualification}).
   */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Spanish label the dashboard shows. */
  public String label() {
    return label;
  }

  /** Whether the deal is over (won or lost). */
  public boolean isClosed() {
    return this == WON || this == LOST;
  }

  /** The forward path a deal travels, new … won; lost is where a lead leaves it. */
  public static final List<PipelineStage> FORWARD_PATH =
      List.of(NEW, PROFILING, FINANCIAL_QUALIFICATION, POTENTIAL, SCHEDULED, WON);

  /**
   * How far along {@link #FORWARD_PATH} a lead in this stage got: an open or won lead its stage, a
   * lost lead the stage it was closed from ({@code closedFrom}, new when unknown).
   */
  public PipelineStage furthestReached(PipelineStage closedFrom) {
    if (this != LOST) {
      return this;
    }
    return closedFrom == null || closedFrom == LOST ? NEW : closedFrom;
  }

  /** Whether this stage comes strictly earlier in the pipeline order than {@code other}. */
  public boolean isBefore(PipelineStage other) {
    return ordinal() < Objects.requireNonNull(other, "other").ordinal();
  }

  /** Parses an API value; throws {@link IllegalArgumentException} when it is unknown. */
  public static PipelineStage fromApiValue(String value) {
    Objects.requireNonNull(value, "pipeline stage must not be null");
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (PipelineStage s : values()) {
      if (s.apiValue().equals(v)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown pipeline stage: " + value);
  }
}
