package io.inmo.adapters.chat.whatsapp;

/**
 * A WhatsApp webhook body that cannot be read: not JSON, not a {@code whatsapp_business_account}
 * notification, or a message or status without its id, sender or timestamp. The webhook answers 400
 * and stores nothing of the batch. The message names the offending JSON path, never what a lead
 * wrote.
 */
public final class MalformedWebhookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedWebhookException(String message) {
    super(message);
  }

  public MalformedWebhookException(String message, Throwable cause) {
    super(message, cause);
  }
}
