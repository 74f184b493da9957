package io.inmo.application.port.out;

import io.inmo.domain.notification.Notification;

/**
 * Outbound port: delivers a notification to a staff member. The stored in-app implementation keeps
 * it for the dashboard's inbox ({@link NotificationRepository}); e-mail or Telegram deliveries can
 * be added behind the same port. Called inside the unit of work that caused it, so a rolled-back
 * change notifies nobody.
 */
public interface NotificationPort {
  void send(Notification notification);
}
