package io.inmo.domain.call;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.CampaignId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A phone call to a lead placed through a voice provider, with its status, outcome and transcript;
 * root of the voice call aggregate.
 */
public final class VoiceCall {
  private static final int MAX_PURPOSE_LENGTH = 1000;
  private static final int MAX_REASON_LENGTH = 500;

  private final VoiceCallId id;
  private final BrokerId brokerId;
  private final LeadId leadId;
  private final CampaignId campaignId;
  private final UserId initiatedBy;
  private final VoiceProvider provider;
  private final String purpose;
  private final PhoneNumber phoneNumber;
  private String externalCallId;
  private CallStatus status;
  private Integer durationSeconds;
  private String transcript;
  private String summary;
  private String endedReason;
  private Instant startedAt;
  private Instant endedAt;
  private List<TranscriptLine> transcriptLines;
  private final Instant createdAt;
  private Instant updatedAt;
  private final long version;

  private VoiceCall(
      VoiceCallId id,
      BrokerId brokerId,
      LeadId leadId,
      CampaignId campaignId,
      UserId initiatedBy,
      VoiceProvider provider,
      String purpose,
      PhoneNumber phoneNumber,
      String externalCallId,
      CallStatus status,
      Integer durationSeconds,
      String transcript,
      String summary,
      String endedReason,
      Instant startedAt,
      Instant endedAt,
      List<TranscriptLine> transcriptLines,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.brokerId = Objects.requireNonNull(brokerId, "brokerId");
    this.leadId = Objects.requireNonNull(leadId, "leadId");
    this.campaignId = campaignId;
    this.initiatedBy = initiatedBy;
    this.provider = Objects.requireNonNull(provider, "provider");
    this.purpose = purpose;
    this.phoneNumber = Objects.requireNonNull(phoneNumber, "phoneNumber");
    this.externalCallId = externalCallId;
    this.status = Objects.requireNonNull(status, "status");
    this.durationSeconds = durationSeconds;
    this.transcript = transcript;
    this.summary = summary;
    this.endedReason = endedReason;
    this.startedAt = startedAt;
    this.endedAt = endedAt;
    this.transcriptLines = List.copyOf(Objects.requireNonNull(transcriptLines, "transcriptLines"));
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.version = version;
  }

  /**
   * A new call in status {@code INITIATED}, not yet dialled. {@code campaignId} (campaign step) and
   * {@code initiatedBy} (staff user) are null when not applicable.
   */
  public static VoiceCall initiate(
      BrokerId brokerId,
      LeadId leadId,
      CampaignId campaignId,
      UserId initiatedBy,
      VoiceProvider provider,
      String purpose,
      PhoneNumber phoneNumber,
      Instant now) {
    Objects.requireNonNull(now, "now");
    if (purpose == null || purpose.isBlank()) {
      throw new IllegalArgumentException("call purpose must not be blank");
    }
    String p = purpose.strip();
    if (p.length() > MAX_PURPOSE_LENGTH) {
      throw new IllegalArgumentException("call purpose longer than " + MAX_PURPOSE_LENGTH);
    }
    return new VoiceCall(
        VoiceCallId.newId(),
        brokerId,
        leadId,
        campaignId,
        initiatedBy,
        provider,
        p,
        phoneNumber,
        null,
        CallStatus.INITIATED,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        now,
        now,
        0L);
  }

  /** Rebuilds a stored call with its transcript lines. Persistence adapters only: runs no rules. */
  public static VoiceCall reconstitute(
      VoiceCallId id,
      BrokerId brokerId,
      LeadId leadId,
      CampaignId campaignId,
      UserId initiatedBy,
      VoiceProvider provider,
      String purpose,
      PhoneNumber phoneNumber,
      String externalCallId,
      CallStatus status,
      Integer durationSeconds,
      String transcript,
      String summary,
      String endedReason,
      Instant startedAt,
      Instant endedAt,
      List<TranscriptLine> transcriptLines,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new VoiceCall(
        id,
        brokerId,
        leadId,
        campaignId,
        initiatedBy,
        provider,
        purpose,
        phoneNumber,
        externalCallId,
        status,
        durationSeconds,
        transcript,
        summary,
        endedReason,
        startedAt,
        endedAt,
        transcriptLines,
        createdAt,
        updatedAt,
        version);
  }

  /**
   * Records the provider's id for the placed call; repeating the same id is a no-op.
   *
   * @throws DomainException {@code call.already_dialled} when a different id is already recorded
   */
  public void dialled(String externalCallId, Instant now) {
    Objects.requireNonNull(now, "now");
    if (externalCallId == null || externalCallId.isBlank()) {
      throw new IllegalArgumentException("external call id must not be blank");
    }
    String ext = externalCallId.strip();
    if (ext.equals(this.externalCallId)) {
      return;
    }
    if (this.externalCallId != null) {
      throw new DomainException(
          "call.already_dialled", "call " + id + " was already dialled as " + this.externalCallId);
    }
    this.externalCallId = ext;
    updatedAt = now;
  }

  /**
   * Applies a provider status event. Statuses only move forward and terminal ones are final, so a
   * duplicate or late event (ringing after in progress, failed after busy) is a harmless no-op.
   * Entering {@code IN_PROGRESS} sets {@code startedAt}; entering a terminal status sets {@code
   * endedAt}.
   *
   * @return whether the status changed
   */
  public boolean updateStatus(CallStatus next, Instant now) {
    Objects.requireNonNull(next, "status");
    Objects.requireNonNull(now, "now");
    if (!status.canAdvanceTo(next)) {
      return false;
    }
    status = next;
    if (next == CallStatus.IN_PROGRESS && startedAt == null) {
      startedAt = now;
    }
    if (next.isTerminal() && endedAt == null) {
      endedAt = now;
    }
    updatedAt = now;
    return true;
  }

  /**
   * Ends the call with a terminal status, its duration in seconds (null when unknown) and the
   * provider's ended reason (nullable). On a call that already ended, the status stays as it is and
   * only a missing duration or reason is filled in (a late end-of-call report).
   *
   * @return whether anything changed
   */
  public boolean end(
      CallStatus terminal, Integer durationSeconds, String endedReason, Instant now) {
    Objects.requireNonNull(terminal, "terminal");
    Objects.requireNonNull(now, "now");
    if (!terminal.isTerminal()) {
      throw new IllegalArgumentException("not a terminal call status: " + terminal.apiValue());
    }
    if (durationSeconds != null && durationSeconds < 0) {
      throw new IllegalArgumentException("call duration must be >= 0: " + durationSeconds);
    }
    String reason = endedReason == null || endedReason.isBlank() ? null : endedReason.strip();
    if (reason != null && reason.length() > MAX_REASON_LENGTH) {
      reason = reason.substring(0, MAX_REASON_LENGTH);
    }
    boolean changed = false;
    if (!status.isTerminal()) {
      status = terminal;
      if (endedAt == null) {
        endedAt = now;
      }
      changed = true;
    }
    if (this.durationSeconds == null && durationSeconds != null) {
      this.durationSeconds = durationSeconds;
      changed = true;
    }
    if (this.endedReason == null && reason != null) {
      this.endedReason = reason;
      changed = true;
    }
    if (changed) {
      updatedAt = now;
    }
    return changed;
  }

  /**
   * Replaces the transcript with {@code lines} (sorted by seq; seqs must be unique) and the full
   * text; a null or blank {@code fullText} is derived from the lines ({@code "speaker: text"}).
   */
  public void recordTranscript(List<TranscriptLine> lines, String fullText, Instant now) {
    Objects.requireNonNull(lines, "lines");
    Objects.requireNonNull(now, "now");
    Set<Integer> seen = new HashSet<>();
    for (TranscriptLine line : lines) {
      Objects.requireNonNull(line, "transcript line");
      if (!seen.add(line.seq())) {
        throw new IllegalArgumentException("duplicate transcript seq: " + line.seq());
      }
    }
    List<TranscriptLine> sorted = new ArrayList<>(lines);
    sorted.sort(Comparator.comparingInt(TranscriptLine::seq));
    transcriptLines = List.copyOf(sorted);
    if (fullText != null && !fullText.isBlank()) {
      transcript = fullText.strip();
    } else if (sorted.isEmpty()) {
      transcript = null;
    } else {
      transcript =
          sorted.stream()
              .map(l -> l.speaker().apiValue() + ": " + l.text())
              .collect(Collectors.joining("\n"));
    }
    updatedAt = now;
  }

  /** Stores the call summary written after the call. */
  public void summarise(String summary, Instant now) {
    Objects.requireNonNull(now, "now");
    if (summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("call summary must not be blank");
    }
    this.summary = summary.strip();
    updatedAt = now;
  }

  public VoiceCallId id() {
    return id;
  }

  public BrokerId brokerId() {
    return brokerId;
  }

  public LeadId leadId() {
    return leadId;
  }

  /** The campaign whose step placed the call; null for calls not made by a campaign. */
  public CampaignId campaignId() {
    return campaignId;
  }

  /** The staff user who asked for the call; null for automated calls. */
  public UserId initiatedBy() {
    return initiatedBy;
  }

  public VoiceProvider provider() {
    return provider;
  }

  public String purpose() {
    return purpose;
  }

  public PhoneNumber phoneNumber() {
    return phoneNumber;
  }

  /** The provider's call id; null until the call is dialled. */
  public String externalCallId() {
    return externalCallId;
  }

  public CallStatus status() {
    return status;
  }

  /** Call length in seconds; null until the provider reports it. */
  public Integer durationSeconds() {
    return durationSeconds;
  }

  /** The full transcript text; null until recorded. */
  public String transcript() {
    return transcript;
  }

  /** The post-call summary; null until summarised. */
  public String summary() {
    return summary;
  }

  /** The provider's reason the call ended; nullable. */
  public String endedReason() {
    return endedReason;
  }

  /** When the lead picked up; null if the call never reached in progress. */
  public Instant startedAt() {
    return startedAt;
  }

  /** When the call reached a terminal status; null while it is live. */
  public Instant endedAt() {
    return endedAt;
  }

  /** The transcript lines in seq order (immutable). */
  public List<TranscriptLine> transcriptLines() {
    return transcriptLines;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The optimistic-locking version read from storage (0 for a new call). */
  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VoiceCall other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "VoiceCall[" + id + ", " + provider.apiValue() + ", " + status.apiValue() + "]";
  }
}
