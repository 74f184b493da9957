package io.inmo.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.EscalationPolicy.Reason;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.TimeMother;
import io.inmo.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationTest {
  private static final Instant NOW = TimeMother.NOW;
  private static final Duration IDLE = Duration.ofMinutes(60);
  private static final UserId VALENTINA = UserId.of("0195a1b2-0000-7000-8000-0000000000c1");
  private static final UserId IGNACIO = UserId.of("0195a1b2-0000-7000-8000-0000000000c2");

  private static Conversation telegram() {
    return Conversation.start(
        BrokerId.of("0195a1b2-0000-7000-8000-000000000001"),
        LeadId.of("0195a1b2-0000-7000-8000-0000000000aa"),
        ChatProvider.TELEGRAM,
        "123456789",
        NOW);
  }

  @Test
  void givenNewConversation_whenStarted_thenTheAiSpeaks() {
    Conversation conversation = telegram();
    assertThat(conversation.aiMayReply()).isTrue();
    assertThat(conversation.takenOverBy()).isNull();
    assertThat(conversation.withinServiceWindow(NOW)).isFalse();
  }

  @Test
  void givenTakeover_whenStaffHoldsIt_thenTheAiIsSilentUntilReleased() {
    Conversation conversation = telegram();
    conversation.takeOver(VALENTINA, TimeMother.later(1));
    assertThat(conversation.aiMayReply()).isFalse();
    assertThat(conversation.takenOverBy()).isEqualTo(VALENTINA);
    assertThat(conversation.takenOverAt()).isEqualTo(TimeMother.later(1));

    assertThat(conversation.release(TimeMother.later(5))).isTrue();
    assertThat(conversation.aiMayReply()).isTrue();
    assertThat(conversation.takenOverAt()).isNull();
    assertThat(conversation.release(TimeMother.later(6))).isFalse();
  }

  @Test
  void givenStaffReplyWithoutTakeover_whenRecorded_thenTheReplyTakesItOver() {
    Conversation conversation = telegram();
    conversation.recordStaffReply(IGNACIO, TimeMother.later(2));
    assertThat(conversation.takenOverBy()).isEqualTo(IGNACIO);
    assertThat(conversation.aiMayReply()).isFalse();
    // a colleague taking it keeps the newer one
    conversation.takeOver(VALENTINA, TimeMother.later(3));
    assertThat(conversation.takenOverBy()).isEqualTo(VALENTINA);
    assertThat(conversation.takenOverAt()).isEqualTo(TimeMother.later(3));
  }

  @Test
  void givenIdleTakeover_whenIdleTimeCountedFromLastStaffActivity_thenReleasedOnlyAfterIt() {
    Conversation conversation = telegram();
    conversation.takeOver(VALENTINA, TimeMother.later(0));
    conversation.recordStaffReply(VALENTINA, TimeMother.later(30));
    assertThat(conversation.takenOverAt()).isEqualTo(TimeMother.later(0));

    assertThat(conversation.releaseIfIdle(IDLE, TimeMother.later(89))).isFalse();
    assertThat(conversation.aiMayReply()).isFalse();
    assertThat(conversation.releaseIfIdle(IDLE, TimeMother.later(90))).isTrue();
    assertThat(conversation.aiMayReply()).isTrue();
    assertThat(conversation.releaseIfIdle(IDLE, TimeMother.later(200))).isFalse();
  }

  @Test
  void givenEscalation_whenRaised_thenOnceSilencesTheAiUntilSomeoneTakesOverOrItIdles() {
    Conversation conversation = telegram();
    assertThat(conversation.escalate(Reason.HUMAN_REQUESTED, TimeMother.later(1))).isTrue();
    assertThat(conversation.escalate(Reason.HOSTILE, TimeMother.later(2))).isFalse();
    assertThat(conversation.escalation()).isEqualTo(Reason.HUMAN_REQUESTED);
    assertThat(conversation.aiMayReply()).isFalse();

    conversation.takeOver(IGNACIO, TimeMother.later(10));
    assertThat(conversation.escalation()).isNull();
    assertThat(conversation.escalatedAt()).isNull();
    // while a person holds it, nothing escalates
    assertThat(conversation.escalate(Reason.COMPLAINT, TimeMother.later(11))).isFalse();

    Conversation unanswered = telegram();
    unanswered.escalate(Reason.COMPLAINT, TimeMother.later(0));
    assertThat(unanswered.releaseIfIdle(IDLE, TimeMother.later(59))).isFalse();
    assertThat(unanswered.releaseIfIdle(IDLE, TimeMother.later(60))).isTrue();
    assertThat(unanswered.aiMayReply()).isTrue();
  }

  @Test
  void givenInbound_whenRecorded_thenTheWhatsAppWindowLasts24HoursFromTheLatest() {
    Conversation conversation = telegram();
    conversation.recordInbound(TimeMother.later(0));
    conversation.recordInbound(TimeMother.later(-30)); // a late, older delivery
    assertThat(conversation.lastInboundAt()).isEqualTo(TimeMother.later(0));
    assertThat(conversation.withinServiceWindow(TimeMother.later(24 * 60 - 1))).isTrue();
    assertThat(conversation.withinServiceWindow(TimeMother.later(24 * 60))).isFalse();
  }

  @Test
  void givenInconsistentStoredState_whenReconstituted_thenRefused() {
    Conversation c = telegram();
    assertThatThrownBy(
            () ->
                Conversation.reconstitute(
                    c.id(),
                    c.brokerId(),
                    c.leadId(),
                    c.provider(),
                    c.channelUserId(),
                    VALENTINA,
                    null,
                    null,
                    null,
                    null,
                    null,
                    NOW,
                    NOW,
                    0L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Conversation.start(c.brokerId(), c.leadId(), ChatProvider.WEBCHAT, " ", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(c.toString()).doesNotContain("123456789");
  }
}
