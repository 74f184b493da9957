package io.inmo.domain.lead;

import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import java.util.Objects;

/**
 * A lead's identity on one channel (Telegram user id, WhatsApp id, E.164 phone, e-mail, web-chat
 * session id); unique per broker, so it finds the lead again. Phones are validated as E.164 and
 * e-mails lower-cased.
 */
public record ChannelIdentity(IdentityChannel channel, String value) {
  public static final int MAX_LENGTH = 255;

  public ChannelIdentity {
    Objects.requireNonNull(channel, "channel must not be null");
    Objects.requireNonNull(value, "identity value must not be null");
    value = value.strip();
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          channel.apiValue() + " identity must be 1.." + MAX_LENGTH + " chars");
    }
    value =
        switch (channel) {
          case PHONE -> new PhoneNumber(value).value();
          case EMAIL -> new Email(value).value();
          default -> value;
        };
  }

  public static ChannelIdentity of(IdentityChannel channel, String value) {
    return new ChannelIdentity(channel, value);
  }

  public static ChannelIdentity phone(PhoneNumber phone) {
    return new ChannelIdentity(IdentityChannel.PHONE, phone.value());
  }

  public static ChannelIdentity email(Email email) {
    return new ChannelIdentity(IdentityChannel.EMAIL, email.value());
  }

  public static ChannelIdentity telegram(String telegramUserId) {
    return new ChannelIdentity(IdentityChannel.TELEGRAM, telegramUserId);
  }

  public static ChannelIdentity whatsapp(String whatsappId) {
    return new ChannelIdentity(IdentityChannel.WHATSAPP, whatsappId);
  }

  public static ChannelIdentity webchat(String sessionId) {
    return new ChannelIdentity(IdentityChannel.WEBCHAT, sessionId);
  }
}
