package io.inmo.application.service.chat;

import io.inmo.application.port.in.chat.ListConversationsUseCase;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.ConversationInboxRepository;
import io.inmo.application.port.out.ConversationInboxRepository.InboxEntry;
import io.inmo.application.port.out.ConversationInboxRepository.InboxSearch;
import io.inmo.application.port.out.ConversationInboxRepository.LastMessage;
import io.inmo.application.port.out.ConversationInboxRepository.Position;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.security.Actor;
import io.inmo.application.service.BrokerScopes;
import io.inmo.application.service.lead.LeadAccess;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.Role;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Use case implementation: the conversation inbox, one repository read per page. Visibility is the
 * lead book's ({@link LeadAccess}): an AGENT sees the conversations of leads assigned to them and,
 * when the broker allows it, of unassigned leads.
 */
public final class ConversationInboxService implements ListConversationsUseCase {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final ConversationInboxRepository inbox;
  private final BrokerRepository brokers;
  private final BrokerConfigRepository configs;
  private final AuditLogRepository audit;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public ConversationInboxService(
      ConversationInboxRepository inbox,
      BrokerRepository brokers,
      BrokerConfigRepository configs,
      AuditLogRepository audit,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ConversationPage list(Actor actor, ConversationQuery query) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(query, "query");
    Position after = InboxCursors.decode(query.cursor());
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker =
              BrokerScopes.target(
                  actor,
                  query.brokerId(),
                  brokers,
                  "conversation.broker_required",
                  "Indica la corredora (brokerId) cuyas conversaciones consultas.");
          boolean agent = actor.role() == Role.AGENT;
          List<InboxEntry> found =
              inbox.list(
                  broker,
                  new InboxSearch(
                      query.provider(),
                      query.status(),
                      query.text(),
                      agent ? actor.userId() : null,
                      LeadAccess.agentsSeeUnassigned(actor, broker, configs),
                      after,
                      query.limit() + 1));
          boolean more = found.size() > query.limit();
          List<InboxEntry> page = more ? found.subList(0, query.limit()) : found;
          String next = more ? InboxCursors.encode(page.getLast()) : null;
          if (actor.isSuperadmin()) {
            audit.append(
                AuditEntry.record(
                    broker,
                    actor.userId(),
                    "conversation.list",
                    "conversation",
                    null,
                    null,
                    Map.of("count", page.size()),
                    query.origin().ip(),
                    query.origin().requestId(),
                    clock.instant()));
          }
          return new ConversationPage(
              page.stream().map(ConversationInboxService::summary).toList(), next);
        });
  }

  private static ConversationSummary summary(InboxEntry e) {
    return new ConversationSummary(
        e.conversationId(),
        e.provider(),
        e.status(),
        new LeadSummary(
            e.leadId(),
            e.leadName(),
            e.leadStatus(),
            e.leadScore(),
            e.leadStage(),
            e.leadAssignedTo()),
        preview(e.lastMessage()),
        e.lastInboundAt(),
        e.lastActivityAt(),
        e.takenOverBy(),
        e.takenOverAt(),
        e.escalation(),
        e.escalatedAt(),
        e.leadOptedOutAt() != null);
  }

  /** The message's text, whitespace collapsed, cut to {@value #PREVIEW_LENGTH} characters. */
  static MessagePreview preview(LastMessage message) {
    if (message == null) {
      return null;
    }
    String text =
        message.text() == null ? null : WHITESPACE.matcher(message.text()).replaceAll(" ").strip();
    if (text == null || text.isEmpty()) {
      return new MessagePreview(null, false, message.sender(), message.at());
    }
    boolean cut = text.codePointCount(0, text.length()) > PREVIEW_LENGTH;
    if (cut) {
      // code points, not chars: an emoji is never split in half
      text =
          text.substring(0, text.offsetByCodePoints(0, PREVIEW_LENGTH - 1)).stripTrailing() + "…";
    }
    return new MessagePreview(text, cut, message.sender(), message.at());
  }
}
