package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatMessageId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.scoring.Engagement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Outbound port: the channel-neutral store of chat messages. */
public interface ChatMessageRepository {
  /** Inserts or updates the message; {@code (broker, provider, providerMessageId)} is unique. */
  void save(ChatMessage message);

  Optional<ChatMessage> findById(BrokerId brokerId, ChatMessageId id);

  /** The message the provider knows by {@code providerMessageId}; used to drop redeliveries. */
  Optional<ChatMessage> findByProviderMessageId(
      BrokerId brokerId, ChatProvider provider, String providerMessageId);

  /** The lead's latest {@code limit} messages, oldest first (newest last). */
  List<ChatMessage> findLatestByLead(BrokerId brokerId, LeadId leadId, int limit);

  /**
   * How each of these leads engages in its conversation, for scoring: how many messages it sent,
   * the median time it took to answer one of ours, and when it last wrote. Leads that never wrote
   * are absent.
   */
  Map<LeadId, Engagement> engagements(BrokerId brokerId, Collection<LeadId> leadIds);

  /**
   * The inbound messages of one conversation (lead, channel, channel user) no turn has handled yet,
   * oldest first.
   */
  List<ChatMessage> findUnhandledInbound(
      BrokerId brokerId, LeadId leadId, ChatProvider provider, String channelUserId);

  /** Marks these inbound messages handled by a turn at {@code now}. */
  void markHandled(BrokerId brokerId, Collection<ChatMessageId> ids, Instant now);

  /**
   * Claims up to {@code limit} outbound messages of any broker still queued since before {@code
   * queuedBefore} and not claimed by a live node, for {@code node} until {@code now + claim}: the
   * outbox sweep after a crash (ADR 0015).
   */
  List<ChatMessage> claimQueuedOutbound(
      String node, Instant queuedBefore, Instant now, Duration claim, int limit);

  /**
   * Claims one queued outbound message for sending by {@code node} until {@code now + claim}: false
   * when it is no longer queued or another node holds an unexpired claim on it, so a reply being
   * sent is never sent again by the outbox sweep meanwhile.
   */
  boolean claimForSending(
      BrokerId brokerId, ChatMessageId id, String node, Instant now, Duration claim);

  /**
   * Stores the approved WhatsApp template an outbound message is to be sent as (the message's text
   * is then only its rendering for the timeline).
   */
  void saveTemplate(ChatMessage message, ChatSenderPort.Template template);

  /** The template an outbound message is to be sent as, if it is one. */
  Optional<ChatSenderPort.Template> findTemplate(BrokerId brokerId, ChatMessageId id);
}
