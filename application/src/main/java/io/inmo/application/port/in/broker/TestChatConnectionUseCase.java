package io.inmo.application.port.in.broker;

import io.inmo.application.port.out.ChatConnectionCheckPort.Account;
import io.inmo.application.port.out.ChatConnectionCheckPort.Webhook;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatProvider;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Inbound port: the Channels settings' "test connection" — checks a broker's stored Telegram or
 * WhatsApp credentials against the provider and tells where the provider must deliver the broker's
 * updates. ADMIN of the broker and SUPERADMIN only (an AGENT gets 403, another broker's id 404);
 * {@code target} null means the caller's own broker.
 */
public interface TestChatConnectionUseCase {

  /**
   * Checks the provider with the broker's stored credentials. What the provider answered — a
   * refused token, an unknown number, a timeout — is a report with {@code ok} false and a problem,
   * never an exception.
   *
   * @throws io.inmo.domain.shared.InvalidValueException {@code chat.provider_not_testable} (400)
   *     for the web chat, which has no provider to ask
   * @throws io.inmo.application.security.TooManyRequestsException {@code
   *     chat.connection_test_throttled} (429) after too many checks of one broker in a minute
   */
  ChatConnectionReport test(Actor actor, BrokerId target, ChatProvider provider, Origin origin);

  /** The webhook addresses to register at each provider (Telegram, WhatsApp) for the broker. */
  Map<ChatProvider, URI> webhooks(Actor actor, BrokerId target);

  /**
   * The outcome of a check.
   *
   * @param ok true when the credentials work and the provider delivers to Inmo, as far as the
   *     provider tells
   * @param enabled whether the broker has switched the channel on (Inmo only accepts its updates
   *     then)
   * @param webhookUrl the address to register at the provider
   * @param account whom the credentials belong to; null when refused or unreachable
   * @param webhook the provider's webhook registration; null when it does not tell (WhatsApp)
   * @param lastMessageReceivedAt when the broker last received a message on this channel; null when
   *     never
   * @param problem the most important thing to fix; null when {@code ok}
   */
  record ChatConnectionReport(
      ChatProvider provider,
      boolean ok,
      Instant checkedAt,
      boolean enabled,
      URI webhookUrl,
      Account account,
      Webhook webhook,
      Instant lastMessageReceivedAt,
      Problem problem) {
    public ChatConnectionReport {
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(checkedAt, "checkedAt");
      Objects.requireNonNull(webhookUrl, "webhookUrl");
      if (ok != (problem == null)) {
        throw new IllegalArgumentException("a report has a problem exactly when it is not ok");
      }
    }
  }

  /**
   * What to fix, for the broker's admin.
   *
   * @param code stable, e.g. {@code telegram.unauthorized}, {@code telegram.webhook_mismatch}
   * @param message in Spanish
   */
  record Problem(String code, String message) {
    public Problem {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
