package io.inmo.domain.shared;

/**
 * A referenced resource does not exist for the caller (or belongs to another tenant, which callers
 * must not be able to tell apart); adapters answer 404.
 */
public class NotFoundException extends DomainException {
  public NotFoundException(String code, String message) {
    super(code, message);
  }
}
