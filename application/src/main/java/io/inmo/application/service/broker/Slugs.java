package io.inmo.application.service.broker;

import io.inmo.application.port.out.BrokerRepository;
import io.inmo.domain.broker.Slug;

/** Finds a free slug: the given one, or the first free {@code <slug>-2}, {@code <slug>-3}, … */
final class Slugs {
  private Slugs() {}

  static Slug free(Slug base, BrokerRepository brokers) {
    Slug candidate = base;
    for (int n = 2; brokers.existsBySlug(candidate); n++) {
      String suffix = "-" + n;
      String stem = base.value();
      if (stem.length() + suffix.length() > Slug.MAX_LENGTH) {
        stem = stem.substring(0, Slug.MAX_LENGTH - suffix.length()).replaceAll("-+$", "");
      }
      candidate = new Slug(stem + suffix);
    }
    return candidate;
  }
}
