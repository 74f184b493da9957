package io.inmo.application.port.in.audit;

import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.UserId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Inbound port: reading a broker's audit log (who changed what and when), newest first, page by
 * page. An ADMIN reads their own broker's log; a SUPERADMIN names the broker ({@code brokerId},
 * else 400 {@code audit.broker_required}) and the read is itself audited ({@code audit.list}); an
 * AGENT is refused (403). Summaries never hold secrets: they are written without them.
 */
public interface ReadAuditLogUseCase {
  int MAX_PAGE_SIZE = 200;
  int DEFAULT_PAGE_SIZE = 50;

  /**
   * @throws io.inmo.domain.shared.InvalidValueException {@code audit.broker_required}, {@code
   *     audit.invalid_limit}, {@code audit.invalid_action}, {@code audit.invalid_period}, {@code
   *     audit.cursor_invalid} (400)
   */
  AuditPage read(Actor actor, AuditQuery query);

  /**
   * Filters (null = any) and the page to read: the exact {@code action} ({@code lead.update}), the
   * acting {@code userId}, the days {@code from}..{@code to} (both included, in the broker's time
   * zone), the previous page's {@code cursor} (null for the first) and {@code limit} (1..200).
   */
  record AuditQuery(
      BrokerId brokerId,
      String action,
      UserId userId,
      LocalDate from,
      LocalDate to,
      String cursor,
      int limit,
      Origin origin) {
    public AuditQuery {
      action = action == null || action.isBlank() ? null : action.strip();
      cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
      origin = origin == null ? Origin.SYSTEM : origin;
    }
  }

  /** A page of entries and the cursor of the next page (null on the last page). */
  record AuditPage(List<AuditView> items, String nextCursor) {
    public AuditPage {
      items = List.copyOf(items);
    }
  }

  /**
   * One entry with the name and e-mail of the user who acted: null for the system, an anonymous
   * caller, and (for a broker's ADMIN) a platform administrator.
   */
  record AuditView(AuditEntry entry, String userName, String userEmail) {
    public AuditView {
      Objects.requireNonNull(entry, "entry");
    }
  }
}
