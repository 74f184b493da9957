package io.inmo.application.service.lead;

import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.LeadRepository;
import io.inmo.application.security.Actor;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.application.service.BrokerScopes;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.NotFoundException;
import io.inmo.domain.user.Role;

/**
 * Who sees which lead (§3): ADMIN and SUPERADMIN the whole broker, an AGENT the leads assigned to
 * them and, unless the broker switched it off ({@code agentsSeeUnassigned}), the unassigned ones. A
 * lead the caller may not see is indistinguishable from one that does not exist.
 */
public final class LeadAccess {
  static final String NOT_FOUND = "lead.not_found";

  private LeadAccess() {}

  /** The broker the call is about: the caller's own, or for a SUPERADMIN the one named. */
  public static BrokerId broker(Actor actor, BrokerId requested, BrokerRepository brokers) {
    return BrokerScopes.target(
        actor,
        requested,
        brokers,
        "lead.broker_required",
        "Indica la corredora (brokerId) cuyos leads consultas.");
  }

  /**
   * The live lead {@code id} if the caller may see it; 404 otherwise.
   *
   * @param agentsSeeUnassigned the broker's switch (lead config): whether its AGENTs see the
   *     unassigned leads too
   */
  public static Lead visible(
      Actor actor, BrokerId broker, LeadId id, LeadRepository leads, boolean agentsSeeUnassigned) {
    return leads
        .findById(broker, id)
        .filter(lead -> !lead.isDeleted())
        .filter(lead -> canSee(actor, lead, agentsSeeUnassigned))
        .orElseThrow(LeadAccess::notFound);
  }

  static boolean canSee(Actor actor, Lead lead, boolean agentsSeeUnassigned) {
    return actor.role() != Role.AGENT
        || (lead.assignedTo() == null && agentsSeeUnassigned)
        || actor.userId().equals(lead.assignedTo());
  }

  /** The broker's switch for an AGENT (default on); irrelevant, so true, for everyone else. */
  public static boolean agentsSeeUnassigned(
      Actor actor, BrokerId broker, BrokerConfigRepository configs) {
    return actor.role() != Role.AGENT
        || configs.findLeadConfig(broker).map(BrokerLeadConfig::agentsSeeUnassigned).orElse(true);
  }

  /** Income, DICOM and debt: ADMIN, SUPERADMIN and the assigned AGENT. */
  static boolean seesSensitive(Actor actor, Lead lead) {
    return actor.role() != Role.AGENT || actor.userId().equals(lead.assignedTo());
  }

  static void requireManager(Actor actor, String what) {
    if (actor.role() == Role.AGENT) {
      throw new PermissionDeniedException("Solo un administrador de la corredora puede " + what);
    }
  }

  static NotFoundException notFound() {
    return new NotFoundException(NOT_FOUND, "El lead no existe.");
  }
}
