package io.inmo.adapters.persistence;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test helper for two units of work racing on two threads. */
public final class Latches {
  private Latches() {}

  /** Waits up to 10 s for {@code latch}; fails the test instead of hanging it. */
  public static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out waiting for the other unit of work");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
