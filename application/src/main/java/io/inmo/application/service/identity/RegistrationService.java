package io.inmo.application.service.identity;

import io.inmo.application.port.in.identity.AuthSession;
import io.inmo.application.port.in.identity.RegisterBrokerUseCase;
import io.inmo.application.port.out.AccessTokenPort;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.PasswordHashingPort;
import io.inmo.application.port.out.RateLimiterPort;
import io.inmo.application.port.out.RefreshTokenRepository;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.application.security.Origin;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.BrokerVoiceConfig;
import io.inmo.domain.broker.Slug;
import io.inmo.domain.user.PasswordPolicy;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserEmailTakenException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Use case implementation: a brokerage signs up. One unit of work creates the broker, its four
 * configs and its first ADMIN, or nothing at all.
 */
public final class RegistrationService implements RegisterBrokerUseCase {
  private final BrokerRepository brokers;
  private final BrokerConfigRepository configs;
  private final UserRepository users;
  private final PasswordHashingPort passwords;
  private final RateLimiterPort rateLimiter;
  private final AuditLogRepository audit;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final AuthSettings settings;
  private final Sessions sessions;

  public RegistrationService(
      BrokerRepository brokers,
      BrokerConfigRepository configs,
      UserRepository users,
      PasswordHashingPort passwords,
      AccessTokenPort accessTokens,
      RefreshTokenRepository refreshTokens,
      RateLimiterPort rateLimiter,
      AuditLogRepository audit,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      AuthSettings settings) {
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.users = Objects.requireNonNull(users, "users");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sessions =
        new Sessions(accessTokens, refreshTokens, brokers, clock, settings.refreshTokenLifetime());
  }

  @Override
  public AuthSession register(Registration registration) {
    Origin origin = registration.origin();
    if (origin.ip() != null) {
      Throttle.acquire(
          rateLimiter,
          settings.registrationPerIp(),
          origin.ip(),
          "auth.too_many_registrations",
          "Demasiados registros desde esta dirección. Intenta más tarde.");
    }
    PasswordPolicy.check(registration.password(), registration.email());
    if (unitOfWork.inTransaction(() -> users.findByEmail(registration.email()).isPresent())) {
      throw new UserEmailTakenException(registration.email());
    }
    String hash = passwords.hash(registration.password()); // slow on purpose: outside the tx
    return unitOfWork.inTransaction(
        () -> {
          Instant now = clock.instant();
          if (users.findByEmail(registration.email()).isPresent()) {
            throw new UserEmailTakenException(registration.email());
          }
          Broker broker = Broker.register(registration.brokerName(), freeSlug(registration), now);
          brokers.save(broker);
          configs.save(BrokerPromptConfig.defaults(broker.id(), now));
          configs.save(BrokerLeadConfig.defaults(broker.id(), now));
          configs.save(BrokerChatConfig.defaults(broker.id(), now));
          configs.save(BrokerVoiceConfig.defaults(broker.id(), now));
          User admin =
              User.create(
                  registration.email(), hash, registration.name(), Role.ADMIN, broker.id(), now);
          users.save(admin);
          audit.append(
              AuditEntry.record(
                  broker.id(),
                  admin.id(),
                  "auth.register",
                  "broker",
                  broker.id().value().toString(),
                  null,
                  Map.of(
                      "brokerName", broker.name(),
                      "slug", broker.slug().value(),
                      "adminEmail", admin.email().value()),
                  origin.ip(),
                  origin.requestId(),
                  now));
          return sessions.open(admin, origin);
        });
  }

  /** The slug of the name, or the first free {@code <slug>-2}, {@code <slug>-3}, … */
  private Slug freeSlug(Registration registration) {
    Slug base = Slug.fromName(registration.brokerName());
    Slug candidate = base;
    for (int n = 2; brokers.existsBySlug(candidate); n++) {
      String suffix = "-" + n;
      String stem = base.value();
      if (stem.length() + suffix.length() > Slug.MAX_LENGTH) {
        stem = stem.substring(0, Slug.MAX_LENGTH - suffix.length()).replaceAll("-+$", "");
      }
      candidate = new Slug(stem + suffix);
    }
    return candidate;
  }
}
