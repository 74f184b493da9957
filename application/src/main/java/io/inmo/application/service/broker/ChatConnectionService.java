package io.inmo.application.service.broker;

import io.inmo.application.port.in.broker.TestChatConnectionUseCase;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.ChatConnectionCheckPort;
import io.inmo.application.port.out.ChatConnectionCheckPort.ConnectionCheck;
import io.inmo.application.port.out.ChatConnectionCheckPort.Webhook;
import io.inmo.application.port.out.ConversationRepository;
import io.inmo.application.port.out.RateLimiterPort;
import io.inmo.application.port.out.RateLimiterPort.Decision;
import io.inmo.application.port.out.RateLimiterPort.RateLimit;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.application.security.TooManyRequestsException;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.InvalidValueException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Use case implementation: tests a broker's Telegram or WhatsApp connection with its stored
 * credentials and judges the provider's answer into one problem to fix (or none), most fundamental
 * first: credentials refused or provider unreachable, Inmo's public address unusable for webhooks,
 * webhook not pointed at Inmo, a secret Inmo needs to accept the webhook missing, deliveries
 * failing, the channel switched off. The provider is called outside any transaction.
 */
public final class ChatConnectionService implements TestChatConnectionUseCase {
  /** Checks of one broker per minute: each costs calls to the provider with its credentials. */
  static final RateLimit LIMIT = new RateLimit("chat.connection_test", 10, Duration.ofMinutes(1));

  /** The ports Telegram accepts webhooks on (Bot API {@code setWebhook}). */
  private static final Set<Integer> TELEGRAM_PORTS = Set.of(443, 80, 88, 8443);

  private final BrokerRepository brokers;
  private final BrokerConfigRepository configs;
  private final ConversationRepository conversations;
  private final Map<ChatProvider, ChatConnectionCheckPort> checkers;
  private final RateLimiterPort rateLimiter;
  private final AuditLogRepository audit;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public ChatConnectionService(
      BrokerRepository brokers,
      BrokerConfigRepository configs,
      ConversationRepository conversations,
      List<ChatConnectionCheckPort> checkers,
      RateLimiterPort rateLimiter,
      AuditLogRepository audit,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.checkers = new EnumMap<>(ChatProvider.class);
    for (ChatConnectionCheckPort checker : checkers) {
      if (this.checkers.put(checker.provider(), checker) != null) {
        throw new IllegalArgumentException("two connection checkers for " + checker.provider());
      }
    }
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ChatConnectionReport test(
      Actor actor, BrokerId target, ChatProvider provider, Origin origin) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(provider, "provider");
    BrokerId id = BrokerAccess.resolve(actor, target);
    requireAdmin(actor);
    ChatConnectionCheckPort checker = checkers.get(provider);
    if (checker == null) {
      throw new InvalidValueException(
          "chat.provider_not_testable",
          "Solo se prueban telegram y whatsapp: el chat web no depende de un proveedor externo.");
    }
    Stored stored =
        unitOfWork.inTransaction(
            () -> {
              Broker broker = BrokerAccess.load(brokers, id);
              BrokerChatConfig config =
                  configs.findChatConfig(id).orElseThrow(BrokerAccess::notFound);
              return new Stored(
                  broker,
                  config,
                  conversations.latestInboundAt(id, provider).orElse(null),
                  checker.webhookUrl(broker.slug()));
            });
    Decision decision = rateLimiter.tryAcquire(LIMIT, id.value().toString());
    if (!decision.allowed()) {
      throw new TooManyRequestsException(
          "chat.connection_test_throttled",
          "Demasiadas pruebas de conexión seguidas: espera un momento y vuelve a intentarlo.",
          decision.retryAfter());
    }
    ConnectionCheck check = checker.check(stored.config().credentials(), stored.webhookUrl());
    boolean enabled = stored.config().isEnabled(provider.apiValue());
    Problem problem = judge(provider, stored, check, enabled);
    ChatConnectionReport report =
        new ChatConnectionReport(
            provider,
            problem == null,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            enabled,
            stored.webhookUrl(),
            check.account(),
            check.webhook(),
            stored.lastMessageReceivedAt(),
            problem);
    Origin o = origin == null ? Origin.SYSTEM : origin;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("provider", provider.apiValue());
    summary.put("ok", report.ok());
    if (problem != null) {
      summary.put("problem", problem.code());
    }
    unitOfWork.inTransaction(
        () ->
            audit.append(
                AuditEntry.record(
                    id,
                    actor.userId(),
                    "broker_config.chat_test",
                    "broker_chat_config",
                    stored.config().id().toString(),
                    null,
                    summary,
                    o.ip(),
                    o.requestId(),
                    clock.instant())));
    return report;
  }

  @Override
  public Map<ChatProvider, URI> webhooks(Actor actor, BrokerId target) {
    Objects.requireNonNull(actor, "actor");
    BrokerId id = BrokerAccess.resolve(actor, target);
    requireAdmin(actor);
    Broker broker = unitOfWork.inTransaction(() -> BrokerAccess.load(brokers, id));
    Map<ChatProvider, URI> urls = new EnumMap<>(ChatProvider.class);
    checkers.forEach((provider, checker) -> urls.put(provider, checker.webhookUrl(broker.slug())));
    return urls;
  }

  /** The most fundamental problem, or null when everything the provider told is in order. */
  static Problem judge(
      ChatProvider provider, Stored stored, ConnectionCheck check, boolean enabled) {
    if (check.failure() != null) {
      return new Problem(check.failure().code(), check.failure().message());
    }
    String name = provider == ChatProvider.TELEGRAM ? "Telegram" : "WhatsApp";
    URI url = stored.webhookUrl();
    String unusable = unusableWebhookAddress(provider, url);
    if (unusable != null) {
      return new Problem(
          "chat.public_url_unusable",
          "La dirección pública de Inmo ("
              + origin(url)
              + ") no sirve para recibir los mensajes de "
              + name
              + ": "
              + unusable
              + ". Quien administra la instalación debe configurar INMO_PUBLIC_URL.");
    }
    Webhook webhook = check.webhook();
    if (provider == ChatProvider.TELEGRAM && webhook != null) {
      if (webhook.url().isEmpty()) {
        return new Problem(
            "telegram.webhook_not_set",
            "El bot no tiene webhook: regístralo en Telegram (setWebhook) con la dirección "
                + url
                + " y tu webhookSecret como secret_token, o Inmo no recibirá sus mensajes.");
      }
      if (!webhook.matches()) {
        return new Problem(
            "telegram.webhook_mismatch",
            "El webhook del bot apunta a "
                + webhook.url()
                + " y no a Inmo: vuelve a registrarlo (setWebhook) con la dirección "
                + url
                + " y tu webhookSecret como secret_token.");
      }
    }
    Map<String, ?> credentials = stored.config().credentials();
    if (provider == ChatProvider.TELEGRAM && !credentials.containsKey("telegram.webhook_secret")) {
      return new Problem(
          "telegram.webhook_secret_missing",
          "Falta el webhookSecret: Inmo rechaza cada mensaje de Telegram que no trae ese secreto."
              + " Guárdalo en la configuración de chat y úsalo como secret_token en setWebhook.");
    }
    if (provider == ChatProvider.WHATSAPP && !credentials.containsKey("whatsapp.app_secret")) {
      return new Problem(
          "whatsapp.app_secret_missing",
          "Falta el appSecret de tu app de Meta: sin él Inmo no puede verificar la firma de los"
              + " mensajes de WhatsApp y los rechaza.");
    }
    if (provider == ChatProvider.WHATSAPP && !credentials.containsKey("whatsapp.verify_token")) {
      return new Problem(
          "whatsapp.verify_token_missing",
          "Falta el verifyToken: Meta lo pide al registrar la dirección "
              + url
              + " del webhook, y Inmo responde a esa verificación solo si lo tiene guardado.");
    }
    if (webhook != null
        && webhook.lastErrorAt() != null
        && webhook.pendingUpdateCount() != null
        && webhook.pendingUpdateCount() > 0) {
      return new Problem(
          provider.apiValue() + ".webhook_failing",
          name
              + " no logra entregar los mensajes a Inmo ("
              + webhook.pendingUpdateCount()
              + " en espera; último error "
              + webhook.lastErrorAt()
              + (webhook.lastErrorMessage() == null ? "" : ": " + webhook.lastErrorMessage())
              + "). Revisa que la dirección sea accesible desde internet y el secret_token.");
    }
    if (!enabled) {
      return new Problem(
          "chat.provider_disabled",
          "Las credenciales de "
              + name
              + " funcionan, pero el canal no está activado: actívalo en la configuración de chat"
              + " para que Inmo acepte y responda sus mensajes.");
    }
    return null;
  }

  /**
   * Why the provider cannot deliver to {@code url}, or null: both want HTTPS on a host reachable
   * from the internet; Telegram only calls ports 443, 80, 88 and 8443.
   */
  static String unusableWebhookAddress(ChatProvider provider, URI url) {
    if (!"https".equalsIgnoreCase(url.getScheme())) {
      return "debe usar https";
    }
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("localhost")
        || host.endsWith(".localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("0.0.0.0")) {
      return "apunta a este mismo equipo, que no es accesible desde internet";
    }
    int port = url.getPort() == -1 ? 443 : url.getPort();
    if (provider == ChatProvider.TELEGRAM && !TELEGRAM_PORTS.contains(port)) {
      return "Telegram solo entrega en los puertos 443, 80, 88 y 8443 (no en el " + port + ")";
    }
    return null;
  }

  private static String origin(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority();
  }

  private static void requireAdmin(Actor actor) {
    if (!actor.isSuperadmin() && !actor.isAdmin()) {
      throw new PermissionDeniedException(
          "Solo un administrador de la corredora puede probar y ver la conexión de los canales.");
    }
  }

  /** What the check needs from storage. */
  record Stored(
      Broker broker, BrokerChatConfig config, Instant lastMessageReceivedAt, URI webhookUrl) {}
}
