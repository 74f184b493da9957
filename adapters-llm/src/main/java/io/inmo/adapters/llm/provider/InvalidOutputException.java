package io.inmo.adapters.llm.provider;

/**
 * The model's output cannot be used as it is (not JSON, cut, wrong shape); the message is in
 * Spanish because it goes back to the model in the one repair request.
 */
final class InvalidOutputException extends RuntimeException {
  InvalidOutputException(String message) {
    super(message);
  }
}
