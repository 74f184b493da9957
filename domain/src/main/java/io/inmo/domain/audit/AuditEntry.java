package io.inmo.domain.audit;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One immutable entry of the audit log: who did which action ({@code lead.update}) to which
 * resource, with JSON-compatible before/after summaries, from which IP and request.
 *
 * <p>{@code brokerId} is null for platform actions, {@code userId} for unauthenticated or system
 * actions; {@code resourceId}, {@code before}, {@code after}, {@code ip} and {@code requestId} are
 * nullable. Summaries must never hold secrets or sensitive lead data.
 */
public record AuditEntry(
    AuditEntryId id,
    BrokerId brokerId,
    UserId userId,
    String action,
    String resourceType,
    String resourceId,
    Map<String, Object> before,
    Map<String, Object> after,
    String ip,
    String requestId,
    Instant at) {
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
  private static final int MAX_FIELD = 255;

  public AuditEntry {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(at, "at must not be null");
    if (action == null || !ACTION.matcher(action.strip()).matches()) {
      throw new IllegalArgumentException("audit action must look like 'area.verb': " + action);
    }
    action = action.strip();
    if (resourceType == null || resourceType.isBlank()) {
      throw new IllegalArgumentException("audit resource type must not be blank");
    }
    resourceType = check(resourceType.strip(), "resource type");
    resourceId = optional(resourceId, "resource id");
    ip = optional(ip, "ip");
    requestId = optional(requestId, "request id");
    before = before == null ? null : JsonValues.copyObject(before, "audit before");
    after = after == null ? null : JsonValues.copyObject(after, "audit after");
  }

  /** A new entry with a fresh id. */
  public static AuditEntry record(
      BrokerId brokerId,
      UserId userId,
      String action,
      String resourceType,
      String resourceId,
      Map<String, ?> before,
      Map<String, ?> after,
      String ip,
      String requestId,
      Instant at) {
    return new AuditEntry(
        AuditEntryId.newId(),
        brokerId,
        userId,
        action,
        resourceType,
        resourceId,
        before == null ? null : JsonValues.copyObject(before, "audit before"),
        after == null ? null : JsonValues.copyObject(after, "audit after"),
        ip,
        requestId,
        at);
  }

  private static String optional(String value, String what) {
    return value == null || value.isBlank() ? null : check(value.strip(), what);
  }

  private static String check(String value, String what) {
    if (value.length() > MAX_FIELD) {
      throw new IllegalArgumentException("audit " + what + " longer than " + MAX_FIELD);
    }
    return value;
  }
}
