package io.inmo.adapters.llm.offline;

import io.inmo.domain.conversation.Intent;
import io.inmo.domain.lead.DicomStatus;
import io.inmo.domain.lead.Financing;
import io.inmo.domain.lead.Operation;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.lead.Timeline;
import io.inmo.domain.shared.Money;
import java.util.Objects;

/**
 * What the offline agent read in one message (or, overlaid, in a turn's messages); a null component
 * was not read.
 *
 * @param name capitalised ("Juan Pérez")
 * @param phone E.164
 * @param email lower case
 * @param location canonical comuna names joined by ", ", at most 100 chars
 * @param monthlyIncome CLP only
 * @param debtAmount CLP only
 * @param injection whether the message tried to give the agent instructions (then nothing else is
 *     read from it)
 */
public record Extraction(
    String name,
    String phone,
    String email,
    String location,
    Operation operation,
    PropertyType propertyType,
    Integer bedrooms,
    Integer bathrooms,
    Integer parking,
    Money budget,
    Money monthlyIncome,
    DicomStatus dicomStatus,
    Money debtAmount,
    Timeline timeline,
    Financing financing,
    Intent intent,
    boolean injection) {

  public Extraction {
    Objects.requireNonNull(intent, "intent");
  }

  /** Nothing read. */
  public static Extraction nothing(Intent intent) {
    return new Extraction(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        intent, false);
  }

  /** A message that tried to instruct the agent: OFF_TOPIC, nothing read. */
  public static Extraction injectionAttempt() {
    return new Extraction(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Intent.OFF_TOPIC,
        true);
  }

  /** The same facts with another intent. */
  public Extraction withIntent(Intent newIntent) {
    return new Extraction(
        name,
        phone,
        email,
        location,
        operation,
        propertyType,
        bedrooms,
        bathrooms,
        parking,
        budget,
        monthlyIncome,
        dicomStatus,
        debtAmount,
        timeline,
        financing,
        newIntent,
        injection);
  }

  /** Whether it read any search or financial fact (anything but name, phone and e-mail). */
  public boolean hasFacts() {
    return location != null
        || operation != null
        || propertyType != null
        || bedrooms != null
        || bathrooms != null
        || parking != null
        || budget != null
        || monthlyIncome != null
        || dicomStatus != null
        || debtAmount != null
        || timeline != null
        || financing != null;
  }

  /**
   * This extraction overlaid with a later one: every value the later one read wins (corrections),
   * and the turn's intent is the one of higher precedence.
   */
  public Extraction then(Extraction later) {
    return new Extraction(
        pick(later.name, name),
        pick(later.phone, phone),
        pick(later.email, email),
        pick(later.location, location),
        pick(later.operation, operation),
        pick(later.propertyType, propertyType),
        pick(later.bedrooms, bedrooms),
        pick(later.bathrooms, bathrooms),
        pick(later.parking, parking),
        pick(later.budget, budget),
        pick(later.monthlyIncome, monthlyIncome),
        pick(later.dicomStatus, dicomStatus),
        pick(later.debtAmount, debtAmount),
        pick(later.timeline, timeline),
        pick(later.financing, financing),
        IntentPrecedence.stronger(intent, later.intent),
        injection || later.injection);
  }

  private static <T> T pick(T later, T earlier) {
    return later != null ? later : earlier;
  }
}
