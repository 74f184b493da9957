package io.inmo.bootstrap;

import io.inmo.application.port.out.AccessTokenPort;
import io.inmo.application.port.out.ActivityLogRepository;
import io.inmo.application.port.out.AppointmentRepository;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerContextCachePort;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.ChatConnectionCheckPort;
import io.inmo.application.port.out.ChatMessageRepository;
import io.inmo.application.port.out.ChatSenderPort;
import io.inmo.application.port.out.ConversationAgentPort;
import io.inmo.application.port.out.ConversationInboxRepository;
import io.inmo.application.port.out.ConversationRepository;
import io.inmo.application.port.out.DependencyHealthPort;
import io.inmo.application.port.out.LeadRepository;
import io.inmo.application.port.out.LeadSearchRepository;
import io.inmo.application.port.out.LiveEventsPort;
import io.inmo.application.port.out.LlmUsageRepository;
import io.inmo.application.port.out.NotificationPort;
import io.inmo.application.port.out.NotificationRepository;
import io.inmo.application.port.out.PasswordHashingPort;
import io.inmo.application.port.out.PhoneNumberPort;
import io.inmo.application.port.out.PipelineStatsRepository;
import io.inmo.application.port.out.RateLimiterPort;
import io.inmo.application.port.out.RefreshTokenRepository;
import io.inmo.application.port.out.RescoringRunRepository;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import java.time.Clock;
import java.util.List;

/**
 * Every outbound-port implementation the use cases need, built by {@link Inmo} from configuration.
 */
public record SecondaryAdapters(
    List<DependencyHealthPort> healthChecks,
    UnitOfWorkPort unitOfWork,
    BrokerRepository brokers,
    BrokerConfigRepository brokerConfigs,
    UserRepository users,
    RefreshTokenRepository refreshTokens,
    AuditLogRepository audit,
    LeadRepository leads,
    LeadSearchRepository leadSearch,
    ActivityLogRepository activity,
    ChatMessageRepository chatMessages,
    AppointmentRepository appointments,
    NotificationPort notifier,
    NotificationRepository notifications,
    PipelineStatsRepository pipelineStats,
    RescoringRunRepository rescorings,
    ConversationRepository conversations,
    ConversationInboxRepository conversationInbox,
    ConversationAgentPort conversationAgent,
    List<ChatSenderPort> chatSenders,
    List<ChatConnectionCheckPort> chatConnectionChecks,
    PhoneNumberPort phones,
    PasswordHashingPort passwords,
    AccessTokenPort accessTokens,
    RateLimiterPort rateLimiter,
    BrokerContextCachePort brokerContexts,
    LiveEventsPort liveEvents,
    LlmUsageRepository llmUsage,
    Clock clock) {
  public SecondaryAdapters {
    healthChecks = List.copyOf(healthChecks);
    chatSenders = List.copyOf(chatSenders);
    chatConnectionChecks = List.copyOf(chatConnectionChecks);
  }
}
