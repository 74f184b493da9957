package io.inmo.application.service.lead;

import io.inmo.application.port.in.lead.LeadFilter;
import io.inmo.application.port.in.lead.LeadTransferUseCase;
import io.inmo.application.port.out.ActivityLogRepository;
import io.inmo.application.port.out.AppointmentRepository;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.ChatMessageRepository;
import io.inmo.application.port.out.LeadRepository;
import io.inmo.application.port.out.LeadSearchRepository;
import io.inmo.application.port.out.LeadSearchRepository.LeadSearch;
import io.inmo.application.port.out.LeadSearchRepository.LeadSort;
import io.inmo.application.port.out.LeadSearchRepository.Position;
import io.inmo.application.port.out.NotificationPort;
import io.inmo.application.port.out.PhoneNumberPort;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.activity.ActivityType;
import io.inmo.domain.activity.ActorType;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.lead.ChannelIdentity;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Use case implementation: CSV-shaped import and export of the lead book. The import runs in one
 * unit of work, so a file is applied whole or not at all; a bad line is reported, not applied, and
 * never stops the lines after it. The export reads the book in pages of {@value #PAGE} leads, one
 * short unit of work each, and hands rows on between pages, so a slow client holds no transaction.
 */
public final class LeadTransferService implements LeadTransferUseCase {
  static final int PAGE = 500;

  /** Lines read, looked up and written together; the unit of work is checkpointed after each. */
  static final int CHUNK = 500;

  static final String CREATED = "created";
  static final String MERGED = "merged";

  private final LeadRepository leads;
  private final LeadRecompute recompute;
  private final LeadSearchRepository search;
  private final UserRepository users;
  private final BrokerRepository brokers;
  private final ActivityLogRepository activity;
  private final AuditLogRepository audit;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final LeadEdits edits;

  public LeadTransferService(
      LeadRepository leads,
      LeadSearchRepository search,
      UserRepository users,
      BrokerRepository brokers,
      ActivityLogRepository activity,
      AuditLogRepository audit,
      PhoneNumberPort phones,
      BrokerConfigRepository configs,
      ChatMessageRepository messages,
      AppointmentRepository appointments,
      NotificationPort notifications,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.leads = Objects.requireNonNull(leads, "leads");
    this.recompute =
        new LeadRecompute(
            configs, messages, appointments, activity, new LeadAlerts(users, notifications));
    this.search = Objects.requireNonNull(search, "search");
    this.users = Objects.requireNonNull(users, "users");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.activity = Objects.requireNonNull(activity, "activity");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.edits = new LeadEdits(leads, users, phones);
  }

  @Override
  public ImportReport importLeads(
      Actor actor, BrokerId brokerId, Iterator<ImportLine> lines, Origin origin) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(lines, "lines");
    LeadAccess.requireManager(actor, "importar leads.");
    Origin from = origin == null ? Origin.SYSTEM : origin;
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = LeadAccess.broker(actor, brokerId, brokers);
          Instant now = clock.instant();
          Map<String, Optional<UserId>> assignees = new HashMap<>();
          List<LineResult> results = new ArrayList<>();
          List<ImportLine> chunk = new ArrayList<>(CHUNK);
          while (lines.hasNext()) {
            chunk.add(lines.next());
            if (chunk.size() == CHUNK || !lines.hasNext()) {
              results.addAll(importChunk(actor, broker, chunk, assignees, now));
              chunk.clear();
              unitOfWork.checkpoint();
            }
          }
          int created = 0;
          int merged = 0;
          int failed = 0;
          for (LineResult result : results) {
            switch (result.result()) {
              case CREATED -> created++;
              case MERGED -> merged++;
              default -> failed++;
            }
          }
          Map<String, Object> counts = new LinkedHashMap<>();
          counts.put("created", created);
          counts.put("merged", merged);
          counts.put("failed", failed);
          audit.append(
              AuditEntry.record(
                  broker,
                  actor.userId(),
                  "lead.import",
                  "lead",
                  null,
                  null,
                  counts,
                  from.ip(),
                  from.requestId(),
                  clock.instant()));
          return new ImportReport(created, merged, failed, results);
        });
  }

  /** A line that passed validation, with its values read. */
  private record Row(
      ImportLine line,
      String name,
      PhoneNumber phone,
      Email email,
      LeadFacts facts,
      List<String> tags,
      String notes,
      UserId assignee) {}

  /**
   * Imports a chunk of lines: validates each, looks up the leads of all their phones and e-mails at
   * once, then creates or merges line by line, in file order (a later line merges into a lead an
   * earlier line created), and writes the chunk's leads and activity entries together.
   */
  private List<LineResult> importChunk(
      Actor actor,
      BrokerId broker,
      List<ImportLine> chunk,
      Map<String, Optional<UserId>> assignees,
      Instant now) {
    List<LineResult> results = new ArrayList<>(chunk.size());
    List<Row> rows = new ArrayList<>();
    for (ImportLine line : chunk) {
      List<String> errors = new ArrayList<>();
      Row row = read(broker, line, assignees, errors);
      if (row == null) {
        results.add(error(line, errors));
      } else {
        rows.add(row);
        results.add(null); // filled below, in file order
      }
    }

    // every lead the chunk's phones and e-mails already belong to, by phone and by e-mail
    Map<PhoneNumber, Lead> byPhone = new HashMap<>();
    Map<Email, Lead> byEmail = new HashMap<>();
    List<PhoneNumber> phones = rows.stream().map(Row::phone).filter(Objects::nonNull).toList();
    List<Email> emails = rows.stream().map(Row::email).filter(Objects::nonNull).toList();
    for (Lead lead : leads.findLiveByContacts(broker, phones, emails)) {
      index(lead, byPhone, byEmail);
    }

    Map<LeadId, Lead> created = new LinkedHashMap<>();
    Map<LeadId, Lead> merged = new LinkedHashMap<>();
    List<ActivityEntry> entries = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) != null) {
        continue;
      }
      Row row = rows.get(next++);
      Lead target = row.phone() == null ? null : byPhone.get(row.phone());
      if (target == null && row.email() != null) {
        target = byEmail.get(row.email());
      }
      try {
        if (target == null) {
          Lead lead = create(broker, row, now);
          created.put(lead.id(), lead);
          index(lead, byPhone, byEmail);
          entries.add(entry(actor, lead, ActivityType.LEAD_CREATED, row.line(), now));
          results.set(i, new LineResult(row.line().lineNumber(), CREATED, id(lead), null));
        } else {
          String conflict = conflict(target, row, byPhone, byEmail);
          if (conflict != null) {
            results.set(i, error(row.line(), List.of(conflict)));
            continue;
          }
          merge(target, row, now);
          index(target, byPhone, byEmail);
          if (!created.containsKey(target.id())) {
            merged.put(target.id(), target);
          }
          entries.add(entry(actor, target, ActivityType.LEAD_UPDATED, row.line(), now));
          results.set(i, new LineResult(row.line().lineNumber(), MERGED, id(target), null));
        }
      } catch (DomainException e) {
        // raised by a domain check before anything of this line was written
        results.set(i, error(row.line(), List.of(e.getMessage())));
      }
    }
    // score, status, qualification and stage of every lead the chunk touched, once per lead
    BrokerLeadConfig config = null;
    List<LeadRecompute.Outcome> outcomes = new ArrayList<>();
    for (Lead lead : created.values()) {
      config = config == null ? recompute.config(lead) : config;
      outcomes.add(recompute.apply(lead, config, LeadService.cause(actor), now, false));
    }
    if (!merged.isEmpty()) {
      config = config == null ? recompute.config(merged.values().iterator().next()) : config;
      outcomes.addAll(
          recompute.applyAll(List.copyOf(merged.values()), config, LeadService.cause(actor), now));
    }
    leads.insertAll(created.values());
    leads.saveAll(merged.values());
    activity.appendAll(entries);
    recompute.record(outcomes, now, false);
    return results;
  }

  /** The row of a line, or null with {@code errors} filled when the line is not valid. */
  private Row read(
      BrokerId broker,
      ImportLine line,
      Map<String, Optional<UserId>> assignees,
      List<String> errors) {
    if (line.malformed() != null) {
      errors.add(line.malformed());
      return null;
    }
    Map<String, String> values = line.values();
    String name = blankToNull(values.get("name"));
    if (name != null && name.length() > Lead.MAX_NAME_LENGTH) {
      errors.add("name: admite a lo más " + Lead.MAX_NAME_LENGTH + " caracteres");
    }
    PhoneNumber phone = readField(errors, "phone", () -> edits.phone(values.get("phone")));
    Email email = readField(errors, "email", () -> LeadEdits.email(values.get("email")));
    LeadFacts facts = LeadRows.facts(values, errors);
    String notes = blankToNull(values.get("notes"));
    if (notes != null && notes.length() > Lead.MAX_NOTES_LENGTH) {
      errors.add("notes: admite a lo más " + Lead.MAX_NOTES_LENGTH + " caracteres");
    }
    UserId assignee = null;
    String assigneeText = blankToNull(values.get("assignedTo"));
    if (assigneeText != null) {
      assignee =
          assignees.computeIfAbsent(assigneeText, text -> assignee(broker, text)).orElse(null);
      if (assignee == null) {
        errors.add("assignedTo: no es un usuario activo de la corredora");
      }
    }
    if (name == null && phone == null && email == null && errors.isEmpty()) {
      errors.add("la línea no tiene nombre, teléfono ni e-mail");
    }
    return errors.isEmpty()
        ? new Row(line, name, phone, email, facts, tags(values.get("tags")), notes, assignee)
        : null;
  }

  private static Lead create(BrokerId broker, Row row, Instant now) {
    Lead lead = Lead.capture(broker, now);
    if (row.name() != null) {
      LeadEdits.rename(lead, row.name(), now);
    }
    // no lead of the broker has this phone or e-mail (looked up with the chunk)
    if (row.phone() != null) {
      lead.changePhone(row.phone(), now);
      lead.addIdentity(ChannelIdentity.phone(row.phone()), now);
    }
    if (row.email() != null) {
      lead.changeEmail(row.email(), now);
      lead.addIdentity(ChannelIdentity.email(row.email()), now);
    }
    LeadEdits.addTags(lead, row.tags(), now);
    LeadEdits.changeNotes(lead, row.notes(), now);
    if (!row.facts().isEmpty()) {
      lead.correctFacts(row.facts(), now);
    }
    if (row.assignee() != null) {
      lead.assignTo(row.assignee(), now);
    }
    return lead;
  }

  /**
   * Why a merge cannot add the line's contact data to {@code target}: its phone or e-mail belongs
   * to another lead; null when it can.
   */
  private static String conflict(
      Lead target, Row row, Map<PhoneNumber, Lead> byPhone, Map<Email, Lead> byEmail) {
    if (row.phone() != null && target.phone() == null) {
      Lead owner = byPhone.get(row.phone());
      if (owner != null && !owner.id().equals(target.id())) {
        return "phone: pertenece a otro lead de la corredora";
      }
    }
    if (row.email() != null && target.email() == null) {
      Lead owner = byEmail.get(row.email());
      if (owner != null && !owner.id().equals(target.id())) {
        return "email: pertenece a otro lead de la corredora";
      }
    }
    return null;
  }

  private static void index(Lead lead, Map<PhoneNumber, Lead> byPhone, Map<Email, Lead> byEmail) {
    if (lead.phone() != null) {
      byPhone.put(lead.phone(), lead);
    }
    if (lead.email() != null) {
      byEmail.put(lead.email(), lead);
    }
    for (ChannelIdentity identity : lead.identities()) {
      switch (identity.channel()) {
        case PHONE -> byPhone.putIfAbsent(new PhoneNumber(identity.value()), lead);
        case EMAIL -> byEmail.putIfAbsent(new Email(identity.value()), lead);
        default -> {}
      }
    }
  }

  /** Fills what the lead lacks (no lookups: the chunk's maps were checked by the caller). */
  private static void merge(Lead lead, Row row, Instant now) {
    if (row.name() != null && lead.name() == null) {
      LeadEdits.rename(lead, row.name(), now);
    }
    if (row.phone() != null && lead.phone() == null) {
      lead.changePhone(row.phone(), now);
      lead.addIdentity(ChannelIdentity.phone(row.phone()), now);
    }
    if (row.email() != null && lead.email() == null) {
      lead.changeEmail(row.email(), now);
      lead.addIdentity(ChannelIdentity.email(row.email()), now);
    }
    LeadEdits.addTags(lead, row.tags(), now);
    if (row.notes() != null && lead.notes() == null) {
      LeadEdits.changeNotes(lead, row.notes(), now);
    }
    LeadFacts mergedFacts = lead.facts().merge(row.facts());
    if (!mergedFacts.equals(lead.facts())) {
      lead.correctFacts(mergedFacts, now);
    }
    if (row.assignee() != null && lead.assignedTo() == null) {
      lead.assignTo(row.assignee(), now);
    }
  }

  private static String id(Lead lead) {
    return lead.id().value().toString();
  }

  private Optional<UserId> assignee(BrokerId broker, String text) {
    Optional<User> user;
    try {
      user = users.findById(new UserId(UUID.fromString(text)));
    } catch (IllegalArgumentException notAnId) {
      try {
        user = users.findByEmail(new Email(text));
      } catch (IllegalArgumentException notAnEmail) {
        return Optional.empty();
      }
    }
    return user.filter(u -> broker.equals(u.brokerId()) && u.isActive()).map(User::id);
  }

  @Override
  public LeadExport exportLeads(
      Actor actor, BrokerId brokerId, LeadFilter filter, LeadSort sort, Origin origin) {
    Objects.requireNonNull(actor, "actor");
    LeadAccess.requireManager(actor, "exportar leads.");
    Origin from = origin == null ? Origin.SYSTEM : origin;
    LeadFilter kept = filter == null ? LeadFilter.ANY : filter;
    LeadSort order = sort == null ? LeadSort.OLDEST : sort;
    BrokerId broker = unitOfWork.inTransaction(() -> LeadAccess.broker(actor, brokerId, brokers));
    return rows -> export(actor, broker, kept, order, Objects.requireNonNull(rows, "rows"), from);
  }

  private long export(
      Actor actor,
      BrokerId broker,
      LeadFilter filter,
      LeadSort sort,
      Consumer<List<String>> rows,
      Origin from) {
    Map<String, String> userLabels = new HashMap<>();
    unitOfWork.inTransaction(
        () ->
            users
                .findByBroker(broker)
                .forEach(u -> userLabels.put(u.id().value().toString(), u.email().value())));
    Position after = null;
    long count = 0;
    List<Lead> page;
    do {
      LeadSearch next = LeadFilters.search(filter, filter.assignedTo(), null, sort, after, PAGE);
      page = unitOfWork.inTransaction(() -> search.search(broker, next));
      for (Lead lead : page) {
        rows.accept(LeadRows.row(lead, COLUMNS, id -> userLabels.getOrDefault(id, id)));
        count++;
      }
      if (!page.isEmpty()) {
        Lead last = page.get(page.size() - 1);
        after = new Position(last.score().value(), last.createdAt(), last.id().value());
      }
    } while (page.size() == PAGE);
    long exported = count;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("count", exported);
    Map<String, Object> filters = filter.asParameters();
    if (!filters.isEmpty()) {
      summary.put("filters", filters);
    }
    if (sort != LeadSort.OLDEST) {
      summary.put("sort", sort.apiValue());
    }
    unitOfWork.inTransaction(
        () ->
            audit.append(
                AuditEntry.record(
                    broker,
                    actor.userId(),
                    "lead.export",
                    "lead",
                    null,
                    null,
                    summary,
                    from.ip(),
                    from.requestId(),
                    clock.instant())));
    return exported;
  }

  private static ActivityEntry entry(
      Actor actor, Lead lead, ActivityType type, ImportLine line, Instant now) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("source", "import");
    details.put("line", line.lineNumber());
    return ActivityEntry.record(
        lead.brokerId(), lead.id(), type, details, ActorType.USER, actor.userId(), now);
  }

  private static <T> T readField(
      List<String> errors, String column, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (DomainException e) {
      // "phone: no es un teléfono válido", not "phone: phone no es …" when the message names it
      String message = e.getMessage();
      errors.add(
          column
              + ": "
              + (message.startsWith(column + " ")
                  ? message.substring(column.length() + 1)
                  : message));
      return null;
    }
  }

  private static List<String> tags(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> tags = new ArrayList<>();
    for (String tag : text.split("[;|]")) {
      if (!tag.isBlank()) {
        tags.add(tag.strip());
      }
    }
    return tags;
  }

  private static LineResult error(ImportLine line, List<String> errors) {
    return new LineResult(line.lineNumber(), "error", null, errors);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
