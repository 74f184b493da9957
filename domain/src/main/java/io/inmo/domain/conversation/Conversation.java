package io.inmo.domain.conversation;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.EscalationPolicy.Reason;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who speaks for the broker in one lead's conversation on one channel (PRODUCT §7): the AI agent,
 * or a staff member who took it over. Staff take over by hand or by replying; the conversation is
 * released by hand or after the broker's idle time without staff activity. An escalation (the lead
 * asked for a person, complained or turned hostile) silences the AI the same way until a person
 * takes over or the idle time passes. Also knows WhatsApp's 24-hour customer-service window.
 */
public final class Conversation {
  /** WhatsApp's customer-service window: free text only this long after the lead last wrote. */
  public static final Duration SERVICE_WINDOW = Duration.ofHours(24);

  private final ConversationId id;
  private final BrokerId brokerId;
  private final LeadId leadId;
  private final ChatProvider provider;
  private final String channelUserId;
  private UserId takenOverBy;
  private Instant takenOverAt;
  private Instant lastStaffActivityAt;
  private Reason escalation;
  private Instant escalatedAt;
  private Instant lastInboundAt;
  private final Instant createdAt;
  private Instant updatedAt;
  private final long version;

  private Conversation(
      ConversationId id,
      BrokerId brokerId,
      LeadId leadId,
      ChatProvider provider,
      String channelUserId,
      UserId takenOverBy,
      Instant takenOverAt,
      Instant lastStaffActivityAt,
      Reason escalation,
      Instant escalatedAt,
      Instant lastInboundAt,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.brokerId = Objects.requireNonNull(brokerId, "brokerId");
    this.leadId = Objects.requireNonNull(leadId, "leadId");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.channelUserId = requireText(channelUserId);
    if ((takenOverBy == null) != (takenOverAt == null)) {
      throw new IllegalArgumentException("takenOverBy and takenOverAt go together");
    }
    if ((escalation == null) != (escalatedAt == null)) {
      throw new IllegalArgumentException("escalation and escalatedAt go together");
    }
    this.takenOverBy = takenOverBy;
    this.takenOverAt = takenOverAt;
    this.lastStaffActivityAt = lastStaffActivityAt;
    this.escalation = escalation;
    this.escalatedAt = escalatedAt;
    this.lastInboundAt = lastInboundAt;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.version = version;
  }

  /** A new conversation, spoken by the AI. */
  public static Conversation start(
      BrokerId brokerId, LeadId leadId, ChatProvider provider, String channelUserId, Instant now) {
    Objects.requireNonNull(now, "now");
    return new Conversation(
        ConversationId.newId(),
        brokerId,
        leadId,
        provider,
        channelUserId,
        null,
        null,
        null,
        null,
        null,
        null,
        now,
        now,
        0L);
  }

  /** Rebuilds a stored conversation. Persistence adapters only. */
  public static Conversation reconstitute(
      ConversationId id,
      BrokerId brokerId,
      LeadId leadId,
      ChatProvider provider,
      String channelUserId,
      UserId takenOverBy,
      Instant takenOverAt,
      Instant lastStaffActivityAt,
      Reason escalation,
      Instant escalatedAt,
      Instant lastInboundAt,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new Conversation(
        id,
        brokerId,
        leadId,
        provider,
        channelUserId,
        takenOverBy,
        takenOverAt,
        lastStaffActivityAt,
        escalation,
        escalatedAt,
        lastInboundAt,
        createdAt,
        updatedAt,
        version);
  }

  /** The lead wrote at {@code at}; never moves back in time. */
  public void recordInbound(Instant at) {
    Objects.requireNonNull(at, "at");
    if (lastInboundAt == null || at.isAfter(lastInboundAt)) {
      lastInboundAt = at;
      touch(at);
    }
  }

  /**
   * {@code staff} takes the conversation: the AI falls silent. Taking it from a colleague is
   * allowed (the newer one speaks); an open escalation counts as answered.
   */
  public void takeOver(UserId staff, Instant now) {
    Objects.requireNonNull(staff, "staff");
    Objects.requireNonNull(now, "now");
    if (!staff.equals(takenOverBy)) {
      takenOverBy = staff;
      takenOverAt = now;
    }
    lastStaffActivityAt = now;
    escalation = null;
    escalatedAt = null;
    touch(now);
  }

  /** {@code staff} replied to the lead: replying takes the conversation over. */
  public void recordStaffReply(UserId staff, Instant now) {
    takeOver(staff, now);
  }

  /** Hands the conversation back to the AI; returns whether it was taken or escalated. */
  public boolean release(Instant now) {
    Objects.requireNonNull(now, "now");
    boolean held = takenOverBy != null || escalation != null;
    takenOverBy = null;
    takenOverAt = null;
    escalation = null;
    escalatedAt = null;
    if (held) {
      touch(now);
    }
    return held;
  }

  /**
   * Releases the conversation when nobody from staff acted on it for {@code idle} (counted from the
   * last staff activity, or from the escalation when nobody took it); returns whether it did.
   */
  public boolean releaseIfIdle(Duration idle, Instant now) {
    Objects.requireNonNull(idle, "idle");
    Instant since = heldSince();
    if (since == null || since.plus(idle).isAfter(now)) {
      return false;
    }
    return release(now);
  }

  /**
   * Records an escalation; returns true only for a new one (the lead is told once that a person
   * will answer). Nothing changes while a person already holds the conversation.
   */
  public boolean escalate(Reason reason, Instant now) {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(now, "now");
    if (takenOverBy != null || escalation != null) {
      return false;
    }
    escalation = reason;
    escalatedAt = now;
    touch(now);
    return true;
  }

  /** Whether the AI agent may answer now: nobody holds the conversation and it is not escalated. */
  public boolean aiMayReply() {
    return takenOverBy == null && escalation == null;
  }

  /** Whether free text may be sent on WhatsApp at {@code now}: the lead wrote in the last 24 h. */
  public boolean withinServiceWindow(Instant now) {
    return lastInboundAt != null && now.isBefore(lastInboundAt.plus(SERVICE_WINDOW));
  }

  private Instant heldSince() {
    if (takenOverBy != null) {
      return lastStaffActivityAt == null ? takenOverAt : lastStaffActivityAt;
    }
    return escalatedAt;
  }

  private void touch(Instant now) {
    if (now.isAfter(updatedAt)) {
      updatedAt = now;
    }
  }

  private static String requireText(String channelUserId) {
    Objects.requireNonNull(channelUserId, "channelUserId");
    if (channelUserId.isBlank() || channelUserId.length() > 200) {
      throw new IllegalArgumentException("channelUserId must be 1..200 characters");
    }
    return channelUserId;
  }

  public ConversationId id() {
    return id;
  }

  public BrokerId brokerId() {
    return brokerId;
  }

  public LeadId leadId() {
    return leadId;
  }

  public ChatProvider provider() {
    return provider;
  }

  public String channelUserId() {
    return channelUserId;
  }

  /** Null when the AI speaks. */
  public UserId takenOverBy() {
    return takenOverBy;
  }

  public Instant takenOverAt() {
    return takenOverAt;
  }

  public Instant lastStaffActivityAt() {
    return lastStaffActivityAt;
  }

  /** Null unless escalated and not yet taken over. */
  public Reason escalation() {
    return escalation;
  }

  public Instant escalatedAt() {
    return escalatedAt;
  }

  public Instant lastInboundAt() {
    return lastInboundAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  @Override
  public String toString() {
    return "Conversation[" + id + ", lead=" + leadId + ", " + provider.apiValue() + "]";
  }
}
