package io.inmo.application.port.out;

/**
 * A chat message the provider already delivered (same provider message id for the broker and
 * channel) was stored again by a concurrent redelivery; the unit of work is lost and the caller
 * answers the redelivery as a duplicate.
 */
public final class DuplicateChatMessageException extends RuntimeException {
  public DuplicateChatMessageException(String providerMessageId, Throwable cause) {
    super("chat message " + providerMessageId + " was already stored", cause);
  }
}
