package io.inmo.domain.scoring;

import java.util.List;
import java.util.Objects;

/**
 * A computed score with its explanation (PRODUCT §5): the components always add up to the score, so
 * the dashboard can show "why 72" line by line.
 *
 * @param components in display order; their points sum to {@code score}
 */
public record ScoreResult(LeadScore score, List<ScoreComponent> components) {

  public ScoreResult {
    Objects.requireNonNull(score, "score must not be null");
    components = List.copyOf(Objects.requireNonNull(components, "components must not be null"));
    int sum = components.stream().mapToInt(ScoreComponent::points).sum();
    if (sum != score.value()) {
      throw new IllegalArgumentException(
          "score components add up to " + sum + ", not to the score " + score.value());
    }
  }
}
