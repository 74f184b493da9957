package io.inmo.application.service.llm;

import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.ConversationAgentPort.AgentRoute;
import io.inmo.application.port.out.LlmUsageRepository;
import io.inmo.application.port.out.LlmUsageRepository.UsageRow;
import io.inmo.application.port.out.NotificationPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLlmConfig;
import io.inmo.domain.notification.Notification;
import io.inmo.domain.notification.NotificationKind;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which agent answers a broker's turn (PRODUCT §9, ADR 0018): its own chain, the server's, or —
 * when it chose so or its month's estimated AI cost reached its budget — the offline agent. The
 * month is the calendar month of the broker's time zone; the cost is estimated from the call
 * records and the price table (a model without a price counts as free: self-hosted models). The
 * first time a budget is reached in a month (per budget amount), the broker's admins are notified,
 * exactly once across nodes.
 *
 * <p>The month's cost is computed from the records at most every {@link #SPEND_TTL} per broker and
 * node, and the calls this node makes in between are added as they happen ({@link #recorded}); a
 * broker may overrun its budget by what other nodes spend in that time, and by the turn that
 * crosses it. A turn never waits on more than one small aggregate query.
 */
public final class LlmBudgets {
  /** How long a computed monthly cost is reused. */
  static final Duration SPEND_TTL = Duration.ofSeconds(30);

  private final BrokerConfigRepository configs;
  private final BrokerRepository brokers;
  private final LlmUsageRepository usage;
  private final UserRepository users;
  private final NotificationPort notifications;
  private final LlmPrices prices;
  private final Clock clock;
  private final Map<BrokerId, Spend> spends = new ConcurrentHashMap<>();

  private record Spend(YearMonth month, ZoneId zone, BigDecimal usd, Instant computedAt) {}

  /** A broker's budget this month, for the cost views. */
  public record Status(
      BigDecimal monthlyBudgetUsd,
      YearMonth month,
      BigDecimal spentUsd,
      boolean reached,
      Instant reachedAt) {}

  public LlmBudgets(
      BrokerConfigRepository configs,
      BrokerRepository brokers,
      LlmUsageRepository usage,
      UserRepository users,
      NotificationPort notifications,
      LlmPrices prices,
      Clock clock) {
    this.configs = Objects.requireNonNull(configs, "configs");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.users = Objects.requireNonNull(users, "users");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.prices = Objects.requireNonNull(prices, "prices");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The agent for the broker's next turn. Called inside a unit of work (it may record the reached
   * budget and notify, in that unit).
   */
  public AgentRoute route(BrokerId broker) {
    Optional<BrokerLlmConfig> stored = configs.findLlmConfig(broker);
    if (stored.isEmpty()) {
      return AgentRoute.SERVER_CHAIN;
    }
    BrokerLlmConfig config = stored.get();
    if (config.offlineOnly()) {
      return new AgentRoute(config, true);
    }
    if (config.monthlyBudgetUsd() != null) {
      Spend spend = spend(broker, false);
      if (config.budgetReached(spend.usd())) {
        reached(broker, config, spend);
        return new AgentRoute(config, true);
      }
    }
    return new AgentRoute(config.usesServerChain() ? null : config, false);
  }

  /** The broker's budget and this month's estimated cost (fresh); inside a unit of work. */
  public Status status(BrokerId broker) {
    Spend spend = spend(broker, true);
    BigDecimal budget =
        configs.findLlmConfig(broker).map(BrokerLlmConfig::monthlyBudgetUsd).orElse(null);
    Instant reachedAt =
        budget == null
            ? null
            : usage.budgetReachedAt(broker, spend.month().atDay(1), budget).orElse(null);
    boolean reached = budget != null && spend.usd().compareTo(budget) >= 0;
    return new Status(budget, spend.month(), spend.usd(), reached, reached ? reachedAt : null);
  }

  /**
   * A provider call was just made for the broker: its cost counts at once on this node (the records
   * catch up at the next computation), so that a turn that crosses the budget makes the next turn
   * offline.
   */
  public void recorded(
      BrokerId broker, String provider, String model, int tokensIn, int tokensOut) {
    BigDecimal cost = prices.cost(provider, model, tokensIn, tokensOut).orElse(BigDecimal.ZERO);
    if (cost.signum() == 0) {
      return;
    }
    spends.computeIfPresent(
        broker, (b, s) -> new Spend(s.month(), s.zone(), s.usd().add(cost), s.computedAt()));
  }

  private Spend spend(BrokerId broker, boolean fresh) {
    Instant now = clock.instant();
    Spend cached = spends.get(broker);
    if (!fresh
        && cached != null
        && cached.computedAt().plus(SPEND_TTL).isAfter(now)
        && cached.month().equals(YearMonth.from(now.atZone(cached.zone())))) {
      return cached;
    }
    ZoneId zone = brokers.findById(broker).map(Broker::timezone).orElse(Broker.DEFAULT_TIMEZONE);
    YearMonth month = YearMonth.from(now.atZone(zone));
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    BigDecimal total = BigDecimal.ZERO.setScale(6);
    for (UsageRow row : usage.usage(broker, from, now.plusSeconds(1), zone)) {
      total =
          total.add(
              prices
                  .cost(row.provider(), row.model(), row.tokensIn(), row.tokensOut())
                  .orElse(BigDecimal.ZERO));
    }
    Spend spend = new Spend(month, zone, total, now);
    spends.put(broker, spend);
    return spend;
  }

  private void reached(BrokerId broker, BrokerLlmConfig config, Spend spend) {
    Instant now = clock.instant();
    LocalDate month = spend.month().atDay(1);
    if (!usage.markBudgetReached(broker, month, config.monthlyBudgetUsd(), spend.usd(), now)) {
      return; // recorded (and notified) before, by this node or another
    }
    String spent = usd(spend.usd());
    String budget = usd(config.monthlyBudgetUsd());
    for (User user : users.findByBroker(broker)) {
      if (user.role() == Role.ADMIN && user.isActive()) {
        notifications.send(
            Notification.create(
                broker,
                user.id(),
                NotificationKind.LLM_BUDGET_REACHED,
                null,
                "Presupuesto de IA alcanzado",
                "La IA gastó "
                    + spent
                    + " de los "
                    + budget
                    + " del mes (estimado). Hasta fin de mes o hasta que subas el presupuesto,"
                    + " responde el asistente sin conexión: sigue atendiendo y calificando, con"
                    + " respuestas más simples.",
                now));
      }
    }
  }

  private static String usd(BigDecimal amount) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag("es-CL"));
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return "US$ " + format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }
}
