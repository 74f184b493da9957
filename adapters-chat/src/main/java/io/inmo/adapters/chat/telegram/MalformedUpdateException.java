package io.inmo.adapters.chat.telegram;

/**
 * A Telegram webhook body that is not a well-formed {@code Update} (not JSON, no {@code update_id},
 * a message without chat or date); the webhook answers 400. The message names what is wrong, never
 * what the lead wrote.
 */
public final class MalformedUpdateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedUpdateException(String message) {
    super(message);
  }
}
