package io.inmo.adapters.persistence.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.LiveEventsPort.Kind;
import io.inmo.application.port.out.LiveEventsPort.LiveEvent;
import io.inmo.application.port.out.LiveEventsPort.Subscription;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The triggers of changelog 0011 and the listener, against a real PostgreSQL. */
@ExtendWith(TestPostgres.class)
class PostgresLiveEventsTest {
  private static DataSource dataSource;
  private static ParentRows rows;
  private static PostgresLiveEvents events;

  @BeforeAll
  static void start(PgDatabase database) {
    dataSource = database.dataSource();
    rows = new ParentRows(dataSource).andes();
    events = PostgresLiveEvents.start(dataSource);
  }

  @AfterAll
  static void stop() {
    if (events != null) {
      events.close();
    }
  }

  @Test
  void givenSubscriberOfABroker_whenItsLeadChanges_thenOneEventWithIdsAndNoPersonalData()
      throws Exception {
    BlockingQueue<LiveEvent> received = new LinkedBlockingQueue<>();
    BrokerId costa = rows.costa();
    try (Subscription ignored = events.subscribe(ParentRows.ANDES, received::add)) {
      LeadId lead = rows.lead(costa, "Joaquín Rivas"); // another broker: not delivered
      rows.execute(
          "UPDATE leads SET assigned_to = ?, lead_score = 72, status = 'hot' WHERE id = ?",
          ParentRows.DIEGO.value(),
          ParentRows.CAMILA.value());

      LiveEvent event = next(received);
      assertThat(event.kind()).isEqualTo(Kind.LEAD);
      assertThat(event.broker()).isEqualTo(ParentRows.ANDES);
      assertThat(event.lead()).isEqualTo(ParentRows.CAMILA);
      assertThat(event.assignedTo()).isEqualTo(ParentRows.DIEGO);
      assertThat(event.previouslyAssignedTo()).isNull();
      assertThat(event.data())
          .containsEntry("score", "72")
          .containsEntry("status", "hot")
          .containsEntry("stage", "new")
          .containsEntry("deleted", "false")
          .doesNotContainKeys("name", "phone");
      assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
      assertThat(lead).isNotNull();
    }
  }

  @Test
  void givenRolledBackChange_whenListening_thenNothingArrives_andCommittedOnesArriveInOrder()
      throws Exception {
    BlockingQueue<LiveEvent> received = new LinkedBlockingQueue<>();
    BrokerId costa = rows.costa();
    LeadId first = rows.lead(costa, "Fernanda Muñoz");
    LeadId second = rows.lead(costa, "Tomás Araya");
    try (Subscription ignored = events.subscribe(costa, received::add);
        Connection connection = dataSource.getConnection()) {
      drain(received);
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate(
            "UPDATE leads SET lead_score = 10 WHERE id = '" + first.value() + "'");
        connection.rollback();
        statement.executeUpdate(
            "UPDATE leads SET lead_score = 20 WHERE id = '" + second.value() + "'");
        statement.executeUpdate(
            "UPDATE leads SET lead_score = 30 WHERE id = '" + first.value() + "'");
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull(); // not before commit
        connection.commit();
      }
      assertThat(List.of(next(received).lead(), next(received).lead()))
          .containsExactly(second, first);
      assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void givenChatActivity_whenMessagesAndConversationChange_thenMessageTypingAndTurnEvents()
      throws Exception {
    BlockingQueue<LiveEvent> received = new LinkedBlockingQueue<>();
    BrokerId costa = rows.costa();
    LeadId lead = rows.lead(costa, "Ignacia Reyes");
    UserId agent = rows.agent(costa, "Rodrigo Vidal");
    rows.execute("UPDATE leads SET assigned_to = ? WHERE id = ?", agent.value(), lead.value());
    UUID conversation = UUID.randomUUID();
    UUID message = UUID.randomUUID();
    try (Subscription ignored = events.subscribe(null, received::add)) {
      drain(received);
      rows.execute(
          "INSERT INTO conversations (id, broker_id, lead_id, provider, channel_user_id,"
              + " turn_due_at, turn_pending_since, created_at, updated_at)"
              + " VALUES (?, ?, ?, 'telegram', '777001', '2026-12-04T20:00:02Z',"
              + " '2026-12-04T20:00:00Z', now(), now())",
          conversation,
          costa.value(),
          lead.value());
      LiveEvent started = next(received);
      LiveEvent due = next(received);
      rows.execute(
          "INSERT INTO chat_messages (id, broker_id, lead_id, provider, channel_user_id,"
              + " message_text, direction, sender_type, delivery_status)"
              + " VALUES (?, ?, ?, 'telegram', '777001', 'Hola, busco depto en Ñuñoa',"
              + " 'inbound', 'lead', 'received')",
          message,
          costa.value(),
          lead.value());
      LiveEvent inbound = next(received);
      rows.execute(
          "UPDATE conversations SET turn_claimed_by = 'nodo-a',"
              + " turn_claimed_until = now() + interval '60 seconds' WHERE id = ?",
          conversation);
      LiveEvent typing = next(received);
      rows.execute(
          "UPDATE conversations SET turn_claimed_by = null, turn_claimed_until = null,"
              + " turn_due_at = null, turn_pending_since = null WHERE id = ?",
          conversation);
      LiveEvent stopped = next(received);
      rows.execute(
          "UPDATE conversations SET taken_over_by = ?, taken_over_at = now() WHERE id = ?",
          agent.value(),
          conversation);
      LiveEvent takenOver = next(received);
      rows.execute(
          "UPDATE chat_messages SET message_text = 'editado' WHERE id = ?", message); // no event

      assertThat(started.kind()).isEqualTo(Kind.CONVERSATION);
      assertThat(started.assignedTo()).isEqualTo(agent);
      assertThat(due.kind()).isEqualTo(Kind.TURN_DUE);
      assertThat(due.data()).containsEntry("dueAt", "2026-12-04T20:00:02.000000Z");
      assertThat(inbound.kind()).isEqualTo(Kind.MESSAGE);
      assertThat(inbound.data())
          .containsEntry("message", message.toString())
          .containsEntry("direction", "inbound")
          .doesNotContainKey("text")
          .doesNotContainValue("Hola, busco depto en Ñuñoa");
      assertThat(typing.kind()).isEqualTo(Kind.TYPING);
      assertThat(typing.data()).containsEntry("active", "true");
      assertThat(stopped.kind()).isEqualTo(Kind.TYPING);
      assertThat(stopped.data()).containsEntry("active", "false");
      assertThat(takenOver.kind()).isEqualTo(Kind.CONVERSATION);
      assertThat(takenOver.data()).containsEntry("takenOverBy", agent.value().toString());
      assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void givenAnOlderTransactionStillOpen_whenAYoungerOneCommits_thenHeldBackNotSkipped()
      throws Exception {
    BlockingQueue<LiveEvent> received = new LinkedBlockingQueue<>();
    BrokerId costa = rows.costa();
    LeadId older = rows.lead(costa, "Renata Olivares");
    LeadId younger = rows.lead(costa, "Matías Fuentes");
    try (Subscription ignored = events.subscribe(costa, received::add);
        Connection open = dataSource.getConnection()) {
      drain(received);
      open.setAutoCommit(false);
      try (Statement statement = open.createStatement()) {
        statement.executeUpdate(
            "UPDATE leads SET lead_score = 41 WHERE id = '" + older.value() + "'");
        rows.execute("UPDATE leads SET lead_score = 42 WHERE id = ?", younger.value());
        // the younger change committed, but an older transaction may still add events before it
        assertThat(received.poll(800, TimeUnit.MILLISECONDS)).isNull();
        open.commit();
      }
      assertThat(List.of(next(received).lead(), next(received).lead()))
          .containsExactly(older, younger);
    }
  }

  @Test
  void givenTheStoreUnreadable_whenItComesBack_thenSubscribersResyncAndEventsFlowAgain()
      throws Exception {
    BlockingQueue<LiveEvent> received = new LinkedBlockingQueue<>();
    BrokerId costa = rows.costa();
    LeadId lead = rows.lead(costa, "Martina Silva");
    try (Subscription ignored = events.subscribe(costa, received::add)) {
      drain(received);
      rows.execute("ALTER TABLE live_events RENAME TO live_events_away");
      try {
        Thread.sleep(800);
      } finally {
        rows.execute("ALTER TABLE live_events_away RENAME TO live_events");
      }
      LiveEvent resync = next(received, Duration.ofSeconds(10));
      assertThat(resync.kind()).isEqualTo(Kind.RESYNC);

      rows.execute("UPDATE leads SET lead_score = 55 WHERE id = ?", lead.value());
      assertThat(next(received).lead()).isEqualTo(lead);
    }
  }

  @Test
  void givenAnEventAnnouncedLocally_thenSubscribersHaveItAtOnce() throws Exception {
    BlockingQueue<LiveEvent> received = new LinkedBlockingQueue<>();
    BrokerId costa = rows.costa();
    try (Subscription ignored = events.subscribe(null, received::add)) {
      drain(received);
      events.announceLocally(
          new LiveEvent(
              Kind.TURN_DUE, costa, LeadId.newId(), null, null, java.util.Map.of("dueAt", "x")));
      assertThat(received.poll(50, TimeUnit.MILLISECONDS)).isNotNull();
    }
  }

  @Test
  void givenABrokerConfigWritten_whenCommitted_thenAnEvictionEventForThatBroker() throws Exception {
    BlockingQueue<LiveEvent> received = new LinkedBlockingQueue<>();
    BrokerId costa = rows.costa();
    try (Subscription ignored = events.subscribe(costa, received::add)) {
      drain(received);
      rows.execute(
          "INSERT INTO broker_prompt_configs (id, broker_id, agent_name, language)"
              + " VALUES (?, ?, 'Fernanda', 'es-CL')",
          UUID.randomUUID(),
          costa.value());
      LiveEvent written = next(received);
      assertThat(written.kind()).isEqualTo(Kind.BROKER_CONFIG);
      assertThat(written.broker()).isEqualTo(costa);
      assertThat(written.data()).containsEntry("config", "broker_prompt_configs");
    }
  }

  @Test
  void givenClosedSubscription_whenChangesCommit_thenItHearsNothing() throws Exception {
    List<LiveEvent> received = new ArrayList<>();
    BrokerId costa = rows.costa();
    Subscription subscription = events.subscribe(costa, received::add);
    subscription.close();
    rows.lead(costa, "Benjamín Castro");
    Thread.sleep(600);
    assertThat(received).isEmpty();
  }

  /** Lets events committed before the subscription (still on their way) arrive, then drops them. */
  private static void drain(BlockingQueue<LiveEvent> queue) throws InterruptedException {
    Thread.sleep(700);
    queue.clear();
  }

  private static LiveEvent next(BlockingQueue<LiveEvent> queue) throws InterruptedException {
    return next(queue, Duration.ofSeconds(5));
  }

  private static LiveEvent next(BlockingQueue<LiveEvent> queue, Duration wait)
      throws InterruptedException {
    LiveEvent event = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(event).as("an event within " + wait).isNotNull();
    return event;
  }
}
