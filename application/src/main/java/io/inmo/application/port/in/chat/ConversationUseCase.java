package io.inmo.application.port.in.chat;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ConversationId;
import io.inmo.domain.lead.LeadId;

/**
 * Inbound port: the conversation pipeline (PRODUCT §7, ADR 0015). Channel adapters call {@link
 * #receive} from their webhooks; background workers call {@link #runNextTurn} and {@link
 * #sendQueued}.
 */
public interface ConversationUseCase {

  /**
   * Stores one inbound message and schedules its turn, in one unit of work: the lead is found or
   * created from the channel identity. A message already stored (same provider message id) changes
   * nothing and reports a duplicate.
   *
   * @throws io.inmo.application.security.TooManyRequestsException {@code chat.flood} when the
   *     sender exceeded the per-sender flood limit; nothing is stored
   */
  Receipt receive(BrokerId brokerId, InboundChatMessage message);

  /**
   * Claims the conversation whose turn has been due longest, answers its pending messages and sends
   * the reply; returns false when no turn was due.
   */
  boolean runNextTurn(String node);

  /**
   * Applies a provider's delivery report to the message it names (WhatsApp statuses): delivered,
   * read, or failed with the provider's error, which is also written to the lead's activity.
   * Reports on messages Inmo does not know, and reports that would move a status back, change
   * nothing.
   */
  void report(BrokerId brokerId, DeliveryReport report);

  /** Sends replies left queued by a node that stopped after storing them; returns how many. */
  int sendQueued(String node);

  /** What {@link #receive} did. */
  record Receipt(LeadId leadId, ConversationId conversationId, boolean duplicate) {}
}
