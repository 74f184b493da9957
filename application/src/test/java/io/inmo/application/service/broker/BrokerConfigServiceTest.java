package io.inmo.application.service.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.application.port.in.broker.BrokerCommands.ChatSettings;
import io.inmo.application.port.in.broker.BrokerCommands.LeadSettings;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.RescoringRunRepository;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.BrokerVoiceConfig;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.lead.RescoringRun;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.NotFoundException;
import io.inmo.domain.shared.Secret;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BrokerConfigServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final String BOT_TOKEN = "7012345678:AAH-token-de-la-serena-4321";

  private final BrokerId broker = BrokerId.newId();
  private final Configs configs = new Configs();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final Runs runs = new Runs();
  private final BrokerConfigService service =
      new BrokerConfigService(
          configs, runs, new Audit(audit), new Immediate(), Clock.fixed(NOW, ZoneOffset.UTC));
  private final Actor admin = new Actor(new UserId(UUID.randomUUID()), broker, Role.ADMIN);
  private final Actor agent = new Actor(new UserId(UUID.randomUUID()), broker, Role.AGENT);

  BrokerConfigServiceTest() {
    configs.chat = BrokerChatConfig.defaults(broker, NOW);
    configs.lead = BrokerLeadConfig.defaults(broker, NOW);
    configs.llm = io.inmo.domain.broker.BrokerLlmConfig.defaults(broker, NOW);
  }

  private static io.inmo.application.port.in.broker.BrokerCommands.LlmSettings llm(
      String provider, String model, String baseUrl, Map<String, String> keys, String budget) {
    return new io.inmo.application.port.in.broker.BrokerCommands.LlmSettings(
        provider,
        model,
        baseUrl,
        List.of("anthropic:claude-haiku-4-5"),
        keys,
        budget == null ? null : new java.math.BigDecimal(budget));
  }

  @Test
  void givenAnAdmin_whenLlmChainSetWithKeys_thenStoredAndAuditedWithoutTheKeys() {
    var saved =
        service.replaceLlm(
            admin,
            null,
            llm(
                "openai",
                "gpt-4o-mini",
                null,
                Map.of(
                    "openai.api_key", "sk-propiedades-andes-7781",
                    "anthropic.api_key", "sk-ant-andes-5512"),
                "40.5"),
            Origin.SYSTEM);

    assertThat(saved.chain())
        .extracting(l -> l.name())
        .containsExactly("openai:gpt-4o-mini", "anthropic:claude-haiku-4-5");
    assertThat(saved.apiKey("openai")).map(Secret::reveal).contains("sk-propiedades-andes-7781");
    assertThat(saved.monthlyBudgetUsd()).isEqualByComparingTo("40.50");
    assertThat(audit.getLast().after().toString())
        .contains("openai.api_key")
        .doesNotContain("sk-propiedades")
        .doesNotContain("sk-ant");

    // echoing the masked key back keeps it; a new budget replaces the old one
    Map<String, String> echoed = new HashMap<>();
    echoed.put("openai.api_key", "••••7781");
    var again =
        service.replaceLlm(
            admin, null, llm("openai", "gpt-4o-mini", null, echoed, null), Origin.SYSTEM);
    assertThat(again.apiKey("openai")).map(Secret::reveal).contains("sk-propiedades-andes-7781");
    assertThat(again.apiKey("anthropic")).isPresent();
    assertThat(again.monthlyBudgetUsd()).isNull();
  }

  @Test
  void givenAChainWithoutTheBrokersKey_whenSaved_thenRefusedAndNothingStored() {
    int before = configs.saves;
    assertThatThrownBy(
            () ->
                service.replaceLlm(
                    admin,
                    null,
                    llm("openai", "gpt-4o-mini", null, Map.of("openai.api_key", "sk-1"), null),
                    Origin.SYSTEM))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code()).isEqualTo("broker.llm_credentials_missing");
              assertThat(e.getMessage()).contains("anthropic.api_key");
            });
    assertThat(configs.saves).isEqualTo(before);
  }

  @Test
  void givenEndpointsNotAllowed_whenABrokerNamesABaseUrl_thenRefused() {
    assertThatThrownBy(
            () ->
                service.replaceLlm(
                    admin,
                    null,
                    llm(
                        "openai",
                        "gpt-4o-mini",
                        "http://10.0.0.7:8000/v1",
                        Map.of("openai.api_key", "sk-1", "anthropic.api_key", "sk-2"),
                        null),
                    Origin.SYSTEM))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.code()).isEqualTo("broker.llm_endpoint_not_allowed"));
  }

  @Test
  void givenBadLlmSettings_whenSaved_thenA400NamesTheProblem() {
    assertThatThrownBy(
            () ->
                service.replaceLlm(
                    admin, null, llm("mistral", "large", null, Map.of(), null), Origin.SYSTEM))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code()).isEqualTo("broker.invalid_llm_config");
              assertThat(e.getMessage()).contains("mistral");
            });
    assertThatThrownBy(() -> service.llm(agent, null))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void givenStoredSecrets_whenChatReplaced_thenOmittedAndMaskedKeptBlankClearedNewSet() {
    service.replaceChat(
        admin,
        null,
        chat(
            Map.of(
                "telegram.bot_token",
                BOT_TOKEN,
                "telegram.webhook_secret",
                "secreto-webhook-serena")),
        Origin.SYSTEM);

    Map<String, String> changes = new HashMap<>();
    changes.put("telegram.bot_token", "••••4321"); // echoed back as shown
    changes.put("telegram.webhook_secret", null); // cleared
    changes.put("whatsapp.verify_token", "verifica-9090"); // new
    service.replaceChat(
        admin,
        null,
        new ChatSettings(List.of("webchat", "telegram"), "telegram", changes, 2, 60),
        Origin.SYSTEM);

    Map<String, Secret> stored = configs.chat.credentials();
    assertThat(stored.get("telegram.bot_token").reveal()).isEqualTo(BOT_TOKEN);
    assertThat(stored).doesNotContainKey("telegram.webhook_secret");
    assertThat(stored.get("whatsapp.verify_token").reveal()).isEqualTo("verifica-9090");
    assertThat(audit).hasSize(2);
    assertThat(audit.get(1).after().toString())
        .contains("telegram.bot_token")
        .doesNotContain(BOT_TOKEN)
        .doesNotContain("4321");
  }

  @Test
  void givenTelegramEnabledWithoutToken_whenReplaced_thenInvalidAndNothingSaved() {
    assertThatThrownBy(() -> service.replaceChat(admin, null, chat(Map.of()), Origin.SYSTEM))
        .isInstanceOf(InvalidValueException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("broker.chat_credentials_missing");
    assertThat(configs.saves).isZero();
    assertThat(audit).isEmpty();
  }

  @Test
  void givenUnknownCredentialKeyOrProvider_whenReplaced_thenInvalid() {
    assertThatThrownBy(
            () ->
                service.replaceChat(
                    admin, null, chat(Map.of("telegram.api_hash", "x")), Origin.SYSTEM))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(
            () ->
                service.replaceChat(
                    admin,
                    null,
                    new ChatSettings(List.of("sms"), "sms", Map.of(), 2, 60),
                    Origin.SYSTEM))
        .isInstanceOf(InvalidValueException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("broker.invalid_chat_config");
  }

  @Test
  void givenThresholdsOutOfOrder_whenLeadReplaced_thenInvalidThresholds() {
    assertThatThrownBy(() -> service.replaceLead(admin, null, lead(70, 40, null), Origin.SYSTEM))
        .isInstanceOf(InvalidValueException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("broker.invalid_thresholds");
  }

  @Test
  void givenNoHotMin_whenLeadReplaced_thenDerivedAndRequiredGroupsKept() {
    BrokerLeadConfig saved = service.replaceLead(admin, null, lead(20, 59, null), Origin.SYSTEM);

    assertThat(saved.thresholds().hotMin()).isEqualTo(60);
    assertThat(saved.fieldPriority()).containsExactly(LeadField.LOCATION, LeadField.BUDGET);
    assertThat(saved.requiredProfileFields())
        .isEqualTo(BrokerLeadConfig.defaults(broker, NOW).requiredProfileFields());
    assertThat(saved.id()).isEqualTo(configs.lead.id());
    // thresholds changed: the broker's leads are rescored in the background
    assertThat(runs.saved).hasSize(1);
    assertThat(runs.saved.getFirst().status()).isEqualTo(RescoringRun.Status.PENDING);
    assertThat(runs.saved.getFirst().requestedBy()).isEqualTo(admin.userId());

    // the same settings again: nothing to rescore
    service.replaceLead(admin, null, lead(20, 59, null), Origin.SYSTEM);
    assertThat(runs.saved).hasSize(1);
  }

  @Test
  void givenAgent_whenReadingOrWriting_thenOnlyPlainConfigsReadable() {
    assertThat(service.lead(agent, null)).isNotNull();
    assertThatThrownBy(() -> service.chat(agent, null))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> service.replaceLead(agent, null, lead(20, 59, null), Origin.SYSTEM))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void givenForeignBrokerId_whenAddressed_thenNotFoundEvenForAgent() {
    BrokerId other = BrokerId.newId();
    assertThatThrownBy(() -> service.lead(agent, other)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.replaceLead(admin, other, lead(20, 59, null), Origin.SYSTEM))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenSuperadmin_whenNoBrokerNamed_thenNotFound() {
    Actor root = new Actor(new UserId(UUID.randomUUID()), null, Role.SUPERADMIN);
    assertThatThrownBy(() -> service.lead(root, null)).isInstanceOf(NotFoundException.class);
    assertThat(service.chat(root, broker)).isNotNull();
  }

  private static ChatSettings chat(Map<String, String> credentials) {
    return new ChatSettings(List.of("webchat", "telegram"), "telegram", credentials, 2, 60);
  }

  private static LeadSettings lead(int cold, int warm, Integer hot) {
    return new LeadSettings(
        Map.of("budget", 40, "location", 30),
        cold,
        warm,
        hot,
        List.of("location", "budget"),
        null,
        1_200_000L,
        600_000L,
        null,
        null,
        null,
        null,
        null);
  }

  private static final class Configs implements BrokerConfigRepository {
    BrokerChatConfig chat;
    BrokerLeadConfig lead;
    io.inmo.domain.broker.BrokerLlmConfig llm;
    int saves;

    @Override
    public Optional<io.inmo.domain.broker.BrokerLlmConfig> findLlmConfig(BrokerId brokerId) {
      return Optional.ofNullable(llm).filter(c -> c.brokerId().equals(brokerId));
    }

    @Override
    public void save(io.inmo.domain.broker.BrokerLlmConfig config) {
      llm = config;
      saves++;
    }

    @Override
    public Optional<BrokerPromptConfig> findPromptConfig(BrokerId brokerId) {
      return Optional.empty();
    }

    @Override
    public Optional<BrokerLeadConfig> findLeadConfig(BrokerId brokerId) {
      return Optional.ofNullable(lead).filter(c -> c.brokerId().equals(brokerId));
    }

    @Override
    public Optional<BrokerVoiceConfig> findVoiceConfig(BrokerId brokerId) {
      return Optional.empty();
    }

    @Override
    public Optional<BrokerChatConfig> findChatConfig(BrokerId brokerId) {
      return Optional.ofNullable(chat).filter(c -> c.brokerId().equals(brokerId));
    }

    @Override
    public void save(BrokerPromptConfig config) {
      saves++;
    }

    @Override
    public void save(BrokerLeadConfig config) {
      lead = config;
      saves++;
    }

    @Override
    public void save(BrokerVoiceConfig config) {
      saves++;
    }

    @Override
    public void save(BrokerChatConfig config) {
      chat = config;
      saves++;
    }
  }

  private record Audit(List<AuditEntry> entries) implements AuditLogRepository {
    @Override
    public void append(AuditEntry entry) {
      entries.add(entry);
    }

    @Override
    public List<AuditEntry> findByBroker(BrokerId brokerId, int limit) {
      return entries;
    }

    @Override
    public List<AuditEntry> search(BrokerId brokerId, AuditSearch search) {
      return entries;
    }
  }

  private static final class Runs implements RescoringRunRepository {
    final List<RescoringRun> saved = new ArrayList<>();

    @Override
    public void save(RescoringRun run) {
      saved.add(run);
    }

    @Override
    public Optional<RescoringRun> claimNext() {
      return Optional.empty();
    }

    @Override
    public Optional<RescoringRun> findById(BrokerId brokerId, java.util.UUID id) {
      return saved.stream().filter(run -> run.id().equals(id)).findFirst();
    }

    @Override
    public Optional<RescoringRun> latest(BrokerId brokerId) {
      return saved.isEmpty() ? Optional.empty() : Optional.of(saved.getLast());
    }

    @Override
    public void supersedeOpen(BrokerId brokerId, Instant now) {}

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
      throw new UnsupportedOperationException("not used by the config service");
    }
  }

  private static final class Immediate implements UnitOfWorkPort {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
      return work.get();
    }

    @Override
    public void inTransaction(Runnable work) {
      work.run();
    }
  }
}
