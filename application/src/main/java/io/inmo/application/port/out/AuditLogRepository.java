package io.inmo.application.port.out;

import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.audit.AuditEntryId;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Outbound port: the append-only audit log of security-relevant actions. */
public interface AuditLogRepository {
  void append(AuditEntry entry);

  /** The brokerage's latest {@code limit} entries, newest first. */
  List<AuditEntry> findByBroker(BrokerId brokerId, int limit);

  /**
   * At most {@code search.limit()} of the brokerage's entries that match, newest first ({@code at}
   * then id, both descending), starting strictly after {@code search.after()}: keyset pages that
   * appends never shift.
   */
  List<AuditEntry> search(BrokerId brokerId, AuditSearch search);

  /** Where the previous page ended: the time and id of its last entry. */
  record Position(Instant at, AuditEntryId id) {
    public Position {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * Filters (null = any): the exact {@code action}, the acting {@code userId}, entries at or after
   * {@code from} and before {@code to}; {@code after} null for the first page.
   */
  record AuditSearch(
      String action, UserId userId, Instant from, Instant to, Position after, int limit) {
    public AuditSearch {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be positive");
      }
    }
  }
}
