package io.inmo.application.security;

import io.inmo.domain.shared.DomainException;

/**
 * The caller could not be authenticated: bad credentials, a missing, expired or forged token, a
 * reused refresh token, a deactivated account. Answered as 401; the message never says which part
 * of a credential was wrong.
 */
public class UnauthenticatedException extends DomainException {
  public UnauthenticatedException(String code, String message) {
    super(code, message);
  }
}
