package io.inmo.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.activity.ActivityType;
import io.inmo.domain.activity.ActorType;
import io.inmo.domain.appointment.AppointmentStatus;
import io.inmo.domain.appointment.AppointmentType;
import io.inmo.domain.call.CallStatus;
import io.inmo.domain.call.Speaker;
import io.inmo.domain.call.VoiceProvider;
import io.inmo.domain.campaign.AgentType;
import io.inmo.domain.campaign.CampaignChannel;
import io.inmo.domain.campaign.CampaignLogStatus;
import io.inmo.domain.campaign.CampaignStatus;
import io.inmo.domain.campaign.CampaignTrigger;
import io.inmo.domain.campaign.StepAction;
import io.inmo.domain.campaign.TemplateChannel;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.ConversationStatus;
import io.inmo.domain.conversation.DeliveryStatus;
import io.inmo.domain.conversation.MessageDirection;
import io.inmo.domain.conversation.SenderType;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiValueEnumsTest {
  private record EnumCase(
      Class<?> type,
      List<String> expectedApiValues,
      Function<Object, String> apiValue,
      Function<String, Object> parse) {}

  private static <E extends Enum<E>> Arguments c(
      Class<E> type, Function<E, String> api, Function<String, E> parse, String... expected) {
    @SuppressWarnings("unchecked")
    Function<Object, String> apiValue = o -> api.apply((E) o);
    return Arguments.of(
        type.getSimpleName(), new EnumCase(type, List.of(expected), apiValue, parse::apply));
  }

  static Stream<Arguments> enums() {
    return Stream.of(
        c(
            ChatProvider.class,
            ChatProvider::apiValue,
            ChatProvider::fromApiValue,
            "telegram",
            "whatsapp",
            "webchat"),
        c(
            ConversationStatus.class,
            ConversationStatus::apiValue,
            ConversationStatus::fromApiValue,
            "open",
            "escalated",
            "taken_over",
            "opted_out"),
        c(
            MessageDirection.class,
            MessageDirection::apiValue,
            MessageDirection::fromApiValue,
            "inbound",
            "outbound"),
        c(
            DeliveryStatus.class,
            DeliveryStatus::apiValue,
            DeliveryStatus::fromApiValue,
            "received",
            "queued",
            "sent",
            "delivered",
            "read",
            "failed"),
        c(
            SenderType.class,
            SenderType::apiValue,
            SenderType::fromApiValue,
            "lead",
            "ai",
            "staff",
            "system"),
        c(
            VoiceProvider.class,
            VoiceProvider::apiValue,
            VoiceProvider::fromApiValue,
            "vapi",
            "bland"),
        c(
            CallStatus.class,
            CallStatus::apiValue,
            CallStatus::fromApiValue,
            "initiated",
            "ringing",
            "in_progress",
            "completed",
            "no_answer",
            "busy",
            "failed",
            "voicemail",
            "cancelled"),
        c(Speaker.class, Speaker::apiValue, Speaker::fromApiValue, "agent", "lead", "system"),
        c(
            AppointmentType.class,
            AppointmentType::apiValue,
            AppointmentType::fromApiValue,
            "property_visit",
            "virtual_meeting",
            "phone_call",
            "office_meeting"),
        c(
            AppointmentStatus.class,
            AppointmentStatus::apiValue,
            AppointmentStatus::fromApiValue,
            "scheduled",
            "confirmed",
            "cancelled",
            "completed",
            "no_show"),
        c(
            CampaignStatus.class,
            CampaignStatus::apiValue,
            CampaignStatus::fromApiValue,
            "draft",
            "active",
            "paused",
            "completed",
            "archived"),
        c(
            CampaignTrigger.class,
            CampaignTrigger::apiValue,
            CampaignTrigger::fromApiValue,
            "manual",
            "stage_change",
            "score_threshold",
            "inactivity",
            "new_lead"),
        c(
            StepAction.class,
            StepAction::apiValue,
            StepAction::fromApiValue,
            "send_message",
            "ai_message",
            "make_call",
            "update_stage",
            "wait"),
        c(
            CampaignChannel.class,
            CampaignChannel::apiValue,
            CampaignChannel::fromApiValue,
            "telegram",
            "whatsapp",
            "webchat",
            "voice",
            "any"),
        c(
            TemplateChannel.class,
            TemplateChannel::apiValue,
            TemplateChannel::fromApiValue,
            "telegram",
            "whatsapp",
            "webchat",
            "sms",
            "email",
            "voice",
            "any"),
        c(
            AgentType.class,
            AgentType::apiValue,
            AgentType::fromApiValue,
            "sales",
            "qualifier",
            "scheduler",
            "follow_up",
            "general"),
        c(
            CampaignLogStatus.class,
            CampaignLogStatus::apiValue,
            CampaignLogStatus::fromApiValue,
            "pending",
            "sent",
            "failed",
            "skipped"),
        c(
            ActorType.class,
            ActorType::apiValue,
            ActorType::fromApiValue,
            "system",
            "user",
            "ai",
            "lead"),
        c(
            ActivityType.class,
            ActivityType::apiValue,
            ActivityType::fromApiValue,
            "message_received",
            "message_sent",
            "stage_changed",
            "score_changed",
            "facts_updated",
            "call",
            "appointment",
            "campaign_step",
            "takeover",
            "release",
            "escalation",
            "opt_out",
            "note",
            "lead_created",
            "lead_updated",
            "lead_deleted",
            "assigned",
            "lead_closed",
            "lead_reopened",
            "lead_stale"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  void givenEnum_whenApiValue_thenMatchesCheckConstraintAndRoundTrips(String name, EnumCase c) {
    Object[] constants = c.type().getEnumConstants();

    assertThat(Arrays.stream(constants).map(c.apiValue()).toList())
        .containsExactlyElementsOf(c.expectedApiValues());
    for (Object constant : constants) {
      assertThat(c.parse().apply(c.apiValue().apply(constant))).isSameAs(constant);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  void givenUnknownOrNull_whenFromApiValue_thenIllegalArgument(String name, EnumCase c) {
    assertThatThrownBy(() -> c.parse().apply("desconocido"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.parse().apply(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
