package io.inmo.bootstrap;

import io.inmo.application.port.in.chat.ConversationUseCase;
import io.inmo.application.port.out.LiveEventsPort;
import io.inmo.application.port.out.LiveEventsPort.LiveEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation workers of this node (ADR 0015, 0017): virtual threads that answer due turns one
 * at a time each, and one sweeper that sends replies a stopped node left queued. Every node runs
 * them; the database hands each turn to one node. Idle workers are woken when a turn falls due (the
 * {@code turn_due} live event of any node, timed for its due time) and otherwise poll every {@value
 * #POLL_MILLIS} ms, which covers a lost event or a clock a little apart.
 */
final class TurnWorkers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TurnWorkers.class);
  static final long POLL_MILLIS = 1_000;
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

  private final ConversationUseCase conversations;
  private final String node;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition due = lock.newCondition();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("turn-wake-up").factory());
  private LiveEventsPort.Subscription subscription;
  private long wakeUps; // guarded by lock: a wake-up between a worker's look and its wait counts

  private TurnWorkers(ConversationUseCase conversations) {
    this.conversations = conversations;
    this.node = "inmo-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static TurnWorkers start(ConversationUseCase conversations, LiveEventsPort events, int workers) {
    TurnWorkers started = new TurnWorkers(conversations);
    started.subscription = events.subscribe(null, started::onEvent);
    for (int i = 0; i < workers; i++) {
      started.threads.add(Thread.ofVirtual().name("turn-worker-" + i).start(started::answerTurns));
    }
    started.threads.add(Thread.ofVirtual().name("outbox-sweeper").start(started::sweep));
    return started;
  }

  private void onEvent(LiveEvent event) {
    if (event.kind() != LiveEventsPort.Kind.TURN_DUE) {
      return;
    }
    String dueAt = event.data().get("dueAt");
    long delay;
    try {
      delay = Math.max(0, Duration.between(Instant.now(), Instant.parse(dueAt)).toMillis());
    } catch (RuntimeException unreadable) {
      delay = 0;
    }
    timer.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
  }

  /** Wakes every idle worker: one of them claims the turn, the others find nothing and wait. */
  void wake() {
    lock.lock();
    try {
      wakeUps++;
      due.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private long wakeUps() {
    lock.lock();
    try {
      return wakeUps;
    } finally {
      lock.unlock();
    }
  }

  private void idle(long seen) throws InterruptedException {
    lock.lock();
    try {
      if (wakeUps == seen) {
        due.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  private void answerTurns() {
    while (running.get()) {
      try {
        long seen = wakeUps();
        if (!conversations.runNextTurn(node)) {
          idle(seen);
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
    if (subscription != null) {
      subscription.close();
    }
    timer.shutdownNow();
    wake();
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
