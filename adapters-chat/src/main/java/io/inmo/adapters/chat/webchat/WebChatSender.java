package io.inmo.adapters.chat.webchat;

import io.inmo.application.port.out.ChatSenderPort;
import io.inmo.domain.conversation.ChatProvider;
import java.util.UUID;

/**
 * The web chat's sender: the visitor's widget reads its replies from Inmo itself (the messages
 * endpoint and its event stream), so "sending" is accepting the stored reply under an id of ours.
 */
public final class WebChatSender implements ChatSenderPort {

  @Override
  public ChatProvider provider() {
    return ChatProvider.WEBCHAT;
  }

  @Override
  public SendOutcome send(OutgoingChatMessage message) {
    return new Sent("webchat-" + UUID.randomUUID());
  }
}
