package io.inmo.application.service.lead;

import io.inmo.application.port.out.LeadRepository;
import io.inmo.application.port.out.PhoneNumberPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.lead.ChannelIdentity;
import io.inmo.domain.lead.IdentityTakenException;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.PhoneNumber;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The edits staff make to a lead, shared by the API and the CSV import: contact data read and
 * checked (phones in the broker's region), the phone and e-mail kept in step with the lead's
 * channel identities, and summaries for the activity and audit logs that never hold sensitive
 * values.
 */
final class LeadEdits {
  /** Chile: the only market so far; becomes a broker setting when another one opens. */
  static final String PHONE_REGION = "CL";

  static final int MAX_TAGS = 30;

  private final LeadRepository leads;
  private final UserRepository users;
  private final PhoneNumberPort phones;

  LeadEdits(LeadRepository leads, UserRepository users, PhoneNumberPort phones) {
    this.leads = Objects.requireNonNull(leads, "leads");
    this.users = Objects.requireNonNull(users, "users");
    this.phones = Objects.requireNonNull(phones, "phones");
  }

  /** The phone in E.164, null for null; 400 {@code lead.phone_invalid} when not a number. */
  PhoneNumber phone(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return phones
        .parse(text, PHONE_REGION)
        .orElseThrow(
            () ->
                new InvalidValueException(
                    "lead.phone_invalid",
                    "phone no es un teléfono válido (ejemplos: +56 9 1234 5678, 9 1234 5678)."));
  }

  /** The e-mail, null for null; 400 {@code lead.email_invalid} when malformed. */
  static Email email(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new Email(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("lead.email_invalid", "email no es una dirección válida.");
    }
  }

  static void rename(Lead lead, String name, Instant now) {
    if (name.strip().length() > Lead.MAX_NAME_LENGTH) {
      throw new InvalidValueException(
          "lead.invalid", "name admite a lo más " + Lead.MAX_NAME_LENGTH + " caracteres.");
    }
    if (!name.strip().equals(lead.name())) {
      lead.rename(name, now);
    }
  }

  static void changeNotes(Lead lead, String notes, Instant now) {
    if (notes != null && notes.strip().length() > Lead.MAX_NOTES_LENGTH) {
      throw new InvalidValueException(
          "lead.invalid", "notes admite a lo más " + Lead.MAX_NOTES_LENGTH + " caracteres.");
    }
    String normalised = notes == null || notes.isBlank() ? null : notes.strip();
    if (!Objects.equals(normalised, lead.notes())) {
      lead.changeNotes(normalised, now);
    }
  }

  /** Replaces the tags (trimmed, lower case, 1..50 chars, at most 30). */
  static void replaceTags(Lead lead, List<String> tags, Instant now) {
    Set<String> wanted = normaliseTags(tags);
    for (String old : lead.tags()) {
      if (!wanted.contains(old)) {
        lead.untag(old, now);
      }
    }
    wanted.forEach(tag -> lead.tag(tag, now));
  }

  /** Adds tags, keeping the known ones. */
  static void addTags(Lead lead, List<String> tags, Instant now) {
    Set<String> all = new LinkedHashSet<>(lead.tags());
    all.addAll(normaliseTags(tags));
    if (all.size() > MAX_TAGS) {
      throw tooManyTags();
    }
    all.forEach(tag -> lead.tag(tag, now));
  }

  private static Set<String> normaliseTags(List<String> tags) {
    Set<String> normalised = new LinkedHashSet<>();
    for (String tag : tags) {
      String t = tag == null ? "" : tag.strip().toLowerCase(java.util.Locale.ROOT);
      if (t.isEmpty() || t.length() > Lead.MAX_TAG_LENGTH) {
        throw new InvalidValueException(
            "lead.invalid",
            "cada etiqueta debe tener entre 1 y " + Lead.MAX_TAG_LENGTH + " caracteres.");
      }
      normalised.add(t);
    }
    if (normalised.size() > MAX_TAGS) {
      throw tooManyTags();
    }
    return normalised;
  }

  private static InvalidValueException tooManyTags() {
    return new InvalidValueException(
        "lead.invalid", "un lead admite a lo más " + MAX_TAGS + " etiquetas.");
  }

  /**
   * Sets the phone (null clears it) and moves the phone identity along; 409 {@code
   * lead.identity_taken} when another live lead of the broker has that phone.
   */
  void changePhone(Lead lead, PhoneNumber phone, Instant now) {
    if (Objects.equals(lead.phone(), phone)) {
      return;
    }
    if (phone != null) {
      ChannelIdentity identity = ChannelIdentity.phone(phone);
      requireFree(lead, identity, () -> leads.findByPhone(lead.brokerId(), phone));
    }
    if (lead.phone() != null) {
      lead.removeIdentity(ChannelIdentity.phone(lead.phone()), now);
    }
    lead.changePhone(phone, now);
    if (phone != null) {
      lead.addIdentity(ChannelIdentity.phone(phone), now);
    }
  }

  /** Sets the e-mail (null clears it) and moves the e-mail identity along, like the phone. */
  void changeEmail(Lead lead, Email email, Instant now) {
    if (Objects.equals(lead.email(), email)) {
      return;
    }
    if (email != null) {
      requireFree(
          lead, ChannelIdentity.email(email), () -> leads.findByEmail(lead.brokerId(), email));
    }
    if (lead.email() != null) {
      lead.removeIdentity(ChannelIdentity.email(lead.email()), now);
    }
    lead.changeEmail(email, now);
    if (email != null) {
      lead.addIdentity(ChannelIdentity.email(email), now);
    }
  }

  private void requireFree(
      Lead lead, ChannelIdentity identity, Supplier<java.util.Optional<Lead>> byColumn) {
    boolean taken =
        leads
                .findByIdentity(lead.brokerId(), identity)
                .filter(other -> !other.id().equals(lead.id()))
                .isPresent()
            || byColumn.get().filter(other -> !other.id().equals(lead.id())).isPresent();
    if (taken) {
      String what = identity.channel().apiValue().equals("email") ? "ese e-mail" : "ese teléfono";
      throw new IdentityTakenException("Ya existe otro lead de la corredora con " + what + ".");
    }
  }

  /** An active ADMIN or AGENT of the broker; 400 {@code lead.assignee_invalid} otherwise. */
  UserId assignable(BrokerId broker, UserId assignee) {
    return users
        .findById(assignee)
        .filter(user -> broker.equals(user.brokerId()))
        .filter(user -> user.isActive() && user.role() != Role.SUPERADMIN)
        .map(user -> user.id())
        .orElseThrow(
            () ->
                new InvalidValueException(
                    "lead.assignee_invalid",
                    "assignedTo debe ser un usuario activo de la corredora."));
  }

  /** Runs a domain edit, turning a rejected value into 400 {@code lead.invalid}. */
  static void valid(Runnable edit) {
    try {
      edit.run();
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("lead.invalid", e.getMessage());
    }
  }

  /** What the audit log keeps of a lead: contact data, place in the pipeline, fact names. */
  static Map<String, Object> summary(Lead lead) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("name", lead.name());
    summary.put("phone", lead.phone() == null ? null : lead.phone().value());
    summary.put("email", lead.email() == null ? null : lead.email().value());
    summary.put(
        "assignedTo", lead.assignedTo() == null ? null : lead.assignedTo().value().toString());
    summary.put("tags", List.copyOf(lead.tags()));
    summary.put(
        "notes", lead.notes() == null ? null : "(" + lead.notes().length() + " caracteres)");
    summary.put("stage", lead.stage().apiValue());
    summary.put("facts", factNames(lead.facts().knownFields()));
    return summary;
  }

  /** The fields whose fact differs between two versions of the facts. */
  static List<String> changedFacts(LeadFacts before, LeadFacts after) {
    List<String> changed = new ArrayList<>();
    for (LeadField field : LeadField.values()) {
      if (!Objects.equals(before.fact(field), after.fact(field))) {
        changed.add(field.apiValue());
      }
    }
    return changed;
  }

  /** The keys whose values differ, with their old ({@code before}) and new values. */
  static Map<String, Map<String, Object>> diff(
      Map<String, Object> before, Map<String, Object> after) {
    Map<String, Object> was = new LinkedHashMap<>();
    Map<String, Object> is = new LinkedHashMap<>();
    before.forEach(
        (key, value) -> {
          if (!Objects.equals(value, after.get(key))) {
            was.put(key, value);
            is.put(key, after.get(key));
          }
        });
    Map<String, Map<String, Object>> diff = new LinkedHashMap<>();
    diff.put("before", was);
    diff.put("after", is);
    return diff;
  }

  private static List<String> factNames(Set<LeadField> fields) {
    return fields.stream().map(LeadField::apiValue).toList();
  }
}
