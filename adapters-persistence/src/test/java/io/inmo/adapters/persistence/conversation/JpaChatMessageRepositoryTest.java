package io.inmo.adapters.persistence.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.DuplicateChatMessageException;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatMessageId;
import io.inmo.domain.conversation.ChatMessageMother;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.DeliveryStatus;
import io.inmo.domain.conversation.MessageDirection;
import io.inmo.domain.conversation.SenderType;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.scoring.Engagement;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaChatMessageRepositoryTest {
  private static final BrokerId ANDES = ParentRows.ANDES;
  private static final LeadId CAMILA = ParentRows.CAMILA;
  private static final Instant NOW = ChatMessageMother.NOW;
  private static final String UNIQUE_PROVIDER_MESSAGE =
      "chat_messages_broker_id_provider_provider_message_id_key";

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaChatMessageRepository repository;
  private static ParentRows rows;
  private static BrokerId costa;
  private static LeadId costaLead;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    costa = rows.costa();
    costaLead = rows.lead(costa, "Joaquín Rivas");
    jpa = JpaPersistence.start(database.dataSource(), ConversationJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaChatMessageRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenInboundWhatsAppMessage_whenSavedAndFound_thenEveryFieldRoundTrips() {
    ChatMessage inbound = ChatMessageMother.inbound();

    save(inbound);
    Optional<ChatMessage> found = find(ANDES, inbound.id());

    assertThat(found).isPresent();
    assertThat(found.get()).usingRecursiveComparison().isEqualTo(inbound);
    assertThat(found.get().text()).isEqualTo("Hola, busco un depto de 2 dormitorios en Ñuñoa");
    assertThat(found.get().direction()).isEqualTo(MessageDirection.INBOUND);
    assertThat(found.get().deliveryStatus()).isEqualTo(DeliveryStatus.RECEIVED);
    assertThat(found.get().sentBy()).isNull();
    assertThat(
            rows.value(
                "SELECT provider || '/' || direction || '/' || sender_type || '/' ||"
                    + " delivery_status FROM chat_messages WHERE id = ?",
                inbound.id().value()))
        .isEqualTo("whatsapp/inbound/lead/received");
  }

  @Test
  void givenStaffReply_whenSavedAndFound_thenSenderAndNullProviderIdRoundTrip() {
    ChatMessage reply = ChatMessageMother.outboundFromStaff();

    save(reply);
    ChatMessage found = find(ANDES, reply.id()).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(reply);
    assertThat(found.sentBy()).isEqualTo(ParentRows.DIEGO);
    assertThat(found.senderType()).isEqualTo(SenderType.STAFF);
    assertThat(found.providerMessageId()).isNull();
    assertThat(found.deliveryStatus()).isEqualTo(DeliveryStatus.QUEUED);
  }

  @Test
  void givenQueuedReply_whenSentThenFailedAndSaved_thenDeliveryStateIsUpdated() {
    ChatMessage reply = ChatMessageMother.outboundFromAi();
    save(reply);

    unitOfWork.inTransaction(
        () -> {
          ChatMessage loaded = repository.findById(ANDES, reply.id()).orElseThrow();
          loaded.markSent("wamid.OUT-ñandú-0042", NOW.plusSeconds(2));
          repository.save(loaded);
        });
    unitOfWork.inTransaction(
        () -> {
          ChatMessage loaded = repository.findById(ANDES, reply.id()).orElseThrow();
          loaded.markFailed("131047: ventana de 24 horas cerrada", NOW.plusSeconds(3));
          repository.save(loaded);
        });

    ChatMessage found = find(ANDES, reply.id()).orElseThrow();
    assertThat(found.providerMessageId()).isEqualTo("wamid.OUT-ñandú-0042");
    assertThat(found.deliveryStatus()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(found.error()).isEqualTo("131047: ventana de 24 horas cerrada");
    assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(3));
    assertThat(found.createdAt()).isEqualTo(NOW);
    assertThat(found.text()).isEqualTo(reply.text());
  }

  @Test
  void givenQueuedReply_whenClaimedForSending_thenOtherNodesWaitUntilTheClaimExpiresOrItIsSent() {
    ChatMessage reply = outbound(CAMILA, NOW);
    save(reply);
    Duration claim = Duration.ofSeconds(120);

    assertThat(claim(reply, "nodo-a", NOW, claim)).isTrue();
    assertThat(claim(reply, "nodo-b", NOW.plusSeconds(119), claim)).isFalse();
    assertThat(claim(reply, "nodo-a", NOW.plusSeconds(5), claim)).isTrue();
    assertThat(
            unitOfWork.inTransaction(
                () ->
                    repository.claimQueuedOutbound(
                        "nodo-b", NOW.plusSeconds(60), NOW.plusSeconds(60), claim, 50)))
        .extracting(ChatMessage::id)
        .doesNotContain(reply.id());
    assertThat(claim(reply, "nodo-b", NOW.plusSeconds(126), claim)).isTrue();

    unitOfWork.inTransaction(
        () -> {
          ChatMessage loaded = repository.findById(ANDES, reply.id()).orElseThrow();
          loaded.markSent("wamid.OUT-0099", NOW.plusSeconds(127));
          repository.save(loaded);
        });
    assertThat(claim(reply, "nodo-b", NOW.plusSeconds(400), claim)).isFalse();
    assertThat(claim(ChatMessageMother.inbound(), "nodo-a", NOW, claim)).isFalse();
  }

  private static boolean claim(ChatMessage message, String node, Instant now, Duration claim) {
    return unitOfWork.inTransaction(
        () -> repository.claimForSending(message.brokerId(), message.id(), node, now, claim));
  }

  @Test
  void givenStoredMessage_whenFindingByProviderMessageId_thenOnlySameBrokerAndProviderMatch() {
    ChatMessage inbound = inbound(ANDES, CAMILA, ChatProvider.TELEGRAM, "tg-7781", NOW);
    save(inbound);

    assertThat(findByProviderId(ANDES, ChatProvider.TELEGRAM, "tg-7781"))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(inbound);
    assertThat(findByProviderId(ANDES, ChatProvider.WHATSAPP, "tg-7781")).isEmpty();
    assertThat(findByProviderId(costa, ChatProvider.TELEGRAM, "tg-7781")).isEmpty();
    assertThat(findByProviderId(ANDES, ChatProvider.TELEGRAM, "tg-778")).isEmpty();
  }

  @Test
  void
      givenStoredProviderMessage_whenRedeliveredAsNewMessage_thenUniqueViolationAndNothingStored() {
    save(inbound(ANDES, CAMILA, ChatProvider.WHATSAPP, "wamid.REDELIVERED-1", NOW));
    ChatMessage redelivery =
        inbound(ANDES, CAMILA, ChatProvider.WHATSAPP, "wamid.REDELIVERED-1", NOW);

    assertThatThrownBy(() -> save(redelivery))
        .isInstanceOf(DuplicateChatMessageException.class)
        .hasCauseInstanceOf(PersistenceException.class)
        .cause()
        .satisfies(
            e -> assertThat(PersistenceErrors.constraintName(e)).contains(UNIQUE_PROVIDER_MESSAGE));

    assertThat(find(ANDES, redelivery.id())).isEmpty();
    assertThat(
            rows.value(
                "SELECT count(*) FROM chat_messages WHERE provider_message_id = ?",
                "wamid.REDELIVERED-1"))
        .isEqualTo(1L);
  }

  @Test
  void givenSameProviderMessageIdOnAnotherProviderOrBroker_whenSaved_thenAllAreStored() {
    ChatMessage whatsapp = inbound(ANDES, CAMILA, ChatProvider.WHATSAPP, "1001", NOW);
    ChatMessage telegram = inbound(ANDES, CAMILA, ChatProvider.TELEGRAM, "1001", NOW);
    ChatMessage otherBroker = inbound(costa, costaLead, ChatProvider.WHATSAPP, "1001", NOW);

    save(whatsapp);
    save(telegram);
    save(otherBroker);

    assertThat(findByProviderId(ANDES, ChatProvider.WHATSAPP, "1001").orElseThrow().id())
        .isEqualTo(whatsapp.id());
    assertThat(findByProviderId(ANDES, ChatProvider.TELEGRAM, "1001").orElseThrow().id())
        .isEqualTo(telegram.id());
    assertThat(findByProviderId(costa, ChatProvider.WHATSAPP, "1001").orElseThrow().id())
        .isEqualTo(otherBroker.id());
  }

  @Test
  void givenSeveralQueuedRepliesWithoutProviderId_whenSaved_thenAllAreStored() {
    ChatMessage first = ChatMessageMother.outboundFromAi();
    ChatMessage second = ChatMessageMother.outboundFromAi();

    save(first);
    save(second);

    assertThat(find(ANDES, first.id())).isPresent();
    assertThat(find(ANDES, second.id())).isPresent();
  }

  @Test
  void givenAnotherBrokersId_whenFinding_thenNothingIsFound() {
    ChatMessage inbound = inbound(ANDES, CAMILA, ChatProvider.WEBCHAT, "web-55", NOW);
    save(inbound);

    assertThat(find(costa, inbound.id())).isEmpty();
    assertThat(find(ANDES, ChatMessageId.newId())).isEmpty();
    assertThat(unitOfWork.inTransaction(() -> repository.findLatestByLead(costa, CAMILA, 50)))
        .isEmpty();
    assertThat(find(ANDES, inbound.id())).isPresent();
  }

  @Test
  void givenIdOfAnotherBrokersMessage_whenSavedForThisBroker_thenRejectedAndOriginalUntouched() {
    ChatMessage costas = inbound(costa, costaLead, ChatProvider.WHATSAPP, "wamid.COSTA-1", NOW);
    save(costas);
    ChatMessage hijack =
        ChatMessage.reconstitute(
            costas.id(),
            ANDES,
            CAMILA,
            ChatProvider.WHATSAPP,
            "56911112222",
            "robado",
            MessageDirection.INBOUND,
            SenderType.LEAD,
            null,
            "wamid.ANDES-1",
            DeliveryStatus.RECEIVED,
            null,
            NOW,
            NOW);

    assertThatThrownBy(() -> save(hijack))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another brokerage");

    assertThat(find(costa, costas.id()).orElseThrow().text()).isEqualTo("Mensaje wamid.COSTA-1");
  }

  @Test
  void givenLongConversation_whenFindingLatestByLead_thenLatestOnesOldestFirst() {
    LeadId lead = rows.lead(ANDES, "Martina Herrera");
    List<ChatMessage> conversation = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      conversation.add(
          inbound(ANDES, lead, ChatProvider.WHATSAPP, "wamid.M-" + i, NOW.plusSeconds(i * 10L)));
    }
    // saved out of order, plus Camila's message, which must not show up
    for (int i : new int[] {3, 0, 4, 1, 2}) {
      save(conversation.get(i));
    }
    save(
        inbound(ANDES, CAMILA, ChatProvider.WHATSAPP, "wamid.CAMILA-LATEST", NOW.plusSeconds(999)));

    List<ChatMessage> latestThree =
        unitOfWork.inTransaction(() -> repository.findLatestByLead(ANDES, lead, 3));
    List<ChatMessage> all =
        unitOfWork.inTransaction(() -> repository.findLatestByLead(ANDES, lead, 100));

    assertThat(latestThree)
        .extracting(ChatMessage::providerMessageId)
        .containsExactly("wamid.M-2", "wamid.M-3", "wamid.M-4");
    assertThat(all)
        .extracting(ChatMessage::id)
        .containsExactlyElementsOf(conversation.stream().map(ChatMessage::id).toList());
    assertThat(all.get(4)).usingRecursiveComparison().isEqualTo(conversation.get(4));
  }

  @Test
  void givenConversation_whenEngagementRead_thenRepliesMedianDelayAndLastInbound() {
    LeadId lead = rows.lead(ANDES, "Renata Saavedra");
    LeadId silent = rows.lead(ANDES, "Gonzalo Riquelme");
    save(outbound(lead, NOW));
    save(inbound(ANDES, lead, ChatProvider.WHATSAPP, "wamid.E-1", NOW.plusSeconds(60))); // 60 s
    save(outbound(lead, NOW.plusSeconds(100)));
    save(inbound(ANDES, lead, ChatProvider.WHATSAPP, "wamid.E-2", NOW.plusSeconds(400))); // 300 s
    // a second message in a row answers nothing
    save(inbound(ANDES, lead, ChatProvider.WHATSAPP, "wamid.E-3", NOW.plusSeconds(500)));
    save(outbound(silent, NOW));
    // another broker's lead writing does not count
    save(inbound(costa, costaLead, ChatProvider.WHATSAPP, "wamid.E-X", NOW));

    Map<LeadId, Engagement> many =
        unitOfWork.inTransaction(() -> repository.engagements(ANDES, List.of(lead, silent)));
    Engagement one = many.get(lead);

    assertThat(one.inboundReplies()).isEqualTo(3);
    assertThat(one.medianReplyDelay()).isEqualTo(Duration.ofSeconds(180));
    assertThat(one.lastInboundAt()).isEqualTo(NOW.plusSeconds(500));
    // a lead that never wrote is absent
    assertThat(many).containsOnlyKeys(lead);
  }

  @Test
  void givenMessagesAtTheSameInstant_whenFindingLatestByLead_thenTiesAreOrderedById() {
    LeadId lead = rows.lead(ANDES, "Tomás Araya");
    ChatMessage low = withId("01957a1e-0000-7000-8000-0000000000d1", lead, "wamid.TIE-1");
    ChatMessage high = withId("01957a1e-0000-7000-8000-0000000000d2", lead, "wamid.TIE-2");
    save(high);
    save(low);

    assertThat(unitOfWork.inTransaction(() -> repository.findLatestByLead(ANDES, lead, 2)))
        .extracting(ChatMessage::id)
        .containsExactly(low.id(), high.id());
    assertThat(unitOfWork.inTransaction(() -> repository.findLatestByLead(ANDES, lead, 1)))
        .extracting(ChatMessage::id)
        .containsExactly(high.id());
  }

  @Test
  void givenZeroOrNegativeLimit_whenFindingLatestByLead_thenEmptyOrRejected() {
    save(inbound(ANDES, CAMILA, ChatProvider.WHATSAPP, "wamid.LIMIT-0", NOW));

    assertThat(unitOfWork.inTransaction(() -> repository.findLatestByLead(ANDES, CAMILA, 0)))
        .isEmpty();
    assertThatThrownBy(
            () -> unitOfWork.inTransaction(() -> repository.findLatestByLead(ANDES, CAMILA, -1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenEveryProviderSenderAndDeliveryStatus_whenSavedAndFound_thenEachRoundTrips() {
    LeadId lead = rows.lead(ANDES, "Ignacio Pérez");
    List<ChatMessage> messages = new ArrayList<>();
    for (DeliveryStatus status : DeliveryStatus.values()) {
      SenderType sender = SenderType.values()[status.ordinal() % SenderType.values().length];
      messages.add(
          ChatMessage.reconstitute(
              ChatMessageId.newId(),
              ANDES,
              lead,
              ChatProvider.values()[status.ordinal() % ChatProvider.values().length],
              "canal-" + status.ordinal(),
              status == DeliveryStatus.READ ? null : "Texto " + status.apiValue(),
              sender == SenderType.LEAD ? MessageDirection.INBOUND : MessageDirection.OUTBOUND,
              sender,
              sender == SenderType.STAFF ? ParentRows.DIEGO : null,
              "pmid-every-" + status.apiValue(),
              status,
              status == DeliveryStatus.FAILED ? "error de entrega" : null,
              NOW.plusSeconds(status.ordinal()),
              NOW.plusSeconds(status.ordinal() + 1L)));
    }
    messages.forEach(JpaChatMessageRepositoryTest::save);

    assertThat(unitOfWork.inTransaction(() -> repository.findLatestByLead(ANDES, lead, 10)))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(messages);
  }

  private static ChatMessage withId(String id, LeadId lead, String providerMessageId) {
    return ChatMessage.reconstitute(
        ChatMessageId.of(id),
        ANDES,
        lead,
        ChatProvider.WHATSAPP,
        "56987654321",
        "Mismo instante",
        MessageDirection.INBOUND,
        SenderType.LEAD,
        null,
        providerMessageId,
        DeliveryStatus.RECEIVED,
        null,
        NOW,
        NOW);
  }

  private static ChatMessage inbound(
      BrokerId broker, LeadId lead, ChatProvider provider, String providerMessageId, Instant at) {
    return ChatMessage.inbound(
        broker,
        lead,
        provider,
        "56912345678",
        "Mensaje " + providerMessageId,
        providerMessageId,
        at);
  }

  private static ChatMessage outbound(LeadId lead, Instant at) {
    return ChatMessage.outbound(
        ANDES,
        lead,
        ChatProvider.WHATSAPP,
        "56912345678",
        "¿Qué comuna buscas?",
        SenderType.AI,
        null,
        at);
  }

  private static void save(ChatMessage message) {
    unitOfWork.inTransaction(() -> repository.save(message));
  }

  private static Optional<ChatMessage> find(BrokerId broker, ChatMessageId id) {
    return unitOfWork.inTransaction(() -> repository.findById(broker, id));
  }

  private static Optional<ChatMessage> findByProviderId(
      BrokerId broker, ChatProvider provider, String providerMessageId) {
    return unitOfWork.inTransaction(
        () -> repository.findByProviderMessageId(broker, provider, providerMessageId));
  }
}
