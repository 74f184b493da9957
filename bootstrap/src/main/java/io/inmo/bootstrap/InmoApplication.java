package io.inmo.bootstrap;

import io.inmo.adapters.chat.telegram.TelegramWebhookResource;
import io.inmo.adapters.chat.webchat.WebChatResource;
import io.inmo.adapters.chat.whatsapp.WhatsAppWebhookResource;
import io.inmo.adapters.rest.RestProviders;
import io.inmo.adapters.rest.audit.AuditLogResource;
import io.inmo.adapters.rest.auth.AuthResource;
import io.inmo.adapters.rest.broker.AdminBrokersResource;
import io.inmo.adapters.rest.broker.BrokerResource;
import io.inmo.adapters.rest.conversation.ConversationsResource;
import io.inmo.adapters.rest.conversation.LeadConversationResource;
import io.inmo.adapters.rest.health.HealthResource;
import io.inmo.adapters.rest.lead.LeadsResource;
import io.inmo.adapters.rest.lead.PipelineResource;
import io.inmo.adapters.rest.lead.RescoringResource;
import io.inmo.adapters.rest.live.LiveEventsResource;
import io.inmo.adapters.rest.llm.LlmUsageResource;
import io.inmo.adapters.rest.notification.NotificationsResource;
import io.inmo.adapters.rest.openapi.OpenApiDocumentResource;
import io.inmo.adapters.rest.user.UsersResource;
import io.inmo.application.port.in.audit.ReadAuditLogUseCase;
import io.inmo.application.port.in.broker.GetBrokerConfigUseCase;
import io.inmo.application.port.in.broker.GetBrokerUseCase;
import io.inmo.application.port.in.broker.ManageBrokersUseCase;
import io.inmo.application.port.in.broker.TestChatConnectionUseCase;
import io.inmo.application.port.in.broker.UpdateBrokerConfigUseCase;
import io.inmo.application.port.in.broker.UpdateBrokerUseCase;
import io.inmo.application.port.in.chat.ChatChannelsUseCase;
import io.inmo.application.port.in.chat.ConversationUseCase;
import io.inmo.application.port.in.chat.ListConversationsUseCase;
import io.inmo.application.port.in.chat.StaffConversationsUseCase;
import io.inmo.application.port.in.identity.AuthenticateUseCase;
import io.inmo.application.port.in.identity.GetCurrentUserUseCase;
import io.inmo.application.port.in.identity.LoginUseCase;
import io.inmo.application.port.in.identity.ManageUsersUseCase;
import io.inmo.application.port.in.identity.RefreshSessionUseCase;
import io.inmo.application.port.in.identity.RegisterBrokerUseCase;
import io.inmo.application.port.in.lead.LeadTransferUseCase;
import io.inmo.application.port.in.lead.ManageLeadsUseCase;
import io.inmo.application.port.in.lead.RescoreLeadsUseCase;
import io.inmo.application.port.in.live.LiveEventsUseCase;
import io.inmo.application.port.in.llm.LlmUsageUseCase;
import io.inmo.application.port.in.maintenance.NightlyMaintenanceUseCase;
import io.inmo.application.port.in.notification.NotificationsUseCase;
import io.inmo.application.port.in.pipeline.PipelineUseCase;
import io.inmo.application.port.in.platform.CheckReadinessUseCase;
import io.inmo.application.service.audit.AuditLogService;
import io.inmo.application.service.broker.BrokerConfigService;
import io.inmo.application.service.broker.BrokerService;
import io.inmo.application.service.broker.ChatConnectionService;
import io.inmo.application.service.chat.ChatChannelService;
import io.inmo.application.service.chat.ConversationInboxService;
import io.inmo.application.service.chat.ConversationService;
import io.inmo.application.service.chat.StaffConversationService;
import io.inmo.application.service.identity.AuthSettings;
import io.inmo.application.service.identity.AuthenticationService;
import io.inmo.application.service.identity.RegistrationService;
import io.inmo.application.service.identity.UserManagementService;
import io.inmo.application.service.lead.LeadRescoringService;
import io.inmo.application.service.lead.LeadService;
import io.inmo.application.service.lead.LeadTransferService;
import io.inmo.application.service.lead.NightlyMaintenanceService;
import io.inmo.application.service.lead.PipelineService;
import io.inmo.application.service.live.LiveEventsService;
import io.inmo.application.service.llm.LlmBudgets;
import io.inmo.application.service.llm.LlmUsageService;
import io.inmo.application.service.notification.NotificationService;
import io.inmo.application.service.platform.CheckReadinessService;
import io.inmo.bootstrap.config.AppConfig;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Composition root of the HTTP side: builds the use cases with constructors from the secondary
 * adapters and hands them to Jersey through HK2 instance bindings (no classpath scanning).
 */
public final class InmoApplication extends ResourceConfig {
  /** Resource classes; also the input of the OpenAPI document. */
  static final List<Class<?>> RESOURCES =
      List.of(
          HealthResource.class,
          AuthResource.class,
          UsersResource.class,
          BrokerResource.class,
          AdminBrokersResource.class,
          LeadsResource.class,
          NotificationsResource.class,
          PipelineResource.class,
          RescoringResource.class,
          WebChatResource.class,
          WhatsAppWebhookResource.class,
          TelegramWebhookResource.class,
          LeadConversationResource.class,
          ConversationsResource.class,
          LiveEventsResource.class,
          LlmUsageResource.class,
          AuditLogResource.class);

  private final LeadRescoringService rescoring;
  private final NightlyMaintenanceService nightly;
  private final ConversationService conversations;
  private final LlmBudgets llmBudgets;

  public InmoApplication(AppConfig config, SecondaryAdapters out) {
    CheckReadinessUseCase readiness = new CheckReadinessService(out.healthChecks());
    AuthSettings auth = AuthSettings.defaults();
    AuthenticationService authentication =
        new AuthenticationService(
            out.users(),
            out.brokers(),
            out.passwords(),
            out.accessTokens(),
            out.refreshTokens(),
            out.rateLimiter(),
            out.audit(),
            out.unitOfWork(),
            out.clock(),
            auth);
    RegistrationService registration =
        new RegistrationService(
            out.brokers(),
            out.brokerConfigs(),
            out.users(),
            out.passwords(),
            out.accessTokens(),
            out.refreshTokens(),
            out.rateLimiter(),
            out.audit(),
            out.unitOfWork(),
            out.clock(),
            auth);
    ManageUsersUseCase userManagement =
        new UserManagementService(
            out.users(),
            out.brokers(),
            out.passwords(),
            out.refreshTokens(),
            out.audit(),
            out.unitOfWork(),
            out.clock());

    BrokerService brokerService =
        new BrokerService(
            out.brokers(), out.brokerConfigs(), out.audit(), out.unitOfWork(), out.clock());
    BrokerConfigService brokerConfigService =
        new BrokerConfigService(
            out.brokerConfigs(),
            out.rescorings(),
            out.audit(),
            out.unitOfWork(),
            out.clock(),
            config.llm().brokerEndpoints());
    ChatConnectionService chatConnection =
        new ChatConnectionService(
            out.brokers(),
            out.brokerConfigs(),
            out.conversations(),
            out.chatConnectionChecks(),
            out.rateLimiter(),
            out.audit(),
            out.unitOfWork(),
            out.clock());
    llmBudgets =
        new LlmBudgets(
            out.brokerConfigs(),
            out.brokers(),
            out.llmUsage(),
            out.users(),
            out.notifier(),
            config.llmPrices(),
            out.clock());

    LeadService leadService =
        new LeadService(
            out.leads(),
            out.leadSearch(),
            out.users(),
            out.brokers(),
            out.brokerConfigs(),
            out.activity(),
            out.audit(),
            out.phones(),
            out.chatMessages(),
            out.appointments(),
            out.notifier(),
            out.unitOfWork(),
            out.clock());
    rescoring =
        new LeadRescoringService(
            out.leads(),
            out.rescorings(),
            out.brokerConfigs(),
            out.brokers(),
            out.chatMessages(),
            out.appointments(),
            out.activity(),
            out.users(),
            out.notifier(),
            out.unitOfWork(),
            out.clock());
    conversations =
        new ConversationService(
            out.leads(),
            out.conversations(),
            out.chatMessages(),
            out.brokerConfigs(),
            out.activity(),
            out.appointments(),
            out.users(),
            out.notifier(),
            out.phones(),
            out.conversationAgent(),
            out.chatSenders(),
            out.rateLimiter(),
            out.brokerContexts(),
            out.liveEvents(),
            out.unitOfWork(),
            out.clock(),
            llmBudgets::route);
    StaffConversationService staffConversations =
        new StaffConversationService(
            out.leads(),
            out.conversations(),
            out.chatMessages(),
            out.brokers(),
            out.brokerConfigs(),
            out.activity(),
            out.chatSenders(),
            out.unitOfWork(),
            out.clock());
    ConversationInboxService conversationInbox =
        new ConversationInboxService(
            out.conversationInbox(),
            out.brokers(),
            out.brokerConfigs(),
            out.audit(),
            out.unitOfWork(),
            out.clock());
    LiveEventsService liveEvents =
        new LiveEventsService(
            out.liveEvents(), out.brokers(), out.brokerConfigs(), out.unitOfWork());
    LlmUsageService llmUsage =
        new LlmUsageService(
            out.llmUsage(),
            out.brokers(),
            config.llmPrices(),
            out.unitOfWork(),
            out.clock(),
            llmBudgets);
    ChatChannelService chatChannels =
        new ChatChannelService(
            out.brokers(),
            out.brokerConfigs(),
            out.conversations(),
            out.chatMessages(),
            out.unitOfWork(),
            out.clock());
    nightly =
        new NightlyMaintenanceService(
            out.leads(),
            out.brokers(),
            out.brokerConfigs(),
            out.users(),
            out.chatMessages(),
            out.appointments(),
            out.activity(),
            out.notifier(),
            out.notifications(),
            out.rescorings(),
            out.unitOfWork(),
            out.clock());
    PipelineService pipelineService =
        new PipelineService(
            out.brokers(),
            out.brokerConfigs(),
            out.leadSearch(),
            out.pipelineStats(),
            out.audit(),
            out.unitOfWork(),
            out.clock());
    AuditLogService auditLog =
        new AuditLogService(out.audit(), out.brokers(), out.users(), out.unitOfWork(), out.clock());
    NotificationService notificationService =
        new NotificationService(out.notifications(), out.unitOfWork(), out.clock());
    LeadTransferService leadTransfer =
        new LeadTransferService(
            out.leads(),
            out.leadSearch(),
            out.users(),
            out.brokers(),
            out.activity(),
            out.audit(),
            out.phones(),
            out.brokerConfigs(),
            out.chatMessages(),
            out.appointments(),
            out.notifier(),
            out.unitOfWork(),
            out.clock());

    Set<String> documented = new LinkedHashSet<>();
    RESOURCES.forEach(resource -> documented.add(resource.getName()));
    var openApi = new OpenApiDocumentResource.Settings(documented, Version.current());

    register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(readiness).to(CheckReadinessUseCase.class);
            bind(registration).to(RegisterBrokerUseCase.class);
            bind(authentication).to(LoginUseCase.class);
            bind(authentication).to(RefreshSessionUseCase.class);
            bind(authentication).to(AuthenticateUseCase.class);
            bind(authentication).to(GetCurrentUserUseCase.class);
            bind(userManagement).to(ManageUsersUseCase.class);
            bind(brokerService).to(GetBrokerUseCase.class);
            bind(brokerService).to(UpdateBrokerUseCase.class);
            bind(brokerService).to(ManageBrokersUseCase.class);
            bind(brokerConfigService).to(GetBrokerConfigUseCase.class);
            bind(brokerConfigService).to(UpdateBrokerConfigUseCase.class);
            bind(chatConnection).to(TestChatConnectionUseCase.class);
            bind(leadService).to(ManageLeadsUseCase.class);
            bind(leadTransfer).to(LeadTransferUseCase.class);
            bind(notificationService).to(NotificationsUseCase.class);
            bind(pipelineService).to(PipelineUseCase.class);
            bind(rescoring).to(RescoreLeadsUseCase.class);
            bind(conversations).to(ConversationUseCase.class);
            bind(chatChannels).to(ChatChannelsUseCase.class);
            bind(staffConversations).to(StaffConversationsUseCase.class);
            bind(conversationInbox).to(ListConversationsUseCase.class);
            bind(liveEvents).to(LiveEventsUseCase.class);
            bind(llmUsage).to(LlmUsageUseCase.class);
            bind(auditLog).to(ReadAuditLogUseCase.class);
            bind(openApi).to(OpenApiDocumentResource.Settings.class);
          }
        });
    RESOURCES.forEach(this::register);
    register(OpenApiDocumentResource.class);

    RestProviders.register(this, config.maxRequestBytes(), config.maxImportBytes());
    register(JacksonFeature.withoutExceptionMappers());
    property(CommonProperties.USE_VIRTUAL_THREADS, true);
    property(ServerProperties.WADL_FEATURE_DISABLE, true);
    property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
    property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    property(ServerProperties.PROCESSING_RESPONSE_ERRORS_ENABLED, true);
  }

  /** The background rescoring, for the job scheduler. */
  RescoreLeadsUseCase rescoring() {
    return rescoring;
  }

  /** The conversation pipeline, for the turn workers. */
  /** Decides which agent answers each broker, within its budget (ADR 0018). */
  LlmBudgets llmBudgets() {
    return llmBudgets;
  }

  ConversationUseCase conversations() {
    return conversations;
  }

  /** The nightly job, for the job scheduler. */
  NightlyMaintenanceUseCase nightly() {
    return nightly;
  }
}
