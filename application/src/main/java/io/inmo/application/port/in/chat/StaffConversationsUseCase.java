package io.inmo.application.port.in.chat;

import io.inmo.application.security.Actor;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.Conversation;
import io.inmo.domain.lead.LeadId;
import java.util.List;

/**
 * Inbound port: broker staff and a lead's conversations (PRODUCT §7): read them, take one over so
 * the AI falls silent, reply through the lead's channel, release it back to the AI. The caller sees
 * the lead as in the lead book (an AGENT only their own and unassigned leads; others are not
 * found).
 */
public interface StaffConversationsUseCase {

  /** The lead's conversations (one per channel) and its latest messages, oldest first. */
  LeadConversations read(Actor actor, BrokerId brokerId, LeadId leadId);

  /**
   * The caller takes the lead's most recent conversation: the AI stays silent until it is released,
   * by hand or after the broker's idle time without staff activity.
   *
   * @throws io.inmo.application.security.PermissionDeniedException for a SUPERADMIN (only the
   *     broker's own staff speak to its leads)
   * @throws io.inmo.domain.shared.NotFoundException {@code conversation.not_found} when the lead
   *     never wrote on a chat channel
   */
  Conversation takeOver(Actor actor, BrokerId brokerId, LeadId leadId);

  /** Hands the lead's most recent conversation back to the AI. */
  Conversation release(Actor actor, BrokerId brokerId, LeadId leadId);

  /**
   * Sends {@code text} from the caller to the lead on its most recent conversation's channel (the
   * reply takes the conversation over) and returns the stored message with what the provider said.
   *
   * @throws io.inmo.domain.shared.DomainException {@code lead.opted_out} (409) when the lead
   *     withdrew consent, {@code conversation.outside_window} (409) for WhatsApp more than 24 hours
   *     after the lead last wrote
   */
  ChatMessage reply(Actor actor, BrokerId brokerId, LeadId leadId, String text);

  /**
   * Sends an approved WhatsApp template (the only thing WhatsApp lets a business send more than 24
   * hours after the lead's last message) on the lead's WhatsApp conversation, from the caller; the
   * stored message's text is the template's name and parameters, for the timeline.
   *
   * @throws io.inmo.domain.shared.InvalidValueException {@code conversation.invalid_template} (400)
   *     for a name, language or parameters WhatsApp would refuse
   * @throws io.inmo.domain.shared.DomainException {@code conversation.template_whatsapp_only} (409)
   *     when the lead's conversation is not on WhatsApp, {@code lead.opted_out} (409)
   */
  ChatMessage replyWithTemplate(
      Actor actor, BrokerId brokerId, LeadId leadId, TemplateMessage template);

  /** An approved WhatsApp template: name, language code, body parameters in order (no nulls). */
  record TemplateMessage(String name, String language, List<String> parameters) {
    public TemplateMessage {
      parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
  }

  /** A lead's conversations and latest messages. */
  record LeadConversations(List<Conversation> conversations, List<ChatMessage> messages) {
    public LeadConversations {
      conversations = List.copyOf(conversations);
      messages = List.copyOf(messages);
    }
  }
}
