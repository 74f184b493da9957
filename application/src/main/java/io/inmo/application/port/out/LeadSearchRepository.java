package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.IdentityChannel;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Outbound port: the lead list of one broker, filtered and read page by page in a stable order
 * (keyset pagination: a page starts strictly after the last row of the previous one, so inserts and
 * deletes never shift or repeat rows). Soft-deleted leads are never listed. The leads come with
 * their channel identities (the list shows each lead's channels).
 */
public interface LeadSearchRepository {

  /** At most {@code search.limit()} leads in {@code search.sort()} order. */
  List<Lead> search(BrokerId brokerId, LeadSearch search);

  /** The orders a list can be read in; ties are broken by id in the same direction. */
  enum LeadSort {
    NEWEST("-createdAt"),
    OLDEST("createdAt"),
    HIGHEST_SCORE("-score"),
    LOWEST_SCORE("score");

    private final String apiValue;

    LeadSort(String apiValue) {
      this.apiValue = apiValue;
    }

    public String apiValue() {
      return apiValue;
    }

    public boolean byScore() {
      return this == HIGHEST_SCORE || this == LOWEST_SCORE;
    }

    public boolean descending() {
      return this == NEWEST || this == HIGHEST_SCORE;
    }

    /** Parses {@code -createdAt}, {@code createdAt}, {@code -score}, {@code score}. */
    public static LeadSort fromApiValue(String value) {
      for (LeadSort sort : values()) {
        if (sort.apiValue.equals(value)) {
          return sort;
        }
      }
      throw new IllegalArgumentException(
          "sort debe ser uno de: -createdAt, createdAt, -score, score");
    }
  }

  /**
   * Where the previous page ended: the sort key of its last lead ({@code score} for score orders,
   * {@code createdAt} otherwise) and its id.
   */
  record Position(int score, Instant createdAt, UUID id) {
    public Position {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * The filters of a list; null means "any". {@code visibleToAgent} restricts the list to the leads
   * an AGENT may see (assigned to them or unassigned); {@code unassignedOnly} lists only leads with
   * no assignee; {@code stale} true lists only leads flagged stale, false only the others. {@code
   * text} matches a fragment of name, phone or e-mail, accents and case ignored.
   */
  record LeadSearch(
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
      Instant createdTo,
      UserId visibleToAgent,
      LeadSort sort,
      Position after,
      int limit) {
    public LeadSearch {
      Objects.requireNonNull(sort, "sort");
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be positive");
      }
    }
  }
}
