package io.inmo.application.service.chat;

import io.inmo.application.port.in.chat.StaffConversationsUseCase;
import io.inmo.application.port.in.chat.StaffConversationsUseCase.TemplateMessage;
import io.inmo.application.port.out.ActivityLogRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.ChatMessageRepository;
import io.inmo.application.port.out.ChatSenderPort;
import io.inmo.application.port.out.ConversationRepository;
import io.inmo.application.port.out.LeadRepository;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.security.Actor;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.application.service.lead.LeadAccess;
import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.activity.ActivityType;
import io.inmo.domain.activity.ActorType;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.Conversation;
import io.inmo.domain.conversation.SenderType;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Application service: {@link StaffConversationsUseCase}. */
public final class StaffConversationService implements StaffConversationsUseCase {
  static final int MESSAGES = 50;
  static final int MAX_REPLY = 4096;

  private final LeadRepository leads;
  private final ConversationRepository conversations;
  private final ChatMessageRepository messages;
  private final BrokerRepository brokers;
  private final BrokerConfigRepository configs;
  private final ActivityLogRepository activity;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final ChatOutbox outbox;

  /** Claims the staff replies this instance sends itself (the sweep uses the node's name). */
  private final String node = "staff-" + java.util.UUID.randomUUID();

  public StaffConversationService(
      LeadRepository leads,
      ConversationRepository conversations,
      ChatMessageRepository messages,
      BrokerRepository brokers,
      BrokerConfigRepository configs,
      ActivityLogRepository activity,
      List<ChatSenderPort> senders,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.leads = Objects.requireNonNull(leads, "leads");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.activity = Objects.requireNonNull(activity, "activity");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.outbox = new ChatOutbox(messages, configs, activity, senders, unitOfWork, clock);
  }

  @Override
  public LeadConversations read(Actor actor, BrokerId brokerId, LeadId leadId) {
    return unitOfWork.inTransaction(
        () -> {
          Lead lead = visibleLead(actor, brokerId, leadId);
          return new LeadConversations(
              conversations.findByLead(lead.brokerId(), lead.id()),
              messages.findLatestByLead(lead.brokerId(), lead.id(), MESSAGES));
        });
  }

  @Override
  public Conversation takeOver(Actor actor, BrokerId brokerId, LeadId leadId) {
    requireStaff(actor);
    return unitOfWork.inTransaction(
        () -> {
          Lead lead = visibleLead(actor, brokerId, leadId);
          Conversation conversation = current(lead);
          Instant now = clock.instant();
          conversation.takeOver(actor.userId(), now);
          conversations.save(conversation);
          log(lead, ActivityType.TAKEOVER, conversation, actor, now);
          return conversation;
        });
  }

  @Override
  public Conversation release(Actor actor, BrokerId brokerId, LeadId leadId) {
    requireStaff(actor);
    return unitOfWork.inTransaction(
        () -> {
          Lead lead = visibleLead(actor, brokerId, leadId);
          Conversation conversation = current(lead);
          Instant now = clock.instant();
          if (conversation.release(now)) {
            conversations.save(conversation);
            log(lead, ActivityType.RELEASE, conversation, actor, now);
          }
          return conversation;
        });
  }

  @Override
  public ChatMessage reply(Actor actor, BrokerId brokerId, LeadId leadId, String text) {
    requireStaff(actor);
    if (text == null || text.isBlank()) {
      throw new InvalidValueException(
          "conversation.invalid_reply", "el mensaje no puede estar vacío");
    }
    if (text.length() > MAX_REPLY) {
      throw new InvalidValueException(
          "conversation.invalid_reply", "el mensaje admite a lo más " + MAX_REPLY + " caracteres");
    }
    return send(actor, brokerId, leadId, text.strip(), null);
  }

  /** WhatsApp's rules for a template name, language code and body parameters. */
  private static final java.util.regex.Pattern TEMPLATE_NAME =
      java.util.regex.Pattern.compile("[a-z0-9_]{1,512}");

  private static final java.util.regex.Pattern TEMPLATE_LANGUAGE =
      java.util.regex.Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

  static final int MAX_TEMPLATE_PARAMETERS = 20;

  @Override
  public ChatMessage replyWithTemplate(
      Actor actor, BrokerId brokerId, LeadId leadId, TemplateMessage message) {
    requireStaff(actor);
    if (message == null
        || message.name() == null
        || message.language() == null
        || !TEMPLATE_NAME.matcher(message.name()).matches()
        || !TEMPLATE_LANGUAGE.matcher(message.language()).matches()
        || message.parameters().size() > MAX_TEMPLATE_PARAMETERS
        || message.parameters().stream()
            .anyMatch(p -> p.isBlank() || p.length() > 1024 || p.contains("\n"))) {
      throw new InvalidValueException(
          "conversation.invalid_template",
          "la plantilla necesita el nombre aprobado en WhatsApp (minúsculas, números y _), el"
              + " idioma (por ejemplo es o es_MX) y a lo más "
              + MAX_TEMPLATE_PARAMETERS
              + " parámetros de una línea");
    }
    ChatSenderPort.Template template =
        new ChatSenderPort.Template(message.name(), message.language(), message.parameters());
    String rendering =
        "Plantilla «"
            + template.name()
            + "» ("
            + template.languageCode()
            + ")"
            + (template.bodyParameters().isEmpty()
                ? ""
                : ": " + String.join(" · ", template.bodyParameters()));
    return send(actor, brokerId, leadId, rendering, template);
  }

  /** Stores the staff message (and its template) in the lead's conversation, then sends it. */
  private ChatMessage send(
      Actor actor,
      BrokerId brokerId,
      LeadId leadId,
      String text,
      ChatSenderPort.Template template) {
    ChatMessage stored =
        unitOfWork.inTransaction(
            () -> {
              Lead lead = visibleLead(actor, brokerId, leadId);
              if (lead.isOptedOut()) {
                throw new DomainException(
                    "lead.opted_out", "el lead pidió no ser contactado: no se le puede escribir");
              }
              Conversation conversation = current(lead);
              Instant now = clock.instant();
              if (template != null && conversation.provider() != ChatProvider.WHATSAPP) {
                throw new DomainException(
                    "conversation.template_whatsapp_only",
                    "las plantillas son de WhatsApp y este lead escribe por "
                        + conversation.provider().apiValue()
                        + ": envíale un mensaje normal");
              }
              if (template == null
                  && conversation.provider() == ChatProvider.WHATSAPP
                  && !conversation.withinServiceWindow(now)) {
                throw new DomainException(
                    "conversation.outside_window",
                    "pasaron más de 24 horas desde el último mensaje del lead: WhatsApp solo"
                        + " permite escribirle con una plantilla aprobada");
              }
              conversation.recordStaffReply(actor.userId(), now);
              conversations.save(conversation);
              ChatMessage message =
                  ChatMessage.outbound(
                      lead.brokerId(),
                      lead.id(),
                      conversation.provider(),
                      conversation.channelUserId(),
                      text,
                      SenderType.STAFF,
                      actor.userId(),
                      now);
              messages.save(message);
              if (template != null) {
                messages.saveTemplate(message, template);
              }
              Map<String, Object> details = new LinkedHashMap<>();
              details.put("provider", conversation.provider().apiValue());
              details.put("messageId", message.id().value().toString());
              if (template != null) {
                details.put("template", template.name());
              }
              activity.append(
                  ActivityEntry.record(
                      lead.brokerId(),
                      lead.id(),
                      ActivityType.MESSAGE_SENT,
                      details,
                      ActorType.USER,
                      actor.userId(),
                      now));
              return message;
            });
    outbox.deliver(stored.brokerId(), stored.id(), node);
    return unitOfWork.inTransaction(
        () -> messages.findById(stored.brokerId(), stored.id()).orElseThrow());
  }

  private Lead visibleLead(Actor actor, BrokerId requested, LeadId leadId) {
    BrokerId broker = LeadAccess.broker(actor, requested, brokers);
    return LeadAccess.visible(
        actor, broker, leadId, leads, LeadAccess.agentsSeeUnassigned(actor, broker, configs));
  }

  /** The conversation the lead wrote on last. */
  private Conversation current(Lead lead) {
    return conversations.findByLead(lead.brokerId(), lead.id()).stream()
        .max(
            Comparator.comparing(
                (Conversation c) -> c.lastInboundAt() == null ? c.createdAt() : c.lastInboundAt()))
        .orElseThrow(
            () ->
                new NotFoundException(
                    "conversation.not_found", "el lead no ha escrito por ningún canal de chat"));
  }

  private void log(
      Lead lead, ActivityType type, Conversation conversation, Actor actor, Instant now) {
    activity.append(
        ActivityEntry.record(
            lead.brokerId(),
            lead.id(),
            type,
            Map.of("provider", conversation.provider().apiValue()),
            ActorType.USER,
            actor.userId(),
            now));
  }

  private static void requireStaff(Actor actor) {
    if (actor.isSuperadmin()) {
      throw new PermissionDeniedException(
          "conversation.staff_only", "solo el equipo de la corredora conversa con sus leads");
    }
  }
}
