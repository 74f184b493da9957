package io.inmo.application.service.chat;

import io.inmo.application.port.in.chat.ConversationUseCase;
import io.inmo.application.port.in.chat.DeliveryReport;
import io.inmo.application.port.in.chat.InboundChatMessage;
import io.inmo.application.port.out.ActivityLogRepository;
import io.inmo.application.port.out.AppointmentRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerContextCachePort;
import io.inmo.application.port.out.BrokerContextCachePort.BrokerContext;
import io.inmo.application.port.out.ChatMessageRepository;
import io.inmo.application.port.out.ChatSenderPort;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.application.port.out.ConversationAgentPort;
import io.inmo.application.port.out.ConversationAgentPort.AgentReply;
import io.inmo.application.port.out.ConversationAgentPort.AgentRequest;
import io.inmo.application.port.out.ConversationAgentPort.AgentRoute;
import io.inmo.application.port.out.ConversationRepository;
import io.inmo.application.port.out.ConversationRepository.ClaimedTurn;
import io.inmo.application.port.out.DuplicateChatMessageException;
import io.inmo.application.port.out.LeadRepository;
import io.inmo.application.port.out.LiveEventsPort;
import io.inmo.application.port.out.LiveEventsPort.Kind;
import io.inmo.application.port.out.LiveEventsPort.LiveEvent;
import io.inmo.application.port.out.NotificationPort;
import io.inmo.application.port.out.PhoneNumberPort;
import io.inmo.application.port.out.RateLimiterPort;
import io.inmo.application.port.out.RateLimiterPort.RateLimit;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.application.security.TooManyRequestsException;
import io.inmo.application.service.lead.LeadAlerts;
import io.inmo.application.service.lead.LeadRecompute;
import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.activity.ActivityType;
import io.inmo.domain.activity.ActorType;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatMessageId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.Conversation;
import io.inmo.domain.conversation.EscalationPolicy;
import io.inmo.domain.conversation.EscalationPolicy.Reason;
import io.inmo.domain.conversation.OptOutPolicy;
import io.inmo.domain.conversation.ReplyRules;
import io.inmo.domain.conversation.SenderType;
import io.inmo.domain.lead.ChannelIdentity;
import io.inmo.domain.lead.IdentityTakenException;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.notification.Notification;
import io.inmo.domain.notification.NotificationKind;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Application service: the conversation pipeline of ADR 0015. {@link #receive} stores and
 * schedules; a turn reads the pending messages, asks the agent outside any transaction, lets the
 * domain decide (facts, recompute, opt-out, escalation, reply rules) and stores the reply in the
 * outbox together with marking the messages handled; the reply is then sent.
 */
public final class ConversationService implements ConversationUseCase {
  /** A turn is answered at most this long after the first message still pending. */
  static final Duration MAX_TURN_DELAY = Duration.ofSeconds(10);

  /** How long a node holds a turn before another may take it over. */
  static final Duration TURN_CLAIM = Duration.ofSeconds(60);

  /** The conversation history the agent sees. */
  static final int HISTORY = 20;

  /** Replies still queued this long after they were stored are swept. */
  static final Duration OUTBOX_GRACE = Duration.ofSeconds(30);

  /** One sender may write this many messages a minute; more are refused (429). */
  static final RateLimit FLOOD = new RateLimit("chat.flood", 30, Duration.ofMinutes(1));

  static final String OPT_OUT_ACK =
      "Entendido, no te volveremos a escribir. Si más adelante quieres retomar la búsqueda,"
          + " escríbenos cuando quieras.";
  static final String ESCALATION_REPLY =
      "Te comunico con una persona de nuestro equipo; te responderá a la brevedad.";

  private final LeadRepository leads;
  private final ConversationRepository conversations;
  private final ChatMessageRepository messages;
  private final BrokerConfigRepository configs;
  private final ActivityLogRepository activity;
  private final UserRepository users;
  private final NotificationPort notifications;
  private final PhoneNumberPort phones;
  private final ConversationAgentPort agent;
  private final ChatOutbox outbox;
  private final RateLimiterPort rateLimiter;
  private final BrokerContextCachePort contexts;
  private final LiveEventsPort liveEvents;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final LeadRecompute recompute;
  private final Function<BrokerId, AgentRoute> routes;

  public ConversationService(
      LeadRepository leads,
      ConversationRepository conversations,
      ChatMessageRepository messages,
      BrokerConfigRepository configs,
      ActivityLogRepository activity,
      AppointmentRepository appointments,
      UserRepository users,
      NotificationPort notifications,
      PhoneNumberPort phones,
      ConversationAgentPort agent,
      List<ChatSenderPort> senders,
      RateLimiterPort rateLimiter,
      BrokerContextCachePort contexts,
      LiveEventsPort liveEvents,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      Function<BrokerId, AgentRoute> routes) {
    this.routes = Objects.requireNonNull(routes, "routes");
    this.contexts = Objects.requireNonNull(contexts, "contexts");
    this.liveEvents = Objects.requireNonNull(liveEvents, "liveEvents");
    this.leads = Objects.requireNonNull(leads, "leads");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.activity = Objects.requireNonNull(activity, "activity");
    this.users = Objects.requireNonNull(users, "users");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.phones = Objects.requireNonNull(phones, "phones");
    this.agent = Objects.requireNonNull(agent, "agent");
    this.outbox = new ChatOutbox(messages, configs, activity, senders, unitOfWork, clock);
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.recompute =
        new LeadRecompute(
            configs, messages, appointments, activity, new LeadAlerts(users, notifications));
  }

  // ------------------------------------------------------------------ receive

  @Override
  public Receipt receive(BrokerId brokerId, InboundChatMessage message) {
    Objects.requireNonNull(brokerId, "brokerId");
    Objects.requireNonNull(message, "message");
    Optional<Receipt> stored = unitOfWork.inTransaction(() -> storedAlready(brokerId, message));
    if (stored.isPresent()) {
      return stored.get();
    }
    RateLimiterPort.Decision decision =
        rateLimiter.tryAcquire(
            FLOOD,
            brokerId.value() + ":" + message.provider().apiValue() + ":" + message.channelUserId());
    if (!decision.allowed()) {
      throw new TooManyRequestsException(
          "chat.flood",
          "demasiados mensajes seguidos; espera un momento antes de escribir de nuevo",
          decision.retryAfter());
    }
    for (int attempt = 1; ; attempt++) {
      try {
        Stored saved = unitOfWork.inTransaction(() -> store(brokerId, message));
        // wake this node's workers when the turn falls due, without waiting for their next look
        liveEvents.announceLocally(
            new LiveEvent(
                Kind.TURN_DUE,
                brokerId,
                saved.receipt().leadId(),
                null,
                null,
                Map.of("dueAt", saved.dueAt().toString())));
        return saved.receipt();
      } catch (DuplicateChatMessageException raced) {
        // a concurrent redelivery stored it first
        return unitOfWork
            .inTransaction(() -> storedAlready(brokerId, message))
            .orElseThrow(() -> raced);
      } catch (IdentityTakenException | ConcurrentChangeException raced) {
        // another node created this person's lead or conversation at the same moment: the next
        // attempt finds them
        if (attempt == RECEIVE_ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  private static final int RECEIVE_ATTEMPTS = 3;

  private Optional<Receipt> storedAlready(BrokerId brokerId, InboundChatMessage message) {
    return messages
        .findByProviderMessageId(brokerId, message.provider(), message.providerMessageId())
        .map(
            found ->
                new Receipt(
                    found.leadId(),
                    conversations
                        .findByChannel(brokerId, message.provider(), message.channelUserId())
                        .map(Conversation::id)
                        .orElse(null),
                    true));
  }

  /** A stored message and when its turn falls due (at the latest). */
  private record Stored(Receipt receipt, Instant dueAt) {}

  private Stored store(BrokerId brokerId, InboundChatMessage in) {
    Instant now = clock.instant();
    // the cached context when there is one; a message is stored even when the rest of the broker's
    // settings are broken (its turn then fails and reaches staff)
    Duration burstWindow =
        contexts
            .get(brokerId)
            .map(BrokerContext::burstWindow)
            .orElseGet(
                () ->
                    configs
                        .findChatConfig(brokerId)
                        .orElseThrow(() -> new IllegalStateException("broker without chat config"))
                        .burstWindow());
    Conversation conversation =
        conversations.findByChannel(brokerId, in.provider(), in.channelUserId()).orElse(null);
    Lead lead = null;
    if (conversation != null) {
      lead =
          leads.findById(brokerId, conversation.leadId()).filter(l -> !l.isDeleted()).orElse(null);
      if (lead == null) {
        // the lead was deleted: the same person writing again is a new lead
        conversations.delete(conversation);
        conversation = null;
      }
    }
    if (conversation == null) {
      lead = leadFor(brokerId, in, now);
      conversation =
          Conversation.start(brokerId, lead.id(), in.provider(), in.channelUserId(), now);
      conversation.recordInbound(earliest(in.sentAt(), now));
      conversations.save(conversation);
    }
    ChatMessage stored =
        ChatMessage.inbound(
            brokerId,
            lead.id(),
            in.provider(),
            in.channelUserId(),
            in.text(),
            in.providerMessageId(),
            now);
    messages.save(stored);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("provider", in.provider().apiValue());
    details.put("messageId", stored.id().value().toString());
    activity.append(
        ActivityEntry.record(
            brokerId,
            lead.id(),
            ActivityType.MESSAGE_RECEIVED,
            details,
            ActorType.LEAD,
            null,
            now));
    conversations.scheduleTurn(brokerId, conversation.id(), now, burstWindow, MAX_TURN_DELAY);
    return new Stored(new Receipt(lead.id(), conversation.id(), false), now.plus(burstWindow));
  }

  /** The lead of a channel identity, created (and scored) when the identity is new. */
  private Lead leadFor(BrokerId brokerId, InboundChatMessage in, Instant now) {
    ChannelIdentity identity = identity(in.provider(), in.channelUserId());
    Optional<Lead> known = leads.findByIdentity(brokerId, identity);
    if (known.isPresent()) {
      return known.get();
    }
    Lead lead = Lead.capture(brokerId, identity, now);
    if (in.senderName() != null && !in.senderName().isBlank()) {
      try {
        lead.rename(in.senderName().strip(), now);
      } catch (DomainException | IllegalArgumentException unusable) {
        // a channel display name the domain refuses is simply not used
      }
    }
    if (in.provider() == ChatProvider.WHATSAPP) {
      phones.parse("+" + in.channelUserId(), "CL").ifPresent(phone -> lead.changePhone(phone, now));
    }
    BrokerLeadConfig config = recompute.config(lead);
    LeadRecompute.Outcome outcome =
        recompute.apply(lead, config, new LeadRecompute.Cause(ActorType.LEAD, null), now, false);
    leads.save(lead);
    activity.append(
        ActivityEntry.record(
            brokerId,
            lead.id(),
            ActivityType.LEAD_CREATED,
            Map.of("source", in.provider().apiValue()),
            ActorType.LEAD,
            null,
            now));
    recompute.record(outcome, now);
    return lead;
  }

  private static ChannelIdentity identity(ChatProvider provider, String channelUserId) {
    return switch (provider) {
      case TELEGRAM -> ChannelIdentity.telegram(channelUserId);
      case WHATSAPP -> ChannelIdentity.whatsapp(channelUserId);
      case WEBCHAT -> ChannelIdentity.webchat(channelUserId);
    };
  }

  // ------------------------------------------------------------------ turns

  @Override
  public boolean runNextTurn(String node) {
    Objects.requireNonNull(node, "node");
    Optional<ClaimedTurn> claimed =
        unitOfWork.inTransaction(
            () -> conversations.claimDueTurn(node, clock.instant(), TURN_CLAIM));
    if (claimed.isEmpty()) {
      return false;
    }
    ClaimedTurn turn = claimed.get();
    Optional<ChatMessageId> reply;
    try {
      reply = answer(turn, node);
    } catch (ConcurrentChangeException e) {
      // a person changed the lead or the conversation meanwhile: answer again with what is stored
      unitOfWork.inTransaction(
          () ->
              conversations.finishTurn(
                  turn.brokerId(), turn.conversationId(), node, true, clock.instant()));
      return true;
    } catch (RuntimeException e) {
      failed(turn, node);
      throw e;
    }
    reply.ifPresent(id -> outbox.deliver(turn.brokerId(), id, node));
    return true;
  }

  /**
   * A turn that failed is tried again later, each time twice as late; after {@value
   * #MAX_TURN_FAILURES} failures in a row the AI gives up on the pending messages and hands them to
   * staff instead of retrying forever.
   */
  private void failed(ClaimedTurn turn, String node) {
    Instant now = clock.instant();
    if (turn.failures() + 1 < MAX_TURN_FAILURES) {
      Instant retryAt = now.plus(TURN_RETRY.multipliedBy(1L << turn.failures()));
      unitOfWork.inTransaction(
          () -> conversations.failTurn(turn.brokerId(), turn.conversationId(), node, retryAt, now));
      return;
    }
    unitOfWork.inTransaction(
        () -> {
          Conversation conversation =
              conversations.findById(turn.brokerId(), turn.conversationId()).orElseThrow();
          Lead lead = leads.findById(turn.brokerId(), conversation.leadId()).orElseThrow();
          List<ChatMessage> pending =
              messages.findUnhandledInbound(
                  turn.brokerId(),
                  conversation.leadId(),
                  conversation.provider(),
                  conversation.channelUserId());
          messages.markHandled(
              turn.brokerId(), pending.stream().map(ChatMessage::id).toList(), now);
          activity.append(
              ActivityEntry.record(
                  turn.brokerId(),
                  lead.id(),
                  ActivityType.ESCALATION,
                  Map.of("reason", "turn_failed", "messages", pending.size()),
                  ActorType.SYSTEM,
                  null,
                  now));
          String name = lead.name() == null ? "Lead sin nombre" : lead.name();
          for (UserId recipient :
              LeadAlerts.recipients(lead, users.findByBroker(lead.brokerId()))) {
            notifications.send(
                Notification.create(
                    lead.brokerId(),
                    recipient,
                    NotificationKind.CONVERSATION_ESCALATED,
                    lead.id(),
                    "Sin respuesta automática: " + name,
                    "El asistente no pudo responder "
                        + pending.size()
                        + (pending.size() == 1 ? " mensaje" : " mensajes")
                        + " de "
                        + name
                        + ". Toma la conversación para contestar.",
                    now));
          }
          conversations.finishTurn(turn.brokerId(), turn.conversationId(), node, false, now);
        });
  }

  /** A failed turn is tried again after this, doubled on each further failure. */
  static final Duration TURN_RETRY = Duration.ofSeconds(15);

  /** Failures in a row after which the pending messages go to staff. */
  static final int MAX_TURN_FAILURES = 5;

  /** What a turn read in its first unit of work. */
  private record TurnContext(
      Conversation conversation,
      Lead lead,
      BrokerContext broker,
      List<ChatMessage> pending,
      List<ChatMessage> history,
      AgentRoute route) {
    BrokerLeadConfig leadConfig() {
      return broker.leadConfig();
    }

    BrokerPromptConfig prompt() {
      return broker.prompt();
    }
  }

  /**
   * The broker's part of a lead's context: from the cache, else read here and cached (ADR 0017).
   * Called inside a unit of work.
   */
  private BrokerContext brokerContext(BrokerId broker) {
    return contexts
        .get(broker)
        .orElseGet(
            () -> {
              BrokerContext loaded =
                  BrokerContext.of(
                      configs.findPromptConfig(broker).orElseThrow(),
                      configs.findLeadConfig(broker).orElseThrow(),
                      configs
                          .findChatConfig(broker)
                          .orElseThrow(
                              () -> new IllegalStateException("broker without chat config")));
              contexts.put(loaded);
              return loaded;
            });
  }

  private Optional<ChatMessageId> answer(ClaimedTurn turn, String node) {
    BrokerId broker = turn.brokerId();
    TurnContext context =
        unitOfWork.inTransaction(
            () -> {
              Conversation conversation =
                  conversations
                      .findById(broker, turn.conversationId())
                      .orElseThrow(() -> new IllegalStateException("claimed a missing turn"));
              Lead lead = leads.findById(broker, conversation.leadId()).orElseThrow();
              return new TurnContext(
                  conversation,
                  lead,
                  brokerContext(broker),
                  messages.findUnhandledInbound(
                      broker,
                      conversation.leadId(),
                      conversation.provider(),
                      conversation.channelUserId()),
                  messages.findLatestByLead(broker, conversation.leadId(), HISTORY),
                  routes.apply(broker));
            });
    Instant now = clock.instant();
    Conversation conversation = context.conversation();
    Lead lead = context.lead();
    List<ChatMessage> pending = context.pending();
    List<String> texts = pending.stream().map(ChatMessage::text).toList();

    conversation.releaseIfIdle(context.broker().takeoverIdle(), now);
    String reply = null;
    AgentReply proposal = null;
    boolean optingOut = false;
    Reason escalation = null;
    if (pending.isEmpty() || lead.isDeleted() || lead.isOptedOut()) {
      // nothing to answer, or nobody to answer
    } else if (texts.stream().anyMatch(OptOutPolicy::isOptOut)) {
      optingOut = true;
      reply = OPT_OUT_ACK;
    } else if (conversation.aiMayReply()) {
      escalation =
          texts.stream()
              .map(EscalationPolicy::escalation)
              .flatMap(Optional::stream)
              .findFirst()
              .orElse(null);
      if (escalation == null) {
        proposal =
            agent.reply(
                new AgentRequest(
                    context.prompt(),
                    lead,
                    context.history(),
                    pending,
                    nextFields(lead, context.leadConfig()),
                    context.route()));
        reply = ReplyRules.enforce(proposal.reply()).text();
      } else {
        reply = ESCALATION_REPLY;
      }
    }

    String finalReply = reply;
    AgentReply finalProposal = proposal;
    boolean finalOptingOut = optingOut;
    Reason finalEscalation = escalation;
    return unitOfWork.inTransaction(
        () ->
            commitTurn(
                turn,
                node,
                context,
                finalProposal,
                finalReply,
                finalOptingOut,
                finalEscalation,
                clock.instant()));
  }

  private Optional<ChatMessageId> commitTurn(
      ClaimedTurn turn,
      String node,
      TurnContext context,
      AgentReply proposal,
      String reply,
      boolean optingOut,
      Reason escalation,
      Instant now) {
    BrokerId broker = turn.brokerId();
    Conversation conversation = context.conversation();
    Lead lead = context.lead();
    List<ChatMessage> pending = context.pending();
    ChatMessage outbound = null;
    if (!pending.isEmpty() && !lead.isDeleted()) {
      Instant lastInbound = pending.getLast().createdAt();
      conversation.recordInbound(lastInbound);
      lead.recordContact(lastInbound);
      if (optingOut) {
        lead.optOut(now);
        activity.append(
            ActivityEntry.record(
                broker,
                lead.id(),
                ActivityType.OPT_OUT,
                Map.of("provider", conversation.provider().apiValue()),
                ActorType.LEAD,
                null,
                now));
      }
      if (proposal != null) {
        applyProposal(lead, proposal, now);
      }
      if (escalation != null && conversation.escalate(escalation, now)) {
        activity.append(
            ActivityEntry.record(
                broker,
                lead.id(),
                ActivityType.ESCALATION,
                Map.of("reason", escalation.apiValue()),
                ActorType.SYSTEM,
                null,
                now));
        notifyEscalation(lead, escalation, now);
      }
      LeadRecompute.Outcome outcome =
          recompute.apply(
              lead, context.leadConfig(), new LeadRecompute.Cause(ActorType.AI, null), now, true);
      leads.save(lead);
      recompute.record(outcome, now);
      if (reply != null) {
        outbound =
            ChatMessage.outbound(
                broker,
                lead.id(),
                conversation.provider(),
                conversation.channelUserId(),
                reply,
                SenderType.AI,
                null,
                now);
        messages.save(outbound);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", conversation.provider().apiValue());
        details.put("messageId", outbound.id().value().toString());
        if (proposal != null) {
          details.put("intent", proposal.intent().apiValue());
        }
        activity.append(
            ActivityEntry.record(
                broker, lead.id(), ActivityType.MESSAGE_SENT, details, ActorType.AI, null, now));
      }
    }
    conversations.save(conversation);
    messages.markHandled(broker, pending.stream().map(ChatMessage::id).toList(), now);
    boolean more =
        !messages
            .findUnhandledInbound(
                broker,
                conversation.leadId(),
                conversation.provider(),
                conversation.channelUserId())
            .isEmpty();
    if (!conversations.finishTurn(broker, conversation.id(), node, more, now)) {
      throw new ConcurrentChangeException(
          new IllegalStateException(
              "conversation " + conversation.id() + " was taken over by another node"));
    }
    return Optional.ofNullable(outbound).map(ChatMessage::id);
  }

  /** The agent's proposed facts, each accepted only if the domain accepts it. */
  private void applyProposal(Lead lead, AgentReply proposal, Instant now) {
    if (proposal.name() != null && !proposal.name().isBlank()) {
      accept(() -> lead.rename(proposal.name().strip(), now));
    }
    if (proposal.email() != null && !proposal.email().isBlank()) {
      accept(() -> lead.changeEmail(new Email(proposal.email().strip()), now));
    }
    if (proposal.phone() != null && !proposal.phone().isBlank()) {
      phones
          .parse(proposal.phone(), "CL")
          .ifPresent(phone -> accept(() -> lead.changePhone(phone, now)));
    }
    if (!proposal.facts().equals(io.inmo.domain.lead.LeadFacts.empty())) {
      accept(() -> lead.updateFacts(proposal.facts(), now));
    }
  }

  private static void accept(Runnable change) {
    try {
      change.run();
    } catch (DomainException | IllegalArgumentException refused) {
      // the agent proposed something the domain does not accept: the lead keeps what it had
    }
  }

  /** The missing facts the agent may ask for, by the broker's priority (ADR 0016). */
  static final int NEXT_FIELDS = 4;

  private static List<LeadField> nextFields(Lead lead, BrokerLeadConfig config) {
    List<LeadField> missing = lead.missing(config.fieldPriority());
    return missing.subList(0, Math.min(NEXT_FIELDS, missing.size()));
  }

  private void notifyEscalation(Lead lead, Reason reason, Instant now) {
    String name = lead.name() == null ? "Lead sin nombre" : lead.name();
    String why =
        switch (reason) {
          case HUMAN_REQUESTED -> "pidió hablar con una persona";
          case COMPLAINT -> "planteó un reclamo o un tema legal";
          case HOSTILE -> "está molesto";
        };
    for (UserId recipient : LeadAlerts.recipients(lead, users.findByBroker(lead.brokerId()))) {
      notifications.send(
          Notification.create(
              lead.brokerId(),
              recipient,
              NotificationKind.CONVERSATION_ESCALATED,
              lead.id(),
              "Conversación escalada: " + name,
              name
                  + " "
                  + why
                  + ". El asistente quedó en silencio: toma la conversación para responder.",
              now));
    }
  }

  @Override
  public void report(BrokerId brokerId, DeliveryReport report) {
    Objects.requireNonNull(brokerId, "brokerId");
    Objects.requireNonNull(report, "report");
    unitOfWork.inTransaction(
        () ->
            messages
                .findByProviderMessageId(brokerId, report.provider(), report.providerMessageId())
                .filter(m -> m.direction() == io.inmo.domain.conversation.MessageDirection.OUTBOUND)
                .ifPresent(
                    message -> {
                      Instant now = clock.instant();
                      boolean changed;
                      if (report.status() == io.inmo.domain.conversation.DeliveryStatus.FAILED) {
                        String error =
                            (report.errorCode() == null ? "" : report.errorCode() + ": ")
                                + (report.errorDetail() == null ? "" : report.errorDetail());
                        changed = message.markFailed(error.isBlank() ? "failed" : error, now);
                        if (changed) {
                          Map<String, Object> details = new LinkedHashMap<>();
                          details.put("messageId", message.id().value().toString());
                          details.put("failed", report.errorCode());
                          activity.append(
                              ActivityEntry.record(
                                  brokerId,
                                  message.leadId(),
                                  ActivityType.MESSAGE_SENT,
                                  details,
                                  ActorType.SYSTEM,
                                  null,
                                  now));
                        }
                      } else {
                        changed = message.updateDelivery(report.status(), now);
                      }
                      if (changed) {
                        messages.save(message);
                      }
                    }));
  }

  // ------------------------------------------------------------------ outbox

  @Override
  public int sendQueued(String node) {
    Instant now = clock.instant();
    List<ChatMessage> claimed =
        unitOfWork.inTransaction(
            () ->
                messages.claimQueuedOutbound(
                    node, now.minus(OUTBOX_GRACE), now, ChatOutbox.SEND_CLAIM, 50));
    claimed.forEach(message -> outbox.deliver(message.brokerId(), message.id(), node));
    return claimed.size();
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
