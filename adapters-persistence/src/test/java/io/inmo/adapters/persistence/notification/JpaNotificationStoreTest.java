package io.inmo.adapters.persistence.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.notification.Notification;
import io.inmo.domain.notification.NotificationId;
import io.inmo.domain.notification.NotificationKind;
import io.inmo.domain.shared.TimeMother;
import io.inmo.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notifications' nightly retention against real PostgreSQL. The delete spans every broker, so
 * each test uses brokers of its own and the same {@link #CUTOFF}: what one test leaves behind is
 * never deletable in another.
 */
@ExtendWith(TestPostgres.class)
class JpaNotificationStoreTest {
  private static final Instant NOW = TimeMother.NOW;

  /** Notifications read before this go (the job keeps 90 days). */
  private static final Instant CUTOFF = NOW.minus(Duration.ofDays(90));

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaNotificationStore store;
  private static ParentRows rows;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    jpa = JpaPersistence.start(database.dataSource(), NotificationJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    store = new JpaNotificationStore(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  private static Instant daysFromCutoff(int days) {
    return CUTOFF.plus(Duration.ofDays(days));
  }

  private static Notification hotLead(
      BrokerId broker, UserId agent, LeadId lead, String name, Instant createdAt, Instant readAt) {
    return new Notification(
        NotificationId.newId(),
        broker,
        agent,
        NotificationKind.LEAD_HOT,
        lead,
        "Lead caliente: " + name,
        name + " alcanzó 82 puntos: presupuesto de 5.200 UF y renta sobre $1.500.000.",
        createdAt,
        readAt);
  }

  private static Notification staleDigest(
      BrokerId broker, UserId agent, Instant createdAt, Instant readAt) {
    return new Notification(
        NotificationId.newId(),
        broker,
        agent,
        NotificationKind.LEADS_STALE,
        null,
        "3 leads sin actividad",
        "Catalina Muñoz, José Pérez y Tomás Díaz no tienen contacto ni cambio de etapa hace 14"
            + " días. Encuéntralos en Leads con el filtro «Sin actividad».",
        createdAt,
        readAt);
  }

  private static void send(Notification... notifications) {
    unitOfWork.inTransaction(
        () -> {
          for (Notification n : notifications) {
            store.send(n);
          }
        });
  }

  private static int deleteReadBefore(Instant cutoff) {
    return unitOfWork.inTransaction(() -> store.deleteReadBefore(cutoff));
  }

  private static List<Object> notificationIds(BrokerId broker) {
    return rows.column(
        "SELECT id FROM notifications WHERE broker_id = ? ORDER BY created_at, id", broker.value());
  }

  @Test
  void givenNotificationsOfTwoBrokers_whenReadOnesDeletedBeforeCutoff_thenUnreadAndRecentStay() {
    BrokerId valle = rows.costa();
    UserId diego = rows.agent(valle, "Diego Fuentes");
    LeadId camila = rows.lead(valle, "Camila Rojas");
    Notification readLongAgo =
        hotLead(valle, diego, camila, "Camila Rojas", daysFromCutoff(-40), daysFromCutoff(-39));
    Notification unreadLongAgo = staleDigest(valle, diego, daysFromCutoff(-100), null);
    Notification readAtCutoff =
        hotLead(valle, diego, camila, "Camila Rojas", daysFromCutoff(-5), CUTOFF);
    Notification readRecently = staleDigest(valle, diego, daysFromCutoff(-95), daysFromCutoff(1));
    BrokerId costa = rows.costa();
    UserId francisca = rows.agent(costa, "Francisca León");
    LeadId martina = rows.lead(costa, "Martina González");
    Notification costaReadLongAgo =
        hotLead(
            costa,
            francisca,
            martina,
            "Martina González",
            daysFromCutoff(-30),
            daysFromCutoff(-29));
    Notification costaDigestRead =
        staleDigest(costa, francisca, daysFromCutoff(-12), CUTOFF.minusSeconds(1));
    Notification costaUnread =
        hotLead(costa, francisca, martina, "Martina González", daysFromCutoff(-200), null);
    send(
        readLongAgo,
        unreadLongAgo,
        readAtCutoff,
        readRecently,
        costaReadLongAgo,
        costaDigestRead,
        costaUnread);

    int deleted = deleteReadBefore(CUTOFF);

    assertThat(deleted).isEqualTo(3);
    assertThat(notificationIds(valle))
        .containsExactlyInAnyOrder(
            unreadLongAgo.id().value(), readAtCutoff.id().value(), readRecently.id().value());
    assertThat(notificationIds(costa)).containsExactly(costaUnread.id().value());
    assertThat(unitOfWork.inTransaction(() -> store.countUnread(valle, diego))).isEqualTo(1);
    assertThat(unitOfWork.inTransaction(() -> store.countUnread(costa, francisca))).isEqualTo(1);
    assertThat(deleteReadBefore(CUTOFF)).isZero();
  }

  @Test
  void givenNotificationMarkedReadInTheInbox_whenDeletedBeforeALaterCutoff_thenItGoes() {
    BrokerId broker = rows.costa();
    UserId agent = rows.agent(broker, "Benjamín Soto");
    Notification digest = staleDigest(broker, agent, daysFromCutoff(-10), null);
    send(digest);
    unitOfWork.inTransaction(() -> store.markRead(broker, agent, digest.id(), daysFromCutoff(-9)));

    int deleted = deleteReadBefore(CUTOFF);

    assertThat(deleted).isEqualTo(1);
    assertThat(notificationIds(broker)).isEmpty();
  }
}
