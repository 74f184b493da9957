package io.inmo.domain.notification;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One message in a staff member's in-app inbox (PRODUCT §5: the hot-lead alert goes to the assigned
 * agent, else the broker's admins). Immutable; reading it is recorded as {@code readAt}.
 *
 * @param leadId the lead it is about; null for notifications about no lead
 * @param title short, Spanish ("Lead caliente: Catalina Muñoz")
 * @param body one or two Spanish sentences; never secrets or sensitive facts
 * @param readAt null while unread
 */
public record Notification(
    NotificationId id,
    BrokerId brokerId,
    UserId recipient,
    NotificationKind kind,
    LeadId leadId,
    String title,
    String body,
    Instant createdAt,
    Instant readAt) {
  public static final int MAX_TITLE_LENGTH = 200;
  public static final int MAX_BODY_LENGTH = 1000;

  public Notification {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(brokerId, "brokerId must not be null");
    Objects.requireNonNull(recipient, "recipient must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(createdAt, "createdAt must not be null");
    title = requireText(title, "title", MAX_TITLE_LENGTH);
    body = requireText(body, "body", MAX_BODY_LENGTH);
  }

  /** A new, unread notification. */
  public static Notification create(
      BrokerId brokerId,
      UserId recipient,
      NotificationKind kind,
      LeadId leadId,
      String title,
      String body,
      Instant now) {
    return new Notification(
        NotificationId.newId(), brokerId, recipient, kind, leadId, title, body, now, null);
  }

  public boolean isRead() {
    return readAt != null;
  }

  private static String requireText(String value, String name, int max) {
    Objects.requireNonNull(value, name + " must not be null");
    String text = value.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return text.length() > max ? text.substring(0, max - 1) + "…" : text;
  }
}
