/**
 * Chat adapter: Telegram, WhatsApp Cloud API and web-chat webhooks and senders, behind the
 * application's messaging ports.
 */
package io.inmo.adapters.chat;
