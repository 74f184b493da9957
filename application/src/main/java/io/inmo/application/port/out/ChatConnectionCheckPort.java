package io.inmo.application.port.out;

import io.inmo.domain.broker.Slug;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Outbound port: asks one chat provider whether a broker's stored credentials work and, where the
 * provider tells, where it delivers the broker's updates (the "test connection" of the Channels
 * settings). One attempt per call, no retries (the admin pressing the button again is the retry);
 * never throws for what the provider or the network did, and never puts a credential into its
 * answer or its logs.
 */
public interface ChatConnectionCheckPort {

  /** The channel this checker speaks. */
  ChatProvider provider();

  /** The address the provider must deliver the broker's updates to (Inmo's webhook for it). */
  URI webhookUrl(Slug slug);

  /**
   * Checks the broker's credentials (stored keys, e.g. {@code telegram.bot_token}) against the
   * provider; blocks until it answered or timed out.
   *
   * @param webhookUrl where Inmo expects the provider to deliver ({@link #webhookUrl(Slug)})
   */
  ConnectionCheck check(Map<String, Secret> credentials, URI webhookUrl);

  /**
   * What the provider said.
   *
   * @param account who the credentials belong to; null when they were refused or the provider could
   *     not be reached
   * @param webhook where the provider delivers; null when it was not asked or does not tell
   * @param failure the first thing that went wrong; null when every call succeeded
   */
  record ConnectionCheck(Account account, Webhook webhook, Failure failure) {
    public static ConnectionCheck failed(Failure failure) {
      return new ConnectionCheck(null, null, Objects.requireNonNull(failure, "failure"));
    }
  }

  /**
   * The provider's account behind the credentials; fields a provider does not have are null.
   *
   * @param id Telegram's bot id, or WhatsApp's phone number id
   * @param username Telegram's bot username (without {@code @})
   * @param displayName Telegram's bot first name
   * @param displayPhoneNumber WhatsApp's business number as shown to leads
   * @param verifiedName WhatsApp's verified business name
   * @param qualityRating WhatsApp's quality rating ({@code GREEN}, {@code YELLOW}, {@code RED}, …)
   */
  record Account(
      String id,
      String username,
      String displayName,
      String displayPhoneNumber,
      String verifiedName,
      String qualityRating) {}

  /**
   * The provider's webhook registration.
   *
   * @param url where the provider delivers now; empty when no webhook is set
   * @param matches whether {@code url} is Inmo's address for the broker
   * @param pendingUpdateCount updates waiting at the provider; null when it does not say
   * @param lastErrorAt when the provider last failed to deliver; null when it never did or does not
   *     say
   * @param lastErrorMessage the provider's words for that failure
   */
  record Webhook(
      String url,
      boolean matches,
      Integer pendingUpdateCount,
      Instant lastErrorAt,
      String lastErrorMessage) {
    public Webhook {
      Objects.requireNonNull(url, "url");
    }
  }

  /**
   * A check that did not pass.
   *
   * @param code stable, {@code <provider>.<snake_case>} (e.g. {@code telegram.unauthorized})
   * @param message for the broker's admin, in Spanish; never holds a credential
   */
  record Failure(String code, String message) {
    public Failure {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
