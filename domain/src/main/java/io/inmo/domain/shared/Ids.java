package io.inmo.domain.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Generates identifiers: time-ordered UUIDs (RFC 9562 version 7) so that new rows land at the end
 * of B-tree indexes and ids sort roughly by creation time.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** A new UUIDv7: 48 bits of Unix milliseconds, version, 74 random bits. */
  public static UUID newUuid() {
    long millis = System.currentTimeMillis();
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
