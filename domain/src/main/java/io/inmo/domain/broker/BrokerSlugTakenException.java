package io.inmo.domain.broker;

import io.inmo.domain.shared.DomainException;
import java.util.Objects;

/** Rule violation: another brokerage already has this slug; code {@code broker.slug_taken}. */
public class BrokerSlugTakenException extends DomainException {
  public static final String CODE = "broker.slug_taken";

  private final Slug slug;

  public BrokerSlugTakenException(Slug slug) {
    super(CODE, "the slug '" + Objects.requireNonNull(slug, "slug") + "' is already taken");
    this.slug = slug;
  }

  public Slug slug() {
    return slug;
  }
}
