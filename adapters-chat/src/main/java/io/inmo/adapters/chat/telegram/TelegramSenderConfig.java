package io.inmo.adapters.chat.telegram;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts, retries and rate limits of a {@link TelegramSender}; {@link #defaults()} keeps to
 * Telegram's published flood limits (30 messages/s per bot, 1 message/s per chat).
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection to the Bot API
 * @param requestTimeout how long to wait for one {@code sendMessage} answer
 * @param maxAttempts HTTP attempts per message, the first included (1 = no retry)
 * @param initialBackoff wait before the first retry after a 5xx, an I/O error or a timeout; doubles
 *     on each further retry
 * @param maxBackoff the longest exponential backoff wait
 * @param maxRetryAfter the longest {@code retry_after} a 429 may ask us to wait; a longer one gives
 *     up at once with {@code telegram.throttled} instead of blocking the caller
 * @param messagesPerSecondPerBot messages one bot token may send per second, over all chats
 * @param perChatInterval the time one message to a chat reserves before the next one to that chat
 * @param rateLimitWait how long a message may wait for a rate-limit slot before it fails with
 *     {@code telegram.throttled}
 * @param maxTrackedChats how many per-chat (and per-bot) limiters are kept; the least recently used
 *     ones are dropped beyond that
 */
public record TelegramSenderConfig(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    int messagesPerSecondPerBot,
    Duration perChatInterval,
    Duration rateLimitWait,
    int maxTrackedChats) {
  public TelegramSenderConfig {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    requirePositive(initialBackoff, "initialBackoff");
    requirePositive(maxBackoff, "maxBackoff");
    requirePositive(perChatInterval, "perChatInterval");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(rateLimitWait, "rateLimitWait");
    if (maxRetryAfter.isNegative() || rateLimitWait.isNegative()) {
      throw new IllegalArgumentException("maxRetryAfter and rateLimitWait must not be negative");
    }
    if (maxAttempts < 1 || messagesPerSecondPerBot < 1 || maxTrackedChats < 1) {
      throw new IllegalArgumentException(
          "maxAttempts, messagesPerSecondPerBot and maxTrackedChats must be at least 1");
    }
  }

  /**
   * Production values: connect 5 s, request 10 s, 4 attempts with backoff 0.5 s doubling up to 8 s,
   * {@code retry_after} honoured up to 30 s, 30 messages/s per bot, 1 message/s per chat, up to 10
   * s waiting for a rate-limit slot, 10,000 chats tracked.
   */
  public static TelegramSenderConfig defaults() {
    return new TelegramSenderConfig(
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        4,
        Duration.ofMillis(500),
        Duration.ofSeconds(8),
        Duration.ofSeconds(30),
        30,
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        10_000);
  }

  /** A copy with other connect and request timeouts. */
  public TelegramSenderConfig withTimeouts(Duration connect, Duration request) {
    return new TelegramSenderConfig(
        connect,
        request,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        maxRetryAfter,
        messagesPerSecondPerBot,
        perChatInterval,
        rateLimitWait,
        maxTrackedChats);
  }

  /** A copy with another retry budget. */
  public TelegramSenderConfig withRetries(
      int attempts, Duration initial, Duration max, Duration longestRetryAfter) {
    return new TelegramSenderConfig(
        connectTimeout,
        requestTimeout,
        attempts,
        initial,
        max,
        longestRetryAfter,
        messagesPerSecondPerBot,
        perChatInterval,
        rateLimitWait,
        maxTrackedChats);
  }

  /** A copy with other rate limits. */
  public TelegramSenderConfig withRateLimits(
      int perBotPerSecond, Duration chatInterval, Duration slotWait) {
    return new TelegramSenderConfig(
        connectTimeout,
        requestTimeout,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        maxRetryAfter,
        perBotPerSecond,
        chatInterval,
        slotWait,
        maxTrackedChats);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
