package io.inmo.domain.lead;

import io.inmo.domain.shared.DomainException;
import io.inmo.domain.user.Role;
import java.util.Objects;

/**
 * Rule violation: only an ADMIN (or SUPERADMIN) may reopen a won or lost lead (PRODUCT §6); code
 * {@code lead.reopen_requires_admin}. A permission problem: callers answer it as 403 (the REST
 * mapper answers an unknown {@link DomainException} as 409).
 */
public class LeadReopenDeniedException extends DomainException {
  public static final String CODE = "lead.reopen_requires_admin";

  private final Role role;

  public LeadReopenDeniedException(LeadId leadId, Role role) {
    super(
        CODE,
        "a "
            + Objects.requireNonNull(role, "role").name()
            + " may not reopen lead "
            + Objects.requireNonNull(leadId, "leadId")
            + "; only an admin may");
    this.role = role;
  }

  /** The role that was refused. */
  public Role role() {
    return role;
  }
}
