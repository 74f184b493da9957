package io.inmo.bootstrap;

import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.zaxxer.hikari.HikariDataSource;
import io.inmo.adapters.chat.telegram.TelegramConnectionChecker;
import io.inmo.adapters.chat.telegram.TelegramSender;
import io.inmo.adapters.chat.telegram.TelegramSenderConfig;
import io.inmo.adapters.chat.webchat.WebChatSender;
import io.inmo.adapters.chat.whatsapp.WhatsAppConnectionChecker;
import io.inmo.adapters.chat.whatsapp.WhatsAppSender;
import io.inmo.adapters.llm.offline.OfflineConversationAgent;
import io.inmo.adapters.llm.provider.LangChain4jConversationAgent;
import io.inmo.adapters.llm.provider.ProviderCallListener;
import io.inmo.adapters.llm.provider.ProviderKind;
import io.inmo.adapters.llm.provider.ProviderSettings;
import io.inmo.adapters.llm.router.BrokerAgentRouter;
import io.inmo.adapters.llm.router.ProviderRouter;
import io.inmo.adapters.llm.router.ProviderRouterHealth;
import io.inmo.adapters.persistence.AesGcmFieldCodec;
import io.inmo.adapters.persistence.DataSources;
import io.inmo.adapters.persistence.JpaEntities;
import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.LiquibaseMigrator;
import io.inmo.adapters.persistence.activity.JpaActivityLogRepository;
import io.inmo.adapters.persistence.appointment.JpaAppointmentRepository;
import io.inmo.adapters.persistence.audit.JpaAuditLogRepository;
import io.inmo.adapters.persistence.broker.JpaBrokerConfigRepository;
import io.inmo.adapters.persistence.broker.JpaBrokerRepository;
import io.inmo.adapters.persistence.cache.InProcessBrokerContextCache;
import io.inmo.adapters.persistence.cache.RedisBrokerContextCache;
import io.inmo.adapters.persistence.conversation.JpaChatMessageRepository;
import io.inmo.adapters.persistence.conversation.JpaConversationInboxRepository;
import io.inmo.adapters.persistence.conversation.JpaConversationRepository;
import io.inmo.adapters.persistence.health.JdbcDatabaseHealth;
import io.inmo.adapters.persistence.health.RedisHealth;
import io.inmo.adapters.persistence.jobs.JobScheduler;
import io.inmo.adapters.persistence.lead.JpaLeadRepository;
import io.inmo.adapters.persistence.lead.JpaLeadSearchRepository;
import io.inmo.adapters.persistence.live.PostgresLiveEvents;
import io.inmo.adapters.persistence.llm.JpaLlmCallLog;
import io.inmo.adapters.persistence.llm.JpaLlmUsageRepository;
import io.inmo.adapters.persistence.notification.JpaNotificationStore;
import io.inmo.adapters.persistence.pipeline.JpaPipelineStats;
import io.inmo.adapters.persistence.ratelimit.InProcessRateLimiter;
import io.inmo.adapters.persistence.ratelimit.RedisRateLimiter;
import io.inmo.adapters.persistence.rescoring.JpaRescoringRunRepository;
import io.inmo.adapters.persistence.session.JpaRefreshTokenRepository;
import io.inmo.adapters.persistence.user.JpaUserRepository;
import io.inmo.adapters.rest.auth.JwtAccessTokens;
import io.inmo.adapters.rest.auth.Password4jPasswordHashing;
import io.inmo.adapters.rest.lead.LibPhoneNumbers;
import io.inmo.application.port.in.identity.EnsurePlatformAdminUseCase.InitialCredentials;
import io.inmo.application.port.in.lead.RescoreLeadsUseCase;
import io.inmo.application.port.in.maintenance.NightlyMaintenanceUseCase;
import io.inmo.application.port.out.BrokerContextCachePort;
import io.inmo.application.port.out.ConversationAgentPort;
import io.inmo.application.port.out.DependencyHealthPort;
import io.inmo.application.port.out.LiveEventsPort;
import io.inmo.application.port.out.LlmCallLogPort;
import io.inmo.application.port.out.RateLimiterPort;
import io.inmo.application.service.identity.EnsurePlatformAdminService;
import io.inmo.application.service.llm.LlmBudgets;
import io.inmo.bootstrap.config.AppConfig;
import io.inmo.bootstrap.database.EmbeddedDatabase;
import io.inmo.bootstrap.security.KeyFiles;
import io.inmo.bootstrap.server.ClientAddressHandler;
import io.inmo.bootstrap.server.MetricsHandler;
import io.inmo.bootstrap.server.ProblemErrorHandler;
import io.inmo.bootstrap.server.StaticUiHandler;
import io.inmo.bootstrap.server.WebChatCorsHandler;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.Email;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Inmo node: database (external or embedded), migrations, optional Redis, the HTTP
 * server. Closing it shuts down in reverse order, letting requests in flight finish first.
 */
public final class Inmo implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Inmo.class);

  private final AppConfig config;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private Server server;
  private Optional<EmbeddedDatabase> embedded = Optional.empty();
  private boolean uiPackaged;
  private Optional<InitialCredentials> firstAdmin = Optional.empty();

  private Inmo(AppConfig config) {
    this.config = config;
  }

  /** Starts every part or, if one fails, closes what was started and rethrows. */
  public static Inmo start(AppConfig config) {
    Inmo inmo = new Inmo(config);
    try {
      inmo.boot();
      return inmo;
    } catch (RuntimeException e) {
      inmo.close();
      throw e;
    } catch (Exception e) {
      inmo.close();
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private void boot() throws Exception {
    String jdbcUrl;
    String user;
    String password;
    if (config.externalDatabase().isPresent()) {
      AppConfig.Database database = config.externalDatabase().get();
      jdbcUrl = database.jdbcUrl();
      user = database.user();
      password = database.password();
    } else {
      LOG.info(
          "INMO_DATABASE_URL is not set: starting the embedded PostgreSQL (data in {})",
          config.dataDir());
      EmbeddedDatabase database =
          EmbeddedDatabase.start(config.dataDir(), config.embeddedDatabasePort());
      resources.push(database);
      embedded = Optional.of(database);
      jdbcUrl = database.jdbcUrl();
      user = "postgres";
      password = "";
    }
    HikariDataSource dataSource =
        DataSources.hikari(jdbcUrl, user, password, config.databasePoolSize());
    resources.push(dataSource);
    new LiquibaseMigrator().migrate(dataSource);
    JpaPersistence jpa = JpaPersistence.start(dataSource, JpaEntities.all());
    resources.push(jpa);

    List<DependencyHealthPort> health = new ArrayList<>();
    health.add(new JdbcDatabaseHealth(dataSource));
    RateLimiterPort rateLimiter;
    BrokerContextCachePort brokerContexts;
    if (config.redisUrl().isPresent()) {
      RedisClient redis = RedisClient.create(config.redisUrl().get().toString());
      resources.push(redis::shutdown);
      StatefulRedisConnection<String, String> connection = redis.connect();
      resources.push(connection);
      health.add(new RedisHealth(connection));
      rateLimiter = new RedisRateLimiter(connection);
      brokerContexts = new RedisBrokerContextCache(connection);
    } else {
      rateLimiter = new InProcessRateLimiter();
      brokerContexts = new InProcessBrokerContextCache();
    }

    JpaUnitOfWork unitOfWork = jpa.unitOfWork();
    PostgresLiveEvents liveEvents = PostgresLiveEvents.start(dataSource);
    resources.push(liveEvents);
    // a config written on any node evicts the broker's cached context on every node (ADR 0017)
    resources.push(
        liveEvents.subscribe(
            null,
            event -> {
              if (event.kind() == LiveEventsPort.Kind.BROKER_CONFIG) {
                brokerContexts.evict(event.broker());
              }
            }));
    AesGcmFieldCodec fieldCodec = new AesGcmFieldCodec(encryptionKey());
    InmoMetrics metrics = new InmoMetrics();
    resources.push(metrics);
    // provider calls count against the broker's budget as they happen (set once the service exists)
    AtomicReference<LlmBudgets> spentBy = new AtomicReference<>();
    JpaNotificationStore notifications = new JpaNotificationStore(unitOfWork);
    Clock clock = Clock.systemUTC();
    SecondaryAdapters adapters =
        new SecondaryAdapters(
            health,
            unitOfWork,
            new JpaBrokerRepository(unitOfWork),
            new JpaBrokerConfigRepository(unitOfWork, fieldCodec),
            new JpaUserRepository(unitOfWork),
            new JpaRefreshTokenRepository(unitOfWork),
            new JpaAuditLogRepository(unitOfWork),
            new JpaLeadRepository(unitOfWork, fieldCodec),
            new JpaLeadSearchRepository(unitOfWork, fieldCodec),
            new JpaActivityLogRepository(unitOfWork),
            new JpaChatMessageRepository(unitOfWork),
            new JpaAppointmentRepository(unitOfWork),
            notifications,
            notifications,
            new JpaPipelineStats(unitOfWork),
            new JpaRescoringRunRepository(unitOfWork),
            new JpaConversationRepository(unitOfWork),
            new JpaConversationInboxRepository(unitOfWork),
            conversationAgent(
                config.llm(), health, new JpaLlmCallLog(unitOfWork), spentBy::get, metrics, clock),
            List.of(
                new WebChatSender(),
                new TelegramSender(
                    config.providerUrls().get("INMO_TELEGRAM_API_URL"),
                    TelegramSenderConfig.defaults()),
                new WhatsAppSender(
                    WhatsAppSender.Settings.defaults()
                        .withBaseUrl(config.providerUrls().get("INMO_WHATSAPP_API_URL")))),
            List.of(
                new TelegramConnectionChecker(
                    config.providerUrls().get("INMO_TELEGRAM_API_URL"),
                    config.publicUrl(),
                    config.channelTestTimeout()),
                new WhatsAppConnectionChecker(
                    config.providerUrls().get("INMO_WHATSAPP_API_URL"),
                    WhatsAppSender.Settings.DEFAULT_API_VERSION,
                    config.publicUrl(),
                    config.channelTestTimeout())),
            new LibPhoneNumbers(),
            new Password4jPasswordHashing(),
            new JwtAccessTokens(tokenSigningKey(), Duration.ofMinutes(config.accessTokenMinutes())),
            rateLimiter,
            brokerContexts,
            liveEvents,
            new JpaLlmUsageRepository(unitOfWork),
            clock);
    InmoApplication application = new InmoApplication(config, adapters);
    spentBy.set(application.llmBudgets());
    RescoreLeadsUseCase rescoring = application.rescoring();
    resources.push(
        JobScheduler.start(
            dataSource,
            List.of(
                new JobScheduler.Job(
                    "lead-rescoring",
                    FixedDelay.of(Duration.ofSeconds(2)),
                    () -> rescoreFor(rescoring, Duration.ofSeconds(30))),
                new JobScheduler.Job(
                    NIGHTLY_JOB,
                    Schedules.daily(config.nightlyZone(), config.nightlyAt()),
                    () -> runNightly(application.nightly()))),
            Duration.ofSeconds(1)));

    resources.push(TurnWorkers.start(application.conversations(), liveEvents, TURN_WORKERS));

    URI uri = URI.create("http://" + config.host() + ":" + config.port() + "/");
    server = JettyHttpContainerFactory.createServer(uri, application, false);
    StaticUiHandler routing = new StaticUiHandler(server.getHandler());
    uiPackaged = routing.hasUi();
    server.setHandler(
        new GracefulHandler(
            new ClientAddressHandler(
                new MetricsHandler(new WebChatCorsHandler(routing), metrics.registry()),
                config.trustProxy())));
    server.setErrorHandler(new ProblemErrorHandler());
    server.setStopTimeout(config.shutdownGraceSeconds() * 1000L);
    server.setStopAtShutdown(false);
    server.start();
    resources.push(server::stop);

    try {
      firstAdmin =
          new EnsurePlatformAdminService(
                  adapters.users(), adapters.passwords(), adapters.unitOfWork(), adapters.clock())
              .ensure(new Email(config.adminEmail()));
    } catch (DomainException raced) {
      // several nodes started on one empty database: another one created the administrator
      LOG.info("the first administrator was created by another node ({})", raced.code());
    }
  }

  /** Conversation turns this node answers at once (each waits on the agent, not on a core). */
  static final int TURN_WORKERS = 4;

  /** The nightly job's name in db-scheduler's {@code scheduled_tasks}. */
  public static final String NIGHTLY_JOB = "nightly-maintenance";

  private static void runNightly(NightlyMaintenanceUseCase nightly) {
    NightlyMaintenanceUseCase.Report report = nightly.run();
    for (NightlyMaintenanceUseCase.Failure failure : report.failures()) {
      LOG.error("nightly job: broker {} failed", failure.brokerId().value(), failure.error());
    }
    LOG.info(
        "nightly job: {} brokers ({} failed), {} leads examined, {} rescored, {} flagged stale,"
            + " {} digests, {} rescoring runs and {} read notifications deleted, in {} ms",
        report.brokers(),
        report.failures().size(),
        report.examined(),
        report.rescored(),
        report.flaggedStale(),
        report.digests(),
        report.rescoringRunsDeleted(),
        report.notificationsDeleted(),
        report.took().toMillis());
  }

  /** Works rescoring batches until there are none or {@code budget} is spent (then next round). */
  private static void rescoreFor(RescoreLeadsUseCase rescoring, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    while (System.nanoTime() < deadline && rescoring.processNextBatch()) {
      // one batch per unit of work
    }
  }

  /**
   * The key access tokens are signed with: {@code INMO_JWT_SECRET}, or one generated once and kept
   * in the data directory. Every node of a cluster must share it, hence the warning.
   */
  private byte[] tokenSigningKey() {
    if (config.tokenSecret().isPresent()) {
      return config.tokenSecret().get().reveal().getBytes(StandardCharsets.UTF_8);
    }
    if (config.externalDatabase().isPresent()) {
      LOG.warn(
          "INMO_JWT_SECRET is not set: using the key in {}; set INMO_JWT_SECRET when several nodes"
              + " serve one database",
          config.dataDir().resolve("jwt.key"));
    }
    return KeyFiles.loadOrCreate(config.dataDir().resolve("jwt.key"), 32);
  }

  /**
   * The AES-256 key credentials are encrypted with at rest: {@code INMO_ENCRYPTION_KEY} (Base64 of
   * 32 bytes), or one generated once and kept in the data directory. Every node of a cluster must
   * share it, hence the warning; losing it makes the stored credentials unreadable.
   */
  private byte[] encryptionKey() {
    if (config.encryptionKey().isPresent()) {
      return java.util.Base64.getDecoder().decode(config.encryptionKey().get().reveal());
    }
    if (config.externalDatabase().isPresent()) {
      LOG.warn(
          "INMO_ENCRYPTION_KEY is not set: using the key in {}; set INMO_ENCRYPTION_KEY when"
              + " several nodes serve one database, and keep a copy: without it the stored"
              + " credentials cannot be read",
          config.dataDir().resolve("encryption.key"));
    }
    return java.util.Arrays.copyOf(
        KeyFiles.loadOrCreate(config.dataDir().resolve("encryption.key"), 32), 32);
  }

  /** The port the HTTP server listens on (useful with {@code INMO_PORT=0}). */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** Credentials of the SUPERADMIN this start created (first start on an empty database only). */
  public Optional<InitialCredentials> firstAdmin() {
    return firstAdmin;
  }

  public Optional<EmbeddedDatabase> embeddedDatabase() {
    return embedded;
  }

  public boolean uiPackaged() {
    return uiPackaged;
  }

  public AppConfig config() {
    return config;
  }

  @Override
  public void close() {
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("error while shutting down: {}", e.toString());
      }
    }
  }

  /**
   * The agent of every turn (ADR 0018): the route the application chose — the server's chain (the
   * configured providers in front of the offline agent, or the offline agent alone), a broker's own
   * chain, or the offline agent. The server chain's circuit breakers show in readiness as {@code
   * llm}.
   */
  private static ConversationAgentPort conversationAgent(
      AppConfig.Llm llm,
      List<DependencyHealthPort> health,
      LlmCallLogPort callLog,
      Supplier<LlmBudgets> budgets,
      InmoMetrics metrics,
      Clock clock) {
    OfflineConversationAgent offline = new OfflineConversationAgent();
    ProviderCallListener listener =
        call -> {
          record(callLog, call, clock);
          metrics.llmCall(call);
          LlmBudgets budget = budgets.get();
          if (budget != null && call.broker() != null && call.tokensIn() != null) {
            budget.recorded(
                call.broker(),
                call.provider(),
                call.model(),
                call.tokensIn(),
                call.tokensOut() == null ? 0 : call.tokensOut());
          }
        };
    ConversationAgentPort serverChain = offline;
    if (!llm.offline()) {
      List<ProviderRouter.Link> links = new ArrayList<>();
      List<AppConfig.LlmTarget> targets = new ArrayList<>();
      targets.add(llm.primary());
      targets.addAll(llm.fallbacks());
      for (AppConfig.LlmTarget target : targets) {
        ProviderSettings settings =
            new ProviderSettings(
                ProviderKind.fromApiValue(target.provider()),
                target.model(),
                target.apiKey().orElse(null),
                target.baseUrl(),
                llm.timeout(),
                0,
                null);
        links.add(
            new ProviderRouter.Link(
                target.toString(), new LangChain4jConversationAgent(settings, listener)));
      }
      ProviderRouter router = new ProviderRouter(links, offline);
      health.add(new ProviderRouterHealth(router));
      LOG.info("conversation agent: {} then the offline agent", targets);
      metrics.serverChain(router);
      serverChain = router;
    }
    BrokerAgentRouter router =
        new BrokerAgentRouter(serverChain, offline, llm.baseUrls(), llm.timeout(), listener);
    metrics.brokerChains(router);
    return router;
  }

  /** Every provider call goes to the call records (ADR 0018). */
  private static void record(
      LlmCallLogPort log, ProviderCallListener.ProviderCall call, Clock clock) {
    if (call.broker() == null) {
      return;
    }
    log.record(
        new LlmCallLogPort.LlmCall(
            call.broker(),
            call.lead(),
            call.provider(),
            call.model(),
            call.purpose(),
            call.attempt(),
            call.tokensIn(),
            call.tokensOut(),
            call.latency(),
            call.outcome(),
            clock.instant()));
  }
}
