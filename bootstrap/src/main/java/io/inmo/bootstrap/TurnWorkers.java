package io.inmo.bootstrap;

import io.inmo.application.port.in.chat.ConversationUseCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation workers of this node (ADR 0015): virtual threads that answer due turns one at a
 * time each, polling every {@value #POLL_MILLIS} ms when there is nothing to do, and one sweeper
 * that sends replies a stopped node left queued. Every node runs them; the database hands each turn
 * to one node.
 */
final class TurnWorkers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TurnWorkers.class);
  static final long POLL_MILLIS = 250;
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

  private final ConversationUseCase conversations;
  private final String node;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();

  private TurnWorkers(ConversationUseCase conversations) {
    this.conversations = conversations;
    this.node = "inmo-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static TurnWorkers start(ConversationUseCase conversations, int workers) {
    TurnWorkers started = new TurnWorkers(conversations);
    for (int i = 0; i < workers; i++) {
      started.threads.add(Thread.ofVirtual().name("turn-worker-" + i).start(started::answerTurns));
    }
    started.threads.add(Thread.ofVirtual().name("outbox-sweeper").start(started::sweep));
    return started;
  }

  private void answerTurns() {
    while (running.get()) {
      try {
        if (!conversations.runNextTurn(node)) {
          Thread.sleep(POLL_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // the turn's claim expires and another attempt answers it
        LOG.error("conversation turn failed", e);
        pause();
      }
    }
  }

  private void sweep() {
    while (running.get()) {
      try {
        Thread.sleep(SWEEP_EVERY.toMillis());
        int sent = conversations.sendQueued(node);
        if (sent > 0) {
          LOG.info("outbox: sent {} replies left queued", sent);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("outbox sweep failed", e);
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Lets every worker finish the turn it is in (a turn cut short keeps its claim, and the lead
   * would wait for it to expire), then interrupts whatever is still waiting.
   */
  @Override
  public void close() {
    running.set(false);
    long deadline = System.nanoTime() + FINISH_TURNS.toNanos();
    try {
      for (Thread thread : threads) {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (thread.getName().startsWith("turn-worker")) {
          thread.join(left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    threads.forEach(Thread::interrupt);
  }

  private static final Duration FINISH_TURNS = Duration.ofSeconds(10);
}
