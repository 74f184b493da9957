/**
 * Telegram Bot API channel: {@link io.inmo.adapters.chat.telegram.TelegramSender} sends replies
 * with {@code sendMessage}, {@link io.inmo.adapters.chat.telegram.TelegramUpdates} reads webhook
 * bodies and {@link io.inmo.adapters.chat.telegram.TelegramWebhookSecret} checks the webhook's
 * secret header.
 */
package io.inmo.adapters.chat.telegram;
