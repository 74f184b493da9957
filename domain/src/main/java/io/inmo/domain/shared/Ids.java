package io.inmo.domain.shared;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates identifiers: time-ordered UUIDs (RFC 9562 version 7) so that new rows land at the end
 * of B-tree indexes and ids sort roughly by creation time.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The last (milliseconds << 12 | counter) handed out, so ids of one process only ever grow. */
  private static final AtomicLong LAST = new AtomicLong();

  private Ids() {}

  /**
   * A new UUIDv7: 48 bits of Unix milliseconds, version, a 12-bit counter (RFC 9562 §6.2 method 1:
   * ids made in the same millisecond keep their order; an overflow borrows the next millisecond),
   * 62 random bits.
   */
  public static UUID newUuid() {
    long millis = System.currentTimeMillis();
    long stamp = LAST.updateAndGet(last -> Math.max(millis << 12, last + 1));
    long msb = ((stamp >>> 12) << 16) | (0x7L << 12) | (stamp & 0xFFFL);
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
