package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.Secret;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Outbound port: sends one message to a lead over one chat channel (PRODUCT §8). An implementation
 * speaks one provider's real API, keeps to its rate limits, retries transient failures (5xx, 429
 * with the provider's retry hint) within its own budget and never throws for a provider's answer:
 * every outcome is a {@link SendOutcome}. Nothing here is logged with its credentials.
 */
public interface ChatSenderPort {

  /** The channel this sender speaks. */
  ChatProvider provider();

  /** Sends {@code message}; blocks until the provider answered (or the retries gave up). */
  SendOutcome send(OutgoingChatMessage message);

  /**
   * A message to send.
   *
   * @param brokerId whose channel it goes out on (rate limits and logs are per broker)
   * @param channelUserId the lead on the channel: Telegram chat id, WhatsApp number (wa_id), web
   *     chat session id
   * @param text free text; null when {@code template} is given
   * @param template a pre-approved WhatsApp template, for a lead outside the 24-hour window; null
   *     otherwise
   * @param credentials the broker's channel credentials by stored key (Telegram {@code
   *     telegram.bot_token}; WhatsApp {@code whatsapp.phone_number_id}, {@code
   *     whatsapp.access_token})
   */
  record OutgoingChatMessage(
      BrokerId brokerId,
      String channelUserId,
      String text,
      Template template,
      Map<String, Secret> credentials) {
    public OutgoingChatMessage {
      Objects.requireNonNull(brokerId, "brokerId");
      Objects.requireNonNull(channelUserId, "channelUserId");
      if ((text == null) == (template == null)) {
        throw new IllegalArgumentException("a message is either text or a template");
      }
      credentials = Map.copyOf(Objects.requireNonNull(credentials, "credentials"));
    }

    @Override
    public String toString() {
      return "OutgoingChatMessage[broker="
          + brokerId.value()
          + ", to="
          + channelUserId
          + ", "
          + (template == null ? text.length() + " chars" : "template " + template.name())
          + "]";
    }
  }

  /** A WhatsApp message template: its approved name, language code and body parameters. */
  record Template(String name, String languageCode, List<String> bodyParameters) {
    public Template {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(languageCode, "languageCode");
      bodyParameters = List.copyOf(bodyParameters);
    }
  }

  /** What became of a message. */
  sealed interface SendOutcome {}

  /** Accepted by the provider, which gave it this id (delivery reports refer to it). */
  record Sent(String providerMessageId) implements SendOutcome {
    public Sent {
      Objects.requireNonNull(providerMessageId, "providerMessageId");
    }
  }

  /**
   * Refused for good: retrying cannot help (the lead blocked the bot, the number is not on
   * WhatsApp, the 24-hour window closed, the credentials are wrong). {@code code} is stable, e.g.
   * {@code telegram.blocked}, {@code whatsapp.outside_window}; {@code detail} is the provider's
   * description, never a credential.
   */
  record Rejected(String code, String detail) implements SendOutcome {
    public Rejected {
      Objects.requireNonNull(code, "code");
    }
  }

  /**
   * Not sent after the sender's retries (the provider kept failing or throttling, or could not be
   * reached); the caller may try again later. Same {@code code}/{@code detail} conventions.
   */
  record Failed(String code, String detail) implements SendOutcome {
    public Failed {
      Objects.requireNonNull(code, "code");
    }
  }
}
