package io.inmo.application.service.audit;

import io.inmo.application.port.in.audit.ReadAuditLogUseCase;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.AuditLogRepository.AuditSearch;
import io.inmo.application.port.out.AuditLogRepository.Position;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.application.security.Actor;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.application.service.BrokerScopes;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.audit.AuditEntryId;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Use case implementation: the audit log as the dashboard reads it. Days are the broker's days; the
 * opaque cursor is the time and id of the last entry of the previous page. Users are named from the
 * broker's staff; a platform administrator only for a SUPERADMIN reader.
 */
public final class AuditLogService implements ReadAuditLogUseCase {
  private static final String CURSOR_VERSION = "a1";

  /** The shape of an action ({@code lead.update}), as {@link AuditEntry} requires it. */
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

  private static final int MAX_ACTION_LENGTH = 100;

  private final AuditLogRepository audit;
  private final BrokerRepository brokers;
  private final UserRepository users;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public AuditLogService(
      AuditLogRepository audit,
      BrokerRepository brokers,
      UserRepository users,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.users = Objects.requireNonNull(users, "users");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AuditPage read(Actor actor, AuditQuery query) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(query, "query");
    if (!actor.isSuperadmin() && !actor.isAdmin()) {
      throw new PermissionDeniedException("Solo un administrador ve el registro de auditoría.");
    }
    if (query.limit() < 1 || query.limit() > MAX_PAGE_SIZE) {
      throw new InvalidValueException(
          "audit.invalid_limit", "limit debe estar entre 1 y " + MAX_PAGE_SIZE + ".");
    }
    if (query.action() != null
        && (query.action().length() > MAX_ACTION_LENGTH
            || !ACTION.matcher(query.action()).matches())) {
      throw new InvalidValueException(
          "audit.invalid_action", "action debe ser una acción como lead.update o user.create.");
    }
    if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
      throw new InvalidValueException(
          "audit.invalid_period", "from no puede ser posterior a to (AAAA-MM-DD).");
    }
    Position after = decode(query.cursor());
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker =
              BrokerScopes.target(
                  actor,
                  query.brokerId(),
                  brokers,
                  "audit.broker_required",
                  "Indica la corredora (brokerId) cuyo registro de auditoría consultas.");
          ZoneId zone =
              brokers.findById(broker).map(Broker::timezone).orElse(Broker.DEFAULT_TIMEZONE);
          Instant from = query.from() == null ? null : query.from().atStartOfDay(zone).toInstant();
          Instant to =
              query.to() == null ? null : query.to().plusDays(1).atStartOfDay(zone).toInstant();
          List<AuditEntry> found =
              audit.search(
                  broker,
                  new AuditSearch(
                      query.action(), query.userId(), from, to, after, query.limit() + 1));
          boolean more = found.size() > query.limit();
          List<AuditEntry> page = more ? found.subList(0, query.limit()) : found;
          String next = more ? encode(page.get(page.size() - 1)) : null;
          Map<UserId, Optional<User>> who = people(actor, broker, page);
          List<AuditView> items =
              page.stream()
                  .map(
                      entry -> {
                        User user =
                            entry.userId() == null
                                ? null
                                : who.getOrDefault(entry.userId(), Optional.empty()).orElse(null);
                        return new AuditView(
                            entry,
                            user == null ? null : user.name(),
                            user == null ? null : user.email().value());
                      })
                  .toList();
          if (actor.isSuperadmin()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("count", page.size());
            audit.append(
                AuditEntry.record(
                    broker,
                    actor.userId(),
                    "audit.list",
                    "audit_log",
                    null,
                    null,
                    summary,
                    query.origin().ip(),
                    query.origin().requestId(),
                    clock.instant()));
          }
          return new AuditPage(items, next);
        });
  }

  /**
   * The users who acted in these entries: the broker's staff; the others (platform administrators)
   * only for a SUPERADMIN, and never a user of another broker.
   */
  private Map<UserId, Optional<User>> people(Actor actor, BrokerId broker, List<AuditEntry> page) {
    Map<UserId, Optional<User>> who = new HashMap<>();
    if (page.stream().allMatch(entry -> entry.userId() == null)) {
      return who;
    }
    users.findByBroker(broker).forEach(user -> who.put(user.id(), Optional.of(user)));
    if (actor.isSuperadmin()) {
      for (AuditEntry entry : page) {
        if (entry.userId() != null && !who.containsKey(entry.userId())) {
          who.put(
              entry.userId(),
              users.findById(entry.userId()).filter(user -> user.brokerId() == null));
        }
      }
    }
    return who;
  }

  static String encode(AuditEntry last) {
    String plain = CURSOR_VERSION + "|" + last.at() + "|" + last.id().value();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a cursor names; null for none (the first page). */
  static Position decode(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = plain.split("\\|", -1);
      if (parts.length != 3 || !CURSOR_VERSION.equals(parts[0])) {
        throw invalidCursor();
      }
      return new Position(Instant.parse(parts[1]), new AuditEntryId(UUID.fromString(parts[2])));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw invalidCursor();
    }
  }

  private static InvalidValueException invalidCursor() {
    return new InvalidValueException(
        "audit.cursor_invalid",
        "cursor no corresponde a este registro: usa el nextCursor de la página anterior.");
  }
}
