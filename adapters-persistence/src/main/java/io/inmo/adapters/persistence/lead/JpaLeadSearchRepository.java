package io.inmo.adapters.persistence.lead;

import io.inmo.adapters.persistence.FieldCodec;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.application.port.out.LeadSearchRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.Lead;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Persistence adapter: the lead list as one native query per page, built from the filters given, so
 * that PostgreSQL can use the partial list indexes of {@code 0005-lead-search.sql}: every list
 * index leads with {@code broker_id} and ends with the keyset order, and a text fragment of three
 * characters or more goes through the GIN index on {@code (broker_id, search_text)}, the stored
 * folded name, phone and e-mail.
 */
public final class JpaLeadSearchRepository implements LeadSearchRepository {
  /** The shortest fragment with a trigram for the search index to look up. */
  private static final int TRIGRAM = 3;

  private final JpaUnitOfWork unitOfWork;
  private final FieldCodec codec;

  public JpaLeadSearchRepository(JpaUnitOfWork unitOfWork, FieldCodec codec) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  @Override
  public List<Lead> search(BrokerId brokerId, LeadSearch search) {
    NativeSql statement = sql(brokerId, search);
    EntityManager em = unitOfWork.entityManager();
    Query query = em.createNativeQuery(statement.sql(), LeadJpaEntity.class);
    statement.parameters().forEach(query::setParameter);
    List<LeadJpaEntity> rows = new ArrayList<>();
    for (Object row : query.getResultList()) {
      rows.add((LeadJpaEntity) row);
    }
    // the list shows each lead's channels: their identities come in one more query per page
    return JpaLeadBulk.withIdentities(em, codec, brokerId.value(), rows);
  }

  /**
   * A native statement with named parameters ({@code :name}) and their values (UUID, String,
   * Integer or Instant), in order of first appearance.
   */
  public record NativeSql(String sql, Map<String, Object> parameters) {
    public NativeSql {
      Objects.requireNonNull(sql, "sql");
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
  }

  /**
   * The one statement {@link #search} runs for a page: public so that the lead-list benchmark can
   * time and EXPLAIN exactly what the application sends.
   */
  public static NativeSql sql(BrokerId brokerId, LeadSearch search) {
    Objects.requireNonNull(brokerId, "brokerId");
    Objects.requireNonNull(search, "search");
    StringBuilder sql =
        new StringBuilder(
            "select l.* from leads l where l.broker_id = :broker and l.deleted_at is null");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("broker", brokerId.value());
    if (search.status() != null) {
      sql.append(" and l.status = :status");
      params.put("status", search.status().apiValue());
    }
    if (search.stage() != null) {
      sql.append(" and l.pipeline_stage = :stage");
      params.put("stage", search.stage().apiValue());
    }
    if (search.minScore() != null) {
      sql.append(" and l.lead_score >= :minScore");
      params.put("minScore", search.minScore());
    }
    if (search.maxScore() != null) {
      sql.append(" and l.lead_score <= :maxScore");
      params.put("maxScore", search.maxScore());
    }
    if (search.assignedTo() != null) {
      sql.append(" and l.assigned_to = :assignedTo");
      params.put("assignedTo", search.assignedTo().value());
    }
    if (search.unassignedOnly()) {
      sql.append(" and l.assigned_to is null");
    }
    if (search.stale() != null) {
      sql.append(search.stale() ? " and l.stale_since is not null" : " and l.stale_since is null");
    }
    if (search.visibleToAgent() != null) {
      sql.append(" and (l.assigned_to = :agent or l.assigned_to is null)");
      params.put("agent", search.visibleToAgent().value());
    }
    if (search.channel() != null) {
      sql.append(
          " and exists (select 1 from lead_identities i where i.broker_id = :broker"
              + " and i.lead_id = l.id and i.channel = :channel)");
      params.put("channel", search.channel().apiValue());
    }
    if (search.text() != null) {
      if (search.text().codePointCount(0, search.text().length()) >= TRIGRAM) {
        sql.append(" and l.search_text like '%' || inmo_fold(:text) || '%'");
        params.put("text", escapeLike(search.text()));
      } else {
        // no trigram in one or two characters: a LIKE would make the GIN index read all of
        // itself (seconds at a million leads); strpos walks the broker's list order instead
        sql.append(" and strpos(l.search_text, inmo_fold(:text)) > 0");
        params.put("text", search.text());
      }
    }
    if (search.createdFrom() != null) {
      sql.append(" and l.created_at >= :createdFrom");
      params.put("createdFrom", search.createdFrom());
    }
    if (search.createdTo() != null) {
      sql.append(" and l.created_at < :createdTo");
      params.put("createdTo", search.createdTo());
    }
    LeadSort sort = search.sort();
    String key = sort.byScore() ? "l.lead_score" : "l.created_at";
    String direction = sort.descending() ? "desc" : "asc";
    if (search.after() != null) {
      sql.append(" and (")
          .append(key)
          .append(", l.id) ")
          .append(sort.descending() ? "<" : ">")
          .append(" (:afterKey, :afterId)");
      params.put("afterKey", sort.byScore() ? search.after().score() : search.after().createdAt());
      params.put("afterId", search.after().id());
    }
    sql.append(" order by ")
        .append(key)
        .append(' ')
        .append(direction)
        .append(", l.id ")
        .append(direction)
        .append(" limit :limit");
    params.put("limit", search.limit());
    return new NativeSql(sql.toString(), params);
  }

  /** A LIKE pattern matching the text literally ({@code %}, {@code _} and {@code \} escaped). */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
