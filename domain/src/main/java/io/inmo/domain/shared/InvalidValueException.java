package io.inmo.domain.shared;

/**
 * A value the caller supplied breaks a rule that only the caller can fix (a weak password, a
 * threshold out of range). Answered as 400 with the stable code, unlike conflicts with the state of
 * the system, which are plain {@link DomainException}s.
 */
public class InvalidValueException extends DomainException {
  public InvalidValueException(String code, String message) {
    super(code, message);
  }
}
