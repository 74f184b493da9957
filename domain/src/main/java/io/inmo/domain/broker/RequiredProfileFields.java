package io.inmo.domain.broker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The profile a lead must have before financial qualification: a list of groups, each satisfied by
 * any one of its fields (default: name, phone, location, and budget or property type).
 *
 * <p>Stored as JSON {@code [["name"],["phone"],["location"],["budget","property_type"]]}.
 */
public record RequiredProfileFields(List<Set<LeadField>> groups) {

  public RequiredProfileFields {
    Objects.requireNonNull(groups, "groups must not be null");
    List<Set<LeadField>> copy = new ArrayList<>();
    for (Set<LeadField> group : groups) {
      Objects.requireNonNull(group, "group must not be null");
      if (group.isEmpty()) {
        throw new IllegalArgumentException("a required-field group must name at least one field");
      }
      Set<LeadField> g = Collections.unmodifiableSet(EnumSet.copyOf(group));
      if (!copy.contains(g)) {
        copy.add(g);
      }
    }
    groups = List.copyOf(copy);
  }

  /** Name, phone, location, and budget or property type. */
  public static RequiredProfileFields defaults() {
    return new RequiredProfileFields(
        List.of(
            Set.of(LeadField.NAME),
            Set.of(LeadField.PHONE),
            Set.of(LeadField.LOCATION),
            Set.of(LeadField.BUDGET, LeadField.PROPERTY_TYPE)));
  }

  /** Every field required on its own. */
  public static RequiredProfileFields allOf(LeadField... fields) {
    List<Set<LeadField>> groups = new ArrayList<>();
    for (LeadField f : fields) {
      groups.add(Set.of(f));
    }
    return new RequiredProfileFields(groups);
  }

  /** Whether every group has at least one present field, as told by {@code present}. */
  public boolean isSatisfiedBy(Predicate<LeadField> present) {
    return missing(present).isEmpty();
  }

  /** The groups none of whose fields is present, in order. */
  public List<Set<LeadField>> missing(Predicate<LeadField> present) {
    Objects.requireNonNull(present, "present");
    return groups.stream().filter(g -> g.stream().noneMatch(present)).toList();
  }
}
