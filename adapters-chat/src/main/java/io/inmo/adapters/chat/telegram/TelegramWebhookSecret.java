package io.inmo.adapters.chat.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Webhook authenticity check: Telegram echoes the {@code secret_token} given to {@code setWebhook}
 * in the {@value #HEADER} header of every webhook call (a plain shared secret, no signature).
 */
public final class TelegramWebhookSecret {
  /** The header Telegram puts the secret in. */
  public static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private TelegramWebhookSecret() {}

  /**
   * Whether {@code header} equals the {@code expected} secret, compared in constant time; false
   * when either is null or blank (a webhook without a configured secret is never trusted).
   */
  public static boolean matches(String expected, String header) {
    if (expected == null || expected.isBlank() || header == null || header.isBlank()) {
      return false;
    }
    // isEqual takes time depending only on the first argument's length: the expected secret's
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
  }
}
