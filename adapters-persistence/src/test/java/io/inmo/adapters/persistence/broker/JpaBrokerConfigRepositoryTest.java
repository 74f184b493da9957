package io.inmo.adapters.persistence.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.SealingFieldCodec;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerMother;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.BrokerVoiceConfig;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.broker.RequiredProfileFields;
import io.inmo.domain.broker.ScoreThresholds;
import io.inmo.domain.shared.Secret;
import io.inmo.domain.shared.TimeMother;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaBrokerConfigRepositoryTest {
  private static final Instant NOW = TimeMother.NOW;
  private static final String BOT_TOKEN = "7312456789:AAH-ñandú_Ñuñoa-token";
  private static final String VAPI_KEY = "vapi-sk-3f9a0c2e-Peñalolén";

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaBrokerConfigRepository repository;
  private static ParentRows rows;
  private static SealingFieldCodec codec;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    codec = new SealingFieldCodec();
    jpa = JpaPersistence.start(database.dataSource(), BrokerJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaBrokerConfigRepository(unitOfWork, codec);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenDefaultConfigs_whenSavedAndFound_thenEveryFieldOfAllFourRoundTrips() {
    BrokerId broker = rows.costa();
    BrokerPromptConfig prompt = BrokerMother.promptConfig(broker);
    BrokerLeadConfig lead = BrokerMother.leadConfig(broker);
    BrokerVoiceConfig voice = BrokerMother.voiceConfig(broker);
    BrokerChatConfig chat = BrokerMother.chatConfig(broker);

    unitOfWork.inTransaction(
        () -> {
          repository.save(prompt);
          repository.save(lead);
          repository.save(voice);
          repository.save(chat);
        });

    assertThat(read(() -> repository.findPromptConfig(broker)).orElseThrow())
        .usingRecursiveComparison()
        .isEqualTo(prompt);
    assertThat(read(() -> repository.findLeadConfig(broker)).orElseThrow())
        .usingRecursiveComparison()
        .isEqualTo(lead);
    assertThat(read(() -> repository.findVoiceConfig(broker)).orElseThrow())
        .usingRecursiveComparison()
        .isEqualTo(voice);
    assertThat(read(() -> repository.findChatConfig(broker)).orElseThrow())
        .usingRecursiveComparison()
        .isEqualTo(chat);
    assertThat(read(() -> repository.findPromptConfig(broker)).orElseThrow().agentName())
        .isEqualTo("Sofía");
    assertThat(
            rows.value(
                "SELECT (provider_credentials IS NULL) || '|' || calling_hours_start::text"
                    + " || '|' || calling_hours_end::text FROM broker_voice_configs"
                    + " WHERE broker_id = ?",
                broker.value()))
        .isEqualTo("true|09:00:00|20:00:00");
    assertThat(
            rows.value(
                "SELECT enabled_providers::text || '|' || (provider_credentials IS NULL)"
                    + " FROM broker_chat_configs WHERE broker_id = ?",
                broker.value()))
        .isEqualTo("[\"webchat\"]|true");
  }

  @Test
  void givenCustomPrompt_whenSavedAndFound_thenAccentedTextsRoundTrip() {
    BrokerId broker = rows.costa();
    BrokerPromptConfig prompt =
        BrokerMother.promptConfig(broker)
            .withSettings(
                "Martina",
                "Eres Martina, asesora inmobiliaria de Propiedades Ñuñoa. Tuteas con cariño.",
                "Vendemos departamentos en Ñuñoa, Providencia y Macul desde 3.200 UF.",
                "Nunca prometas rebajas. Si preguntan por crédito hipotecario, deriva a un"
                    + " ejecutivo.",
                "es-CL",
                false,
                NOW.plusSeconds(45));

    save(prompt);
    BrokerPromptConfig found = read(() -> repository.findPromptConfig(broker)).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(prompt);
    assertThat(found.identityPrompt()).contains("Propiedades Ñuñoa");
    assertThat(found.enableAppointmentBooking()).isFalse();
    assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(45));
    assertThat(
            rows.value(
                "SELECT business_context FROM broker_prompt_configs WHERE broker_id = ?",
                broker.value()))
        .isEqualTo("Vendemos departamentos en Ñuñoa, Providencia y Macul desde 3.200 UF.");
  }

  @Test
  void givenCustomLeadConfig_whenSavedAndFound_thenJsonColumnsRoundTripByApiValue() {
    BrokerId broker = rows.costa();
    Map<LeadField, Integer> weights = new EnumMap<>(LeadField.class);
    weights.put(LeadField.LOCATION, 25);
    weights.put(LeadField.MONTHLY_INCOME, 40);
    weights.put(LeadField.DICOM_STATUS, 35);
    BrokerLeadConfig lead =
        BrokerMother.leadConfig(broker)
            .withScoring(weights, ScoreThresholds.of(25, 59), 80, NOW)
            .withProfiling(
                List.of(LeadField.LOCATION, LeadField.BUDGET, LeadField.MONTHLY_INCOME),
                new RequiredProfileFields(
                    List.of(
                        Set.of(LeadField.PHONE, LeadField.EMAIL),
                        Set.of(LeadField.LOCATION),
                        Set.of(LeadField.PROPERTY_TYPE, LeadField.BUDGET))),
                NOW)
            .withQualification(1_800_000L, 900_000L, 250_000L, true, NOW)
            .withAgentsSeeUnassigned(false, NOW.plusSeconds(15));

    save(lead);
    BrokerLeadConfig found = read(() -> repository.findLeadConfig(broker)).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(lead);
    assertThat(found.thresholds()).isEqualTo(new ScoreThresholds(25, 59, 60));
    assertThat(found.hotAlertScore()).isEqualTo(80);
    assertThat(found.requiredProfileFields().groups())
        .containsExactly(
            Set.of(LeadField.PHONE, LeadField.EMAIL),
            Set.of(LeadField.LOCATION),
            Set.of(LeadField.PROPERTY_TYPE, LeadField.BUDGET));
    assertThat(
            rows.value(
                "SELECT field_weights->>'monthly_income' || '|' || field_priority::text"
                    + " || '|' || required_profile_fields::text || '|' || qualified_income"
                    + " FROM broker_lead_configs WHERE broker_id = ?",
                broker.value()))
        .isEqualTo(
            "40|[\"location\", \"budget\", \"monthly_income\"]"
                + "|[[\"phone\", \"email\"], [\"location\"], [\"property_type\", \"budget\"]]"
                + "|1800000");
  }

  @Test
  void givenVoiceConfigWithCredentials_whenSaved_thenSecretsAreSealedPerBrokerAndKey() {
    BrokerId broker = rows.costa();
    BrokerVoiceConfig voice =
        BrokerMother.voiceConfig(broker)
            .withProvider(
                "vapi",
                Map.of("api_key", Secret.of(VAPI_KEY), "org_id", Secret.of("org-ñuble-42")),
                "pn_56229876543",
                "asst_sofia_es_cl",
                NOW)
            .withCalling(LocalTime.of(9, 30), LocalTime.of(18, 45), 5, NOW.plusSeconds(5));

    save(voice);
    BrokerVoiceConfig found = read(() -> repository.findVoiceConfig(broker)).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(voice);
    assertThat(found.credentials().get("api_key").reveal()).isEqualTo(VAPI_KEY);
    assertThat(found.callingHoursStart()).isEqualTo(LocalTime.of(9, 30));
    String stored =
        (String)
            rows.value(
                "SELECT provider_credentials->>'api_key' FROM broker_voice_configs"
                    + " WHERE broker_id = ?",
                broker.value());
    assertThat(stored).startsWith(SealingFieldCodec.PREFIX).doesNotContain(VAPI_KEY);
    assertThat(SealingFieldCodec.contextOf(stored))
        .isEqualTo("broker_voice_configs.provider_credentials:" + broker + ":api_key");
    assertThat(SealingFieldCodec.plaintextOf(stored)).isEqualTo(VAPI_KEY);
    assertThat(
            rows.value(
                "SELECT calling_hours_start::text || '-' || calling_hours_end::text"
                    + " FROM broker_voice_configs WHERE broker_id = ?",
                broker.value()))
        .isEqualTo("09:30:00-18:45:00");
  }

  @Test
  void givenChatConfigWithCredentials_whenSavedAndFound_thenProvidersAndSealedTokensRoundTrip() {
    BrokerId broker = rows.costa();
    BrokerChatConfig chat =
        BrokerMother.chatConfig(broker)
            .withProviders(
                Set.of("whatsapp", "telegram", "webchat"),
                "telegram",
                Map.of(
                    "telegram.bot_token",
                    Secret.of(BOT_TOKEN),
                    "whatsapp.access_token",
                    Secret.of("EAAG-whatsapp-Ñandú-99")),
                NOW)
            .withTiming(5, 120, NOW.plusSeconds(1));

    save(chat);
    BrokerChatConfig found = read(() -> repository.findChatConfig(broker)).orElseThrow();

    assertThat(found).usingRecursiveComparison().isEqualTo(chat);
    assertThat(found.enabledProviders()).containsExactly("telegram", "webchat", "whatsapp");
    assertThat(found.credentials().get("telegram.bot_token").reveal()).isEqualTo(BOT_TOKEN);
    String column =
        (String)
            rows.value(
                "SELECT provider_credentials::text FROM broker_chat_configs WHERE broker_id = ?",
                broker.value());
    assertThat(column).doesNotContain(BOT_TOKEN).doesNotContain("Ñandú");
    String token =
        (String)
            rows.value(
                "SELECT provider_credentials->>'telegram.bot_token' FROM broker_chat_configs"
                    + " WHERE broker_id = ?",
                broker.value());
    assertThat(SealingFieldCodec.contextOf(token))
        .isEqualTo("broker_chat_configs.provider_credentials:" + broker + ":telegram.bot_token");
  }

  @Test
  void givenSealedCredentialsMovedToAnotherBroker_whenFound_thenTheyDoNotDecode() {
    BrokerId owner = rows.costa();
    BrokerId thief = rows.costa();
    save(
        BrokerMother.chatConfig(owner)
            .withProviders(
                Set.of("telegram"),
                "telegram",
                Map.of("telegram.bot_token", Secret.of(BOT_TOKEN)),
                NOW));
    save(BrokerMother.chatConfig(thief));

    rows.execute(
        "UPDATE broker_chat_configs SET provider_credentials ="
            + " (SELECT provider_credentials FROM broker_chat_configs WHERE broker_id = ?)"
            + " WHERE broker_id = ?",
        owner.value(),
        thief.value());

    assertThatThrownBy(() -> read(() -> repository.findChatConfig(thief)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(owner.toString());
  }

  @Test
  void givenLoadedConfigsWithSecrets_whenSavedUnchanged_thenNothingIsRewrittenNorReversioned() {
    BrokerId broker = rows.costa();
    save(
        BrokerMother.voiceConfig(broker)
            .withProvider("bland", Map.of("api_key", Secret.of(VAPI_KEY)), null, null, NOW));
    save(
        BrokerMother.chatConfig(broker)
            .withProviders(
                Set.of("telegram", "webchat"),
                "webchat",
                Map.of("telegram.bot_token", Secret.of(BOT_TOKEN)),
                NOW));
    save(BrokerMother.leadConfig(broker));
    Object voiceColumn = voiceCredentials(broker);
    int encodings = codec.encodings();

    unitOfWork.inTransaction(
        () -> {
          repository.save(repository.findVoiceConfig(broker).orElseThrow());
          repository.save(repository.findChatConfig(broker).orElseThrow());
          repository.save(repository.findLeadConfig(broker).orElseThrow());
        });

    assertThat(codec.encodings()).isEqualTo(encodings);
    assertThat(voiceCredentials(broker)).isEqualTo(voiceColumn);
    assertThat(read(() -> repository.findVoiceConfig(broker)).orElseThrow().version()).isZero();
    assertThat(read(() -> repository.findChatConfig(broker)).orElseThrow().version()).isZero();
    assertThat(read(() -> repository.findLeadConfig(broker)).orElseThrow().version()).isZero();
  }

  @Test
  void givenJvmInSantiago_whenCallingHoursSavedAndRead_thenWallClockTimesAreNotShifted() {
    BrokerId broker = rows.costa();
    BrokerId seeded = rows.costa();
    rows.execute(
        "INSERT INTO broker_voice_configs (id, broker_id) VALUES (gen_random_uuid(), ?)",
        seeded.value()); // the schema's defaults, 09:00–20:00
    TimeZone jvmZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("America/Santiago"));
    try {
      save(
          BrokerMother.voiceConfig(broker)
              .withCalling(LocalTime.of(8, 15), LocalTime.of(21, 0), 2, NOW));

      assertThat(
              rows.value(
                  "SELECT calling_hours_start::text || '-' || calling_hours_end::text"
                      + " FROM broker_voice_configs WHERE broker_id = ?",
                  broker.value()))
          .isEqualTo("08:15:00-21:00:00");
      BrokerVoiceConfig defaults = read(() -> repository.findVoiceConfig(seeded)).orElseThrow();
      assertThat(defaults.callingHoursStart()).isEqualTo(LocalTime.of(9, 0));
      assertThat(defaults.callingHoursEnd()).isEqualTo(LocalTime.of(20, 0));
    } finally {
      TimeZone.setDefault(jvmZone);
    }
  }

  @Test
  void givenVoiceConfigured_whenProviderAndCredentialsCleared_thenColumnsBecomeNull() {
    BrokerId broker = rows.costa();
    save(
        BrokerMother.voiceConfig(broker)
            .withProvider("vapi", Map.of("api_key", Secret.of(VAPI_KEY)), "pn_1", "asst_1", NOW));

    unitOfWork.inTransaction(
        () -> {
          BrokerVoiceConfig loaded = repository.findVoiceConfig(broker).orElseThrow();
          repository.save(loaded.withProvider(null, Map.of(), null, null, NOW.plusSeconds(60)));
        });

    BrokerVoiceConfig found = read(() -> repository.findVoiceConfig(broker)).orElseThrow();
    assertThat(found.isConfigured()).isFalse();
    assertThat(found.credentials()).isEmpty();
    assertThat(found.phoneNumberId()).isNull();
    assertThat(found.version()).isEqualTo(1);
    assertThat(
            rows.value(
                "SELECT (provider IS NULL) AND (provider_credentials IS NULL)"
                    + " FROM broker_voice_configs WHERE broker_id = ?",
                broker.value()))
        .isEqualTo(true);
  }

  @Test
  void givenUnknownBroker_whenFinding_thenEveryConfigIsEmpty() {
    BrokerId unknown = BrokerId.newId();

    assertThat(read(() -> repository.findPromptConfig(unknown))).isEmpty();
    assertThat(read(() -> repository.findLeadConfig(unknown))).isEmpty();
    assertThat(read(() -> repository.findVoiceConfig(unknown))).isEmpty();
    assertThat(read(() -> repository.findChatConfig(unknown))).isEmpty();
  }

  @Test
  void givenConfigsOfOneBroker_whenAnotherBrokerFinds_thenItSeesOnlyItsOwn() {
    BrokerId andes = ParentRows.ANDES;
    BrokerId costa = rows.costa();
    BrokerPromptConfig andesPrompt =
        BrokerMother.promptConfig(andes)
            .withSettings("Camila", null, "Corredora de Las Condes", null, "es-CL", true, NOW);
    save(andesPrompt);
    save(BrokerMother.voiceConfig(andes));
    save(BrokerMother.chatConfig(andes));
    save(BrokerMother.leadConfig(andes));

    assertThat(read(() -> repository.findPromptConfig(costa))).isEmpty();
    assertThat(read(() -> repository.findLeadConfig(costa))).isEmpty();
    assertThat(read(() -> repository.findVoiceConfig(costa))).isEmpty();
    assertThat(read(() -> repository.findChatConfig(costa))).isEmpty();
    assertThat(read(() -> repository.findPromptConfig(andes)).orElseThrow().agentName())
        .isEqualTo("Camila");
  }

  @Test
  void givenBrokerWithPromptConfig_whenSecondOneWithOtherIdSaved_thenIllegalStateAndFirstKept() {
    BrokerId broker = rows.costa();
    BrokerPromptConfig first = BrokerMother.promptConfig(broker);
    save(first);
    BrokerPromptConfig second =
        BrokerMother.promptConfig(broker)
            .withSettings("Florencia", null, null, null, "es-CL", true, NOW);

    assertThatThrownBy(() -> save(second))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already has a prompt config");

    assertThat(read(() -> repository.findPromptConfig(broker)).orElseThrow().id())
        .isEqualTo(first.id());
  }

  @Test
  void givenBrokerWithChatConfig_whenSecondOneWithOtherIdSaved_thenIllegalState() {
    BrokerId broker = rows.costa();
    save(BrokerMother.chatConfig(broker));

    assertThatThrownBy(() -> save(BrokerMother.chatConfig(broker)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already has a chat config");
  }

  @Test
  void givenStoredConfig_whenSavedUnderAnotherBroker_thenIllegalStateAndRowUntouched() {
    BrokerId owner = rows.costa();
    BrokerId other = rows.costa();
    BrokerLeadConfig lead = BrokerMother.leadConfig(owner);
    save(lead);
    BrokerLeadConfig hijacked =
        new BrokerLeadConfig(
            lead.id(),
            other,
            lead.fieldWeights(),
            lead.thresholds(),
            lead.fieldPriority(),
            lead.requiredProfileFields(),
            lead.qualifiedIncome(),
            lead.potentialIncome(),
            lead.acceptableDebt(),
            true,
            lead.hotAlertScore(),
            lead.agentsSeeUnassigned(),
            lead.staleAfterDays(),
            lead.createdAt(),
            NOW,
            lead.version());

    assertThatThrownBy(() -> save(hijacked)).isInstanceOf(IllegalStateException.class);

    assertThat(read(() -> repository.findLeadConfig(other))).isEmpty();
    assertThat(read(() -> repository.findLeadConfig(owner)).orElseThrow().autoCloseNotQualified())
        .isFalse();
  }

  @Test
  void givenStaleLeadConfig_whenSaved_thenOptimisticLockExceptionAndFreshChangeKept() {
    BrokerId broker = rows.costa();
    save(BrokerMother.leadConfig(broker));
    BrokerLeadConfig first = read(() -> repository.findLeadConfig(broker)).orElseThrow();
    BrokerLeadConfig stale = read(() -> repository.findLeadConfig(broker)).orElseThrow();
    save(first.withAgentsSeeUnassigned(false, NOW.plusSeconds(10)));

    assertThatThrownBy(() -> save(stale.withQualification(2_000_000L, 1_000_000L, 0L, true, NOW)))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class)
        .hasMessageContaining(first.id().toString())
        .hasMessageContaining("version 0");

    BrokerLeadConfig stored = read(() -> repository.findLeadConfig(broker)).orElseThrow();
    assertThat(stored.agentsSeeUnassigned()).isFalse();
    assertThat(stored.qualifiedIncome()).isEqualTo(1_000_000L);
    assertThat(stored.version()).isEqualTo(1);
  }

  @Test
  void givenStaleVoiceChatAndPromptConfigs_whenSaved_thenOptimisticLockException() {
    BrokerId broker = rows.costa();
    save(BrokerMother.promptConfig(broker));
    save(BrokerMother.voiceConfig(broker));
    save(BrokerMother.chatConfig(broker));
    BrokerPromptConfig stalePrompt = read(() -> repository.findPromptConfig(broker)).orElseThrow();
    BrokerVoiceConfig staleVoice = read(() -> repository.findVoiceConfig(broker)).orElseThrow();
    BrokerChatConfig staleChat = read(() -> repository.findChatConfig(broker)).orElseThrow();
    unitOfWork.inTransaction(
        () -> {
          repository.save(stalePrompt.withSettings("Josefa", null, null, null, "es-CL", true, NOW));
          repository.save(staleVoice.withCalling(LocalTime.of(10, 0), LocalTime.of(19, 0), 3, NOW));
          repository.save(staleChat.withTiming(10, 30, NOW));
        });

    assertThatThrownBy(
            () -> save(stalePrompt.withSettings("Antonia", null, null, null, "es-CL", true, NOW)))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class);
    assertThatThrownBy(
            () -> save(staleVoice.withCalling(LocalTime.of(8, 0), LocalTime.of(21, 0), 1, NOW)))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class);
    assertThatThrownBy(() -> save(staleChat.withTiming(0, 15, NOW)))
        .isInstanceOf(ConcurrentChangeException.class)
        .cause()
        .isInstanceOf(OptimisticLockException.class);

    assertThat(read(() -> repository.findPromptConfig(broker)).orElseThrow().agentName())
        .isEqualTo("Josefa");
    assertThat(read(() -> repository.findVoiceConfig(broker)).orElseThrow().maxConcurrentCalls())
        .isEqualTo(3);
    assertThat(read(() -> repository.findChatConfig(broker)).orElseThrow().burstWindowSeconds())
        .isEqualTo(10);
  }

  private static Object voiceCredentials(BrokerId broker) {
    return rows.value(
        "SELECT provider_credentials::text FROM broker_voice_configs WHERE broker_id = ?",
        broker.value());
  }

  private static <T> T read(Supplier<T> query) {
    return unitOfWork.inTransaction(query);
  }

  private static void save(BrokerPromptConfig config) {
    unitOfWork.inTransaction(() -> repository.save(config));
  }

  private static void save(BrokerLeadConfig config) {
    unitOfWork.inTransaction(() -> repository.save(config));
  }

  private static void save(BrokerVoiceConfig config) {
    unitOfWork.inTransaction(() -> repository.save(config));
  }

  private static void save(BrokerChatConfig config) {
    unitOfWork.inTransaction(() -> repository.save(config));
  }
}
