package io.inmo.application.security;

import io.inmo.domain.shared.DomainException;

/**
 * The caller is authenticated but their role does not allow the action (an AGENT managing users).
 * Answered as 403. A resource of another broker is never reported this way: it is not found.
 */
public class PermissionDeniedException extends DomainException {
  public PermissionDeniedException(String message) {
    super("auth.forbidden", message);
  }

  /**
   * With a more specific code than {@code auth.forbidden} (e.g. {@code
   * lead.reopen_requires_admin}).
   */
  public PermissionDeniedException(String code, String message) {
    super(code, message);
  }
}
