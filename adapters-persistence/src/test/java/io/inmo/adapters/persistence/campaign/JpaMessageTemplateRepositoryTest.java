package io.inmo.adapters.persistence.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.AgentType;
import io.inmo.domain.campaign.MessageTemplate;
import io.inmo.domain.campaign.MessageTemplateId;
import io.inmo.domain.campaign.MessageTemplateMother;
import io.inmo.domain.campaign.MessageTemplateNameTakenException;
import io.inmo.domain.campaign.TemplateChannel;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaMessageTemplateRepositoryTest {
  private static final BrokerId ANDES = ParentRows.ANDES;
  private static final Instant NOW = MessageTemplateMother.NOW;

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaMessageTemplateRepository repository;
  private static ParentRows rows;
  private static BrokerId costa;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    costa = rows.costa();
    jpa = JpaPersistence.start(database.dataSource(), CampaignJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaMessageTemplateRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenVisitReminder_whenSavedAndFound_thenEveryFieldAndVariableRoundTrips() {
    MessageTemplate reminder = MessageTemplateMother.visitReminder();

    save(reminder);
    Optional<MessageTemplate> found = find(ANDES, reminder.id());

    assertThat(found).isPresent();
    assertThat(found.get()).usingRecursiveComparison().isEqualTo(reminder);
    assertThat(found.get().variables())
        .containsExactly("lead_name", "location", "appointment_date", "appointment_time");
    assertThat(found.get().content()).endsWith("¿Nos confirmas?");
    assertThat(found.get().version()).isZero();
    assertThat(
            rows.value(
                "SELECT channel || '/' || agent_type || '/' || variables::text"
                    + " FROM message_templates WHERE id = ?",
                reminder.id().value()))
        .isEqualTo(
            "whatsapp/follow_up/[\"lead_name\", \"location\", \"appointment_date\","
                + " \"appointment_time\"]");
  }

  @Test
  void givenTemplateWithoutVariables_whenSavedAndFound_thenVariablesAreAnEmptyJsonArray() {
    MessageTemplate plain =
        MessageTemplate.create(
            ANDES,
            "Despedida Ñuñoa",
            TemplateChannel.ANY,
            "¡Gracias por preferirnos! Te esperamos en nuestra oficina de Ñuñoa.",
            AgentType.GENERAL,
            NOW);

    save(plain);
    MessageTemplate found = find(ANDES, plain.id()).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(plain);
    assertThat(found.variables()).isEmpty();
    assertThat(found.name()).isEqualTo("Despedida Ñuñoa");
    assertThat(
            rows.value(
                "SELECT variables::text FROM message_templates WHERE id = ?", plain.id().value()))
        .isEqualTo("[]");
  }

  @Test
  void givenStoredTemplate_whenFindingByName_thenOnlyTheExactNameOfThatBrokerMatches() {
    MessageTemplate greeting = withName("Saludo Peñalolén", ANDES);
    save(greeting);
    save(withName("Saludo Peñalolén", costa));

    assertThat(findByName(ANDES, "Saludo Peñalolén"))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(greeting);
    assertThat(findByName(ANDES, "saludo peñalolén")).isEmpty();
    assertThat(findByName(ANDES, "Saludo Penalolen")).isEmpty();
    assertThat(findByName(ANDES, "Saludo")).isEmpty();
    assertThat(findByName(costa, "Saludo Peñalolén").orElseThrow().id())
        .isNotEqualTo(greeting.id());
  }

  @Test
  void givenStoredTemplate_whenEditedAndSaved_thenUpdateIsStoredAndVersionBumped() {
    MessageTemplate greeting = withName("Saludo editable", ANDES);
    save(greeting);

    unitOfWork.inTransaction(
        () -> {
          MessageTemplate loaded = repository.findById(ANDES, greeting.id()).orElseThrow();
          loaded.edit(
              "Saludo editado",
              TemplateChannel.TELEGRAM,
              "Hola {{lead_first_name}}, ¿sigues buscando en {{location}}?",
              AgentType.QUALIFIER,
              NOW.plusSeconds(60));
          repository.save(loaded);
        });

    MessageTemplate found = find(ANDES, greeting.id()).orElseThrow();
    assertThat(found.name()).isEqualTo("Saludo editado");
    assertThat(found.channel()).isEqualTo(TemplateChannel.TELEGRAM);
    assertThat(found.agentType()).isEqualTo(AgentType.QUALIFIER);
    assertThat(found.variables()).containsExactly("lead_first_name", "location");
    assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(found.createdAt()).isEqualTo(NOW);
    assertThat(found.version()).isEqualTo(1);
    assertThat(findByName(ANDES, "Saludo editable")).isEmpty();
  }

  @Test
  void givenStaleCopy_whenSaved_thenOptimisticLockExceptionAndFreshChangeKept() {
    MessageTemplate greeting = withName("Saludo concurrente", ANDES);
    save(greeting);
    MessageTemplate first = find(ANDES, greeting.id()).orElseThrow();
    MessageTemplate stale = find(ANDES, greeting.id()).orElseThrow();
    first.edit(
        "Saludo ganador", TemplateChannel.WHATSAPP, "Hola {{lead_name}}", AgentType.SALES, NOW);
    save(first);
    stale.edit("Saludo perdedor", TemplateChannel.WHATSAPP, "Hola", AgentType.SALES, NOW);

    assertThatThrownBy(() -> save(stale))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class)
        .hasMessageContaining(greeting.id().toString())
        .hasMessageContaining("version 0");

    MessageTemplate stored = find(ANDES, greeting.id()).orElseThrow();
    assertThat(stored.name()).isEqualTo("Saludo ganador");
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void givenNameTakenInBrokerage_whenNewTemplateSaved_thenNameTakenAndNothingStored() {
    save(withName("Recordatorio de firma", ANDES));
    MessageTemplate duplicate = withName("Recordatorio de firma", ANDES);

    assertThatThrownBy(() -> save(duplicate))
        .isInstanceOfSatisfying(
            MessageTemplateNameTakenException.class,
            e -> {
              assertThat(e.code()).isEqualTo(MessageTemplateNameTakenException.CODE);
              assertThat(e.getMessage()).contains("Recordatorio de firma");
            });

    assertThat(find(ANDES, duplicate.id())).isEmpty();
    assertThat(
            rows.value(
                "SELECT count(*) FROM message_templates WHERE broker_id = ? AND name = ?",
                ANDES.value(),
                "Recordatorio de firma"))
        .isEqualTo(1L);
  }

  @Test
  void givenNameTakenInBrokerage_whenAnotherTemplateRenamedToIt_thenNameTakenAndOldNameKept() {
    save(withName("Bienvenida", ANDES));
    MessageTemplate other = withName("Bienvenida 2", ANDES);
    save(other);
    MessageTemplate loaded = find(ANDES, other.id()).orElseThrow();
    loaded.edit("Bienvenida", TemplateChannel.WHATSAPP, "Hola", AgentType.SALES, NOW);

    assertThatThrownBy(() -> save(loaded)).isInstanceOf(MessageTemplateNameTakenException.class);

    assertThat(find(ANDES, other.id()).orElseThrow().name()).isEqualTo("Bienvenida 2");
  }

  @Test
  void givenSameNameInAnotherBrokerage_whenSaved_thenBothAreStored() {
    MessageTemplate andes = withName("Oferta Las Condes", ANDES);
    MessageTemplate costas = withName("Oferta Las Condes", costa);

    save(andes);
    save(costas);

    assertThat(find(ANDES, andes.id())).isPresent();
    assertThat(find(costa, costas.id())).isPresent();
  }

  @Test
  void givenAnotherBrokersId_whenFinding_thenNothingIsFound() {
    MessageTemplate greeting = withName("Saludo privado", ANDES);
    save(greeting);

    assertThat(find(costa, greeting.id())).isEmpty();
    assertThat(find(ANDES, MessageTemplateId.newId())).isEmpty();
    assertThat(findByName(costa, "Saludo privado")).isEmpty();
    assertThat(unitOfWork.inTransaction(() -> repository.findByBroker(costa)))
        .extracting(MessageTemplate::id)
        .doesNotContain(greeting.id());
    assertThat(find(ANDES, greeting.id())).isPresent();
  }

  @Test
  void givenIdOfAnotherBrokersTemplate_whenSavedForThisBroker_thenRejectedAndOriginalUntouched() {
    MessageTemplate costas = withName("Plantilla Viña", costa);
    save(costas);
    MessageTemplate hijack =
        MessageTemplate.reconstitute(
            costas.id(),
            ANDES,
            "Robada",
            TemplateChannel.SMS,
            "Hola",
            AgentType.SALES,
            List.of(),
            NOW,
            NOW,
            0);

    assertThatThrownBy(() -> save(hijack))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another brokerage");

    assertThat(find(costa, costas.id()).orElseThrow().name()).isEqualTo("Plantilla Viña");
  }

  @Test
  void givenTemplatesOfTwoBrokerages_whenFindingByBroker_thenOnlyOwnInNameOrder() {
    BrokerId broker = rows.costa();
    MessageTemplate visita = withName("Visita confirmada", broker);
    MessageTemplate agenda = withName("Agenda tu visita", broker);
    MessageTemplate cierre = withName("Cierre de negocio", broker);
    for (MessageTemplate t : List.of(visita, agenda, cierre)) {
      save(t);
    }
    save(withName("Bienvenida a otra corredora", costa));

    List<MessageTemplate> found = unitOfWork.inTransaction(() -> repository.findByBroker(broker));

    assertThat(found)
        .extracting(MessageTemplate::id)
        .containsExactly(agenda.id(), cierre.id(), visita.id());
    assertThat(found.get(0)).usingRecursiveComparison().isEqualTo(agenda);
    BrokerId empty = rows.costa();
    assertThat(unitOfWork.inTransaction(() -> repository.findByBroker(empty))).isEmpty();
  }

  @Test
  void givenEveryChannelAndAgentType_whenSavedAndFound_thenEachRoundTrips() {
    BrokerId broker = rows.costa();
    List<MessageTemplate> templates = new ArrayList<>();
    TemplateChannel[] channels = TemplateChannel.values();
    for (int i = 0; i < channels.length; i++) {
      templates.add(
          MessageTemplate.create(
              broker,
              "Plantilla " + channels[i],
              channels[i],
              "Hola {{lead_first_name}}, te saluda {{agent_name}}",
              AgentType.values()[i % AgentType.values().length],
              NOW));
    }
    templates.forEach(JpaMessageTemplateRepositoryTest::save);

    for (MessageTemplate t : templates) {
      assertThat(find(broker, t.id())).get().usingRecursiveComparison().isEqualTo(t);
    }
    assertThat(unitOfWork.inTransaction(() -> repository.findByBroker(broker)))
        .extracting(MessageTemplate::agentType)
        .containsAll(List.of(AgentType.values()));
  }

  private static MessageTemplate withName(String name, BrokerId broker) {
    return MessageTemplate.create(
        broker,
        name,
        TemplateChannel.WHATSAPP,
        MessageTemplateMother.GREETING,
        AgentType.FOLLOW_UP,
        NOW);
  }

  private static void save(MessageTemplate template) {
    unitOfWork.inTransaction(() -> repository.save(template));
  }

  private static Optional<MessageTemplate> find(BrokerId broker, MessageTemplateId id) {
    return unitOfWork.inTransaction(() -> repository.findById(broker, id));
  }

  private static Optional<MessageTemplate> findByName(BrokerId broker, String name) {
    return unitOfWork.inTransaction(() -> repository.findByName(broker, name));
  }
}
