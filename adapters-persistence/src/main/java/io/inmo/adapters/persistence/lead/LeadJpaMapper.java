package io.inmo.adapters.persistence.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inmo.adapters.persistence.FieldCodec;
import io.inmo.adapters.persistence.JsonColumns;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.ChannelIdentity;
import io.inmo.domain.lead.CloseReason;
import io.inmo.domain.lead.IdentityChannel;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.scoring.ScoreComponent;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.Ids;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Maps leads between the domain and {@link LeadJpaEntity} plus its {@link LeadIdentityJpaEntity}
 * rows. Non-sensitive facts go to {@code lead_metadata}; income, DICOM status and debt go, through
 * the {@link FieldCodec}, to {@code sensitive_metadata} and never to {@code lead_metadata}.
 */
final class LeadJpaMapper {
  static final String SENSITIVE_COLUMN = "leads.sensitive_metadata";

  private LeadJpaMapper() {}

  /**
   * @param identities the lead's identity rows, oldest first
   */
  static Lead toDomain(LeadJpaEntity e, List<LeadIdentityJpaEntity> identities, FieldCodec codec) {
    Map<ChannelIdentity, Instant> links = new LinkedHashMap<>();
    for (LeadIdentityJpaEntity i : identities) {
      links.put(toDomain(i), i.createdAt);
    }
    LeadFacts facts =
        LeadFactsJson.read(JsonColumns.read(e.leadMetadata))
            .withoutSensitive()
            .merge(sensitiveFacts(e, codec).sensitiveOnly());
    return Lead.reconstitute(
        new LeadId(e.id),
        new BrokerId(e.brokerId),
        e.phone == null ? null : new PhoneNumber(e.phone),
        e.name,
        e.email == null ? null : new Email(e.email),
        LeadStatus.fromApiValue(e.status),
        LeadScore.of(e.leadScore),
        scoreComponents(JsonColumns.read(e.scoreComponents)),
        e.qualification == null ? null : Qualification.fromName(e.qualification),
        facts,
        PipelineStage.fromApiValue(e.pipelineStage),
        e.assignedTo == null ? null : new UserId(e.assignedTo),
        new LinkedHashSet<>(Arrays.asList(e.tags)),
        e.notes,
        e.closeReason == null ? null : new CloseReason(e.closeReason, e.closeDetail),
        e.closedAt,
        e.closedFromStage == null ? null : PipelineStage.fromApiValue(e.closedFromStage),
        e.optedOutAt,
        e.lastContactedAt,
        e.stageEnteredAt,
        e.nextActionAt,
        e.staleSince,
        e.deletedAt,
        e.createdAt,
        e.updatedAt,
        e.version,
        links);
  }

  /** Copies every lead column except the version, which JPA manages; identities are not touched. */
  static void copy(Lead l, LeadJpaEntity e, FieldCodec codec) {
    e.id = l.id().value();
    e.brokerId = l.brokerId().value();
    e.phone = l.phone() == null ? null : l.phone().value();
    e.name = l.name();
    e.email = l.email() == null ? null : l.email().value();
    e.status = l.status().apiValue();
    e.leadScore = l.score().value();
    e.scoreComponents = JsonColumns.replaceIfChanged(e.scoreComponents, json(l.scoreComponents()));
    e.qualification = l.qualification() == null ? null : l.qualification().name();
    e.leadMetadata =
        JsonColumns.replaceIfChanged(
            e.leadMetadata, LeadFactsJson.write(l.facts().withoutSensitive()));
    e.sensitiveMetadata = sensitiveColumn(e, l.facts().sensitiveOnly(), codec);
    e.pipelineStage = l.stage().apiValue();
    e.assignedTo = l.assignedTo() == null ? null : l.assignedTo().value();
    String[] tags = l.tags().toArray(String[]::new);
    if (e.tags == null || !Arrays.equals(e.tags, tags)) {
      e.tags = tags;
    }
    e.notes = l.notes();
    e.closeReason = l.closeReason() == null ? null : l.closeReason().code();
    e.closeDetail = l.closeReason() == null ? null : l.closeReason().detail();
    e.closedAt = micros(l.closedAt());
    e.closedFromStage = l.closedFromStage() == null ? null : l.closedFromStage().apiValue();
    e.optedOutAt = micros(l.optedOutAt());
    e.lastContactedAt = micros(l.lastContactedAt());
    e.stageEnteredAt = micros(l.stageEnteredAt());
    e.nextActionAt = micros(l.nextActionAt());
    e.staleSince = micros(l.staleSince());
    e.deletedAt = micros(l.deletedAt());
    e.createdAt = micros(l.createdAt());
    e.updatedAt = micros(l.updatedAt());
  }

  /** A new identity row of {@code lead}. */
  static LeadIdentityJpaEntity identityRow(Lead lead, ChannelIdentity identity, Instant linkedAt) {
    LeadIdentityJpaEntity row = new LeadIdentityJpaEntity();
    row.id = Ids.newUuid();
    row.brokerId = lead.brokerId().value();
    row.leadId = lead.id().value();
    row.channel = identity.channel().apiValue();
    row.identityValue = identity.value();
    row.createdAt = micros(linkedAt);
    return row;
  }

  static ChannelIdentity toDomain(LeadIdentityJpaEntity row) {
    return new ChannelIdentity(IdentityChannel.fromApiValue(row.channel), row.identityValue);
  }

  static ArrayNode json(List<ScoreComponent> components) {
    ArrayNode array = JsonColumns.array();
    for (ScoreComponent c : components) {
      array
          .addObject()
          .put("factor", c.factor())
          .put("points", c.points())
          .put("reason", c.reason());
    }
    return array;
  }

  private static List<ScoreComponent> scoreComponents(JsonNode array) {
    List<ScoreComponent> components = new ArrayList<>();
    for (JsonNode c : array) {
      components.add(
          new ScoreComponent(
              c.get("factor").asText(), c.get("points").intValue(), c.path("reason").asText("")));
    }
    return components;
  }

  private static LeadFacts sensitiveFacts(LeadJpaEntity e, FieldCodec codec) {
    if (e.sensitiveMetadata == null) {
      return LeadFacts.empty();
    }
    return LeadFactsJson.read(JsonColumns.read(codec.decode(e.sensitiveMetadata, context(e.id))));
  }

  /**
   * The {@code sensitive_metadata} value: null when nothing sensitive is known, the current value
   * when it decodes to the same facts (an encrypting codec never yields the same text twice, and
   * rewriting it would make every save an update), else the freshly encoded facts.
   */
  private static String sensitiveColumn(LeadJpaEntity e, LeadFacts sensitive, FieldCodec codec) {
    if (sensitive.isEmpty()) {
      return null;
    }
    ObjectNode json = LeadFactsJson.write(sensitive);
    if (e.sensitiveMetadata != null
        && JsonColumns.read(codec.decode(e.sensitiveMetadata, context(e.id))).equals(json)) {
      return e.sensitiveMetadata;
    }
    return codec.encode(JsonColumns.write(json), context(e.id));
  }

  private static String context(UUID leadId) {
    return SENSITIVE_COLUMN + ":" + leadId;
  }

  /** PostgreSQL keeps microseconds; truncating here keeps unchanged rows from looking dirty. */
  static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}
