package io.inmo.adapters.persistence.conversation;

import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.application.port.out.ConversationInboxRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.ConversationId;
import io.inmo.domain.conversation.EscalationPolicy.Reason;
import io.inmo.domain.conversation.SenderType;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.user.UserId;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Persistence adapter: the conversation inbox as one native query per page. It walks {@code
 * conversations_broker_id_last_activity_idx} (0016) newest first from the cursor, joins each
 * conversation's lead by primary key and its newest message ({@code last_message_id}, kept by the
 * 0016 triggers) by primary key, and stops at the page size: the cost grows with the page, not with
 * the broker's conversations (filters that match few conversations read further).
 */
public final class JpaConversationInboxRepository implements ConversationInboxRepository {
  /** The shortest fragment with a trigram for the lead search text to match with LIKE. */
  private static final int TRIGRAM = 3;

  /** Characters of a message's text read: enough for any preview, never a whole long message. */
  static final int TEXT_READ = 512;

  private final JpaUnitOfWork unitOfWork;

  public JpaConversationInboxRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public List<InboxEntry> list(BrokerId brokerId, InboxSearch search) {
    NativeSql statement = sql(brokerId, search);
    Query query = unitOfWork.entityManager().createNativeQuery(statement.sql());
    statement.parameters().forEach(query::setParameter);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<InboxEntry> entries = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      entries.add(entry(row));
    }
    return entries;
  }

  /** A native statement with named parameters and their values, in order of first appearance. */
  public record NativeSql(String sql, Map<String, Object> parameters) {
    public NativeSql {
      Objects.requireNonNull(sql, "sql");
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
  }

  /** The one statement {@link #list} runs for a page (public for EXPLAIN in tests). */
  public static NativeSql sql(BrokerId brokerId, InboxSearch search) {
    Objects.requireNonNull(brokerId, "brokerId");
    Objects.requireNonNull(search, "search");
    StringBuilder sql =
        new StringBuilder(
            "select c.id, c.provider, c.lead_id, l.name, l.status, l.lead_score,"
                + " l.pipeline_stage, l.assigned_to, l.opted_out_at, c.taken_over_by,"
                + " c.taken_over_at, c.escalation, c.escalated_at, c.last_inbound_at,"
                + " c.last_activity_at, left(m.message_text, "
                + TEXT_READ
                + "), m.sender_type, m.created_at"
                + " from conversations c"
                + " join leads l on l.broker_id = c.broker_id and l.id = c.lead_id"
                + " left join chat_messages m on m.broker_id = c.broker_id"
                + " and m.id = c.last_message_id"
                + " where c.broker_id = :broker and l.deleted_at is null");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("broker", brokerId.value());
    if (search.provider() != null) {
      sql.append(" and c.provider = :provider");
      params.put("provider", search.provider().apiValue());
    }
    if (search.status() != null) {
      sql.append(
          switch (search.status()) {
            case OPTED_OUT -> " and l.opted_out_at is not null";
            case TAKEN_OVER -> " and l.opted_out_at is null and c.taken_over_by is not null";
            case ESCALATED ->
                " and l.opted_out_at is null and c.taken_over_by is null"
                    + " and c.escalation is not null";
            case OPEN ->
                " and l.opted_out_at is null and c.taken_over_by is null and c.escalation is null";
          });
    }
    if (search.agent() != null) {
      sql.append(
          search.agentSeesUnassigned()
              ? " and (l.assigned_to = :agent or l.assigned_to is null)"
              : " and l.assigned_to = :agent");
      params.put("agent", search.agent().value());
    }
    if (search.text() != null) {
      if (search.text().codePointCount(0, search.text().length()) >= TRIGRAM) {
        sql.append(" and l.search_text like '%' || inmo_fold(:text) || '%'");
        params.put("text", escapeLike(search.text()));
      } else {
        sql.append(" and strpos(l.search_text, inmo_fold(:text)) > 0");
        params.put("text", search.text());
      }
    }
    if (search.after() != null) {
      sql.append(" and (c.last_activity_at, c.id) < (:afterAt, :afterId)");
      params.put("afterAt", offset(search.after().lastActivityAt()));
      params.put("afterId", search.after().conversationId());
    }
    sql.append(" order by c.last_activity_at desc, c.id desc limit :limit");
    params.put("limit", search.limit());
    return new NativeSql(sql.toString(), params);
  }

  private static InboxEntry entry(Object[] row) {
    String text = (String) row[15];
    String sender = (String) row[16];
    return new InboxEntry(
        new ConversationId((UUID) row[0]),
        ChatProvider.fromApiValue((String) row[1]),
        new LeadId((UUID) row[2]),
        (String) row[3],
        row[4] == null ? null : LeadStatus.fromApiValue((String) row[4]),
        ((Number) row[5]).intValue(),
        row[6] == null ? null : PipelineStage.fromApiValue((String) row[6]),
        row[7] == null ? null : new UserId((UUID) row[7]),
        instant(row[8]),
        row[9] == null ? null : new UserId((UUID) row[9]),
        instant(row[10]),
        row[11] == null ? null : Reason.valueOf(((String) row[11]).toUpperCase(Locale.ROOT)),
        instant(row[12]),
        instant(row[13]),
        instant(row[14]),
        sender == null
            ? null
            : new LastMessage(text, SenderType.fromApiValue(sender), instant(row[17])));
  }

  /** A LIKE pattern matching the text literally ({@code %}, {@code _} and {@code \} escaped). */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static OffsetDateTime offset(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(Object value) {
    return switch (value) {
      case null -> null;
      case java.sql.Timestamp t -> t.toInstant();
      case Instant i -> i;
      case OffsetDateTime o -> o.toInstant();
      default -> throw new IllegalStateException("timestamp of type " + value.getClass());
    };
  }
}
