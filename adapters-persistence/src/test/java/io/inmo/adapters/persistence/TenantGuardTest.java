package io.inmo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenancy safety net through a real {@link EntityManager} on the migrated schema. The other
 * half of its test is the whole repository suite, which runs with the guard on: a repository that
 * issues an unscoped statement fails its own tests with {@link UnscopedQueryException}.
 */
@ExtendWith(TestPostgres.class)
class TenantGuardTest {
  private static final UUID ANDES = ParentRows.ANDES.value();

  private static DataSource dataSource;
  private static ParentRows rows;
  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static UUID costa;
  private static LeadRow camila;
  private static LeadRow tomas;

  @BeforeAll
  static void start(PgDatabase database) {
    dataSource = database.dataSource();
    rows = new ParentRows(dataSource).andes();
    costa = rows.costa().value();
    jpa = JpaPersistence.start(dataSource, List.of(LeadRow.class, LeadIdentityRow.class));
    unitOfWork = jpa.unitOfWork();
    camila = LeadRow.of(ANDES, "Camila Guard");
    tomas = LeadRow.of(costa, "Tomás Guard");
    inUnit(
        em -> {
          em.persist(camila);
          em.persist(tomas);
          em.persist(LeadIdentityRow.of(camila, "telegram", "guard-111"));
          em.persist(LeadIdentityRow.of(tomas, "telegram", "guard-222"));
          return null;
        });
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  // --- the list of broker-owned tables

  @Test
  void givenMigratedSchema_whenListingRelationsWithBrokerId_thenTheyAreExactlyTheGuardedTables() {
    Set<String> withBrokerId = new TreeSet<>();
    rows.column(
            "SELECT DISTINCT table_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND column_name = 'broker_id'")
        .forEach(name -> withBrokerId.add((String) name));

    assertThat(withBrokerId)
        .as("every table with broker_id must be in TenantGuard.BROKER_OWNED_TABLES")
        .containsExactlyInAnyOrderElementsOf(TenantGuard.BROKER_OWNED_TABLES);
  }

  // --- rejected, loudly and before the statement runs

  @Test
  void givenJpqlWithoutBrokerScope_whenRun_thenUnscopedQueryExceptionNamingTableAndSql() {
    Throwable thrown =
        catchThrowable(
            () ->
                inUnit(
                    em ->
                        em.createQuery(
                                "select l from LeadRow l where l.name = :name", LeadRow.class)
                            .setParameter("name", camila.name)
                            .getResultList()));

    assertThat(thrown)
        .isInstanceOf(UnscopedQueryException.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broker-owned table leads")
        .hasMessageContaining("from leads");
    assertThat(((UnscopedQueryException) thrown).table()).isEqualTo("leads");
    assertThat(((UnscopedQueryException) thrown).sql()).contains("where lr1_0.name=?");
  }

  @Test
  void givenFindById_whenLoading_thenRejectedBecauseItSelectsByPrimaryKeyAlone() {
    assertThat(catchThrowable(() -> inUnit(em -> em.find(LeadRow.class, tomas.id))))
        .isInstanceOf(UnscopedQueryException.class)
        .hasMessageContaining("leads");
  }

  @Test
  void givenNativeSelectWithoutBrokerScope_whenRun_thenRejected() {
    assertThat(
            catchThrowable(
                () ->
                    inUnit(
                        em ->
                            em.createNativeQuery("select name from leads where id = ?")
                                .setParameter(1, tomas.id)
                                .getResultList())))
        .isInstanceOf(UnscopedQueryException.class)
        .hasMessageContaining("select name from leads where id = ?");
  }

  @Test
  void givenNativeUpdateWithoutBrokerScope_whenRun_thenRejectedAndNoRowChanged() {
    Throwable thrown =
        catchThrowable(
            () ->
                inUnit(
                    em ->
                        em.createNativeQuery("update leads set name = 'Intruso' where id = ?")
                            .setParameter(1, tomas.id)
                            .executeUpdate()));

    assertThat(thrown).isInstanceOf(UnscopedQueryException.class);
    assertThat(nameOf(tomas.id)).isEqualTo("Tomás Guard");
  }

  @Test
  void givenNativeDeleteOfChildRowsWithoutBrokerScope_whenRun_thenRejectedAndRowsKept() {
    Throwable thrown =
        catchThrowable(
            () ->
                inUnit(
                    em ->
                        em.createNativeQuery("delete from lead_identities where lead_id = ?")
                            .setParameter(1, tomas.id)
                            .executeUpdate()));

    assertThat(thrown)
        .isInstanceOf(UnscopedQueryException.class)
        .hasMessageContaining("lead_identities");
    assertThat(rows.value("SELECT count(*) FROM lead_identities WHERE lead_id = ?", tomas.id))
        .isEqualTo(1L);
  }

  @Test
  void givenJpqlBulkUpdateAndDeleteByIdOnly_whenRun_thenRejected() {
    Throwable update =
        catchThrowable(
            () ->
                inUnit(
                    em ->
                        em.createQuery("update LeadRow l set l.name = :name where l.id = :id")
                            .setParameter("name", "Intruso")
                            .setParameter("id", tomas.id)
                            .executeUpdate()));
    Throwable delete =
        catchThrowable(
            () ->
                inUnit(
                    em ->
                        em.createQuery("delete from LeadRow l where l.id = :id")
                            .setParameter("id", tomas.id)
                            .executeUpdate()));

    assertThat(update).isInstanceOf(UnscopedQueryException.class);
    assertThat(delete).isInstanceOf(UnscopedQueryException.class);
    assertThat(nameOf(tomas.id)).isEqualTo("Tomás Guard");
  }

  @Test
  void givenBrokerScopeWidenedByOr_whenRun_thenRejected() {
    assertThat(
            catchThrowable(
                () ->
                    inUnit(
                        em ->
                            em.createQuery(
                                    "select l from LeadRow l where l.brokerId = :broker"
                                        + " or l.name = :name",
                                    LeadRow.class)
                                .setParameter("broker", ANDES)
                                .setParameter("name", tomas.name)
                                .getResultList())))
        .isInstanceOf(UnscopedQueryException.class);
  }

  @Test
  void givenJoinedBrokerOwnedTableNotScoped_whenRun_thenRejectedNamingIt() {
    assertThat(
            catchThrowable(
                () ->
                    inUnit(
                        em ->
                            em.createQuery(
                                    "select i.identityValue from LeadRow l join LeadIdentityRow i"
                                        + " on i.leadId = l.id where l.brokerId = :broker")
                                .setParameter("broker", ANDES)
                                .getResultList())))
        .isInstanceOf(UnscopedQueryException.class)
        .hasMessageContaining("lead_identities");
  }

  @Test
  void givenExtraPropertiesThatWouldSwitchTheGuardOff_whenStarted_thenItIsStillOn() {
    StatementInspector passThrough = sql -> sql;
    try (JpaPersistence other =
        JpaPersistence.start(
            dataSource,
            List.of(LeadRow.class),
            Map.of(
                "hibernate.session_factory.statement_inspector",
                passThrough,
                "hibernate.use_sql_comments",
                false))) {
      JpaUnitOfWork otherUnit = other.unitOfWork();

      assertThat(
              catchThrowable(
                  () ->
                      otherUnit.inTransaction(
                          () ->
                              otherUnit
                                  .entityManager()
                                  .createQuery("select l from LeadRow l", LeadRow.class)
                                  .getResultList())))
          .isInstanceOf(UnscopedQueryException.class);
    }
  }

  // --- accepted

  @Test
  void givenScopedJpql_whenFindingAForeignId_thenNothingIsFound() {
    List<LeadRow> own = findScoped(ANDES, camila.id);
    List<LeadRow> foreign = findScoped(ANDES, tomas.id);

    assertThat(own).extracting(l -> l.name).containsExactly("Camila Guard");
    assertThat(foreign).isEmpty();
  }

  @Test
  void givenScopedNativeQueriesInEveryAcceptedForm_whenRun_thenTheyRun() {
    List<Object> found =
        inUnit(
            em ->
                em.createNativeQuery(
                        "select l.name from leads l where l.broker_id = ?::uuid and l.id = ?"
                            + " union all select name from leads where broker_id in (?, ?)"
                            + " and id = ? and (name = 'x' or name like '%Guard')")
                    .setParameter(1, ANDES)
                    .setParameter(2, camila.id)
                    .setParameter(3, costa)
                    .setParameter(4, costa)
                    .setParameter(5, tomas.id)
                    .getResultList());

    assertThat(found).containsExactlyInAnyOrder("Camila Guard", "Tomás Guard");
  }

  @Test
  void givenJoinScopedThroughBrokerIdEquality_whenRun_thenOnlyTheBrokersRows() {
    List<Object> found =
        inUnit(
            em ->
                em.createQuery(
                        "select i.identityValue from LeadRow l join LeadIdentityRow i"
                            + " on i.leadId = l.id and i.brokerId = l.brokerId"
                            + " where l.brokerId = :broker")
                    .setParameter("broker", ANDES)
                    .getResultList());

    assertThat(found).containsExactly("guard-111");
  }

  @Test
  void givenEntityLoadedThroughScopedQuery_whenChangedAndRemoved_thenHibernateWritesByPrimaryKey() {
    LeadRow lead = LeadRow.of(ANDES, "Javiera Guard");
    inUnit(
        em -> {
          em.persist(lead);
          return null;
        });

    inUnit(
        em -> {
          findScoped(em, ANDES, lead.id).get(0).name = "Javiera Renamed";
          return null;
        });
    assertThat(nameOf(lead.id)).isEqualTo("Javiera Renamed");
    inUnit(
        em -> {
          em.remove(findScoped(em, ANDES, lead.id).get(0));
          return null;
        });

    assertThat(rows.value("SELECT count(*) FROM leads WHERE id = ?", lead.id)).isEqualTo(0L);
  }

  @Test
  void givenPlatformScopeHint_whenUnscopedJpqlAndNativeQueriesRun_thenTheyCrossBrokers() {
    List<Object> jpql =
        inUnit(
            em ->
                PlatformScope.hint(
                        em.createQuery("select l.name from LeadRow l where l.name like :name"),
                        "test: a platform-wide listing")
                    .setParameter("name", "%Guard")
                    .getResultList());
    List<Object> nativeHint =
        inUnit(
            em ->
                PlatformScope.hint(
                        em.createNativeQuery("select name from leads where name like ?"),
                        "test: a platform-wide listing")
                    .setParameter(1, "%Guard")
                    .getResultList());
    List<Object> nativeComment =
        inUnit(
            em ->
                em.createNativeQuery(
                        PlatformScope.sqlComment("test: a webhook lookup")
                            + "select name from leads where id = ?")
                    .setParameter(1, tomas.id)
                    .getResultList());

    assertThat(jpql).containsExactlyInAnyOrder("Camila Guard", "Tomás Guard");
    assertThat(nativeHint).containsExactlyInAnyOrder("Camila Guard", "Tomás Guard");
    assertThat(nativeComment).containsExactly("Tomás Guard");
  }

  @Test
  void givenPlatformMarkerAnywhereButTheLeadingComment_whenRun_thenStillRejected() {
    assertThat(
            catchThrowable(
                () ->
                    inUnit(
                        em ->
                            em.createNativeQuery(
                                    "select name from leads /* platform-scope: sneaky */"
                                        + " where name = ?")
                                .setParameter(1, tomas.name)
                                .getResultList())))
        .isInstanceOf(UnscopedQueryException.class);
  }

  // --- helpers

  private static List<LeadRow> findScoped(UUID broker, UUID id) {
    return inUnit(em -> findScoped(em, broker, id));
  }

  private static List<LeadRow> findScoped(EntityManager em, UUID broker, UUID id) {
    return em.createQuery(
            "select l from LeadRow l where l.id = :id and l.brokerId = :broker", LeadRow.class)
        .setParameter("id", id)
        .setParameter("broker", broker)
        .getResultList();
  }

  private static String nameOf(UUID lead) {
    return (String) rows.value("SELECT name FROM leads WHERE id = ?", lead);
  }

  private static <T> T inUnit(Function<EntityManager, T> work) {
    return unitOfWork.inTransaction(() -> work.apply(unitOfWork.entityManager()));
  }
}
