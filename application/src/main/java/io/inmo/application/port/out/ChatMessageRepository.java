package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatMessageId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.scoring.Engagement;
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
}
