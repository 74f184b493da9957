package io.inmo.application.service.chat;

import io.inmo.application.port.out.ActivityLogRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.ChatMessageRepository;
import io.inmo.application.port.out.ChatSenderPort;
import io.inmo.application.port.out.ChatSenderPort.OutgoingChatMessage;
import io.inmo.application.port.out.ChatSenderPort.SendOutcome;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.activity.ActivityType;
import io.inmo.domain.activity.ActorType;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatMessageId;
import io.inmo.domain.conversation.ChatProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends stored outbound messages (AI replies and staff replies alike) through the channel's sender,
 * outside any transaction, and records the provider's answer on the message: sent with its id, or
 * failed with the reason — a permanent refusal also goes to the lead's activity.
 */
final class ChatOutbox {
  private final ChatMessageRepository messages;
  private final BrokerConfigRepository configs;
  private final ActivityLogRepository activity;
  private final Map<ChatProvider, ChatSenderPort> senders = new EnumMap<>(ChatProvider.class);
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  ChatOutbox(
      ChatMessageRepository messages,
      BrokerConfigRepository configs,
      ActivityLogRepository activity,
      List<ChatSenderPort> senders,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.messages = Objects.requireNonNull(messages, "messages");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.activity = Objects.requireNonNull(activity, "activity");
    senders.forEach(sender -> this.senders.put(sender.provider(), sender));
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Sends one queued message and records what the provider said. */
  void deliver(BrokerId broker, ChatMessageId id) {
    record Outgoing(ChatMessage message, BrokerChatConfig chat) {}
    Outgoing outgoing =
        unitOfWork.inTransaction(
            () ->
                new Outgoing(
                    messages.findById(broker, id).orElseThrow(),
                    configs.findChatConfig(broker).orElseThrow()));
    ChatMessage message = outgoing.message();
    ChatSenderPort sender = senders.get(message.provider());
    SendOutcome outcome =
        sender == null
            ? new ChatSenderPort.Rejected(
                message.provider().apiValue() + ".not_available", "canal sin remitente")
            : sender.send(
                new OutgoingChatMessage(
                    broker,
                    message.channelUserId(),
                    message.text(),
                    null,
                    outgoing.chat().credentials()));
    unitOfWork.inTransaction(
        () -> {
          Instant now = clock.instant();
          ChatMessage stored = messages.findById(broker, id).orElseThrow();
          switch (outcome) {
            case ChatSenderPort.Sent sent -> stored.markSent(sent.providerMessageId(), now);
            case ChatSenderPort.Rejected rejected -> {
              stored.markFailed(rejected.code() + ": " + rejected.detail(), now);
              activity.append(
                  ActivityEntry.record(
                      broker,
                      stored.leadId(),
                      ActivityType.MESSAGE_SENT,
                      Map.of("messageId", id.value().toString(), "failed", rejected.code()),
                      ActorType.SYSTEM,
                      null,
                      now));
            }
            case ChatSenderPort.Failed failed ->
                stored.markFailed(failed.code() + ": " + failed.detail(), now);
          }
          messages.save(stored);
        });
  }
}
