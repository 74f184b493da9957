package io.inmo.application.service.lead;

import io.inmo.application.port.out.NotificationPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.notification.Notification;
import io.inmo.domain.notification.NotificationKind;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The hot-lead alert (PRODUCT §5): when a lead becomes hot — or, if the broker set an alert score,
 * reaches it — the assigned agent is notified, else every active ADMIN of the broker.
 */
public final class LeadAlerts {
  private final UserRepository users;
  private final NotificationPort notifications;

  public LeadAlerts(UserRepository users, NotificationPort notifications) {
    this.users = Objects.requireNonNull(users, "users");
    this.notifications = Objects.requireNonNull(notifications, "notifications");
  }

  /**
   * Notifies when the change from ({@code score}, {@code status}) to the lead's now calls for it.
   */
  void afterScoring(
      Lead lead, LeadScore score, LeadStatus status, BrokerLeadConfig config, Instant now) {
    NotificationKind kind = alert(lead, score, status, config);
    if (kind == null) {
      return;
    }
    String name = lead.name() == null ? "lead sin nombre" : lead.name();
    String title =
        kind == NotificationKind.LEAD_HOT
            ? "Lead caliente: " + name
            : "Puntaje " + config.hotAlertScore() + " alcanzado: " + name;
    for (UserId recipient : recipients(lead, users.findByBroker(lead.brokerId()))) {
      String body =
          "Puntaje "
              + lead.score().value()
              + " (antes "
              + score.value()
              + "), etapa "
              + lead.stage().label()
              + ". "
              + (recipient.equals(lead.assignedTo())
                  ? "Está asignado a ti: contáctalo pronto."
                  : "No tiene agente asignado: asígnalo desde el tablero.");
      notifications.send(
          Notification.create(lead.brokerId(), recipient, kind, lead.id(), title, body, now));
    }
  }

  static NotificationKind alert(
      Lead lead, LeadScore before, LeadStatus statusBefore, BrokerLeadConfig config) {
    Integer threshold = config.hotAlertScore();
    if (threshold == null) {
      return statusBefore != LeadStatus.HOT && lead.status() == LeadStatus.HOT
          ? NotificationKind.LEAD_HOT
          : null;
    }
    return before.value() < threshold && lead.score().value() >= threshold
        ? NotificationKind.LEAD_SCORE_ALERT
        : null;
  }

  /**
   * Who hears about a lead: its assigned agent while active, else every active ADMIN of the broker
   * ({@code staff}: the broker's users).
   */
  public static List<UserId> recipients(Lead lead, List<User> staff) {
    if (lead.assignedTo() != null) {
      boolean active =
          staff.stream()
              .filter(User::isActive)
              .anyMatch(
                  user ->
                      user.id().equals(lead.assignedTo())
                          && lead.brokerId().equals(user.brokerId()));
      if (active) {
        return List.of(lead.assignedTo());
      }
    }
    return staff.stream()
        .filter(User::isActive)
        .filter(user -> user.role() == Role.ADMIN)
        .filter(user -> lead.brokerId().equals(user.brokerId()))
        .map(User::id)
        .toList();
  }
}
