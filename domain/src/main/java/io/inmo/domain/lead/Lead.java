package io.inmo.domain.lead;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.lead.LeadEvent.LeadAssigned;
import io.inmo.domain.lead.LeadEvent.LeadCaptured;
import io.inmo.domain.lead.LeadEvent.LeadOptedOut;
import io.inmo.domain.lead.LeadEvent.LeadScored;
import io.inmo.domain.lead.LeadEvent.LeadStageChanged;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.scoring.ScoreComponent;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A prospective buyer or tenant of one brokerage, found by any of its channel identities; root of
 * the lead aggregate. A deleted lead accepts no change ({@code lead.deleted}); a closed (won or
 * lost) lead accepts no automatic change ({@code lead.closed}) until reopened.
 */
public final class Lead {
  public static final int MAX_NAME_LENGTH = 200;
  public static final int MAX_TAG_LENGTH = 50;
  public static final int MAX_NOTES_LENGTH = 10_000;

  /** The factor of the single score component an opt-out leaves. */
  public static final String OPT_OUT_FACTOR = "opt_out";

  /** The reason of the single score component an opt-out leaves. */
  public static final String OPT_OUT_REASON = "El lead pidió no ser contactado";

  private final LeadId id;
  private final BrokerId brokerId;
  private PhoneNumber phone;
  private String name;
  private Email email;
  private LeadStatus status;
  private LeadScore score;
  private List<ScoreComponent> scoreComponents;
  private Qualification qualification;
  private LeadFacts facts;
  private PipelineStage stage;
  private UserId assignedTo;
  private final Set<String> tags;
  private String notes;
  private CloseReason closeReason;
  private Instant closedAt;
  private PipelineStage closedFromStage;
  private Instant optedOutAt;
  private Instant lastContactedAt;
  private Instant stageEnteredAt;
  private Instant nextActionAt;
  private Instant staleSince;
  private Instant deletedAt;
  private final Instant createdAt;
  private Instant updatedAt;
  private final long version;
  private final Map<ChannelIdentity, Instant> identities;
  private final List<LeadEvent> events = new ArrayList<>();

  private Lead(
      LeadId id,
      BrokerId brokerId,
      PhoneNumber phone,
      String name,
      Email email,
      LeadStatus status,
      LeadScore score,
      List<ScoreComponent> scoreComponents,
      Qualification qualification,
      LeadFacts facts,
      PipelineStage stage,
      UserId assignedTo,
      Set<String> tags,
      String notes,
      CloseReason closeReason,
      Instant closedAt,
      PipelineStage closedFromStage,
      Instant optedOutAt,
      Instant lastContactedAt,
      Instant stageEnteredAt,
      Instant nextActionAt,
      Instant staleSince,
      Instant deletedAt,
      Instant createdAt,
      Instant updatedAt,
      long version,
      Map<ChannelIdentity, Instant> identities) {
    this.id = Objects.requireNonNull(id, "id");
    this.brokerId = Objects.requireNonNull(brokerId, "brokerId");
    this.phone = phone;
    this.name = name;
    this.email = email;
    this.status = Objects.requireNonNull(status, "status");
    this.score = Objects.requireNonNull(score, "score");
    this.scoreComponents = List.copyOf(Objects.requireNonNull(scoreComponents, "scoreComponents"));
    this.qualification = qualification;
    this.facts = Objects.requireNonNull(facts, "facts");
    this.stage = Objects.requireNonNull(stage, "stage");
    this.assignedTo = assignedTo;
    this.tags = new LinkedHashSet<>(Objects.requireNonNull(tags, "tags"));
    this.notes = notes;
    this.closeReason = closeReason;
    this.closedAt = closedAt;
    this.closedFromStage = closedFromStage;
    this.optedOutAt = optedOutAt;
    this.lastContactedAt = lastContactedAt;
    this.stageEnteredAt = Objects.requireNonNull(stageEnteredAt, "stageEnteredAt");
    this.nextActionAt = nextActionAt;
    this.staleSince = staleSince;
    this.deletedAt = deletedAt;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.version = version;
    this.identities = new LinkedHashMap<>(Objects.requireNonNull(identities, "identities"));
  }

  /** Captures a new lead: stage {@code new}, status cold, score 0, no facts. */
  public static Lead capture(BrokerId brokerId, Instant now) {
    Objects.requireNonNull(now, "now");
    Lead lead =
        new Lead(
            LeadId.newId(),
            brokerId,
            null,
            null,
            null,
            LeadStatus.COLD,
            LeadScore.ZERO,
            List.of(),
            null,
            LeadFacts.empty(),
            PipelineStage.NEW,
            null,
            Set.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            now,
            null,
            null,
            null,
            now,
            now,
            0L,
            Map.of());
    lead.events.add(new LeadCaptured(lead.id, brokerId, now));
    return lead;
  }

  /** Captures a new lead first seen on a channel. */
  public static Lead capture(BrokerId brokerId, ChannelIdentity identity, Instant now) {
    Lead lead = capture(brokerId, now);
    lead.identities.put(Objects.requireNonNull(identity, "identity"), now);
    return lead;
  }

  /**
   * Rebuilds a stored lead. Persistence adapters only: runs no rules, records no events.
   *
   * @param closeReason close_reason + close_detail; null when not closed
   * @param identities the lead_identities rows: identity → created_at
   */
  public static Lead reconstitute(
      LeadId id,
      BrokerId brokerId,
      PhoneNumber phone,
      String name,
      Email email,
      LeadStatus status,
      LeadScore score,
      List<ScoreComponent> scoreComponents,
      Qualification qualification,
      LeadFacts facts,
      PipelineStage stage,
      UserId assignedTo,
      Set<String> tags,
      String notes,
      CloseReason closeReason,
      Instant closedAt,
      PipelineStage closedFromStage,
      Instant optedOutAt,
      Instant lastContactedAt,
      Instant stageEnteredAt,
      Instant nextActionAt,
      Instant staleSince,
      Instant deletedAt,
      Instant createdAt,
      Instant updatedAt,
      long version,
      Map<ChannelIdentity, Instant> identities) {
    return new Lead(
        id,
        brokerId,
        phone,
        name,
        email,
        status,
        score,
        scoreComponents,
        qualification,
        facts,
        stage,
        assignedTo,
        tags,
        notes,
        closeReason,
        closedAt,
        closedFromStage,
        optedOutAt,
        lastContactedAt,
        stageEnteredAt,
        nextActionAt,
        staleSince,
        deletedAt,
        createdAt,
        updatedAt,
        version,
        identities);
  }

  // ---- contact data (manual or automatic; allowed while closed) ----

  public void rename(String newName, Instant now) {
    requireNotDeleted();
    Objects.requireNonNull(newName, "name must not be null");
    String n = newName.strip();
    if (n.isEmpty() || n.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("lead name must be 1.." + MAX_NAME_LENGTH + " chars");
    }
    name = n;
    touch(now);
  }

  /** Sets or clears (null = unknown) the phone; identities are not touched. */
  public void changePhone(PhoneNumber newPhone, Instant now) {
    requireNotDeleted();
    phone = newPhone;
    touch(now);
  }

  /** Sets or clears (null = unknown) the e-mail; identities are not touched. */
  public void changeEmail(Email newEmail, Instant now) {
    requireNotDeleted();
    email = newEmail;
    touch(now);
  }

  /** Links a channel identity; linking a known one changes nothing. */
  public void addIdentity(ChannelIdentity identity, Instant now) {
    requireNotDeleted();
    Objects.requireNonNull(identity, "identity");
    if (!identities.containsKey(identity)) {
      identities.put(identity, Objects.requireNonNull(now, "now"));
      touch(now);
    }
  }

  /** Unlinks a channel identity (a corrected phone or e-mail); an unknown one changes nothing. */
  public void removeIdentity(ChannelIdentity identity, Instant now) {
    requireNotDeleted();
    Objects.requireNonNull(identity, "identity");
    if (identities.remove(identity) != null) {
      touch(now);
    }
  }

  // ---- facts ----

  /**
   * Merges newly learnt facts (a newer fact wins; unknown facts keep the old value).
   *
   * @throws DomainException {@code lead.closed} when won or lost, {@code lead.deleted}
   */
  public void updateFacts(LeadFacts newer, Instant now) {
    requireOpen();
    facts = facts.merge(Objects.requireNonNull(newer, "facts"));
    touch(now);
  }

  /** Replaces all facts (staff corrections, which may also forget a fact); allowed while closed. */
  public void correctFacts(LeadFacts replacement, Instant now) {
    requireNotDeleted();
    facts = Objects.requireNonNull(replacement, "facts");
    touch(now);
  }

  /** Whether a field is known: name, phone and e-mail from the columns, the rest from the facts. */
  /**
   * The fields of {@code priority} still unknown and worth asking for, in that order: the debt
   * amount only of a lead known to be in DICOM (a lead with a clean record has none to tell).
   */
  public List<LeadField> missing(List<LeadField> priority) {
    List<LeadField> missing = new ArrayList<>();
    for (LeadField field : priority) {
      if (has(field)) {
        continue;
      }
      if (field == LeadField.DEBT_AMOUNT
          && (facts.dicomStatus() == null || facts.dicomStatus().value() != DicomStatus.HAS_DEBT)) {
        continue;
      }
      missing.add(field);
    }
    return List.copyOf(missing);
  }

  public boolean has(LeadField field) {
    return switch (Objects.requireNonNull(field, "field")) {
      case NAME -> name != null;
      case PHONE -> phone != null;
      case EMAIL -> email != null;
      default -> facts.has(field);
    };
  }

  // ---- scoring ----

  /**
   * Stores a computed score with its explanation, the status (cold/warm/hot) it earns under the
   * broker's thresholds and the financial qualification (null = unknown).
   *
   * @throws DomainException {@code lead.closed} when won or lost, {@code lead.deleted}
   */
  public void applyScore(
      LeadScore newScore,
      List<ScoreComponent> components,
      LeadStatus newStatus,
      Qualification newQualification,
      Instant now) {
    requireOpen();
    Objects.requireNonNull(newScore, "score");
    Objects.requireNonNull(components, "components");
    Objects.requireNonNull(newStatus, "status");
    if (newStatus.isClosed()) {
      throw new IllegalArgumentException(
          "a score yields cold, warm or hot; " + newStatus.apiValue() + " comes from closing");
    }
    LeadScore previousScore = score;
    LeadStatus previousStatus = status;
    score = newScore;
    scoreComponents = List.copyOf(components);
    status = newStatus;
    qualification = newQualification;
    touch(now);
    if (!previousScore.equals(score) || previousStatus != status) {
      events.add(new LeadScored(id, brokerId, previousScore, score, previousStatus, status, now));
    }
  }

  // ---- pipeline ----

  /**
   * Manual move to any open stage, forwards or backwards; moving to the current stage changes
   * nothing. Use {@link #close} for won/lost and {@link #reopen} to leave them.
   *
   * @throws DomainException {@code lead.closed} when won or lost, {@code lead.deleted}
   */
  public void moveTo(PipelineStage target, Instant now) {
    requireOpen();
    requireOpenStage(target);
    if (target != stage) {
      enterStage(target, now);
    }
  }

  /**
   * Automatic move: only forwards, never to or from won/lost; returns whether the lead moved.
   *
   * @throws DomainException {@code lead.closed} when won or lost, {@code lead.deleted}
   */
  public boolean advanceTo(PipelineStage target, Instant now) {
    requireOpen();
    requireOpenStage(target);
    if (!stage.isBefore(target)) {
      return false;
    }
    enterStage(target, now);
    return true;
  }

  /**
   * Closes the deal: {@code WON} (status converted) or {@code LOST} (status lost), recording the
   * reason (required for LOST, optional for WON), the time and the stage it was closed from.
   *
   * @throws DomainException {@code lead.closed} when already closed, {@code lead.deleted}
   */
  public void close(PipelineStage outcome, CloseReason reason, Instant now) {
    requireOpen();
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(now, "now");
    if (!outcome.isClosed()) {
      throw new IllegalArgumentException("a lead closes as won or lost, not " + outcome.apiValue());
    }
    if (outcome == PipelineStage.LOST && reason == null) {
      throw new IllegalArgumentException("closing a lead as lost needs a reason");
    }
    closedFromStage = stage;
    closeReason = reason;
    closedAt = now;
    status = outcome == PipelineStage.WON ? LeadStatus.CONVERTED : LeadStatus.LOST;
    enterStage(outcome, now);
  }

  /**
   * Reopens a won or lost lead into an open stage (the caller checks the ADMIN role), clearing the
   * close data. The status becomes cold until the caller rescores the lead ({@link #applyScore}).
   *
   * @throws DomainException {@code lead.not_closed} when the lead is open, {@code lead.deleted}
   */
  public void reopen(PipelineStage target, Instant now) {
    requireNotDeleted();
    requireOpenStage(target);
    if (!stage.isClosed()) {
      throw new DomainException("lead.not_closed", "lead " + id + " is not won or lost");
    }
    closeReason = null;
    closedAt = null;
    closedFromStage = null;
    status = LeadStatus.COLD;
    enterStage(target, now);
  }

  // ---- assignment, tags, notes, follow-up ----

  /**
   * Assigns the lead to an agent, or unassigns it (null). Agent/broker membership is the caller's
   * check.
   */
  public void assignTo(UserId assignee, Instant now) {
    requireNotDeleted();
    if (!Objects.equals(assignedTo, assignee)) {
      UserId previous = assignedTo;
      assignedTo = assignee;
      touch(now);
      events.add(new LeadAssigned(id, brokerId, previous, assignee, now));
    }
  }

  /** Adds a tag, trimmed and lower-cased, 1..50 chars; a known tag changes nothing. */
  public void tag(String tag, Instant now) {
    requireNotDeleted();
    if (tags.add(normalizeTag(tag))) {
      touch(now);
    }
  }

  public void untag(String tag, Instant now) {
    requireNotDeleted();
    if (tags.remove(normalizeTag(tag))) {
      touch(now);
    }
  }

  /** Replaces the staff notes; null or blank clears them. */
  public void changeNotes(String newNotes, Instant now) {
    requireNotDeleted();
    String n = newNotes == null || newNotes.isBlank() ? null : newNotes.strip();
    if (n != null && n.length() > MAX_NOTES_LENGTH) {
      throw new IllegalArgumentException("notes must be at most " + MAX_NOTES_LENGTH + " chars");
    }
    notes = n;
    touch(now);
  }

  /** Sets or clears (null) when staff or a campaign should next act on the lead. */
  public void scheduleNextAction(Instant at, Instant now) {
    requireNotDeleted();
    nextActionAt = at;
    touch(now);
  }

  /**
   * Records that we reached out to or heard from the lead at {@code at}; never moves back in time.
   */
  public void recordContact(Instant at) {
    requireNotDeleted();
    Objects.requireNonNull(at, "at");
    if (lastContactedAt == null || at.isAfter(lastContactedAt)) {
      lastContactedAt = at;
      staleSince = null;
      if (at.isAfter(updatedAt)) {
        touch(at);
      }
    }
  }

  /**
   * When the lead was last worked: its last contact either way or its last stage move, else its
   * capture.
   */
  public Instant lastActivityAt() {
    Instant last = createdAt.isAfter(stageEnteredAt) ? createdAt : stageEnteredAt;
    return lastContactedAt != null && lastContactedAt.isAfter(last) ? lastContactedAt : last;
  }

  /**
   * Flags the lead stale when nobody has worked it for {@code idle} (no contact either way, no
   * stage move): an open lead someone should follow up. Closed, opted-out (nobody may contact them)
   * and deleted leads are never stale. Returns whether this call flagged it; a contact or a stage
   * move clears the flag.
   */
  public boolean flagIfIdle(Duration idle, Instant now) {
    Objects.requireNonNull(idle, "idle");
    Objects.requireNonNull(now, "now");
    if (idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("idle must be positive: " + idle);
    }
    if (staleSince != null || isDeleted() || isClosed() || isOptedOut()) {
      return false;
    }
    if (lastActivityAt().isAfter(now.minus(idle))) {
      return false;
    }
    staleSince = now;
    return true;
  }

  // ---- consent and deletion ----

  /**
   * Records withdrawn consent (first time only). An open lead's score drops to 0 and its status to
   * cold; campaigns and AI replies must stop (the caller's job). Allowed while closed.
   *
   * @throws DomainException {@code lead.deleted}
   */
  public void optOut(Instant now) {
    requireNotDeleted();
    Objects.requireNonNull(now, "now");
    if (optedOutAt != null) {
      return;
    }
    optedOutAt = now;
    staleSince = null;
    touch(now);
    events.add(new LeadOptedOut(id, brokerId, now));
    if (!stage.isClosed()) {
      applyScore(
          LeadScore.ZERO,
          List.of(new ScoreComponent(OPT_OUT_FACTOR, 0, OPT_OUT_REASON)),
          LeadStatus.COLD,
          qualification,
          now);
    }
  }

  /**
   * Soft-deletes the lead: it disappears from lists, accepts no further change and releases its
   * channel identities, so the same person writing again becomes a new lead.
   *
   * @throws DomainException {@code lead.deleted} when already deleted
   */
  public void softDelete(Instant now) {
    requireNotDeleted();
    deletedAt = Objects.requireNonNull(now, "now");
    identities.clear();
    touch(now);
  }

  /** The events recorded since the last call, oldest first; the aggregate forgets them. */
  public List<LeadEvent> pullEvents() {
    List<LeadEvent> pulled = List.copyOf(events);
    events.clear();
    return pulled;
  }

  // ---- helpers ----

  private void enterStage(PipelineStage target, Instant now) {
    Objects.requireNonNull(now, "now");
    PipelineStage from = stage;
    stage = target;
    stageEnteredAt = now;
    staleSince = null;
    touch(now);
    events.add(new LeadStageChanged(id, brokerId, from, target, now));
  }

  private void touch(Instant now) {
    updatedAt = Objects.requireNonNull(now, "now");
  }

  private void requireNotDeleted() {
    if (deletedAt != null) {
      throw new DomainException("lead.deleted", "lead " + id + " is deleted");
    }
  }

  private void requireOpen() {
    requireNotDeleted();
    if (stage.isClosed()) {
      throw new DomainException(
          "lead.closed", "lead " + id + " is " + stage.apiValue() + "; reopen it first");
    }
  }

  private static void requireOpenStage(PipelineStage target) {
    Objects.requireNonNull(target, "stage");
    if (target.isClosed()) {
      throw new IllegalArgumentException(
          "use close() to move a lead to " + target.apiValue() + ", not a stage move");
    }
  }

  private static String normalizeTag(String tag) {
    Objects.requireNonNull(tag, "tag must not be null");
    String t = tag.strip().toLowerCase(Locale.ROOT);
    if (t.isEmpty() || t.length() > MAX_TAG_LENGTH) {
      throw new IllegalArgumentException("tag must be 1.." + MAX_TAG_LENGTH + " chars");
    }
    return t;
  }

  // ---- accessors ----

  public LeadId id() {
    return id;
  }

  public BrokerId brokerId() {
    return brokerId;
  }

  /** E.164 phone; null when unknown. */
  public PhoneNumber phone() {
    return phone;
  }

  /** Null when unknown. */
  public String name() {
    return name;
  }

  /** Null when unknown. */
  public Email email() {
    return email;
  }

  public LeadStatus status() {
    return status;
  }

  public LeadScore score() {
    return score;
  }

  public List<ScoreComponent> scoreComponents() {
    return scoreComponents;
  }

  /** Null while income or DICOM status is unknown. */
  public Qualification qualification() {
    return qualification;
  }

  /**
   * All facts, sensitive ones included: filter with {@link LeadFacts#withoutSensitive()} for
   * display.
   */
  public LeadFacts facts() {
    return facts;
  }

  public PipelineStage stage() {
    return stage;
  }

  /** Null when unassigned. */
  public UserId assignedTo() {
    return assignedTo;
  }

  /** Normalised tags in insertion order. */
  public Set<String> tags() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(tags));
  }

  /** Null when none. */
  public String notes() {
    return notes;
  }

  /** Reason code and detail of the last close; null while open. */
  public CloseReason closeReason() {
    return closeReason;
  }

  /** Null while open. */
  public Instant closedAt() {
    return closedAt;
  }

  /** The stage the lead was in when closed; null while open. */
  public PipelineStage closedFromStage() {
    return closedFromStage;
  }

  /** When the lead withdrew consent; null when it has not. */
  public Instant optedOutAt() {
    return optedOutAt;
  }

  public boolean isOptedOut() {
    return optedOutAt != null;
  }

  /** Null when never contacted. */
  public Instant lastContactedAt() {
    return lastContactedAt;
  }

  public Instant stageEnteredAt() {
    return stageEnteredAt;
  }

  /** When the nightly job flagged the lead stale; null when it is not. */
  public Instant staleSince() {
    return staleSince;
  }

  public boolean isStale() {
    return staleSince != null;
  }

  /** Null when nothing is scheduled. */
  public Instant nextActionAt() {
    return nextActionAt;
  }

  /** Null unless soft-deleted. */
  public Instant deletedAt() {
    return deletedAt;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  /** Whether the deal is over (stage won or lost). */
  public boolean isClosed() {
    return stage.isClosed();
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The optimistic-locking version read from storage; the domain never changes it. */
  public long version() {
    return version;
  }

  /** The linked channel identities, in the order they were linked. */
  public Set<ChannelIdentity> identities() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(identities.keySet()));
  }

  /** Each linked identity with the time it was linked (the lead_identities rows). */
  public Map<ChannelIdentity, Instant> identityLinks() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(identities));
  }

  @Override
  public String toString() {
    return "Lead[id="
        + id
        + ", brokerId="
        + brokerId
        + ", stage="
        + stage.apiValue()
        + ", status="
        + status.apiValue()
        + ", score="
        + score.value()
        + "]";
  }
}
