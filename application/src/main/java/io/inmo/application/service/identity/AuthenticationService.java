package io.inmo.application.service.identity;

import io.inmo.application.port.in.identity.AuthSession;
import io.inmo.application.port.in.identity.AuthenticateUseCase;
import io.inmo.application.port.in.identity.CurrentUser;
import io.inmo.application.port.in.identity.GetCurrentUserUseCase;
import io.inmo.application.port.in.identity.LoginUseCase;
import io.inmo.application.port.in.identity.RefreshSessionUseCase;
import io.inmo.application.port.out.AccessTokenPort;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.PasswordHashingPort;
import io.inmo.application.port.out.RateLimiterPort;
import io.inmo.application.port.out.RateLimiterPort.RateLimit;
import io.inmo.application.port.out.RefreshTokenRepository;
import io.inmo.application.port.out.RefreshTokenRepository.StoredRefreshToken;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.application.security.UnauthenticatedException;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.User;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Use case implementation: sign-in, token refresh with rotation and reuse detection, sign-out,
 * bearer-token authentication and "who am I". Every outcome of a sign-in attempt is audited.
 */
public final class AuthenticationService
    implements LoginUseCase, RefreshSessionUseCase, AuthenticateUseCase, GetCurrentUserUseCase {
  private static final String BAD_CREDENTIALS = "Correo o contraseña incorrectos.";

  private final UserRepository users;
  private final BrokerRepository brokers;
  private final PasswordHashingPort passwords;
  private final AccessTokenPort accessTokens;
  private final RefreshTokenRepository refreshTokens;
  private final RateLimiterPort rateLimiter;
  private final AuditLogRepository audit;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final AuthSettings settings;
  private final Sessions sessions;
  private volatile String decoyHash;

  public AuthenticationService(
      UserRepository users,
      BrokerRepository brokers,
      PasswordHashingPort passwords,
      AccessTokenPort accessTokens,
      RefreshTokenRepository refreshTokens,
      RateLimiterPort rateLimiter,
      AuditLogRepository audit,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      AuthSettings settings) {
    this.users = Objects.requireNonNull(users, "users");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sessions =
        new Sessions(accessTokens, refreshTokens, brokers, clock, settings.refreshTokenLifetime());
  }

  @Override
  public AuthSession login(Credentials credentials) {
    String account = credentials.email().strip().toLowerCase(Locale.ROOT);
    Origin origin = credentials.origin();
    if (origin.ip() != null) {
      throttle(settings.loginPerIp(), origin.ip());
    }
    throttle(settings.loginPerAccount(), account);

    Optional<User> found =
        parseEmail(account)
            .flatMap(email -> unitOfWork.inTransaction(() -> users.findByEmail(email)));
    // Hash something even for an unknown account, so that timing does not reveal which exist.
    String hash = found.map(User::passwordHash).orElseGet(this::decoyHash);
    boolean matches = passwords.matches(credentials.password(), hash);
    if (found.isEmpty() || !matches) {
      recordFailure(found.orElse(null), account, "bad_credentials", origin);
      throw new UnauthenticatedException("auth.invalid_credentials", BAD_CREDENTIALS);
    }
    User user = found.get();
    if (!user.isActive() || !brokerActive(user)) {
      String reason = user.isActive() ? "broker_inactive" : "user_inactive";
      recordFailure(user, account, reason, origin);
      throw new UnauthenticatedException(
          "auth.account_disabled",
          "La cuenta está desactivada. Pide a un administrador de tu corredora que la reactive.");
    }
    return unitOfWork.inTransaction(
        () -> {
          User current = users.findById(user.id()).orElseThrow();
          current.recordLogin(clock.instant());
          users.save(current);
          audit.append(entry(current, "auth.login", Map.of("email", account), origin));
          return sessions.open(current, origin);
        });
  }

  @Override
  public AuthSession refresh(String refreshToken, Origin origin) {
    Origin from = origin == null ? Origin.SYSTEM : origin;
    if (refreshToken == null || refreshToken.isBlank()) {
      throw invalidRefreshToken();
    }
    String hash = Sessions.hash(refreshToken.strip());
    // Revocations must commit even though the caller gets a 401: decide inside, throw outside.
    RefreshOutcome outcome =
        unitOfWork.inTransaction(
            () -> {
              Optional<StoredRefreshToken> stored = refreshTokens.findByHashForUpdate(hash);
              if (stored.isEmpty()) {
                return RefreshOutcome.INVALID;
              }
              StoredRefreshToken token = stored.get();
              Optional<User> user = users.findById(token.userId());
              if (token.isRevoked()) {
                if (token.replacedBy() != null) {
                  refreshTokens.revokeFamily(token.familyId(), clock.instant());
                  user.ifPresent(
                      u ->
                          audit.append(
                              entry(
                                  u,
                                  "auth.refresh_reused",
                                  Map.of("family", token.familyId().toString()),
                                  from)));
                  return RefreshOutcome.REUSED;
                }
                return RefreshOutcome.INVALID;
              }
              if (token.isExpiredAt(clock.instant())) {
                return RefreshOutcome.INVALID;
              }
              if (user.isEmpty() || !user.get().isActive() || !brokerActive(user.get())) {
                refreshTokens.revokeFamily(token.familyId(), clock.instant());
                return RefreshOutcome.DISABLED;
              }
              return new RefreshOutcome(sessions.rotate(user.get(), token, from));
            });
    return switch (outcome.kind()) {
      case OK -> outcome.session();
      case DISABLED ->
          throw new UnauthenticatedException(
              "auth.account_disabled", "La cuenta está desactivada; vuelve a iniciar sesión.");
      case REUSED ->
          throw new UnauthenticatedException(
              "auth.refresh_token_reused",
              "Esta sesión se usó desde otro lugar y fue cerrada por seguridad. Inicia sesión de"
                  + " nuevo.");
      case INVALID -> throw invalidRefreshToken();
    };
  }

  @Override
  public void logout(String refreshToken, Origin origin) {
    if (refreshToken == null || refreshToken.isBlank()) {
      return;
    }
    String hash = Sessions.hash(refreshToken.strip());
    unitOfWork.inTransaction(
        () ->
            refreshTokens
                .findByHashForUpdate(hash)
                .ifPresent(
                    token -> {
                      refreshTokens.revokeFamily(token.familyId(), clock.instant());
                      users
                          .findById(token.userId())
                          .ifPresent(
                              user ->
                                  audit.append(
                                      entry(
                                          user,
                                          "auth.logout",
                                          null,
                                          origin == null ? Origin.SYSTEM : origin)));
                    }));
  }

  @Override
  public Actor authenticate(String accessToken) {
    if (accessToken == null || accessToken.isBlank()) {
      throw new UnauthenticatedException(
          "auth.missing_token", "Falta el token de acceso (Authorization: Bearer …).");
    }
    return accessTokens
        .verify(accessToken.strip(), clock.instant())
        .orElseThrow(
            () ->
                new UnauthenticatedException(
                    "auth.invalid_token", "El token de acceso no es válido o expiró."));
  }

  @Override
  public CurrentUser me(Actor actor) {
    Objects.requireNonNull(actor, "actor");
    return unitOfWork.inTransaction(
        () -> {
          User user =
              users
                  .findById(actor.userId())
                  .filter(User::isActive)
                  .orElseThrow(
                      () ->
                          new UnauthenticatedException(
                              "auth.account_disabled", "La cuenta ya no está activa."));
          return sessions.describe(user);
        });
  }

  private void throttle(RateLimit limit, String key) {
    Throttle.acquire(
        rateLimiter,
        limit,
        key,
        "auth.too_many_attempts",
        "Demasiados intentos de inicio de sesión. Espera un momento antes de volver a intentar.");
  }

  private boolean brokerActive(User user) {
    return user.brokerId() == null
        || unitOfWork.inTransaction(
            () -> brokers.findById(user.brokerId()).map(Broker::isActive).orElse(false));
  }

  private void recordFailure(User user, String account, String reason, Origin origin) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("email", account.length() > 254 ? account.substring(0, 254) : account);
    details.put("reason", reason);
    unitOfWork.inTransaction(
        () ->
            audit.append(
                AuditEntry.record(
                    user == null ? null : user.brokerId(),
                    user == null ? null : user.id(),
                    "auth.login_failed",
                    "session",
                    user == null ? null : user.id().value().toString(),
                    null,
                    details,
                    origin.ip(),
                    origin.requestId(),
                    clock.instant())));
  }

  private AuditEntry entry(User user, String action, Map<String, ?> after, Origin origin) {
    return AuditEntry.record(
        user.brokerId(),
        user.id(),
        action,
        "session",
        user.id().value().toString(),
        null,
        after,
        origin.ip(),
        origin.requestId(),
        clock.instant());
  }

  private String decoyHash() {
    String hash = decoyHash;
    if (hash == null) {
      hash = passwords.hash(UUID.randomUUID().toString());
      decoyHash = hash;
    }
    return hash;
  }

  private static Optional<Email> parseEmail(String value) {
    try {
      return Optional.of(new Email(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static UnauthenticatedException invalidRefreshToken() {
    return new UnauthenticatedException(
        "auth.invalid_refresh_token", "La sesión expiró o no es válida; inicia sesión de nuevo.");
  }

  private record RefreshOutcome(Kind kind, AuthSession session) {
    static final RefreshOutcome INVALID = new RefreshOutcome(Kind.INVALID, null);
    static final RefreshOutcome REUSED = new RefreshOutcome(Kind.REUSED, null);
    static final RefreshOutcome DISABLED = new RefreshOutcome(Kind.DISABLED, null);

    RefreshOutcome(AuthSession session) {
      this(Kind.OK, session);
    }

    enum Kind {
      OK,
      INVALID,
      REUSED,
      DISABLED
    }
  }
}
