package io.inmo.application.port.in.lead;

import io.inmo.domain.lead.IdentityChannel;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which leads of a broker a list or an export is about; null means "any". {@code unassignedOnly}
 * keeps only leads without an assignee; {@code stale} true keeps only leads the nightly job flagged
 * stale, false only the others; {@code text} is a fragment of name, phone or e-mail (at most 100
 * characters); {@code createdFrom} is inclusive, {@code createdTo} exclusive.
 */
public record LeadFilter(
    LeadStatus status,
    PipelineStage stage,
    Integer minScore,
    Integer maxScore,
    UserId assignedTo,
    boolean unassignedOnly,
    IdentityChannel channel,
    Boolean stale,
    String text,
    Instant createdFrom,
    Instant createdTo) {
  public static final int MAX_TEXT_LENGTH = 100;

  /** Every lead. */
  public static final LeadFilter ANY =
      new LeadFilter(null, null, null, null, null, false, null, null, null, null, null);

  public LeadFilter {
    checkScore("minScore", minScore);
    checkScore("maxScore", maxScore);
    if (minScore != null && maxScore != null && minScore > maxScore) {
      throw new IllegalArgumentException("minScore no puede ser mayor que maxScore");
    }
    if (createdFrom != null && createdTo != null && createdFrom.isAfter(createdTo)) {
      throw new IllegalArgumentException("createdFrom no puede ser posterior a createdTo");
    }
    if (assignedTo != null && unassignedOnly) {
      throw new IllegalArgumentException("assignedTo y unassigned no se combinan");
    }
    text = text == null || text.isBlank() ? null : text.strip();
    if (text != null && text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("q admite a lo más " + MAX_TEXT_LENGTH + " caracteres");
    }
  }

  /**
   * The filters that are set, by their API parameter names ({@code assignedTo: "none"} for
   * unassigned only), for audit summaries.
   */
  public Map<String, Object> asParameters() {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "status", status == null ? null : status.apiValue());
    put(out, "stage", stage == null ? null : stage.apiValue());
    put(out, "minScore", minScore);
    put(out, "maxScore", maxScore);
    put(
        out,
        "assignedTo",
        unassignedOnly ? "none" : assignedTo == null ? null : assignedTo.value());
    put(out, "channel", channel == null ? null : channel.apiValue());
    put(out, "stale", stale);
    put(out, "q", text);
    put(out, "createdFrom", createdFrom == null ? null : createdFrom.toString());
    put(out, "createdTo", createdTo == null ? null : createdTo.toString());
    return out;
  }

  private static void put(Map<String, Object> out, String key, Object value) {
    if (value != null) {
      out.put(key, value instanceof java.util.UUID id ? id.toString() : value);
    }
  }

  private static void checkScore(String name, Integer score) {
    if (score != null && (score < 0 || score > 100)) {
      throw new IllegalArgumentException(name + " debe estar entre 0 y 100");
    }
  }
}
