package io.inmo.adapters.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.audit.AuditEntryId;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.UserId;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaAuditLogRepositoryTest {
  private static final BrokerId ANDES = ParentRows.ANDES;
  private static final UserId VALENTINA = ParentRows.VALENTINA;
  private static final Instant NOW = Instant.parse("2025-03-10T13:00:00Z");

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaAuditLogRepository repository;
  private static ParentRows rows;
  private static BrokerId costa;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    costa = rows.costa();
    jpa = JpaPersistence.start(database.dataSource(), AuditJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaAuditLogRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenLeadUpdate_whenAppendedAndFound_thenEveryFieldRoundTrips() {
    BrokerId broker = rows.costa();
    UserId admin = rows.agent(broker, "Francisca León");
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("name", "Camila Rojas");
    before.put("pipeline_stage", "profiling");
    before.put("tags", List.of("ñuñoa", "2d"));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("name", "Camila Rojas Muñoz");
    after.put("pipeline_stage", "financial_qualification");
    after.put("tags", List.of("ñuñoa", "2d", "pie 20 %"));
    after.put("assigned_to", null);
    after.put("score", Map.of("valor", 72, "caliente", true));
    AuditEntry entry =
        AuditEntry.record(
            broker,
            admin,
            "lead.update",
            "lead",
            "01957a1e-0000-7000-8000-0000000000a1",
            before,
            after,
            "200.73.12.4",
            "req-7f3a9c",
            NOW);

    append(entry);
    List<AuditEntry> found = findByBroker(broker, 10);

    assertThat(found).singleElement().usingRecursiveComparison().isEqualTo(entry);
    assertThat(found.get(0).after())
        .containsEntry("name", "Camila Rojas Muñoz")
        .containsEntry("assigned_to", null)
        .containsEntry("score", Map.of("valor", 72, "caliente", true));
    assertThat(found.get(0).before()).containsEntry("tags", List.of("ñuñoa", "2d"));
    assertThat(
            rows.value(
                "SELECT action || '/' || resource_type || '/' || (after_summary ->> 'name')"
                    + " FROM audit_logs WHERE id = ?",
                entry.id().value()))
        .isEqualTo("lead.update/lead/Camila Rojas Muñoz");
  }

  @Test
  void givenEntryWithOnlyRequiredFields_whenAppendedAndFound_thenNullsStayNull() {
    BrokerId broker = rows.costa();
    AuditEntry login =
        AuditEntry.record(
            broker, null, "auth.login_failed", "user", null, null, null, null, null, NOW);

    append(login);
    AuditEntry found = findByBroker(broker, 1).get(0);

    assertThat(found).usingRecursiveComparison().isEqualTo(login);
    assertThat(found.userId()).isNull();
    assertThat(found.resourceId()).isNull();
    assertThat(found.before()).isNull();
    assertThat(found.after()).isNull();
    assertThat(found.ip()).isNull();
    assertThat(found.requestId()).isNull();
    assertThat(
            rows.value(
                "SELECT before_summary IS NULL AND after_summary IS NULL FROM audit_logs WHERE id ="
                    + " ?",
                login.id().value()))
        .isEqualTo(true);
  }

  @Test
  void givenEmptySummaries_whenAppendedAndFound_thenTheyStayEmptyNotNull() {
    BrokerId broker = rows.costa();
    AuditEntry entry =
        AuditEntry.record(
            broker,
            null,
            "broker.update",
            "broker",
            broker.toString(),
            Map.of(),
            Map.of(),
            null,
            null,
            NOW);

    append(entry);
    AuditEntry found = findByBroker(broker, 1).get(0);

    assertThat(found.before()).isNotNull().isEmpty();
    assertThat(found.after()).isNotNull().isEmpty();
  }

  @Test
  void givenPlatformActionWithoutBroker_whenAppended_thenStoredButNeverListedForABroker() {
    UserId superadmin = UserId.newId();
    rows.execute(
        "INSERT INTO users (id, email, hashed_password, name, role)"
            + " VALUES (?, 'soporte@inmo.cl', '$argon2id$v=19$test', 'Soporte Inmo', 'SUPERADMIN')",
        superadmin.value());
    AuditEntry platform =
        AuditEntry.record(
            null,
            superadmin,
            "broker.create",
            "broker",
            costa.toString(),
            null,
            Map.of("name", "Inmobiliaria Costa", "comuna", "Viña del Mar"),
            "127.0.0.1",
            "req-plataforma",
            NOW.plusSeconds(3600));

    append(platform);

    assertThat(
            rows.value(
                "SELECT after_summary ->> 'comuna' FROM audit_logs WHERE id = ? AND broker_id IS"
                    + " NULL",
                platform.id().value()))
        .isEqualTo("Viña del Mar");
    assertThat(findByBroker(costa, 100)).extracting(AuditEntry::id).doesNotContain(platform.id());
    assertThat(findByBroker(ANDES, 100)).extracting(AuditEntry::id).doesNotContain(platform.id());
  }

  @Test
  void givenAppendedEntry_whenAppendedAgain_thenPrimaryKeyViolationAndOriginalKept() {
    BrokerId broker = rows.costa();
    AuditEntry original = entry(broker, "lead.delete", NOW);
    append(original);
    AuditEntry rewrite =
        new AuditEntry(
            original.id(), broker, null, "lead.restore", "lead", null, null, null, null, null, NOW);

    assertThatThrownBy(() -> append(rewrite))
        .isInstanceOfSatisfying(
            PersistenceException.class,
            e -> assertThat(PersistenceErrors.constraintName(e)).contains("audit_logs_pkey"));

    assertThat(findByBroker(broker, 10))
        .singleElement()
        .usingRecursiveComparison()
        .isEqualTo(original);
  }

  @Test
  void givenManyEntries_whenFindingWithLimit_thenOnlyTheLatestOfThatBrokerNewestFirst() {
    BrokerId broker = rows.costa();
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      entries.add(entry(broker, "lead.update", NOW.plusSeconds(i * 60L)));
    }
    for (int i : new int[] {2, 4, 0, 3, 1}) {
      append(entries.get(i));
    }
    append(entry(ANDES, "lead.update", NOW.plusSeconds(9999)));

    assertThat(findByBroker(broker, 3))
        .extracting(AuditEntry::id)
        .containsExactly(entries.get(4).id(), entries.get(3).id(), entries.get(2).id());
    assertThat(findByBroker(broker, 100)).hasSize(5);
    assertThat(findByBroker(broker, 0)).isEmpty();
    assertThatThrownBy(() -> findByBroker(broker, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenEntriesAtTheSameInstant_whenFinding_thenTiesAreBrokenByIdDescending() {
    BrokerId broker = rows.costa();
    AuditEntry low = withId("01957a1e-0000-7000-8000-0000000000e1", broker);
    AuditEntry high = withId("01957a1e-0000-7000-8000-0000000000e2", broker);
    append(low);
    append(high);

    assertThat(findByBroker(broker, 10))
        .extracting(AuditEntry::id)
        .containsExactly(high.id(), low.id());
  }

  @Test
  void givenAnotherBrokersEntries_whenFinding_thenNoneAreVisible() {
    BrokerId broker = rows.costa();
    AuditEntry own = entry(broker, "campaign.activate", NOW);
    append(own);
    append(entry(ANDES, "campaign.pause", NOW.plusSeconds(1)));

    assertThat(findByBroker(broker, 10)).extracting(AuditEntry::id).containsExactly(own.id());
    BrokerId empty = rows.costa();
    assertThat(findByBroker(empty, 10)).isEmpty();
  }

  @Test
  void givenEntriesOfSeveralUsersAndActions_whenSearched_thenOnlyTheMatchingOnesNewestFirst() {
    BrokerId broker = rows.costa();
    UserId francisca = rows.agent(broker, "Francisca León");
    UserId ignacio = rows.agent(broker, "Ignacio Carrasco");
    AuditEntry franciscaUpdate = by(broker, francisca, "lead.update", NOW);
    AuditEntry ignacioUpdate = by(broker, ignacio, "lead.update", NOW.plusSeconds(60));
    AuditEntry franciscaAssign = by(broker, francisca, "lead.assign", NOW.plusSeconds(120));
    AuditEntry failedLogin = by(broker, null, "auth.login_failed", NOW.plusSeconds(180));
    for (AuditEntry e : List.of(ignacioUpdate, failedLogin, franciscaUpdate, franciscaAssign)) {
      append(e);
    }
    append(by(ANDES, VALENTINA, "lead.update", NOW.plusSeconds(30)));

    assertThat(search(broker, null, null, null, null, null, 10))
        .extracting(AuditEntry::id)
        .containsExactly(
            failedLogin.id(), franciscaAssign.id(), ignacioUpdate.id(), franciscaUpdate.id());
    assertThat(search(broker, "lead.update", null, null, null, null, 10))
        .extracting(AuditEntry::id)
        .containsExactly(ignacioUpdate.id(), franciscaUpdate.id());
    assertThat(search(broker, null, francisca, null, null, null, 10))
        .extracting(AuditEntry::id)
        .containsExactly(franciscaAssign.id(), franciscaUpdate.id());
    assertThat(search(broker, "lead.update", francisca, null, null, null, 10))
        .extracting(AuditEntry::id)
        .containsExactly(franciscaUpdate.id());
    // from inclusive, to exclusive
    assertThat(search(broker, null, null, NOW.plusSeconds(60), NOW.plusSeconds(180), null, 10))
        .extracting(AuditEntry::id)
        .containsExactly(franciscaAssign.id(), ignacioUpdate.id());
    assertThat(search(broker, "user.create", null, null, null, null, 10)).isEmpty();
    assertThat(search(broker, null, VALENTINA, null, null, null, 10)).isEmpty();
  }

  @Test
  void givenEntriesSharingAnInstant_whenReadPageByPage_thenEachOnceInOrder() {
    BrokerId broker = rows.costa();
    List<AuditEntry> appended = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // three entries at one instant: the id breaks the tie, across page boundaries too
      AuditEntry e = by(broker, null, "lead.update", NOW.plusSeconds(i < 3 ? 0 : i));
      appended.add(e);
      append(e);
    }

    List<AuditEntry> seen = new ArrayList<>();
    AuditLogRepository.Position after = null;
    int pages = 0;
    List<AuditEntry> page;
    do {
      page = search(broker, null, null, null, null, after, 2);
      seen.addAll(page);
      if (!page.isEmpty()) {
        AuditEntry last = page.get(page.size() - 1);
        after = new AuditLogRepository.Position(last.at(), last.id());
      }
      pages++;
    } while (page.size() == 2);

    assertThat(pages).isEqualTo(4);
    assertThat(seen).extracting(AuditEntry::id).doesNotHaveDuplicates().hasSize(7);
    assertThat(seen)
        .extracting(AuditEntry::id)
        .containsExactlyElementsOf(
            search(broker, null, null, null, null, null, 100).stream()
                .map(AuditEntry::id)
                .toList());
    assertThat(seen.subList(4, 7))
        .extracting(AuditEntry::id)
        .containsExactlyInAnyOrderElementsOf(
            appended.subList(0, 3).stream().map(AuditEntry::id).toList());
  }

  private static AuditEntry by(BrokerId broker, UserId user, String action, Instant at) {
    return AuditEntry.record(
        broker, user, action, "lead", null, null, Map.of("etapa", "perfilamiento"), null, null, at);
  }

  private static List<AuditEntry> search(
      BrokerId broker,
      String action,
      UserId user,
      Instant from,
      Instant to,
      AuditLogRepository.Position after,
      int limit) {
    return unitOfWork.inTransaction(
        () ->
            repository.search(
                broker, new AuditLogRepository.AuditSearch(action, user, from, to, after, limit)));
  }

  private static AuditEntry entry(BrokerId broker, String action, Instant at) {
    UserId user = broker.equals(ANDES) ? VALENTINA : null;
    return AuditEntry.record(
        broker,
        user,
        action,
        "lead",
        null,
        Map.of("stage", "nuevo"),
        Map.of("stage", "calificación financiera"),
        "190.98.1.7",
        null,
        at);
  }

  private static AuditEntry withId(String id, BrokerId broker) {
    return new AuditEntry(
        AuditEntryId.of(id),
        broker,
        null,
        "user.invite",
        "user",
        null,
        null,
        null,
        null,
        null,
        NOW);
  }

  private static void append(AuditEntry entry) {
    unitOfWork.inTransaction(() -> repository.append(entry));
  }

  private static List<AuditEntry> findByBroker(BrokerId broker, int limit) {
    return unitOfWork.inTransaction(() -> repository.findByBroker(broker, limit));
  }
}
