package io.inmo.application.service.lead;

import io.inmo.application.port.in.broker.BrokerCommands;
import io.inmo.application.port.in.lead.LeadFilter;
import io.inmo.application.port.in.lead.LeadView;
import io.inmo.application.port.in.lead.ManageLeadsUseCase;
import io.inmo.application.port.in.lead.ManageLeadsUseCase.ScorePreview;
import io.inmo.application.port.in.lead.ManageLeadsUseCase.StageChange;
import io.inmo.application.port.out.ActivityLogRepository;
import io.inmo.application.port.out.AppointmentRepository;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.ChatMessageRepository;
import io.inmo.application.port.out.LeadRepository;
import io.inmo.application.port.out.LeadSearchRepository;
import io.inmo.application.port.out.NotificationPort;
import io.inmo.application.port.out.PhoneNumberPort;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.application.service.broker.BrokerConfigService;
import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.activity.ActivityType;
import io.inmo.domain.activity.ActorType;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.lead.CloseReason;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.lead.PipelineMoves;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.pipeline.StageMove;
import io.inmo.domain.scoring.Engagement;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Use case implementation: the lead book. Every rule of {@link ManageLeadsUseCase} is decided here,
 * inside one unit of work per call; the activity log gets what changed for the lead's timeline, the
 * audit log who changed it (summaries never hold income, DICOM or debt values).
 */
public final class LeadService implements ManageLeadsUseCase {
  static final String SENSITIVE_DENIED =
      "Solo el agente asignado o un administrador puede ver y cambiar ingresos, DICOM y deudas.";

  private final LeadRepository leads;
  private final LeadSearchRepository search;
  private final BrokerRepository brokers;
  private final BrokerConfigRepository configs;
  private final LeadRecompute recompute;
  private final ActivityLogRepository activity;
  private final AuditLogRepository audit;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final LeadEdits edits;
  private final UserRepository users;

  public LeadService(
      LeadRepository leads,
      LeadSearchRepository search,
      UserRepository users,
      BrokerRepository brokers,
      BrokerConfigRepository configs,
      ActivityLogRepository activity,
      AuditLogRepository audit,
      PhoneNumberPort phones,
      ChatMessageRepository messages,
      AppointmentRepository appointments,
      NotificationPort notifications,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.leads = Objects.requireNonNull(leads, "leads");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.search = Objects.requireNonNull(search, "search");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.activity = Objects.requireNonNull(activity, "activity");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.users = Objects.requireNonNull(users, "users");
    this.edits = new LeadEdits(leads, users, phones);
    this.recompute =
        new LeadRecompute(
            configs, messages, appointments, activity, new LeadAlerts(users, notifications));
  }

  static LeadRecompute.Cause cause(Actor actor) {
    return new LeadRecompute.Cause(ActorType.USER, actor.userId());
  }

  @Override
  public LeadView create(Actor actor, NewLead request) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(request, "request");
    PhoneNumber phone = edits.phone(request.phone());
    Email email = LeadEdits.email(request.email());
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = LeadAccess.broker(actor, request.brokerId(), brokers);
          UserId assignee = request.assignedTo();
          if (actor.role() == Role.AGENT) {
            if (assignee != null && !assignee.equals(actor.userId())) {
              throw new PermissionDeniedException(
                  "Un agente solo puede asignarse leads a sí mismo.");
            }
            assignee = actor.userId();
          } else if (assignee != null) {
            assignee = edits.assignable(broker, assignee);
          }
          Instant now = clock.instant();
          Lead lead = Lead.capture(broker, now);
          if (request.name() != null) {
            LeadEdits.rename(lead, request.name(), now);
          }
          edits.changePhone(lead, phone, now);
          edits.changeEmail(lead, email, now);
          LeadEdits.replaceTags(lead, request.tags(), now);
          LeadEdits.changeNotes(lead, request.notes(), now);
          if (!request.facts().isEmpty()) {
            lead.correctFacts(request.facts(), now);
          }
          if (assignee != null) {
            lead.assignTo(assignee, now);
          }
          ActivityEntry created =
              ActivityEntry.record(
                  broker,
                  lead.id(),
                  ActivityType.LEAD_CREATED,
                  Map.of("source", "api"),
                  ActorType.USER,
                  actor.userId(),
                  now);
          LeadRecompute.Outcome scored =
              recompute.apply(lead, recompute.config(lead), cause(actor), now, false);
          leads.save(lead);
          activity.append(created);
          recompute.record(scored, now);
          audit.append(
              entry(
                  actor,
                  broker,
                  "lead.create",
                  lead,
                  null,
                  LeadEdits.summary(lead),
                  request.origin()));
          return view(actor, lead);
        });
  }

  @Override
  public LeadView get(Actor actor, BrokerId brokerId, LeadId id, Origin origin) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = LeadAccess.broker(actor, brokerId, brokers);
          Lead lead = visible(actor, broker, id);
          if (actor.isSuperadmin()) {
            audit.append(entry(actor, broker, "lead.read", lead, null, null, origin(origin)));
          }
          return view(actor, lead);
        });
  }

  @Override
  public LeadView update(Actor actor, BrokerId brokerId, LeadId id, LeadChanges changes) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(changes, "changes");
    PhoneNumber phone = changes.phone() == null ? null : edits.phone(changes.phone().orElse(null));
    Email email = changes.email() == null ? null : LeadEdits.email(changes.email().orElse(null));
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = LeadAccess.broker(actor, brokerId, brokers);
          Lead lead = visible(actor, broker, id);
          Instant now = clock.instant();
          Map<String, Object> before = LeadEdits.summary(lead);
          LeadFacts factsBefore = lead.facts();
          UserId assigneeBefore = lead.assignedTo();

          boolean touchesSensitive =
              (changes.facts() != null && !changes.facts().sensitiveOnly().isEmpty())
                  || changes.clearedFacts().stream().anyMatch(LeadFacts::isSensitive);
          if (touchesSensitive && !LeadAccess.seesSensitive(actor, lead)) {
            throw new PermissionDeniedException(SENSITIVE_DENIED);
          }
          if (changes.assignedTo() != null) {
            reassign(actor, broker, lead, changes.assignedTo().orElse(null), now);
          }
          if (changes.name() != null) {
            LeadEdits.rename(lead, changes.name().orElseThrow(), now);
          }
          if (changes.phone() != null) {
            edits.changePhone(lead, phone, now);
          }
          if (changes.email() != null) {
            edits.changeEmail(lead, email, now);
          }
          if (changes.tags() != null) {
            LeadEdits.replaceTags(lead, changes.tags(), now);
          }
          if (changes.notes() != null) {
            LeadEdits.changeNotes(lead, changes.notes().orElse(null), now);
          }
          LeadFacts facts = lead.facts().without(changes.clearedFacts());
          if (changes.facts() != null) {
            facts = facts.merge(changes.facts());
          }
          if (!facts.equals(lead.facts())) {
            lead.correctFacts(facts, now);
          }

          Map<String, Object> after = LeadEdits.summary(lead);
          List<String> changedFacts = LeadEdits.changedFacts(factsBefore, lead.facts());
          if (before.equals(after) && changedFacts.isEmpty()) {
            return view(actor, lead); // nothing changed: nothing to write or log
          }
          logChanges(actor, lead, before, after, changedFacts, assigneeBefore, now);
          LeadRecompute.Outcome scored =
              recompute.apply(lead, recompute.config(lead), cause(actor), now, true);
          leads.save(lead);
          recompute.record(scored, now);
          Map<String, Map<String, Object>> diff = LeadEdits.diff(before, after);
          Map<String, Object> afterDiff = new LinkedHashMap<>(diff.get("after"));
          if (!changedFacts.isEmpty()) {
            afterDiff.put("factsChanged", changedFacts);
          }
          audit.append(
              entry(
                  actor,
                  broker,
                  "lead.update",
                  lead,
                  diff.get("before"),
                  afterDiff,
                  changes.origin()));
          return view(actor, lead);
        });
  }

  @Override
  public LeadView assign(
      Actor actor, BrokerId brokerId, LeadId id, UserId assignee, Origin origin) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = LeadAccess.broker(actor, brokerId, brokers);
          Lead lead = visible(actor, broker, id);
          UserId before = lead.assignedTo();
          Instant now = clock.instant();
          reassign(actor, broker, lead, assignee, now);
          if (Objects.equals(before, lead.assignedTo())) {
            return view(actor, lead);
          }
          leads.save(lead);
          log(actor, lead, ActivityType.ASSIGNED, assignment(before, lead.assignedTo()), now);
          Map<String, Object> was = new LinkedHashMap<>();
          was.put("assignedTo", before == null ? null : before.value().toString());
          Map<String, Object> is = new LinkedHashMap<>();
          is.put("assignedTo", assignee == null ? null : assignee.value().toString());
          audit.append(entry(actor, broker, "lead.assign", lead, was, is, origin(origin)));
          return view(actor, lead);
        });
  }

  @Override
  public LeadView moveStage(Actor actor, BrokerId brokerId, LeadId id, StageChange change) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(change, "change");
    String reason = change.reason() == null ? "" : change.reason().strip();
    if (reason.isEmpty() || reason.length() > PipelineMoves.MAX_REASON_LENGTH) {
      throw new InvalidValueException(
          "lead.stage_invalid",
          "Indica el motivo del cambio de etapa (hasta "
              + PipelineMoves.MAX_REASON_LENGTH
              + " caracteres).");
    }
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = LeadAccess.broker(actor, brokerId, brokers);
          Lead lead = visible(actor, broker, id);
          Instant now = clock.instant();
          PipelineStage from = lead.stage();
          StageMove move;
          ActivityType type;
          boolean reopened = false;
          if (from.isClosed() && !change.stage().isClosed()) {
            if (!PipelineMoves.mayReopen(actor.role())) {
              throw new PermissionDeniedException(
                  "lead.reopen_requires_admin",
                  "Solo un administrador puede reabrir un lead ganado o perdido.");
            }
            move = PipelineMoves.reopen(lead, change.stage(), reason, actor.role(), now);
            type = ActivityType.LEAD_REOPENED;
            reopened = true;
          } else if (change.stage().isClosed()) {
            if (from.isClosed()) {
              throw new DomainException(
                  "lead.closed", "El lead ya está cerrado: reábrelo antes de moverlo.");
            }
            move = PipelineMoves.close(lead, change.stage(), closeReason(change, reason), now);
            type = ActivityType.LEAD_CLOSED;
          } else {
            var moved = PipelineMoves.move(lead, change.stage(), reason, now);
            if (moved.isEmpty()) {
              return view(actor, lead);
            }
            move = moved.get();
            type = ActivityType.STAGE_CHANGED;
          }
          ActivityEntry entry =
              ActivityEntry.record(
                  broker,
                  lead.id(),
                  type,
                  LeadRecompute.details(move),
                  ActorType.USER,
                  actor.userId(),
                  now);
          LeadRecompute.Outcome rescored =
              reopened
                  ? recompute.apply(lead, recompute.config(lead), cause(actor), now, true, false)
                  : null;
          leads.save(lead);
          activity.append(entry);
          if (rescored != null) {
            recompute.record(rescored, now);
          }
          Map<String, Object> was = new LinkedHashMap<>();
          was.put("stage", from.apiValue());
          Map<String, Object> is = new LinkedHashMap<>();
          is.put("stage", lead.stage().apiValue());
          audit.append(entry(actor, broker, "lead.stage", lead, was, is, change.origin()));
          return view(actor, lead);
        });
  }

  @Override
  public ScorePreview previewScore(
      Actor actor, BrokerId brokerId, BrokerCommands.LeadSettings settings, NewLead request) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(request, "request");
    LeadAccess.requireManager(actor, "simular puntajes.");
    PhoneNumber phone = edits.phone(request.phone());
    Email email = LeadEdits.email(request.email());
    var proposed = settings == null ? null : BrokerConfigService.leadSettings(settings, clock);
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = LeadAccess.broker(actor, brokerId, brokers);
          Instant now = clock.instant();
          Lead lead = Lead.capture(broker, now);
          BrokerLeadConfig current = recompute.config(lead);
          BrokerLeadConfig config = proposed == null ? current : proposed.apply(current);
          if (request.name() != null) {
            LeadEdits.rename(lead, request.name(), now);
          }
          if (phone != null) {
            lead.changePhone(phone, now);
          }
          if (email != null) {
            lead.changeEmail(email, now);
          }
          if (!request.facts().isEmpty()) {
            lead.correctFacts(request.facts(), now);
          }
          // nothing of this is written: the lead and the outcome are thrown away
          recompute.apply(
              lead, config, LeadRecompute.Cause.SYSTEM, now, Engagement.NONE, false, true);
          return new ScorePreview(
              lead.score(),
              lead.scoreComponents(),
              lead.status(),
              lead.qualification(),
              lead.stage());
        });
  }

  private static CloseReason closeReason(StageChange change, String reason) {
    String code =
        change.closeReason() == null || change.closeReason().isBlank()
            ? (change.stage() == PipelineStage.WON ? "won" : "other")
            : change.closeReason();
    try {
      return CloseReason.of(code, reason);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(
          "lead.stage_invalid",
          "closeReason debe ser un código en minúsculas con guiones bajos (p. ej."
              + " not_interested).");
    }
  }

  @Override
  public void delete(Actor actor, BrokerId brokerId, LeadId id, Origin origin) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    LeadAccess.requireManager(actor, "eliminar leads.");
    unitOfWork.inTransaction(
        () -> {
          BrokerId broker = LeadAccess.broker(actor, brokerId, brokers);
          Lead lead = visible(actor, broker, id);
          Map<String, Object> before = LeadEdits.summary(lead);
          Instant now = clock.instant();
          lead.softDelete(now);
          leads.save(lead);
          log(actor, lead, ActivityType.LEAD_DELETED, Map.of(), now);
          audit.append(
              entry(
                  actor,
                  broker,
                  "lead.delete",
                  lead,
                  before,
                  Map.of("deleted", true),
                  origin(origin)));
        });
  }

  @Override
  public LeadPage list(Actor actor, LeadQuery query) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(query, "query");
    var after = LeadCursors.decode(query.cursor(), query.sort());
    LeadFilter filter = query.filter();
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = LeadAccess.broker(actor, query.brokerId(), brokers);
          UserId assignedTo = filter.assignedTo();
          if (!LeadAccess.agentsSeeUnassigned(actor, broker, configs)) {
            // only their own leads: asking for others' or for the unassigned ones finds nothing
            if (filter.unassignedOnly()
                || (assignedTo != null && !assignedTo.equals(actor.userId()))) {
              return new LeadPage(List.of(), null);
            }
            assignedTo = actor.userId();
          }
          List<Lead> found =
              search.search(
                  broker,
                  LeadFilters.search(
                      filter,
                      assignedTo,
                      actor.role() == Role.AGENT ? actor.userId() : null,
                      query.sort(),
                      after,
                      query.limit() + 1));
          boolean more = found.size() > query.limit();
          List<Lead> page = more ? found.subList(0, query.limit()) : found;
          String next = more ? LeadCursors.encode(query.sort(), page.get(page.size() - 1)) : null;
          if (actor.isSuperadmin()) {
            audit.append(
                entry(
                    actor,
                    broker,
                    "lead.list",
                    null,
                    null,
                    Map.of("count", page.size()),
                    query.origin()));
          }
          return new LeadPage(page.stream().map(lead -> view(actor, lead)).toList(), next);
        });
  }

  @Override
  public List<ActivityView> activity(
      Actor actor, BrokerId brokerId, LeadId id, int limit, Origin origin) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InvalidValueException(
          "lead.invalid", "limit debe estar entre 1 y " + MAX_PAGE_SIZE + ".");
    }
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = LeadAccess.broker(actor, brokerId, brokers);
          Lead lead = visible(actor, broker, id);
          if (actor.isSuperadmin()) {
            audit.append(entry(actor, broker, "lead.activity", lead, null, null, origin(origin)));
          }
          List<ActivityEntry> entries = activity.findByLead(broker, lead.id(), limit);
          Map<UserId, String> names = staffNames(broker, entries);
          return entries.stream()
              .map(
                  e ->
                      new ActivityView(
                          e, e.actorUserId() == null ? null : names.get(e.actorUserId())))
              .toList();
        });
  }

  @Override
  public ActivityView addNote(Actor actor, BrokerId brokerId, LeadId id, NewNote note) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(note, "note");
    String text = noteText(note.text());
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = LeadAccess.broker(actor, brokerId, brokers);
          Lead lead = visible(actor, broker, id);
          // the time the database keeps (microseconds), so the answer and the timeline agree
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          // a note is written down, not a follow-up: the lead itself is not touched (ADR 0014)
          ActivityEntry entry =
              ActivityEntry.record(
                  broker,
                  lead.id(),
                  ActivityType.NOTE,
                  Map.of("text", text),
                  ActorType.USER,
                  actor.userId(),
                  now);
          activity.append(entry);
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("noteId", entry.id().value().toString());
          after.put("noteLength", text.codePointCount(0, text.length()));
          audit.append(entry(actor, broker, "lead.note", lead, null, after, note.origin()));
          return new ActivityView(entry, staffNames(broker, List.of(entry)).get(actor.userId()));
        });
  }

  /** A note's text, stripped: 1..{@value #MAX_NOTE_LENGTH} characters. */
  private static String noteText(String text) {
    String stripped = text == null ? "" : text.strip();
    if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_NOTE_LENGTH) {
      throw new InvalidValueException(
          "lead.note_invalid", "La nota debe tener entre 1 y " + MAX_NOTE_LENGTH + " caracteres.");
    }
    return stripped;
  }

  /**
   * Names of the broker's users who caused these entries (users of other brokers and platform
   * administrators are not named).
   */
  private Map<UserId, String> staffNames(BrokerId broker, List<ActivityEntry> entries) {
    if (entries.stream().noneMatch(e -> e.actorUserId() != null)) {
      return Map.of();
    }
    Map<UserId, String> names = new java.util.HashMap<>();
    users.findByBroker(broker).forEach(user -> names.put(user.id(), user.name()));
    return names;
  }

  /**
   * Applies an assignment change under the role rules: an ADMIN assigns to any active user of the
   * broker; an AGENT may only claim an unassigned lead or give back their own.
   */
  private void reassign(Actor actor, BrokerId broker, Lead lead, UserId assignee, Instant now) {
    if (Objects.equals(assignee, lead.assignedTo())) {
      return;
    }
    if (actor.role() == Role.AGENT) {
      boolean claim =
          assignee != null && assignee.equals(actor.userId()) && lead.assignedTo() == null;
      boolean giveBack = assignee == null && actor.userId().equals(lead.assignedTo());
      if (!claim && !giveBack) {
        throw new PermissionDeniedException(
            "Un agente solo puede tomar un lead sin asignar o devolver uno propio.");
      }
      lead.assignTo(assignee, now);
      return;
    }
    lead.assignTo(assignee == null ? null : edits.assignable(broker, assignee), now);
  }

  private void logChanges(
      Actor actor,
      Lead lead,
      Map<String, Object> before,
      Map<String, Object> after,
      List<String> changedFacts,
      UserId assigneeBefore,
      Instant now) {
    List<String> fields =
        before.keySet().stream()
            .filter(key -> !key.equals("facts") && !key.equals("assignedTo"))
            .filter(key -> !Objects.equals(before.get(key), after.get(key)))
            .toList();
    if (!fields.isEmpty()) {
      log(actor, lead, ActivityType.LEAD_UPDATED, Map.of("fields", fields), now);
    }
    if (!changedFacts.isEmpty()) {
      log(actor, lead, ActivityType.FACTS_UPDATED, Map.of("fields", changedFacts), now);
    }
    if (!Objects.equals(assigneeBefore, lead.assignedTo())) {
      log(actor, lead, ActivityType.ASSIGNED, assignment(assigneeBefore, lead.assignedTo()), now);
    }
  }

  private static Map<String, Object> assignment(UserId from, UserId to) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("from", from == null ? null : from.value().toString());
    details.put("to", to == null ? null : to.value().toString());
    return details;
  }

  private void log(Actor actor, Lead lead, ActivityType type, Map<String, ?> details, Instant now) {
    activity.append(
        ActivityEntry.record(
            lead.brokerId(), lead.id(), type, details, ActorType.USER, actor.userId(), now));
  }

  private Lead visible(Actor actor, BrokerId broker, LeadId id) {
    return LeadAccess.visible(
        actor, broker, id, leads, LeadAccess.agentsSeeUnassigned(actor, broker, configs));
  }

  private static LeadView view(Actor actor, Lead lead) {
    return LeadView.of(lead, LeadAccess.seesSensitive(actor, lead));
  }

  private static Origin origin(Origin origin) {
    return origin == null ? Origin.SYSTEM : origin;
  }

  private AuditEntry entry(
      Actor actor,
      BrokerId broker,
      String action,
      Lead lead,
      Map<String, ?> before,
      Map<String, ?> after,
      Origin origin) {
    return AuditEntry.record(
        broker,
        actor.userId(),
        action,
        "lead",
        lead == null ? null : lead.id().value().toString(),
        before,
        after,
        origin.ip(),
        origin.requestId(),
        clock.instant());
  }
}
