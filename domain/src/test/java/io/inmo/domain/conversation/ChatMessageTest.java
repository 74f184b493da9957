package io.inmo.domain.conversation;

import static io.inmo.domain.conversation.ChatMessageMother.BROKER_ID;
import static io.inmo.domain.conversation.ChatMessageMother.LEAD_ID;
import static io.inmo.domain.conversation.ChatMessageMother.NOW;
import static io.inmo.domain.conversation.ChatMessageMother.STAFF_ID;
import static io.inmo.domain.conversation.ChatMessageMother.WHATSAPP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.shared.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatMessageTest {
  private static final Instant LATER = NOW.plusSeconds(30);

  @Test
  void givenLeadText_whenInbound_thenReceivedFromLead() {
    ChatMessage m = ChatMessageMother.inbound();

    assertThat(m.direction()).isEqualTo(MessageDirection.INBOUND);
    assertThat(m.senderType()).isEqualTo(SenderType.LEAD);
    assertThat(m.deliveryStatus()).isEqualTo(DeliveryStatus.RECEIVED);
    assertThat(m.text()).isEqualTo("Hola, busco un depto de 2 dormitorios en Ñuñoa");
    assertThat(m.providerMessageId()).startsWith("wamid.");
    assertThat(m.sentBy()).isNull();
    assertThat(m.createdAt()).isEqualTo(NOW);
  }

  @Test
  void givenPhotoWithoutCaption_whenInbound_thenPlaceholderTextStored() {
    ChatMessage m =
        ChatMessage.inbound(
            BROKER_ID, LEAD_ID, ChatProvider.TELEGRAM, "7001234567", null, "42", NOW);

    assertThat(m.text()).isEqualTo(ChatMessage.NO_TEXT_PLACEHOLDER);
  }

  @Test
  void givenBlankChannelUser_whenInbound_thenRejected() {
    assertThatThrownBy(
            () ->
                ChatMessage.inbound(
                    BROKER_ID, LEAD_ID, ChatProvider.WEBCHAT, " ", "Hola", null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenOversizedText_whenInbound_thenRejected() {
    String huge = "a".repeat(ChatMessage.MAX_TEXT_LENGTH + 1);

    assertThatThrownBy(
            () ->
                ChatMessage.inbound(
                    BROKER_ID, LEAD_ID, ChatProvider.WHATSAPP, WHATSAPP_USER, huge, "x", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAiReply_whenOutbound_thenQueuedWithoutProviderId() {
    ChatMessage m = ChatMessageMother.outboundFromAi();

    assertThat(m.direction()).isEqualTo(MessageDirection.OUTBOUND);
    assertThat(m.deliveryStatus()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(m.providerMessageId()).isNull();
  }

  @Test
  void givenStaffReply_whenOutbound_thenSentByRecorded() {
    assertThat(ChatMessageMother.outboundFromStaff().sentBy()).isEqualTo(STAFF_ID);
  }

  @Test
  void givenLeadAsSender_whenOutbound_thenRejected() {
    assertThatThrownBy(
            () ->
                ChatMessage.outbound(
                    BROKER_ID,
                    LEAD_ID,
                    ChatProvider.WHATSAPP,
                    WHATSAPP_USER,
                    "Hola",
                    SenderType.LEAD,
                    null,
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenStaffWithoutUser_whenOutbound_thenRejected() {
    assertThatThrownBy(
            () ->
                ChatMessage.outbound(
                    BROKER_ID,
                    LEAD_ID,
                    ChatProvider.WHATSAPP,
                    WHATSAPP_USER,
                    "Hola",
                    SenderType.STAFF,
                    null,
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAiWithUser_whenOutbound_thenRejected() {
    assertThatThrownBy(
            () ->
                ChatMessage.outbound(
                    BROKER_ID,
                    LEAD_ID,
                    ChatProvider.WHATSAPP,
                    WHATSAPP_USER,
                    "Hola",
                    SenderType.AI,
                    STAFF_ID,
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenQueuedMessage_whenMarkSent_thenSentWithProviderId() {
    ChatMessage m = ChatMessageMother.outboundFromAi();

    m.markSent("wamid.OUT-0001", LATER);

    assertThat(m.deliveryStatus()).isEqualTo(DeliveryStatus.SENT);
    assertThat(m.providerMessageId()).isEqualTo("wamid.OUT-0001");
    assertThat(m.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void givenDeliveredBeforeSendResponse_whenMarkSent_thenStatusStaysDelivered() {
    ChatMessage m = ChatMessageMother.outboundFromAi();
    m.updateDelivery(DeliveryStatus.DELIVERED, NOW.plusSeconds(1));

    m.markSent("wamid.OUT-0001", LATER);

    assertThat(m.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(m.providerMessageId()).isEqualTo("wamid.OUT-0001");
  }

  @Test
  void givenSentMessage_whenMarkSentWithOtherId_thenMismatch() {
    ChatMessage m = ChatMessageMother.outboundIn(DeliveryStatus.SENT);

    assertThatThrownBy(() -> m.markSent("wamid.OTHER", LATER))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("conversation.provider_message_id_mismatch");
  }

  @Test
  void givenInboundMessage_whenUpdateDelivery_thenNotOutbound() {
    ChatMessage m = ChatMessageMother.inbound();

    assertThatThrownBy(() -> m.updateDelivery(DeliveryStatus.READ, LATER))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("conversation.not_outbound");
  }

  @ParameterizedTest(name = "{0} -> {1} changes: {2}")
  @CsvSource({
    "QUEUED, SENT, true",
    "QUEUED, READ, true",
    "SENT, DELIVERED, true",
    "DELIVERED, READ, true",
    "DELIVERED, FAILED, true",
    "READ, DELIVERED, false",
    "READ, FAILED, false",
    "DELIVERED, SENT, false",
    "DELIVERED, DELIVERED, false",
    "FAILED, DELIVERED, false",
    "FAILED, READ, false",
    "SENT, QUEUED, false",
  })
  void givenStatus_whenDeliveryReport_thenOnlyForwardMovesApply(
      DeliveryStatus from, DeliveryStatus report, boolean changes) {
    ChatMessage m = ChatMessageMother.outboundIn(from);

    boolean changed = m.updateDelivery(report, LATER);

    assertThat(changed).isEqualTo(changes);
    assertThat(m.deliveryStatus()).isEqualTo(changes ? report : from);
    assertThat(m.updatedAt()).isEqualTo(changes ? LATER : NOW.plusSeconds(5));
  }

  @Test
  void givenOutboundMessage_whenReportedAsReceived_thenRejected() {
    ChatMessage m = ChatMessageMother.outboundIn(DeliveryStatus.SENT);

    assertThatThrownBy(() -> m.updateDelivery(DeliveryStatus.RECEIVED, LATER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenSentMessage_whenMarkFailed_thenFailedWithError() {
    ChatMessage m = ChatMessageMother.outboundIn(DeliveryStatus.SENT);

    boolean changed = m.markFailed("  131047: fuera de la ventana de 24 horas ", LATER);

    assertThat(changed).isTrue();
    assertThat(m.deliveryStatus()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(m.error()).isEqualTo("131047: fuera de la ventana de 24 horas");
  }

  @Test
  void givenReadMessage_whenMarkFailed_thenIgnored() {
    ChatMessage m = ChatMessageMother.outboundIn(DeliveryStatus.READ);

    boolean changed = m.markFailed("timeout", LATER);

    assertThat(changed).isFalse();
    assertThat(m.deliveryStatus()).isEqualTo(DeliveryStatus.READ);
    assertThat(m.error()).isNull();
  }

  @Test
  void givenStoredRow_whenReconstitute_thenEveryColumnRoundTrips() {
    ChatMessage source = ChatMessageMother.outboundFromStaff();
    source.markSent("wamid.OUT-0002", LATER);
    source.markFailed("blocked", LATER.plusSeconds(1));

    ChatMessage copy =
        ChatMessage.reconstitute(
            source.id(),
            source.brokerId(),
            source.leadId(),
            source.provider(),
            source.channelUserId(),
            source.text(),
            source.direction(),
            source.senderType(),
            source.sentBy(),
            source.providerMessageId(),
            source.deliveryStatus(),
            source.error(),
            source.createdAt(),
            source.updatedAt());

    assertThat(copy).usingRecursiveComparison().isEqualTo(source);
    assertThat(copy.error()).isEqualTo("blocked");
  }
}
