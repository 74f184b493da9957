package io.inmo.application.service.broker;

import static io.inmo.application.service.broker.Validation.valid;

import io.inmo.application.port.in.broker.BrokerCommands.BrokerChanges;
import io.inmo.application.port.in.broker.BrokerCommands.HoursRange;
import io.inmo.application.port.in.broker.BrokerCommands.NewBroker;
import io.inmo.application.port.in.broker.GetBrokerUseCase;
import io.inmo.application.port.in.broker.ManageBrokersUseCase;
import io.inmo.application.port.in.broker.UpdateBrokerUseCase;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.BrokerSlugTakenException;
import io.inmo.domain.broker.BrokerVoiceConfig;
import io.inmo.domain.broker.BusinessHours;
import io.inmo.domain.broker.Slug;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.PhoneNumber;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Use case implementation: read and change brokerages, and the platform's broker administration.
 */
public final class BrokerService
    implements GetBrokerUseCase, UpdateBrokerUseCase, ManageBrokersUseCase {
  static final int MAX_PAGE = 200;

  private final BrokerRepository brokers;
  private final BrokerConfigRepository configs;
  private final AuditLogRepository audit;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public BrokerService(
      BrokerRepository brokers,
      BrokerConfigRepository configs,
      AuditLogRepository audit,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Broker get(Actor actor, BrokerId target) {
    BrokerId id = BrokerAccess.resolve(actor, target);
    return unitOfWork.inTransaction(() -> BrokerAccess.load(brokers, id));
  }

  @Override
  public Broker update(Actor actor, BrokerId target, BrokerChanges changes, Origin origin) {
    Objects.requireNonNull(changes, "changes");
    BrokerId id = BrokerAccess.resolve(actor, target);
    BrokerAccess.requireManager(actor);
    // validate before touching storage, so that a bad value never half-applies
    String name = changes.name() == null ? null : validName(changes.name());
    PhoneNumber phone = changes.phoneGiven() ? phone(changes.phone()) : null;
    Email email = changes.emailGiven() ? email(changes.email()) : null;
    ZoneId zone = changes.timezone() == null ? null : Validation.zone(changes.timezone());
    BusinessHours hours =
        changes.businessHours() == null ? null : businessHours(changes.businessHours());
    return unitOfWork.inTransaction(
        () -> {
          Instant now = clock.instant();
          Broker broker = BrokerAccess.load(brokers, id);
          Map<String, Object> before = summary(broker);
          if (name != null) {
            broker.rename(name, now);
          }
          if (changes.phoneGiven() || changes.emailGiven()) {
            broker.changeContact(
                changes.phoneGiven() ? phone : broker.phone(),
                changes.emailGiven() ? email : broker.email(),
                now);
          }
          if (zone != null) {
            broker.changeTimezone(zone, now);
          }
          if (hours != null) {
            broker.changeBusinessHours(hours, now);
          }
          brokers.save(broker);
          record(actor, broker.id(), "broker.update", before, summary(broker), origin, now);
          return broker;
        });
  }

  @Override
  public BrokerPage list(Actor actor, int offset, int limit) {
    BrokerAccess.requireSuperadmin(actor);
    if (offset < 0) {
      throw new InvalidValueException("request.invalid_offset", "offset no puede ser negativo");
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidValueException(
          "request.invalid_limit", "limit debe estar entre 1 y " + MAX_PAGE);
    }
    return unitOfWork.inTransaction(
        () -> new BrokerPage(brokers.findPage(offset, limit), brokers.count(), offset, limit));
  }

  @Override
  public Broker create(Actor actor, NewBroker command, Origin origin) {
    BrokerAccess.requireSuperadmin(actor);
    String name = validName(command.name());
    Slug requested =
        command.slug() == null || command.slug().isBlank()
            ? null
            : valid("broker.invalid_slug", () -> new Slug(command.slug().strip()));
    Slug base =
        requested != null ? requested : valid("broker.invalid_name", () -> Slug.fromName(name));
    ZoneId zone = command.timezone() == null ? null : Validation.zone(command.timezone());
    PhoneNumber phone = phone(command.phone());
    Email email = email(command.email());
    return unitOfWork.inTransaction(
        () -> {
          Instant now = clock.instant();
          Slug slug;
          if (requested != null) {
            if (brokers.existsBySlug(requested)) {
              throw new BrokerSlugTakenException(requested);
            }
            slug = requested;
          } else {
            slug = Slugs.free(base, brokers);
          }
          Broker broker = Broker.register(name, slug, now);
          if (zone != null) {
            broker.changeTimezone(zone, now);
          }
          if (phone != null || email != null) {
            broker.changeContact(phone, email, now);
          }
          brokers.save(broker);
          configs.save(BrokerPromptConfig.defaults(broker.id(), now));
          configs.save(BrokerLeadConfig.defaults(broker.id(), now));
          configs.save(BrokerChatConfig.defaults(broker.id(), now));
          configs.save(BrokerVoiceConfig.defaults(broker.id(), now));
          record(actor, broker.id(), "broker.create", null, summary(broker), origin, now);
          return broker;
        });
  }

  @Override
  public Broker deactivate(Actor actor, BrokerId id, Origin origin) {
    return switchActive(actor, id, false, origin);
  }

  @Override
  public Broker activate(Actor actor, BrokerId id, Origin origin) {
    return switchActive(actor, id, true, origin);
  }

  private Broker switchActive(Actor actor, BrokerId id, boolean active, Origin origin) {
    BrokerAccess.requireSuperadmin(actor);
    Objects.requireNonNull(id, "id");
    return unitOfWork.inTransaction(
        () -> {
          Instant now = clock.instant();
          Broker broker = BrokerAccess.load(brokers, id);
          boolean was = broker.isActive();
          if (was == active) {
            return broker; // nothing changes, nothing to audit
          }
          if (active) {
            broker.activate(now);
          } else {
            broker.deactivate(now);
          }
          brokers.save(broker);
          record(
              actor,
              broker.id(),
              active ? "broker.activate" : "broker.deactivate",
              Map.of("active", was),
              Map.of("active", active),
              origin,
              now);
          return broker;
        });
  }

  private void record(
      Actor actor,
      BrokerId brokerId,
      String action,
      Map<String, ?> before,
      Map<String, ?> after,
      Origin origin,
      Instant now) {
    Origin o = origin == null ? Origin.SYSTEM : origin;
    audit.append(
        AuditEntry.record(
            brokerId,
            actor.userId(),
            action,
            "broker",
            brokerId.value().toString(),
            before,
            after,
            o.ip(),
            o.requestId(),
            now));
  }

  static Map<String, Object> summary(Broker broker) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", broker.name());
    s.put("slug", broker.slug().value());
    s.put("phone", broker.phone() == null ? null : broker.phone().value());
    s.put("email", broker.email() == null ? null : broker.email().value());
    s.put("timezone", broker.timezone().getId());
    s.put("businessHours", hoursSummary(broker.businessHours()));
    s.put("active", broker.isActive());
    return s;
  }

  private static Map<String, Object> hoursSummary(BusinessHours hours) {
    Map<String, Object> days = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      List<String> ranges = new ArrayList<>();
      hours.on(day).forEach(r -> ranges.add(r.start() + "-" + r.end()));
      days.put(day.name().toLowerCase(Locale.ROOT), ranges);
    }
    return days;
  }

  static BusinessHours businessHours(Map<String, List<HoursRange>> wire) {
    Map<DayOfWeek, List<BusinessHours.Range>> days = new EnumMap<>(DayOfWeek.class);
    wire.forEach(
        (dayName, ranges) -> {
          DayOfWeek day = Validation.day(dayName);
          if (days.containsKey(day)) {
            throw new InvalidValueException(
                "broker.invalid_business_hours", "día repetido en businessHours: " + dayName);
          }
          List<BusinessHours.Range> parsed = new ArrayList<>();
          for (HoursRange r : ranges) {
            parsed.add(
                valid(
                    "broker.invalid_business_hours",
                    () ->
                        new BusinessHours.Range(
                            Validation.time("broker.invalid_business_hours", "start", r.start()),
                            Validation.time("broker.invalid_business_hours", "end", r.end()))));
          }
          days.put(day, parsed);
        });
    return valid("broker.invalid_business_hours", () -> new BusinessHours(days));
  }

  private static String validName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > Broker.MAX_NAME_LENGTH) {
      throw new InvalidValueException(
          "broker.invalid_name",
          "el nombre del corredor debe tener entre 1 y " + Broker.MAX_NAME_LENGTH + " caracteres");
    }
    return n;
  }

  private static PhoneNumber phone(String value) {
    return value == null || value.isBlank()
        ? null
        : valid("broker.invalid_phone", () -> new PhoneNumber(value));
  }

  private static Email email(String value) {
    return value == null || value.isBlank()
        ? null
        : valid("broker.invalid_email", () -> new Email(value));
  }
}
