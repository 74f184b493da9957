package io.inmo.domain.lead;

import io.inmo.domain.shared.DomainException;
import java.util.Objects;

/**
 * Rule violation: a channel identity is already linked to another lead of the brokerage; code
 * {@code lead.identity_taken}. The message names the channel only (the value is personal data).
 */
public class IdentityTakenException extends DomainException {
  public static final String CODE = "lead.identity_taken";

  private final ChannelIdentity identity;

  /** For a known identity. */
  public IdentityTakenException(ChannelIdentity identity) {
    super(
        CODE,
        "this "
            + Objects.requireNonNull(identity, "identity").channel().apiValue()
            + " identity is already linked to another lead");
    this.identity = identity;
  }

  /** For adapters that only know that one of the lead's identities is taken. */
  public IdentityTakenException(String message) {
    super(CODE, message);
    this.identity = null;
  }

  /** The taken identity; null when the adapter could not tell which one. */
  public ChannelIdentity identity() {
    return identity;
  }
}
