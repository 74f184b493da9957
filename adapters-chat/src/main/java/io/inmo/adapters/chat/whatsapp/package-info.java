/**
 * WhatsApp Cloud API (Meta Graph API) channel: {@link
 * io.inmo.adapters.chat.whatsapp.WhatsAppSender} sends text and template messages, {@link
 * io.inmo.adapters.chat.whatsapp.WhatsAppWebhook} checks and reads the webhook (verification
 * handshake, {@code X-Hub-Signature-256}, messages and delivery statuses). Wire format: {@code
 * INTEGRATIONS.md} §2.
 */
package io.inmo.adapters.chat.whatsapp;
