package io.inmo.domain.activity;

import static io.inmo.domain.activity.ActivityEntryMother.AGENT_ID;
import static io.inmo.domain.activity.ActivityEntryMother.BROKER_ID;
import static io.inmo.domain.activity.ActivityEntryMother.LEAD_ID;
import static io.inmo.domain.activity.ActivityEntryMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityEntryTest {
  @Test
  void givenLeadMessage_whenRecord_thenEntryWithFreshIdAndDetails() {
    ActivityEntry e = ActivityEntryMother.messageReceived();

    assertThat(e.id()).isNotNull();
    assertThat(e.type()).isEqualTo(ActivityType.MESSAGE_RECEIVED);
    assertThat(e.details()).containsEntry("provider", "whatsapp");
    assertThat(e.actorUserId()).isNull();
    assertThat(e.at()).isEqualTo(NOW);
  }

  @Test
  void givenUserActorWithoutUserId_whenRecord_thenRejected() {
    assertThatThrownBy(
            () ->
                ActivityEntry.record(
                    BROKER_ID, LEAD_ID, ActivityType.NOTE, Map.of(), ActorType.USER, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAiActorWithUserId_whenRecord_thenRejected() {
    assertThatThrownBy(
            () ->
                ActivityEntry.record(
                    BROKER_ID,
                    LEAD_ID,
                    ActivityType.SCORE_CHANGED,
                    Map.of(),
                    ActorType.AI,
                    AGENT_ID,
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenUserNote_whenRecord_thenActorUserKept() {
    assertThat(ActivityEntryMother.note().actorUserId()).isEqualTo(AGENT_ID);
  }

  @Test
  void givenNullDetails_whenRecord_thenEmptyObject() {
    ActivityEntry e =
        ActivityEntry.record(
            BROKER_ID, LEAD_ID, ActivityType.OPT_OUT, null, ActorType.LEAD, null, NOW);

    assertThat(e.details()).isEmpty();
  }

  @Test
  void givenNestedJsonWithNulls_whenRecord_thenDeepCopiedAndImmutable() {
    Map<String, Object> budget = new LinkedHashMap<>();
    budget.put("amount", new BigDecimal("4500"));
    budget.put("currency", "UF");
    Map<String, Object> details = new HashMap<>();
    details.put("changed", new ArrayList<>(List.of("budget", "location")));
    details.put("budget", budget);
    details.put("previous", null);

    ActivityEntry e =
        ActivityEntry.record(
            BROKER_ID, LEAD_ID, ActivityType.FACTS_UPDATED, details, ActorType.AI, null, NOW);
    budget.put("currency", "CLP");

    assertThat(e.details()).containsEntry("previous", null);
    assertThat(e.details().get("budget"))
        .isEqualTo(Map.of("amount", new BigDecimal("4500"), "currency", "UF"));
    assertThatThrownBy(() -> e.details().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> changed = (List<Object>) e.details().get("changed");
    assertThatThrownBy(() -> changed.add("timeline"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenNonJsonValue_whenRecord_thenRejected() {
    assertThatThrownBy(
            () ->
                ActivityEntry.record(
                    BROKER_ID,
                    LEAD_ID,
                    ActivityType.CALL,
                    Map.of("at", NOW),
                    ActorType.SYSTEM,
                    null,
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNaN_whenRecord_thenRejected() {
    assertThatThrownBy(
            () ->
                ActivityEntry.record(
                    BROKER_ID,
                    LEAD_ID,
                    ActivityType.SCORE_CHANGED,
                    Map.of("score", Double.NaN),
                    ActorType.AI,
                    null,
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenArrayInsteadOfList_whenRecord_thenRejected() {
    Map<String, Object> details = Map.of("tags", new String[] {"vip"});

    assertThatThrownBy(
            () ->
                ActivityEntry.record(
                    BROKER_ID,
                    LEAD_ID,
                    ActivityType.LEAD_UPDATED,
                    details,
                    ActorType.SYSTEM,
                    null,
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenStoredRow_whenConstructed_thenEqualToOriginal() {
    ActivityEntry source = ActivityEntryMother.stageChanged();

    ActivityEntry copy =
        new ActivityEntry(
            source.id(),
            source.brokerId(),
            source.leadId(),
            source.type(),
            source.details(),
            source.actorType(),
            source.actorUserId(),
            source.at());

    assertThat(copy).isEqualTo(source);
  }
}
