package io.inmo.application.service.chat;

import io.inmo.application.port.in.chat.ChatChannelsUseCase;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.ChatMessageRepository;
import io.inmo.application.port.out.ConversationRepository;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.Slug;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.NotFoundException;
import java.util.List;
import java.util.Objects;

/** Application service: {@link ChatChannelsUseCase}. */
public final class ChatChannelService implements ChatChannelsUseCase {
  private final BrokerRepository brokers;
  private final BrokerConfigRepository configs;
  private final ConversationRepository conversations;
  private final ChatMessageRepository messages;
  private final UnitOfWorkPort unitOfWork;
  private final java.time.Clock clock;

  public ChatChannelService(
      BrokerRepository brokers,
      BrokerConfigRepository configs,
      ConversationRepository conversations,
      ChatMessageRepository messages,
      UnitOfWorkPort unitOfWork,
      java.time.Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public Channel channel(String slug, ChatProvider provider) {
    Objects.requireNonNull(provider, "provider");
    java.util.function.Supplier<NotFoundException> missing =
        () ->
            new NotFoundException(
                "chat.channel_not_found",
                "no hay una corredora activa con el canal "
                    + provider.apiValue()
                    + " en esta dirección");
    Slug parsed;
    try {
      parsed = new Slug(slug);
    } catch (RuntimeException e) {
      throw missing.get();
    }
    return unitOfWork.inTransaction(
        () -> {
          Broker broker = brokers.findBySlug(parsed).filter(Broker::isActive).orElseThrow(missing);
          BrokerChatConfig chat = configs.findChatConfig(broker.id()).orElseThrow(missing);
          if (!chat.isEnabled(provider.apiValue())) {
            throw missing.get();
          }
          String agentName =
              configs
                  .findPromptConfig(broker.id())
                  .map(BrokerPromptConfig::agentName)
                  .orElse(BrokerPromptConfig.DEFAULT_AGENT_NAME);
          return new Channel(broker.id(), agentName, chat.credentials());
        });
  }

  @Override
  public List<ChatMessage> conversation(
      BrokerId brokerId, ChatProvider provider, String channelUserId, int limit) {
    return unitOfWork.inTransaction(
        () ->
            conversations
                .findByChannel(brokerId, provider, channelUserId)
                .map(
                    c ->
                        messages.findLatestByLead(brokerId, c.leadId(), limit).stream()
                            .filter(m -> m.provider() == provider)
                            .filter(m -> m.channelUserId().equals(channelUserId))
                            .toList())
                .orElse(List.of()));
  }

  @Override
  public boolean composing(BrokerId brokerId, ChatProvider provider, String channelUserId) {
    return unitOfWork.inTransaction(
        () -> conversations.aiAnswering(brokerId, provider, channelUserId, clock.instant()));
  }
}
