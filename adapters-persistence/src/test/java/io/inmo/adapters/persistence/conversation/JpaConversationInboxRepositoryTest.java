package io.inmo.adapters.persistence.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.ConversationInboxRepository.InboxEntry;
import io.inmo.application.port.out.ConversationInboxRepository.InboxSearch;
import io.inmo.application.port.out.ConversationInboxRepository.LastMessage;
import io.inmo.application.port.out.ConversationInboxRepository.Position;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.Conversation;
import io.inmo.domain.conversation.ConversationId;
import io.inmo.domain.conversation.ConversationStatus;
import io.inmo.domain.conversation.EscalationPolicy.Reason;
import io.inmo.domain.conversation.SenderType;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The inbox read and the 0016 triggers that keep each conversation's newest message and last
 * activity, against a real PostgreSQL with the tenant guard on.
 */
@ExtendWith(TestPostgres.class)
class JpaConversationInboxRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaConversationRepository conversations;
  private static JpaConversationInboxRepository inbox;
  private static ParentRows rows;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    jpa = JpaPersistence.start(database.dataSource(), ConversationJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    conversations = new JpaConversationRepository(unitOfWork);
    inbox = new JpaConversationInboxRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenMessagesInAnyOrder_whenInserted_thenTheConversationKeepsTheNewestAsItsLastActivity() {
    BrokerId broker = rows.costa();
    LeadId lead = rows.lead(broker, "Camila Fuentes");
    Conversation conversation = start(broker, lead, ChatProvider.TELEGRAM, "700100200", T0);
    assertThat(activity(conversation)).isEqualTo(T0);
    assertThat(lastMessage(conversation)).isNull();

    UUID first = message(broker, lead, ChatProvider.TELEGRAM, "700100200", "lead", "Hola", 5);
    assertThat(activity(conversation)).isEqualTo(T0.plusSeconds(5));
    assertThat(lastMessage(conversation)).isEqualTo(first);

    UUID reply = message(broker, lead, ChatProvider.TELEGRAM, "700100200", "ai", "¡Hola!", 9);
    // a late message stamped earlier (another node's clock) does not move the inbox back
    message(broker, lead, ChatProvider.TELEGRAM, "700100200", "lead", "¿Hay alguien?", 7);
    assertThat(activity(conversation)).isEqualTo(T0.plusSeconds(9));
    assertThat(lastMessage(conversation)).isEqualTo(reply);

    // saving the aggregate (JPA writes its own columns only) keeps them
    conversation.takeOver(rows.agent(broker, "Paula Rivas"), T0.plusSeconds(20));
    unitOfWork.inTransaction(() -> conversations.save(conversation));
    assertThat(lastMessage(conversation)).isEqualTo(reply);
  }

  @Test
  void
      givenTheFirstMessageStoredBeforeItsConversation_whenTheConversationIsInserted_thenItStartsFromIt() {
    BrokerId broker = rows.costa();
    LeadId lead = rows.lead(broker, "Tomás Araya");
    UUID hello = message(broker, lead, ChatProvider.WHATSAPP, "56911112222", "lead", "Hola", 3);

    Conversation conversation = start(broker, lead, ChatProvider.WHATSAPP, "56911112222", T0);

    assertThat(lastMessage(conversation)).isEqualTo(hello);
    assertThat(activity(conversation)).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void givenABrokersConversations_whenListed_thenNewestActivityFirstPageByPageWithLeadAndPreview() {
    BrokerId broker = rows.costa();
    LeadId camila = rows.lead(broker, "Camila Fuentes");
    LeadId tomas = rows.lead(broker, "Tomás Araya");
    LeadId ines = rows.lead(broker, "Inés Cáceres");
    Conversation a = start(broker, camila, ChatProvider.TELEGRAM, "1001", T0);
    Conversation b = start(broker, tomas, ChatProvider.WHATSAPP, "56922223333", T0.plusSeconds(1));
    Conversation c = start(broker, ines, ChatProvider.WEBCHAT, "sesion-ines", T0.plusSeconds(2));
    message(broker, camila, ChatProvider.TELEGRAM, "1001", "lead", "Busco depto en Ñuñoa", 30);
    message(broker, tomas, ChatProvider.WHATSAPP, "56922223333", "staff", "Te llamo mañana", 20);
    rows.execute(
        "UPDATE leads SET lead_score = 72, status = 'hot', pipeline_stage = 'profiling'"
            + " WHERE id = ?",
        camila.value());
    BrokerId other = rows.costa();
    start(other, rows.lead(other, "Ajena"), ChatProvider.TELEGRAM, "1001", T0.plusSeconds(99));

    List<InboxEntry> first = list(broker, search(null, null, null, null, true, null, 2));

    assertThat(first).extracting(InboxEntry::conversationId).containsExactly(a.id(), b.id());
    InboxEntry top = first.getFirst();
    assertThat(top.leadName()).isEqualTo("Camila Fuentes");
    assertThat(top.leadScore()).isEqualTo(72);
    assertThat(top.leadStatus().apiValue()).isEqualTo("hot");
    assertThat(top.leadStage().apiValue()).isEqualTo("profiling");
    assertThat(top.provider()).isEqualTo(ChatProvider.TELEGRAM);
    assertThat(top.lastMessage())
        .isEqualTo(new LastMessage("Busco depto en Ñuñoa", SenderType.LEAD, T0.plusSeconds(30)));
    assertThat(top.lastActivityAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(top.status()).isEqualTo(ConversationStatus.OPEN);

    InboxEntry last = first.getLast();
    List<InboxEntry> second =
        list(
            broker,
            search(
                null,
                null,
                null,
                null,
                true,
                new Position(last.lastActivityAt(), last.conversationId().value()),
                2));
    assertThat(second).extracting(InboxEntry::conversationId).containsExactly(c.id());
    assertThat(second.getFirst().lastMessage()).isNull();
  }

  @Test
  void givenFilters_whenListed_thenProviderStatusTextAndAgentVisibilityApply() {
    BrokerId broker = rows.costa();
    UserId diego = rows.agent(broker, "Diego Fuentes");
    UserId paula = rows.agent(broker, "Paula Rivas");
    LeadId open = rows.lead(broker, "Rosario Tapia");
    LeadId escalated = rows.lead(broker, "Benjamín Soto");
    LeadId taken = rows.lead(broker, "Martina Díaz");
    LeadId optedOut = rows.lead(broker, "Joaquín Pérez");
    LeadId deleted = rows.lead(broker, "Borrado Total");
    Conversation openConversation = start(broker, open, ChatProvider.TELEGRAM, "2001", T0);
    Conversation escalatedConversation =
        start(broker, escalated, ChatProvider.WHATSAPP, "56933334444", T0.plusSeconds(1));
    escalatedConversation.escalate(Reason.HUMAN_REQUESTED, T0.plusSeconds(2));
    save(escalatedConversation);
    Conversation takenConversation =
        start(broker, taken, ChatProvider.TELEGRAM, "2003", T0.plusSeconds(3));
    takenConversation.takeOver(diego, T0.plusSeconds(4));
    save(takenConversation);
    Conversation optedOutConversation =
        start(broker, optedOut, ChatProvider.WEBCHAT, "sesion-joaquin", T0.plusSeconds(5));
    start(broker, deleted, ChatProvider.TELEGRAM, "2005", T0.plusSeconds(6));
    rows.execute("UPDATE leads SET opted_out_at = now() WHERE id = ?", optedOut.value());
    rows.execute("UPDATE leads SET deleted_at = now() WHERE id = ?", deleted.value());
    rows.execute("UPDATE leads SET assigned_to = ? WHERE id = ?", diego.value(), open.value());
    rows.execute("UPDATE leads SET assigned_to = ? WHERE id = ?", paula.value(), taken.value());

    assertThat(ids(broker, search(null, null, null, null, true, null, 50)))
        .containsExactly(
            optedOutConversation.id(),
            takenConversation.id(),
            escalatedConversation.id(),
            openConversation.id());
    assertThat(ids(broker, search(ChatProvider.TELEGRAM, null, null, null, true, null, 50)))
        .containsExactly(takenConversation.id(), openConversation.id());
    assertThat(ids(broker, search(null, ConversationStatus.OPEN, null, null, true, null, 50)))
        .containsExactly(openConversation.id());
    assertThat(ids(broker, search(null, ConversationStatus.ESCALATED, null, null, true, null, 50)))
        .containsExactly(escalatedConversation.id());
    assertThat(ids(broker, search(null, ConversationStatus.TAKEN_OVER, null, null, true, null, 50)))
        .containsExactly(takenConversation.id());
    assertThat(ids(broker, search(null, ConversationStatus.OPTED_OUT, null, null, true, null, 50)))
        .containsExactly(optedOutConversation.id());
    // accents and case ignored, short fragments too
    assertThat(ids(broker, search(null, null, "BENJAMIN", null, true, null, 50)))
        .containsExactly(escalatedConversation.id());
    assertThat(ids(broker, search(null, null, "dí", null, true, null, 50)))
        .containsExactly(takenConversation.id());
    assertThat(ids(broker, search(null, null, "100%_", null, true, null, 50))).isEmpty();
    // Diego: his lead and the unassigned ones; only his when the broker hides the unassigned
    assertThat(ids(broker, search(null, null, null, diego, true, null, 50)))
        .containsExactly(
            optedOutConversation.id(), escalatedConversation.id(), openConversation.id());
    assertThat(ids(broker, search(null, null, null, diego, false, null, 50)))
        .containsExactly(openConversation.id());
    // a taken-over conversation is held by whoever took it, whatever the assignment
    InboxEntry held =
        list(broker, search(null, ConversationStatus.TAKEN_OVER, null, null, true, null, 5))
            .getFirst();
    assertThat(held.takenOverBy()).isEqualTo(diego);
    assertThat(held.leadAssignedTo()).isEqualTo(paula);
  }

  @Test
  void givenABrokerWithThousandsOfConversations_whenAPageIsPlanned_thenTheActivityIndexIsWalked() {
    BrokerId broker = rows.costa();
    rows.execute(
        "INSERT INTO leads (id, broker_id, name, stage_entered_at)"
            + " SELECT gen_random_uuid(), ?, 'Lead ' || g, now() FROM generate_series(1, 2000) g",
        broker.value());
    rows.execute(
        "INSERT INTO conversations (id, broker_id, lead_id, provider, channel_user_id, created_at,"
            + " updated_at) SELECT gen_random_uuid(), l.broker_id, l.id, 'telegram', l.id::text,"
            + " now() - (random() * interval '30 days'), now() FROM leads l WHERE l.broker_id = ?",
        broker.value());
    rows.execute("ANALYZE conversations");
    rows.execute("ANALYZE leads");
    InboxEntry first = list(broker, search(null, null, null, null, true, null, 31)).getFirst();

    for (InboxSearch search :
        List.of(
            search(null, null, null, null, true, null, 31),
            search(
                ChatProvider.TELEGRAM,
                ConversationStatus.OPEN,
                null,
                rows.agent(broker, "Diego Fuentes"),
                true,
                new Position(first.lastActivityAt(), first.conversationId().value()),
                31))) {
      String plan =
          String.join(
              "\n",
              rows
                  .column("EXPLAIN " + literal(JpaConversationInboxRepository.sql(broker, search)))
                  .stream()
                  .map(Object::toString)
                  .toList());
      assertThat(plan).as(plan).contains("conversations_broker_id_last_activity_idx");
      assertThat(plan).as(plan).doesNotContain("Seq Scan on conversations");
      assertThat(plan).as(plan).doesNotContain("Sort");
    }
  }

  /** The statement with its parameters written in as SQL literals, for EXPLAIN. */
  private static String literal(JpaConversationInboxRepository.NativeSql statement) {
    String sql = statement.sql();
    List<String> names =
        statement.parameters().keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
    for (String name : names) {
      Object value = statement.parameters().get(name);
      String text =
          value instanceof Number
              ? value.toString()
              : "'" + value.toString().replace("'", "''") + "'";
      sql = sql.replace(":" + name, text);
    }
    return sql;
  }

  private static InboxSearch search(
      ChatProvider provider,
      ConversationStatus status,
      String text,
      UserId agent,
      boolean unassigned,
      Position after,
      int limit) {
    return new InboxSearch(provider, status, text, agent, unassigned, after, limit);
  }

  private static List<InboxEntry> list(BrokerId broker, InboxSearch search) {
    return unitOfWork.inTransaction(() -> inbox.list(broker, search));
  }

  private static List<ConversationId> ids(BrokerId broker, InboxSearch search) {
    return list(broker, search).stream().map(InboxEntry::conversationId).toList();
  }

  private static Conversation start(
      BrokerId broker, LeadId lead, ChatProvider provider, String user, Instant at) {
    Conversation conversation = Conversation.start(broker, lead, provider, user, at);
    save(conversation);
    return unitOfWork
        .inTransaction(() -> conversations.findById(broker, conversation.id()))
        .orElseThrow();
  }

  private static void save(Conversation conversation) {
    unitOfWork.inTransaction(() -> conversations.save(conversation));
  }

  /** A message stored {@code seconds} after T0, as the chat repository would; returns its id. */
  private static UUID message(
      BrokerId broker,
      LeadId lead,
      ChatProvider provider,
      String user,
      String sender,
      String text,
      int seconds) {
    UUID id = UUID.randomUUID();
    boolean inbound = sender.equals("lead");
    rows.execute(
        "INSERT INTO chat_messages (id, broker_id, lead_id, provider, channel_user_id,"
            + " message_text, direction, sender_type, delivery_status, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        broker.value(),
        lead.value(),
        provider.apiValue(),
        user,
        text,
        inbound ? "inbound" : "outbound",
        sender,
        inbound ? "received" : "sent",
        Timestamp.from(T0.plusSeconds(seconds)),
        Timestamp.from(T0.plusSeconds(seconds)));
    return id;
  }

  private static Instant activity(Conversation c) {
    return ((Timestamp)
            rows.value("SELECT last_activity_at FROM conversations WHERE id = ?", c.id().value()))
        .toInstant();
  }

  private static Object lastMessage(Conversation c) {
    return rows.value("SELECT last_message_id FROM conversations WHERE id = ?", c.id().value());
  }
}
