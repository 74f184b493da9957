package io.inmo.application.service.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.application.port.out.LiveEventsPort.Kind;
import io.inmo.application.port.out.LiveEventsPort.LiveEvent;
import io.inmo.application.security.Actor;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.UserId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who sees which live event: the lead book's visibility rules, applied to the stream. */
class LiveEventsServiceTest {
  private static final BrokerId ANDES = BrokerId.newId();
  private static final UserId DIEGO = UserId.newId();
  private static final UserId RODRIGO = UserId.newId();
  private static final Actor ADMIN = new Actor(UserId.newId(), ANDES, Role.ADMIN);
  private static final Actor AGENT_DIEGO = new Actor(DIEGO, ANDES, Role.AGENT);
  private static final LeadId LEAD = LeadId.newId();

  @Test
  void givenAnAdmin_thenEveryPublicKindButNeverTheInternalTurnWakeUps() {
    for (Kind kind : Kind.values()) {
      boolean expected = kind != Kind.TURN_DUE && kind != Kind.BROKER_CONFIG;
      assertThat(LiveEventsService.visible(ADMIN, event(kind, RODRIGO, null, false), true))
          .as(kind.apiValue())
          .isEqualTo(expected);
    }
  }

  @Test
  void givenAnAgent_thenOwnLeadsAndUnassignedOnesWhenTheBrokerAllows() {
    assertThat(visible(event(Kind.MESSAGE, DIEGO, null, false), false)).isTrue();
    assertThat(visible(event(Kind.MESSAGE, RODRIGO, null, false), true)).isFalse();
    assertThat(visible(event(Kind.MESSAGE, null, null, false), true)).isTrue();
    assertThat(visible(event(Kind.MESSAGE, null, null, false), false)).isFalse();
    assertThat(visible(event(Kind.RESYNC, null, null, false), false)).isTrue();
    assertThat(visible(event(Kind.TURN_DUE, DIEGO, null, false), true)).isFalse();
  }

  @Test
  void givenALeadLeavingTheAgentsView_thenTheAgentIsToldOnceAndNotAfter() {
    // taken from Diego: he hears it left
    assertThat(visible(event(Kind.LEAD, RODRIGO, DIEGO, true), true)).isTrue();
    // an unassigned lead he could see goes to Rodrigo: he hears it left
    assertThat(visible(event(Kind.LEAD, RODRIGO, null, true), true)).isTrue();
    // ... unless he never saw unassigned leads
    assertThat(visible(event(Kind.LEAD, RODRIGO, null, true), false)).isFalse();
    // Rodrigo's lead changes again: not Diego's business
    assertThat(visible(event(Kind.LEAD, RODRIGO, null, false), true)).isFalse();
  }

  private static boolean visible(LiveEvent event, boolean seesUnassigned) {
    return LiveEventsService.visible(AGENT_DIEGO, event, seesUnassigned);
  }

  private static LiveEvent event(
      Kind kind, UserId assignedTo, UserId previously, boolean reassigned) {
    return new LiveEvent(
        kind,
        kind == Kind.RESYNC ? null : ANDES,
        kind == Kind.RESYNC ? null : LEAD,
        assignedTo,
        previously,
        reassigned ? Map.of("reassigned", "true") : Map.of());
  }
}
