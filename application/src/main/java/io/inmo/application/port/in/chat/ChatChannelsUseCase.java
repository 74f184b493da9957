package io.inmo.application.port.in.chat;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.Secret;
import java.util.List;
import java.util.Map;

/**
 * Inbound port for channel adapters: which broker a public channel address belongs to, and what a
 * web-chat visitor may read of their own conversation.
 */
public interface ChatChannelsUseCase {

  /**
   * The broker of {@code slug} with {@code provider} enabled, and its channel credentials (to
   * verify webhooks).
   *
   * @throws io.inmo.domain.shared.NotFoundException {@code chat.channel_not_found} when there is no
   *     such active broker or the channel is not enabled
   */
  Channel channel(String slug, ChatProvider provider);

  /**
   * The latest messages (at most {@code limit}, oldest first) of one channel user's conversation.
   */
  List<ChatMessage> conversation(
      BrokerId brokerId, ChatProvider provider, String channelUserId, int limit);

  /**
   * Whether the agent is about to answer this channel user: their messages wait for a turn (the
   * burst window) or a turn is being composed, and no person holds the conversation. Web chat shows
   * it as "typing".
   */
  boolean composing(BrokerId brokerId, ChatProvider provider, String channelUserId);

  /** A broker's channel. */
  record Channel(BrokerId brokerId, String agentName, Map<String, Secret> credentials) {
    public Channel {
      credentials = Map.copyOf(credentials);
    }
  }
}
