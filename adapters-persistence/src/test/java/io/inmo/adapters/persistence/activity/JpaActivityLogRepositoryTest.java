package io.inmo.adapters.persistence.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.activity.ActivityEntryId;
import io.inmo.domain.activity.ActivityEntryMother;
import io.inmo.domain.activity.ActivityType;
import io.inmo.domain.activity.ActorType;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaActivityLogRepositoryTest {
  private static final BrokerId ANDES = ParentRows.ANDES;
  private static final LeadId CAMILA = ParentRows.CAMILA;
  private static final Instant NOW = ActivityEntryMother.NOW;

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaActivityLogRepository repository;
  private static ParentRows rows;
  private static BrokerId costa;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    costa = rows.costa();
    jpa = JpaPersistence.start(database.dataSource(), ActivityJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaActivityLogRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenMothersEntries_whenAppendedAndFound_thenEveryFieldRoundTripsNewestFirst() {
    ActivityEntry received = ActivityEntryMother.messageReceived();
    ActivityEntry stage = ActivityEntryMother.stageChanged();
    ActivityEntry note = ActivityEntryMother.note();

    append(stage);
    append(note);
    append(received);
    List<ActivityEntry> found = findByLead(ANDES, CAMILA, 10);

    assertThat(found)
        .extracting(ActivityEntry::id)
        .containsExactly(note.id(), stage.id(), received.id());
    assertThat(found.get(0)).usingRecursiveComparison().isEqualTo(note);
    assertThat(found.get(1)).usingRecursiveComparison().isEqualTo(stage);
    assertThat(found.get(2)).usingRecursiveComparison().isEqualTo(received);
    assertThat(found.get(0).actorUserId()).isEqualTo(ParentRows.DIEGO);
    assertThat(found.get(1).details()).containsEntry("score", 55);
    assertThat(found.get(2).details()).containsEntry("preview", "Hola, busco depto en Ñuñoa");
    assertThat(
            rows.value(
                "SELECT action_type || '/' || actor_type || '/' || (details ->> 'preview')"
                    + " FROM activity_log WHERE id = ?",
                received.id().value()))
        .isEqualTo("message_received/lead/Hola, busco depto en Ñuñoa");
  }

  @Test
  void givenNestedDetailsWithAccents_whenAppendedAndFound_thenJsonbKeepsEveryValue() {
    LeadId lead = rows.lead(ANDES, "Martina Herrera");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("comunas", List.of("Ñuñoa", "Providencia", "Peñalolén"));
    details.put("presupuesto", Map.of("uf", 4500, "pie", 0.2, "moneda", "UF"));
    details.put("urgente", true);
    details.put("comentario", "«Quiere vista al cerro» — ¿terraza? sí");
    details.put("sin_valor", null);
    details.put("visitas", List.of(Map.of("día", "jueves", "hora", "18:30")));
    ActivityEntry entry =
        ActivityEntry.record(
            ANDES, lead, ActivityType.FACTS_UPDATED, details, ActorType.AI, null, NOW);

    append(entry);
    ActivityEntry found = findByLead(ANDES, lead, 1).get(0);

    assertThat(found).usingRecursiveComparison().isEqualTo(entry);
    assertThat(found.details())
        .containsEntry("comunas", List.of("Ñuñoa", "Providencia", "Peñalolén"))
        .containsEntry("presupuesto", Map.of("uf", 4500, "pie", 0.2, "moneda", "UF"))
        .containsEntry("urgente", true)
        .containsEntry("comentario", "«Quiere vista al cerro» — ¿terraza? sí")
        .containsEntry("sin_valor", null)
        .containsEntry("visitas", List.of(Map.of("día", "jueves", "hora", "18:30")));
    assertThat(
            rows.value(
                "SELECT details -> 'comunas' ->> 2 FROM activity_log WHERE id = ?",
                entry.id().value()))
        .isEqualTo("Peñalolén");
  }

  @Test
  void givenEntryWithoutDetails_whenAppended_thenStoredAsEmptyObject() {
    LeadId lead = rows.lead(ANDES, "Tomás Araya");
    ActivityEntry created =
        ActivityEntry.record(
            ANDES, lead, ActivityType.LEAD_CREATED, null, ActorType.SYSTEM, null, NOW);

    append(created);

    ActivityEntry found = findByLead(ANDES, lead, 5).get(0);
    assertThat(found).usingRecursiveComparison().isEqualTo(created);
    assertThat(found.details()).isEmpty();
    assertThat(found.actorUserId()).isNull();
    assertThat(
            rows.value("SELECT details::text FROM activity_log WHERE id = ?", created.id().value()))
        .isEqualTo("{}");
  }

  @Test
  void givenLegacyRowWithoutActorType_whenFound_thenActorIsSystem() {
    LeadId lead = rows.lead(ANDES, "Benjamín Rojas");
    UUID id = UUID.randomUUID();
    rows.execute(
        "INSERT INTO activity_log (id, broker_id, lead_id, action_type, details, ts)"
            + " VALUES (?, ?, ?, 'note', '{\"text\": \"Llamó desde Ñuñoa\"}'::jsonb, ?)",
        id,
        ANDES.value(),
        lead.value(),
        OffsetDateTime.parse("2024-11-05T15:30:00Z"));

    ActivityEntry found = findByLead(ANDES, lead, 1).get(0);

    assertThat(found.id()).isEqualTo(new ActivityEntryId(id));
    assertThat(found.actorType()).isEqualTo(ActorType.SYSTEM);
    assertThat(found.actorUserId()).isNull();
    assertThat(found.type()).isEqualTo(ActivityType.NOTE);
    assertThat(found.details()).containsExactly(Map.entry("text", "Llamó desde Ñuñoa"));
    assertThat(found.at()).isEqualTo(Instant.parse("2024-11-05T15:30:00Z"));
  }

  @Test
  void givenAppendedEntry_whenAppendedAgain_thenPrimaryKeyViolationAndOriginalKept() {
    LeadId lead = rows.lead(ANDES, "Rocío Muñoz");
    ActivityEntry note = note(lead, "Primera nota", NOW);
    append(note);
    ActivityEntry rewrite =
        new ActivityEntry(
            note.id(),
            ANDES,
            lead,
            ActivityType.NOTE,
            Map.of("text", "Nota reescrita"),
            ActorType.SYSTEM,
            null,
            NOW.plusSeconds(1));

    assertThatThrownBy(() -> append(rewrite))
        .isInstanceOfSatisfying(
            PersistenceException.class,
            e -> assertThat(PersistenceErrors.constraintName(e)).contains("activity_log_pkey"));

    assertThat(findByLead(ANDES, lead, 10))
        .singleElement()
        .usingRecursiveComparison()
        .isEqualTo(note);
  }

  @Test
  void givenLongHistory_whenFindingWithLimit_thenOnlyTheLatestOnesNewestFirst() {
    LeadId lead = rows.lead(ANDES, "Antonia Vargas");
    List<ActivityEntry> history = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      history.add(note(lead, "Nota " + i, NOW.plusSeconds(i * 60L)));
    }
    for (int i : new int[] {4, 1, 5, 0, 3, 2}) {
      append(history.get(i));
    }

    assertThat(findByLead(ANDES, lead, 3))
        .extracting(e -> e.details().get("text"))
        .containsExactly("Nota 5", "Nota 4", "Nota 3");
    assertThat(findByLead(ANDES, lead, 100)).hasSize(6);
    assertThat(findByLead(ANDES, lead, 0)).isEmpty();
    assertThatThrownBy(() -> findByLead(ANDES, lead, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenEntriesAtTheSameInstant_whenFinding_thenTiesAreBrokenByIdDescending() {
    LeadId lead = rows.lead(ANDES, "Vicente Soto");
    ActivityEntry low = withId("01957a1e-0000-7000-8000-0000000000e1", lead);
    ActivityEntry high = withId("01957a1e-0000-7000-8000-0000000000e2", lead);
    append(low);
    append(high);

    assertThat(findByLead(ANDES, lead, 10))
        .extracting(ActivityEntry::id)
        .containsExactly(high.id(), low.id());
  }

  @Test
  void givenEntriesOfOtherLeadsAndBrokers_whenFindingByLead_thenOnlyThatLeadsOfThatBroker() {
    LeadId lead = rows.lead(ANDES, "Catalina Morales");
    LeadId otherLead = rows.lead(ANDES, "Gabriel Núñez");
    LeadId costasLead = rows.lead(costa, "Joaquín Rivas");
    ActivityEntry own = note(lead, "Mía", NOW);
    append(own);
    append(note(otherLead, "De otro lead", NOW.plusSeconds(1)));
    append(
        ActivityEntry.record(
            costa,
            costasLead,
            ActivityType.NOTE,
            Map.of("text", "Otra corredora"),
            ActorType.SYSTEM,
            null,
            NOW.plusSeconds(2)));

    assertThat(findByLead(ANDES, lead, 10)).extracting(ActivityEntry::id).containsExactly(own.id());
    assertThat(findByLead(costa, lead, 10)).isEmpty();
    assertThat(findByLead(ANDES, costasLead, 10)).isEmpty();
  }

  @Test
  void givenEveryTypeAndActor_whenAppendedAndFound_thenEachRoundTrips() {
    LeadId lead = rows.lead(ANDES, "Sebastián Díaz");
    List<ActivityEntry> entries = new ArrayList<>();
    for (ActivityType type : ActivityType.values()) {
      ActorType actor = ActorType.values()[type.ordinal() % ActorType.values().length];
      entries.add(
          ActivityEntry.record(
              ANDES,
              lead,
              type,
              Map.of("tipo", type.apiValue()),
              actor,
              actor == ActorType.USER ? ParentRows.DIEGO : null,
              NOW.plusSeconds(type.ordinal())));
    }
    entries.forEach(JpaActivityLogRepositoryTest::append);

    List<ActivityEntry> found = findByLead(ANDES, lead, 100);

    assertThat(found)
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(entries.reversed());
  }

  private static ActivityEntry note(LeadId lead, String text, Instant at) {
    return ActivityEntry.record(
        ANDES, lead, ActivityType.NOTE, Map.of("text", text), ActorType.USER, ParentRows.DIEGO, at);
  }

  private static ActivityEntry withId(String id, LeadId lead) {
    return new ActivityEntry(
        ActivityEntryId.of(id),
        ANDES,
        lead,
        ActivityType.CALL,
        Map.of("resultado", "buzón de voz"),
        ActorType.AI,
        null,
        NOW);
  }

  private static void append(ActivityEntry entry) {
    unitOfWork.inTransaction(() -> repository.append(entry));
  }

  private static List<ActivityEntry> findByLead(BrokerId broker, LeadId lead, int limit) {
    return unitOfWork.inTransaction(() -> repository.findByLead(broker, lead, limit));
  }
}
