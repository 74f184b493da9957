package io.inmo.adapters.persistence.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.application.port.out.ConversationRepository.ClaimedTurn;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.Conversation;
import io.inmo.domain.conversation.EscalationPolicy.Reason;
import io.inmo.domain.lead.LeadId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaConversationRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
  private static final Duration BURST = Duration.ofSeconds(2);
  private static final Duration MAX_DELAY = Duration.ofSeconds(10);
  private static final Duration CLAIM = Duration.ofSeconds(60);

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaConversationRepository repository;
  private static ParentRows rows;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    jpa = JpaPersistence.start(database.dataSource(), ConversationJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaConversationRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @BeforeEach
  void nothingQueued() {
    rows.execute(
        "UPDATE conversations SET turn_due_at = NULL, turn_pending_since = NULL,"
            + " turn_claimed_by = NULL, turn_claimed_until = NULL");
  }

  @Test
  void givenTakenOverConversation_whenSavedAndFound_thenEveryFieldRoundTripsWithinItsBroker() {
    BrokerId broker = rows.costa();
    LeadId lead = rows.lead(broker, "Camila Fuentes");
    Conversation conversation =
        Conversation.start(broker, lead, ChatProvider.TELEGRAM, "700100200", T0);
    conversation.recordInbound(T0.plusSeconds(5));
    conversation.takeOver(rows.agent(broker, "Ignacio Carrasco"), T0.plusSeconds(60));
    save(conversation);

    Conversation found = read(() -> repository.findById(broker, conversation.id())).orElseThrow();
    assertThat(found).usingRecursiveComparison().ignoringFields("version").isEqualTo(conversation);
    assertThat(read(() -> repository.findByChannel(broker, ChatProvider.TELEGRAM, "700100200")))
        .map(Conversation::id)
        .contains(conversation.id());
    assertThat(read(() -> repository.findByLead(broker, lead))).hasSize(1);
    // another broker sees nothing of it
    BrokerId other = rows.costa();
    assertThat(read(() -> repository.findById(other, conversation.id()))).isEmpty();
    assertThat(read(() -> repository.findByChannel(other, ChatProvider.TELEGRAM, "700100200")))
        .isEmpty();
  }

  @Test
  void givenEscalatedThenReleased_whenSavedTwice_thenTheStoredStateFollows() {
    BrokerId broker = rows.costa();
    Conversation conversation =
        Conversation.start(
            broker, rows.lead(broker, "Tomás Araya"), ChatProvider.WEBCHAT, "sesion-1", T0);
    conversation.escalate(Reason.COMPLAINT, T0.plusSeconds(1));
    save(conversation);
    Conversation stored = read(() -> repository.findById(broker, conversation.id())).orElseThrow();
    assertThat(stored.escalation()).isEqualTo(Reason.COMPLAINT);
    assertThat(rows.value("SELECT escalation FROM conversations WHERE id = ?", stored.id().value()))
        .isEqualTo("complaint");

    stored.release(T0.plusSeconds(90));
    save(stored);
    assertThat(
            read(() -> repository.findById(broker, conversation.id())).orElseThrow().aiMayReply())
        .isTrue();
  }

  @Test
  void givenTwoWritersOfOneConversation_whenTheSecondSaves_thenConcurrentChange() {
    BrokerId broker = rows.costa();
    Conversation conversation =
        Conversation.start(
            broker, rows.lead(broker, "Inés Cáceres"), ChatProvider.WHATSAPP, "56911112222", T0);
    save(conversation);
    Conversation first = read(() -> repository.findById(broker, conversation.id())).orElseThrow();
    Conversation second = read(() -> repository.findById(broker, conversation.id())).orElseThrow();
    first.takeOver(rows.agent(broker, "Paula Rivas"), T0.plusSeconds(10));
    save(first);
    second.escalate(Reason.HOSTILE, T0.plusSeconds(11));

    assertThatThrownBy(() -> save(second)).isInstanceOf(ConcurrentChangeException.class);
    assertThat(
            read(() -> repository.findById(broker, conversation.id())).orElseThrow().escalation())
        .isNull();
  }

  @Test
  void givenSecondConversationForOneChannelIdentity_whenSaved_thenRefused() {
    BrokerId broker = rows.costa();
    save(
        Conversation.start(
            broker, rows.lead(broker, "Sofía Pizarro"), ChatProvider.TELEGRAM, "555", T0));
    Conversation twin =
        Conversation.start(broker, rows.lead(broker, "Sofía P."), ChatProvider.TELEGRAM, "555", T0);
    assertThatThrownBy(() -> save(twin)).isInstanceOf(RuntimeException.class);
    assertThat(
            rows.value(
                "SELECT count(*) FROM conversations WHERE broker_id = ? AND channel_user_id = '555'",
                broker.value()))
        .isEqualTo(1L);
  }

  @Test
  void givenMessagesInABurst_whenScheduled_thenDuePushedBackButCappedAfterTheFirst() {
    Conversation conversation = stored("Matías Lagos");
    schedule(conversation, T0);
    assertThat(due(conversation)).isEqualTo(T0.plusSeconds(2));
    schedule(conversation, T0.plusSeconds(1));
    assertThat(due(conversation)).isEqualTo(T0.plusSeconds(3));
    schedule(conversation, T0.plusSeconds(9));
    // 9 + 2 = 11 would pass the 10-second cap after the first pending message
    assertThat(due(conversation)).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void givenDueTurn_whenClaimed_thenOneNodeHoldsItUntilFinishedOrExpired() {
    Conversation conversation = stored("Bárbara Muñoz");
    schedule(conversation, T0);
    assertThat(claim("nodo-a", T0.plusSeconds(1))).isEmpty();

    ClaimedTurn turn = claim("nodo-a", T0.plusSeconds(2)).orElseThrow();
    assertThat(turn.conversationId()).isEqualTo(conversation.id());
    assertThat(turn.brokerId()).isEqualTo(conversation.brokerId());
    assertThat(turn.dueAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(claim("nodo-b", T0.plusSeconds(3))).isEmpty();

    // nodo-a stalls past its claim: nodo-b takes the turn over, nodo-a may no longer finish it
    assertThat(claim("nodo-b", T0.plusSeconds(63))).isPresent();
    assertThat(finish(conversation, "nodo-a", false, T0.plusSeconds(64))).isFalse();
    assertThat(finish(conversation, "nodo-b", false, T0.plusSeconds(64))).isTrue();
    assertThat(due(conversation)).isNull();
    assertThat(claim("nodo-a", T0.plusSeconds(500))).isEmpty();
  }

  @Test
  void givenMessagesDuringATurn_whenFinishedWithMore_thenDueAtOnce() {
    Conversation conversation = stored("Rodrigo Soto");
    schedule(conversation, T0);
    claim("nodo-a", T0.plusSeconds(2)).orElseThrow();
    schedule(conversation, T0.plusSeconds(3)); // the lead wrote again meanwhile
    assertThat(finish(conversation, "nodo-a", true, T0.plusSeconds(4))).isTrue();
    assertThat(due(conversation)).isEqualTo(T0.plusSeconds(4));
    assertThat(claim("nodo-b", T0.plusSeconds(4)))
        .map(ClaimedTurn::conversationId)
        .contains(conversation.id());
  }

  @Test
  void givenAFailedTurn_whenFailed_thenReleasedDueLaterCountedAndResetByAFinish() {
    Conversation conversation = stored("Pedro Alarcón");
    schedule(conversation, T0);
    assertThat(claim("nodo-a", T0.plusSeconds(2)).orElseThrow().failures()).isZero();
    fail(conversation, "nodo-b", T0.plusSeconds(40), T0.plusSeconds(3)); // not nodo-b's claim
    assertThat(claim("nodo-b", T0.plusSeconds(3))).isEmpty();

    fail(conversation, "nodo-a", T0.plusSeconds(20), T0.plusSeconds(3));
    assertThat(due(conversation)).isEqualTo(T0.plusSeconds(20));
    assertThat(claim("nodo-b", T0.plusSeconds(19))).isEmpty();
    ClaimedTurn again = claim("nodo-b", T0.plusSeconds(20)).orElseThrow();
    assertThat(again.failures()).isEqualTo(1);
    fail(conversation, "nodo-b", T0.plusSeconds(50), T0.plusSeconds(21));
    assertThat(claim("nodo-a", T0.plusSeconds(50)).orElseThrow().failures()).isEqualTo(2);

    assertThat(finish(conversation, "nodo-a", true, T0.plusSeconds(51))).isTrue();
    assertThat(claim("nodo-b", T0.plusSeconds(51)).orElseThrow().failures()).isZero();
  }

  @Test
  void givenSeveralDueConversations_whenClaimed_thenLongestDueFirstAndEachOnce() {
    Conversation later = stored("Javiera Núñez");
    Conversation earlier = stored("Óscar Zúñiga");
    schedule(later, T0.plusSeconds(5));
    schedule(earlier, T0);
    assertThat(claim("nodo-a", T0.plusSeconds(30)).orElseThrow().conversationId())
        .isEqualTo(earlier.id());
    assertThat(claim("nodo-b", T0.plusSeconds(30)).orElseThrow().conversationId())
        .isEqualTo(later.id());
    assertThat(claim("nodo-c", T0.plusSeconds(30))).isEmpty();
  }

  // ---- helpers

  private static Conversation stored(String leadName) {
    BrokerId broker = rows.costa();
    Conversation conversation =
        Conversation.start(
            broker,
            rows.lead(broker, leadName),
            ChatProvider.WEBCHAT,
            "sesion-" + leadName.hashCode(),
            T0);
    save(conversation);
    return conversation;
  }

  private static void schedule(Conversation c, Instant now) {
    unitOfWork.inTransaction(
        () -> repository.scheduleTurn(c.brokerId(), c.id(), now, BURST, MAX_DELAY));
  }

  private static Optional<ClaimedTurn> claim(String node, Instant now) {
    return unitOfWork.inTransaction(() -> repository.claimDueTurn(node, now, CLAIM));
  }

  private static boolean finish(Conversation c, String node, boolean more, Instant now) {
    return unitOfWork.inTransaction(
        () -> repository.finishTurn(c.brokerId(), c.id(), node, more, now));
  }

  private static void fail(Conversation c, String node, Instant retryAt, Instant now) {
    unitOfWork.inTransaction(() -> repository.failTurn(c.brokerId(), c.id(), node, retryAt, now));
  }

  private static Instant due(Conversation c) {
    Object due = rows.value("SELECT turn_due_at FROM conversations WHERE id = ?", c.id().value());
    return due == null ? null : ((java.sql.Timestamp) due).toInstant();
  }

  private static void save(Conversation conversation) {
    unitOfWork.inTransaction(() -> repository.save(conversation));
  }

  private static <T> T read(java.util.function.Supplier<T> query) {
    return unitOfWork.inTransaction(query);
  }
}
