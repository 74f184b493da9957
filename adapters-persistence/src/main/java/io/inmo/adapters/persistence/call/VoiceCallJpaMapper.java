package io.inmo.adapters.persistence.call;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.call.CallStatus;
import io.inmo.domain.call.Speaker;
import io.inmo.domain.call.TranscriptLine;
import io.inmo.domain.call.VoiceCall;
import io.inmo.domain.call.VoiceCallId;
import io.inmo.domain.call.VoiceProvider;
import io.inmo.domain.campaign.CampaignId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.Ids;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.List;

/** Maps voice calls and their transcript lines between the domain and the JPA entities. */
final class VoiceCallJpaMapper {
  private VoiceCallJpaMapper() {}

  /** The call with {@code lines}, which must be ordered by seq. */
  static VoiceCall toDomain(VoiceCallJpaEntity e, List<TranscriptLineJpaEntity> lines) {
    return VoiceCall.reconstitute(
        new VoiceCallId(e.id),
        new BrokerId(e.brokerId),
        new LeadId(e.leadId),
        e.campaignId == null ? null : new CampaignId(e.campaignId),
        e.initiatedBy == null ? null : new UserId(e.initiatedBy),
        VoiceProvider.fromApiValue(e.provider),
        e.purpose,
        new PhoneNumber(e.phoneNumber),
        e.externalCallId,
        CallStatus.fromApiValue(e.status),
        e.durationSeconds,
        e.transcript,
        e.summary,
        e.endedReason,
        e.startedAt,
        e.endedAt,
        lines.stream().map(VoiceCallJpaMapper::toDomain).toList(),
        e.createdAt,
        e.updatedAt,
        e.version);
  }

  static TranscriptLine toDomain(TranscriptLineJpaEntity l) {
    return new TranscriptLine(
        l.seq, Speaker.fromApiValue(l.speaker), l.text, l.seconds == null ? 0.0 : l.seconds);
  }

  /** Copies every call column except the version, which JPA manages. */
  static void copy(VoiceCall c, VoiceCallJpaEntity e) {
    e.id = c.id().value();
    e.brokerId = c.brokerId().value();
    e.leadId = c.leadId().value();
    e.campaignId = c.campaignId() == null ? null : c.campaignId().value();
    e.initiatedBy = c.initiatedBy() == null ? null : c.initiatedBy().value();
    e.provider = c.provider().apiValue();
    e.purpose = c.purpose();
    e.phoneNumber = c.phoneNumber().value();
    e.externalCallId = c.externalCallId();
    e.status = c.status().apiValue();
    e.durationSeconds = c.durationSeconds();
    e.transcript = c.transcript();
    e.summary = c.summary();
    e.endedReason = c.endedReason();
    e.startedAt = c.startedAt();
    e.endedAt = c.endedAt();
    e.createdAt = c.createdAt();
    e.updatedAt = c.updatedAt();
  }

  /** Copies a line's content onto a stored row of the same seq. */
  static void copy(TranscriptLine line, TranscriptLineJpaEntity l) {
    l.seq = line.seq();
    l.speaker = line.speaker().apiValue();
    l.text = line.text();
    l.seconds = line.seconds();
  }

  /** A new row for {@code line} of call {@code c}: a fresh id, the broker of the call. */
  static TranscriptLineJpaEntity toEntity(VoiceCall c, TranscriptLine line, Instant createdAt) {
    TranscriptLineJpaEntity l = new TranscriptLineJpaEntity();
    l.id = Ids.newUuid();
    l.brokerId = c.brokerId().value();
    l.voiceCallId = c.id().value();
    l.createdAt = createdAt;
    copy(line, l);
    return l;
  }
}
