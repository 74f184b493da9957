package io.inmo.domain.appointment;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.user.UserId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A meeting between a lead and the brokerage (property visit, virtual or office meeting, phone
 * call) in a half-open time range {@code [start, end)}; root of the appointment aggregate.
 */
public final class Appointment {
  /** The longest appointment accepted. */
  public static final Duration MAX_DURATION = Duration.ofHours(12);

  private static final int MAX_TEXT = 2000;
  private static final int MAX_URL = 2048;

  private final AppointmentId id;
  private final BrokerId brokerId;
  private final LeadId leadId;
  private final UserId agentId;
  private final AppointmentType type;
  private AppointmentStatus status;
  private Instant start;
  private Instant end;
  private String meetUrl;
  private final String location;
  private final String notes;
  private String externalEventId;
  private String cancelReason;
  private final Instant createdAt;
  private Instant updatedAt;
  private final long version;

  private Appointment(
      AppointmentId id,
      BrokerId brokerId,
      LeadId leadId,
      UserId agentId,
      AppointmentType type,
      AppointmentStatus status,
      Instant start,
      Instant end,
      String meetUrl,
      String location,
      String notes,
      String externalEventId,
      String cancelReason,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.brokerId = Objects.requireNonNull(brokerId, "brokerId");
    this.leadId = Objects.requireNonNull(leadId, "leadId");
    this.agentId = agentId;
    this.type = Objects.requireNonNull(type, "type");
    this.status = Objects.requireNonNull(status, "status");
    this.start = Objects.requireNonNull(start, "start");
    this.end = Objects.requireNonNull(end, "end");
    this.meetUrl = meetUrl;
    this.location = location;
    this.notes = notes;
    this.externalEventId = externalEventId;
    this.cancelReason = cancelReason;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.version = version;
  }

  /**
   * A new appointment in status {@code SCHEDULED}. {@code agentId}, {@code location}, {@code
   * meetUrl} (http/https) and {@code notes} are optional.
   *
   * @throws IllegalArgumentException when {@code end} is not after {@code start}
   * @throws DomainException {@code appointment.in_past} when it starts before {@code now}, {@code
   *     appointment.too_long} when it lasts more than {@link #MAX_DURATION}
   */
  public static Appointment schedule(
      BrokerId brokerId,
      LeadId leadId,
      UserId agentId,
      AppointmentType type,
      Instant start,
      Instant end,
      String location,
      String meetUrl,
      String notes,
      Instant now) {
    Objects.requireNonNull(now, "now");
    checkSlot(start, end, now);
    return new Appointment(
        AppointmentId.newId(),
        brokerId,
        leadId,
        agentId,
        type,
        AppointmentStatus.SCHEDULED,
        start,
        end,
        normaliseUrl(meetUrl),
        optionalText(location, "location"),
        optionalText(notes, "notes"),
        null,
        null,
        now,
        now,
        0L);
  }

  /** Rebuilds a stored appointment. Persistence adapters only: runs no rules. */
  public static Appointment reconstitute(
      AppointmentId id,
      BrokerId brokerId,
      LeadId leadId,
      UserId agentId,
      AppointmentType type,
      AppointmentStatus status,
      Instant start,
      Instant end,
      String meetUrl,
      String location,
      String notes,
      String externalEventId,
      String cancelReason,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new Appointment(
        id,
        brokerId,
        leadId,
        agentId,
        type,
        status,
        start,
        end,
        meetUrl,
        location,
        notes,
        externalEventId,
        cancelReason,
        createdAt,
        updatedAt,
        version);
  }

  /**
   * The lead confirmed; confirming a confirmed appointment again is a no-op.
   *
   * @throws DomainException {@code appointment.invalid_transition} unless scheduled or confirmed
   */
  public void confirm(Instant now) {
    Objects.requireNonNull(now, "now");
    if (status == AppointmentStatus.CONFIRMED) {
      return;
    }
    moveTo(AppointmentStatus.CONFIRMED, now);
  }

  /**
   * Cancels the appointment, freeing the slot; {@code reason} is optional.
   *
   * @throws DomainException {@code appointment.invalid_transition} unless scheduled or confirmed
   */
  public void cancel(String reason, Instant now) {
    Objects.requireNonNull(now, "now");
    String r = optionalText(reason, "cancel reason");
    moveTo(AppointmentStatus.CANCELLED, now);
    cancelReason = r;
  }

  /**
   * The appointment took place.
   *
   * @throws DomainException {@code appointment.invalid_transition} unless scheduled or confirmed,
   *     {@code appointment.not_started} before its start time
   */
  public void complete(Instant now) {
    requireStarted(now);
    moveTo(AppointmentStatus.COMPLETED, now);
  }

  /**
   * The lead did not show up.
   *
   * @throws DomainException {@code appointment.invalid_transition} unless scheduled or confirmed,
   *     {@code appointment.not_started} before its start time
   */
  public void markNoShow(Instant now) {
    requireStarted(now);
    moveTo(AppointmentStatus.NO_SHOW, now);
  }

  /**
   * Moves the appointment to a new time range; a confirmed appointment goes back to {@code
   * SCHEDULED} (the lead confirms the new time).
   *
   * @throws DomainException {@code appointment.invalid_transition} unless scheduled or confirmed,
   *     {@code appointment.in_past} or {@code appointment.too_long} for a bad range
   */
  public void reschedule(Instant newStart, Instant newEnd, Instant now) {
    Objects.requireNonNull(now, "now");
    if (status.isFinal()) {
      throw invalidTransition("reschedule");
    }
    checkSlot(newStart, newEnd, now);
    start = newStart;
    end = newEnd;
    status = AppointmentStatus.SCHEDULED;
    updatedAt = now;
  }

  /**
   * Links the appointment to the event created in the agent's external calendar and, for virtual
   * meetings, its meeting link ({@code meetUrl} null keeps the current one).
   */
  public void linkCalendarEvent(String externalEventId, String meetUrl, Instant now) {
    Objects.requireNonNull(now, "now");
    if (externalEventId == null || externalEventId.isBlank()) {
      throw new IllegalArgumentException("external event id must not be blank");
    }
    this.externalEventId = externalEventId.strip();
    String url = normaliseUrl(meetUrl);
    if (url != null) {
      this.meetUrl = url;
    }
    updatedAt = now;
  }

  /**
   * Whether the two time ranges intersect (half-open: one ending when the other starts is fine).
   */
  public boolean overlaps(Appointment other) {
    Objects.requireNonNull(other, "other");
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  /**
   * Whether the two appointments would double-book an agent: another appointment of the same
   * (non-null) agent, both holding their slot, with overlapping time ranges. Mirrors the database
   * exclusion constraint.
   */
  public boolean conflictsWith(Appointment other) {
    Objects.requireNonNull(other, "other");
    return !id.equals(other.id)
        && agentId != null
        && agentId.equals(other.agentId)
        && status.blocksSlot()
        && other.status.blocksSlot()
        && overlaps(other);
  }

  private void moveTo(AppointmentStatus next, Instant now) {
    if (!status.canTransitionTo(next)) {
      throw invalidTransition(next.apiValue());
    }
    status = next;
    updatedAt = now;
  }

  private void requireStarted(Instant now) {
    Objects.requireNonNull(now, "now");
    if (status.isFinal()) {
      return; // moveTo reports the invalid transition
    }
    if (now.isBefore(start)) {
      throw new DomainException(
          "appointment.not_started", "appointment " + id + " has not started yet");
    }
  }

  private DomainException invalidTransition(String target) {
    return new DomainException(
        "appointment.invalid_transition",
        "appointment " + id + " is " + status.apiValue() + " and cannot move to " + target);
  }

  private static void checkSlot(Instant start, Instant end, Instant now) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("appointment must end after it starts");
    }
    if (start.isBefore(now)) {
      throw new DomainException("appointment.in_past", "appointment cannot start in the past");
    }
    if (Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
      throw new DomainException(
          "appointment.too_long",
          "appointment cannot last more than " + MAX_DURATION.toHours() + " hours");
    }
  }

  private static String optionalText(String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > MAX_TEXT) {
      throw new IllegalArgumentException(what + " longer than " + MAX_TEXT + " characters");
    }
    return v;
  }

  private static String normaliseUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    if (u.length() > MAX_URL) {
      throw new IllegalArgumentException("meeting url too long");
    }
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        throw new IllegalArgumentException("meeting url must be an http(s) url: " + u);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed meeting url: " + u, e);
    }
    return u;
  }

  public AppointmentId id() {
    return id;
  }

  public BrokerId brokerId() {
    return brokerId;
  }

  public LeadId leadId() {
    return leadId;
  }

  /** The agent attending; null when no agent is assigned (such appointments never conflict). */
  public UserId agentId() {
    return agentId;
  }

  public AppointmentType type() {
    return type;
  }

  public AppointmentStatus status() {
    return status;
  }

  /** Inclusive start of the appointment. */
  public Instant start() {
    return start;
  }

  /** Exclusive end of the appointment. */
  public Instant end() {
    return end;
  }

  /** The video-meeting link; nullable. */
  public String meetUrl() {
    return meetUrl;
  }

  /** Where the appointment takes place; nullable. */
  public String location() {
    return location;
  }

  /** Free-text notes; nullable. */
  public String notes() {
    return notes;
  }

  /** The id of the event in the external calendar; null when none was created. */
  public String externalEventId() {
    return externalEventId;
  }

  /** Why it was cancelled; null unless cancelled with a reason. */
  public String cancelReason() {
    return cancelReason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The optimistic-locking version read from storage (0 for a new appointment). */
  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Appointment other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Appointment[" + id + ", " + status.apiValue() + ", " + start + "–" + end + "]";
  }
}
