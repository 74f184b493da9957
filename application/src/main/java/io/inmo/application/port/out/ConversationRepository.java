package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.Conversation;
import io.inmo.domain.conversation.ConversationId;
import io.inmo.domain.lead.LeadId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outbound port: stores conversations, always scoped by broker, and keeps each one's turn queue
 * (ADR 0015): when its pending messages are due to be answered, and which node is answering them.
 */
public interface ConversationRepository {

  Optional<Conversation> findById(BrokerId brokerId, ConversationId id);

  /** The conversation of a channel identity. */
  Optional<Conversation> findByChannel(
      BrokerId brokerId, ChatProvider provider, String channelUserId);

  /** A lead's conversations, oldest first. */
  List<Conversation> findByLead(BrokerId brokerId, LeadId leadId);

  /** When a lead last wrote to the broker on {@code provider}; empty when nobody ever did. */
  Optional<Instant> latestInboundAt(BrokerId brokerId, ChatProvider provider);

  /**
   * Inserts or updates the conversation's own state (never its queue columns); a stale version
   * fails with {@link ConcurrentChangeException}, a second conversation for the same channel
   * identity fails the unit of work.
   */
  void save(Conversation conversation);

  /** Deletes the conversation (its lead was deleted; the person writing again is a new lead). */
  void delete(Conversation conversation);

  /**
   * A message arrived at {@code now}: its turn is due after {@code burst}, pushed back by every
   * newer message but never later than {@code maxDelay} after the first message still pending.
   */
  void scheduleTurn(
      BrokerId brokerId, ConversationId id, Instant now, Duration burst, Duration maxDelay);

  /**
   * Claims the conversation whose turn has been due longest, among those no node holds, for {@code
   * node} until {@code now + claim} (platform-wide, skipping rows other nodes are claiming).
   */
  Optional<ClaimedTurn> claimDueTurn(String node, Instant now, Duration claim);

  /**
   * Whether the AI is about to answer this channel user at {@code now}: a turn is due or being
   * composed (an unexpired claim) and nobody took the conversation over or escalated it.
   */
  boolean aiAnswering(BrokerId brokerId, ChatProvider provider, String channelUserId, Instant now);

  /**
   * Ends {@code node}'s turn: clears the queue, or makes it due at once when {@code more} (messages
   * arrived during the turn). Returns false when the claim was no longer {@code node}'s (it expired
   * and another node took the turn over): the caller must not commit what it computed.
   */
  boolean finishTurn(BrokerId brokerId, ConversationId id, String node, boolean more, Instant now);

  /**
   * {@code node}'s turn failed: the claim is released and the turn is due again at {@code retryAt};
   * the failure count grows (a finished turn resets it). Does nothing when the claim is no longer
   * {@code node}'s.
   */
  void failTurn(BrokerId brokerId, ConversationId id, String node, Instant retryAt, Instant now);

  /**
   * A turn a node holds.
   *
   * @param failures how many times in a row this conversation's turn failed before
   */
  record ClaimedTurn(
      BrokerId brokerId, ConversationId conversationId, Instant dueAt, int failures) {
    public ClaimedTurn {
      Objects.requireNonNull(brokerId, "brokerId");
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(dueAt, "dueAt");
    }
  }
}
