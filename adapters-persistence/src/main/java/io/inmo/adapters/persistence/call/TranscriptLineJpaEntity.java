package io.inmo.adapters.persistence.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * JPA model of the {@code call_transcripts} table: part of the voice call aggregate, keyed in the
 * domain by {@code (voice_call_id, seq)}; the row id and {@code created_at} exist only here.
 */
@Entity
@Table(name = "call_transcripts")
class TranscriptLineJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  @Column(name = "voice_call_id", nullable = false, updatable = false)
  UUID voiceCallId;

  @Column(nullable = false)
  int seq;

  @Column(nullable = false)
  String speaker;

  @Column(name = "text_content", nullable = false)
  String text;

  /** Seconds from the start of the call; null only in legacy rows. */
  @Column(name = "timestamp_sec")
  Double seconds;

  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;
}
