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
import io.inmo.domain.conversation.SenderType;
import java.time.Clock;
import java.time.Duration;
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

  /** How long a node holds a message it is sending before the outbox sweep may take it. */
  static final Duration SEND_CLAIM = Duration.ofSeconds(120);

  /** Attempts at recording the provider's answer before giving up (the send is never repeated). */
  static final int RECORD_ATTEMPTS = 4;

  private static final System.Logger LOG = System.getLogger(ChatOutbox.class.getName());

  /**
   * Sends one queued message and records what the provider said. The message is first claimed for
   * {@code node}, so the outbox sweep on any node leaves it alone while it is being sent (a send
   * can wait on a provider's {@code retry_after}); a message already sent, failed or claimed
   * elsewhere is left alone. Recording the answer is retried — a delivery status may race it — and
   * the send itself is never repeated here.
   */
  void deliver(BrokerId broker, ChatMessageId id, String node) {
    record Outgoing(ChatMessage message, BrokerChatConfig chat, ChatSenderPort.Template template) {}
    Outgoing outgoing =
        unitOfWork.inTransaction(
            () -> {
              if (!messages.claimForSending(broker, id, node, clock.instant(), SEND_CLAIM)) {
                return null;
              }
              ChatMessage found = messages.findById(broker, id).orElseThrow();
              // only staff send WhatsApp templates: an AI reply never costs the lookup
              ChatSenderPort.Template template =
                  found.senderType() == SenderType.STAFF
                          && found.provider() == ChatProvider.WHATSAPP
                      ? messages.findTemplate(broker, id).orElse(null)
                      : null;
              return new Outgoing(found, configs.findChatConfig(broker).orElseThrow(), template);
            });
    if (outgoing == null) {
      return;
    }
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
                    outgoing.template() == null ? message.text() : null,
                    outgoing.template(),
                    outgoing.chat().credentials()));
    for (int attempt = 1; ; attempt++) {
      try {
        record(broker, id, outcome);
        return;
      } catch (RuntimeException e) {
        if (attempt == RECORD_ATTEMPTS) {
          // the claim keeps the sweep away until it expires; past that the message may go twice
          LOG.log(
              System.Logger.Level.ERROR,
              "chat message {0} of broker {1} was answered by the provider but its outcome could"
                  + " not be recorded: {2}",
              id.value(),
              broker.value(),
              e.toString());
          throw e;
        }
        sleep(Duration.ofMillis(100L << attempt));
      }
    }
  }

  private void record(BrokerId broker, ChatMessageId id, SendOutcome outcome) {
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

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording a sent message", e);
    }
  }
}
