package io.inmo.domain.campaign;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Object mother: a follow-up campaign for new WhatsApp leads of a Santiago brokerage. */
public final class CampaignMother {
  public static final BrokerId BROKER_ID = BrokerId.of("01957a1e-0000-7000-8000-000000000001");
  public static final UserId ADMIN_ID = UserId.of("01957a1e-0000-7000-8000-0000000000b2");
  public static final MessageTemplateId GREETING_TEMPLATE =
      MessageTemplateId.of("01957a1e-0000-7000-8000-0000000000c1");
  public static final Instant NOW = Instant.parse("2025-03-10T13:00:00Z");

  private CampaignMother() {}

  /** Three steps: greet now, AI follow-up after a day, call after three more days. */
  public static List<CampaignStep> steps() {
    return List.of(
        CampaignStep.of(1, StepAction.SEND_MESSAGE, GREETING_TEMPLATE, 0, Map.of()),
        CampaignStep.of(2, StepAction.AI_MESSAGE, null, 24, Map.of("goal", "pedir presupuesto")),
        CampaignStep.of(3, StepAction.MAKE_CALL, null, 72, Map.of()));
  }

  /** "Seguimiento leads nuevos", a draft with {@link #steps()}. */
  public static Campaign draft() {
    return draft(steps());
  }

  /** "Seguimiento leads nuevos", a draft with the given steps. */
  public static Campaign draft(List<CampaignStep> steps) {
    return Campaign.draft(
        BROKER_ID,
        "Seguimiento leads nuevos",
        "Contacta a los leads nuevos de WhatsApp durante su primera semana",
        CampaignChannel.WHATSAPP,
        CampaignTrigger.NEW_LEAD,
        Map.of(),
        true,
        ADMIN_ID,
        steps,
        NOW);
  }

  /** The follow-up campaign, already in {@code status}. */
  public static Campaign inStatus(CampaignStatus status) {
    Campaign c = draft();
    return Campaign.reconstitute(
        c.id(),
        c.brokerId(),
        c.name(),
        c.description(),
        c.channel(),
        status,
        c.trigger(),
        c.triggerConfig(),
        c.exitOnReply(),
        c.createdBy(),
        c.steps(),
        c.createdAt(),
        c.updatedAt(),
        3L);
  }
}
