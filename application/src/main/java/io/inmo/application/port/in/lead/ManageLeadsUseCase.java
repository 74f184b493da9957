package io.inmo.application.port.in.lead;

import io.inmo.application.port.in.broker.BrokerCommands;
import io.inmo.application.port.out.LeadSearchRepository.LeadSort;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.scoring.LeadScore;
import io.inmo.domain.scoring.Qualification;
import io.inmo.domain.scoring.ScoreComponent;
import io.inmo.domain.user.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Inbound port: the lead book of a broker (§4, §15 {@code /api/v1/leads}).
 *
 * <ul>
 *   <li>ADMIN: the whole broker; creates, edits, assigns and deletes any lead.
 *   <li>AGENT: sees and edits the leads assigned to them and the unassigned ones; may claim an
 *       unassigned lead or give back their own, but not assign to others (403 {@code
 *       auth.forbidden}); cannot delete. A lead an AGENT may not see is 404.
 *   <li>SUPERADMIN: any broker named by {@code brokerId}; every call is audited.
 * </ul>
 *
 * Sensitive facts (income, DICOM, debt) are shown to ADMINs, SUPERADMINs and the assigned AGENT
 * only, and only they may change them. Phones are read in the broker's region and stored in E.164;
 * a phone or e-mail already linked to another lead of the broker is 409 {@code
 * lead.identity_taken}. A lead of another broker, or a deleted one, is 404 {@code lead.not_found}.
 * Every change is written to the lead's activity log and to the audit log.
 */
public interface ManageLeadsUseCase {
  int MAX_PAGE_SIZE = 200;
  int DEFAULT_PAGE_SIZE = 50;

  /** The longest note, in characters (Unicode code points). */
  int MAX_NOTE_LENGTH = 2000;

  LeadView create(Actor actor, NewLead lead);

  LeadView get(Actor actor, BrokerId brokerId, LeadId id, Origin origin);

  LeadView update(Actor actor, BrokerId brokerId, LeadId id, LeadChanges changes);

  /** Assigns the lead to a user of the broker, or unassigns it ({@code assignee} null). */
  LeadView assign(Actor actor, BrokerId brokerId, LeadId id, UserId assignee, Origin origin);

  /** Soft-deletes the lead (ADMIN): it leaves every list and releases its channel identities. */
  void delete(Actor actor, BrokerId brokerId, LeadId id, Origin origin);

  LeadPage list(Actor actor, LeadQuery query);

  /** The lead's activity log, newest first, at most {@code limit} (1..200) entries. */
  List<ActivityView> activity(Actor actor, BrokerId brokerId, LeadId id, int limit, Origin origin);

  /**
   * Appends a note to the lead's timeline (an activity entry of type {@code note} with the text),
   * for anyone who may see the lead; audited as {@code lead.note} (its length, never its text). A
   * note is not a follow-up: it neither touches the lead nor clears its stale flag (ADR 0014).
   *
   * @throws io.inmo.domain.shared.InvalidValueException {@code lead.note_invalid} for a blank text
   *     or one longer than {@link #MAX_NOTE_LENGTH} characters
   */
  ActivityView addNote(Actor actor, BrokerId brokerId, LeadId id, NewNote note);

  /**
   * Manual pipeline move (PRODUCT §6): to any open stage; to won or lost (closing, with a close
   * reason code, {@code reason} as its detail); out of won or lost (reopening, ADMIN and SUPERADMIN
   * only — 403 {@code lead.reopen_requires_admin}). Every move needs a reason, is written to the
   * activity log and audited. A manual move does not trigger automatic advancement; a reopened lead
   * is rescored.
   *
   * @throws io.inmo.domain.shared.InvalidValueException {@code lead.stage_invalid} for a blank
   *     reason or a bad close reason
   * @throws io.inmo.domain.shared.DomainException {@code lead.closed} when moving a closed lead to
   *     another closed stage
   */
  LeadView moveStage(Actor actor, BrokerId brokerId, LeadId id, StageChange change);

  /**
   * What the broker's rules — or the proposed {@code settings}, null for the current ones — would
   * make of a lead with these contact data and facts, computed and not saved (ADMIN, SUPERADMIN).
   * Engagement and appointments count as none.
   */
  ScorePreview previewScore(
      Actor actor, BrokerId brokerId, BrokerCommands.LeadSettings settings, NewLead lead);

  record ScorePreview(
      LeadScore score,
      List<ScoreComponent> components,
      LeadStatus status,
      Qualification qualification,
      PipelineStage stage) {
    public ScorePreview {
      components = List.copyOf(components);
    }
  }

  /**
   * One entry of a lead's timeline with the name of the staff member who caused it; {@code
   * actorName} is null for the system, the AI, the lead and users outside the broker.
   */
  record ActivityView(ActivityEntry entry, String actorName) {
    public ActivityView {
      Objects.requireNonNull(entry, "entry");
    }
  }

  /** A note for a lead's timeline; its text is checked by the use case. */
  record NewNote(String text, Origin origin) {
    public NewNote {
      origin = origin == null ? Origin.SYSTEM : origin;
    }
  }

  /** A page of leads and the cursor of the next page (null on the last page). */
  record LeadPage(List<LeadView> items, String nextCursor) {
    public LeadPage {
      items = List.copyOf(items);
    }
  }

  /**
   * A page of the list: the leads {@code filter} keeps, in {@code sort} order (null: newest first);
   * {@code cursor} is the previous page's {@code nextCursor} (null for the first page) and {@code
   * limit} is 1..200.
   */
  record LeadQuery(
      BrokerId brokerId,
      LeadFilter filter,
      LeadSort sort,
      String cursor,
      int limit,
      Origin origin) {
    public LeadQuery {
      filter = filter == null ? LeadFilter.ANY : filter;
      sort = sort == null ? LeadSort.NEWEST : sort;
      origin = origin == null ? Origin.SYSTEM : origin;
      if (limit < 1 || limit > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("limit debe estar entre 1 y " + MAX_PAGE_SIZE);
      }
    }
  }

  /**
   * A lead typed in by staff. {@code phone} is read in the broker's region; {@code assignedTo} null
   * leaves it unassigned (for an AGENT: assigned to themselves). {@code brokerId} null means the
   * caller's own broker.
   */
  record NewLead(
      BrokerId brokerId,
      String name,
      String phone,
      String email,
      LeadFacts facts,
      List<String> tags,
      UserId assignedTo,
      String notes,
      Origin origin) {
    public NewLead {
      facts = facts == null ? LeadFacts.empty() : facts;
      tags = tags == null ? List.of() : List.copyOf(tags);
      origin = origin == null ? Origin.SYSTEM : origin;
      name = blankToNull(name);
      phone = blankToNull(phone);
      email = blankToNull(email);
      if (name == null && phone == null && email == null) {
        throw new IllegalArgumentException("indica al menos el nombre, el teléfono o el e-mail");
      }
    }
  }

  /**
   * A partial edit: a null component stays as it is; {@code Optional.empty()} clears it (name
   * cannot be cleared). {@code facts} sets the given facts, {@code clearedFacts} forgets facts;
   * {@code tags} replaces the tags. At least one change must be given.
   */
  /**
   * @param closeReason the close reason code when closing ({@code not_interested}, {@code
   *     bought_elsewhere}); null → {@code won} or {@code other}
   */
  record StageChange(PipelineStage stage, String reason, String closeReason, Origin origin) {
    public StageChange {
      java.util.Objects.requireNonNull(stage, "stage");
    }
  }

  record LeadChanges(
      Optional<String> name,
      Optional<String> phone,
      Optional<String> email,
      LeadFacts facts,
      Set<LeadField> clearedFacts,
      List<String> tags,
      Optional<UserId> assignedTo,
      Optional<String> notes,
      Origin origin) {
    public LeadChanges {
      clearedFacts = clearedFacts == null ? Set.of() : Set.copyOf(clearedFacts);
      tags = tags == null ? null : List.copyOf(tags);
      origin = origin == null ? Origin.SYSTEM : origin;
      if (name != null && name.map(ManageLeadsUseCase::blankToNull).isEmpty()) {
        throw new IllegalArgumentException("name no puede quedar vacío");
      }
      if (name == null
          && phone == null
          && email == null
          && (facts == null || facts.isEmpty())
          && clearedFacts.isEmpty()
          && tags == null
          && assignedTo == null
          && notes == null) {
        throw new IllegalArgumentException(
            "indica al menos uno de: name, phone, email, facts, tags, assignedTo, notes");
      }
      for (LeadField field : clearedFacts) {
        Objects.requireNonNull(field, "clearedFacts");
      }
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
