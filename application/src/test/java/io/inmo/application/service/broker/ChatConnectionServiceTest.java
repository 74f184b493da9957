package io.inmo.application.service.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.application.port.in.broker.TestChatConnectionUseCase.Problem;
import io.inmo.application.port.out.ChatConnectionCheckPort.Account;
import io.inmo.application.port.out.ChatConnectionCheckPort.ConnectionCheck;
import io.inmo.application.port.out.ChatConnectionCheckPort.Failure;
import io.inmo.application.port.out.ChatConnectionCheckPort.Webhook;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a provider's answer becomes the one problem the Channels settings show. */
class ChatConnectionServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
  private static final URI TELEGRAM_URL =
      URI.create("https://inmo.example.cl/webhooks/telegram/propiedades-andes");
  private static final URI WHATSAPP_URL =
      URI.create("https://inmo.example.cl/webhooks/whatsapp/propiedades-andes");
  private static final Account BOT =
      new Account("7000000001", "andes_bot", "Sofía", null, null, null);
  private static final Account NUMBER =
      new Account("106540352242922", null, null, "+56 9 2345 6789", "Andes", "GREEN");

  @Test
  void givenTheProviderRefused_whenJudged_thenItsFailureIsTheProblem() {
    Problem problem =
        judge(
            ChatProvider.TELEGRAM,
            telegram(true),
            TELEGRAM_URL,
            ConnectionCheck.failed(new Failure("telegram.unauthorized", "Telegram rechazó…")),
            true);

    assertThat(problem).isEqualTo(new Problem("telegram.unauthorized", "Telegram rechazó…"));
  }

  @Test
  void givenEverythingInOrder_whenJudged_thenNoProblem() {
    assertThat(judge(ChatProvider.TELEGRAM, telegram(true), TELEGRAM_URL, delivering(0), true))
        .isNull();
    assertThat(
            judge(
                ChatProvider.WHATSAPP,
                whatsapp(true, true),
                WHATSAPP_URL,
                new ConnectionCheck(NUMBER, null, null),
                true))
        .isNull();
  }

  @Test
  void givenAnAddressTheProviderCannotReach_whenJudged_thenPublicUrlUnusable() {
    for (String url :
        new String[] {
          "http://inmo.example.cl/webhooks/telegram/x",
          "https://localhost/webhooks/telegram/x",
          "https://127.0.0.1:8443/webhooks/telegram/x",
          "https://inmo.example.cl:8080/webhooks/telegram/x"
        }) {
      Problem problem =
          judge(ChatProvider.TELEGRAM, telegram(true), URI.create(url), delivering(0), true);
      assertThat(problem.code()).as(url).isEqualTo("chat.public_url_unusable");
      assertThat(problem.message()).contains("INMO_PUBLIC_URL");
    }
    // Meta has no port rule
    assertThat(
            judge(
                ChatProvider.WHATSAPP,
                whatsapp(true, true),
                URI.create("https://inmo.example.cl:8080/webhooks/whatsapp/x"),
                new ConnectionCheck(NUMBER, null, null),
                true))
        .isNull();
  }

  @Test
  void givenTheTelegramWebhookUnsetOrElsewhere_whenJudged_thenTheUrlToRegister() {
    Problem unset =
        judge(
            ChatProvider.TELEGRAM,
            telegram(true),
            TELEGRAM_URL,
            new ConnectionCheck(BOT, new Webhook("", false, 0, null, null), null),
            true);
    assertThat(unset.code()).isEqualTo("telegram.webhook_not_set");
    assertThat(unset.message()).contains(TELEGRAM_URL.toString()).contains("secret_token");

    Problem elsewhere =
        judge(
            ChatProvider.TELEGRAM,
            telegram(true),
            TELEGRAM_URL,
            new ConnectionCheck(BOT, new Webhook("https://otro.cl/tg", false, 0, null, null), null),
            true);
    assertThat(elsewhere.code()).isEqualTo("telegram.webhook_mismatch");
    assertThat(elsewhere.message())
        .contains("https://otro.cl/tg")
        .contains(TELEGRAM_URL.toString());
  }

  @Test
  void givenASecretInmoNeedsMissing_whenJudged_thenWhichOne() {
    assertThat(
            judge(ChatProvider.TELEGRAM, telegram(false), TELEGRAM_URL, delivering(0), true).code())
        .isEqualTo("telegram.webhook_secret_missing");
    ConnectionCheck number = new ConnectionCheck(NUMBER, null, null);
    assertThat(
            judge(ChatProvider.WHATSAPP, whatsapp(false, true), WHATSAPP_URL, number, true).code())
        .isEqualTo("whatsapp.app_secret_missing");
    assertThat(
            judge(ChatProvider.WHATSAPP, whatsapp(true, false), WHATSAPP_URL, number, true).code())
        .isEqualTo("whatsapp.verify_token_missing");
  }

  @Test
  void givenDeliveriesFailingWithUpdatesWaiting_whenJudged_thenWebhookFailing() {
    ConnectionCheck failing =
        new ConnectionCheck(
            BOT,
            new Webhook(
                TELEGRAM_URL.toString(), true, 12, NOW, "Wrong response from the webhook: 401"),
            null);

    Problem problem = judge(ChatProvider.TELEGRAM, telegram(true), TELEGRAM_URL, failing, true);

    assertThat(problem.code()).isEqualTo("telegram.webhook_failing");
    assertThat(problem.message()).contains("12 en espera").contains("401");
    // an old error with nothing waiting: deliveries work again
    ConnectionCheck recovered =
        new ConnectionCheck(BOT, new Webhook(TELEGRAM_URL.toString(), true, 0, NOW, "x"), null);
    assertThat(judge(ChatProvider.TELEGRAM, telegram(true), TELEGRAM_URL, recovered, true))
        .isNull();
  }

  @Test
  void givenWorkingCredentialsOfADisabledChannel_whenJudged_thenProviderDisabled() {
    assertThat(
            judge(ChatProvider.TELEGRAM, telegram(true), TELEGRAM_URL, delivering(0), false).code())
        .isEqualTo("chat.provider_disabled");
  }

  private static Problem judge(
      ChatProvider provider,
      BrokerChatConfig config,
      URI url,
      ConnectionCheck check,
      boolean enabled) {
    return ChatConnectionService.judge(
        provider, new ChatConnectionService.Stored(null, config, null, url), check, enabled);
  }

  private static ConnectionCheck delivering(int pending) {
    return new ConnectionCheck(
        BOT, new Webhook(TELEGRAM_URL.toString(), true, pending, null, null), null);
  }

  private static BrokerChatConfig telegram(boolean secret) {
    Map<String, Secret> credentials = new HashMap<>();
    credentials.put("telegram.bot_token", Secret.of("7000000001:AAHk-token"));
    if (secret) {
      credentials.put("telegram.webhook_secret", Secret.of("secreto-del-webhook"));
    }
    return config(credentials);
  }

  private static BrokerChatConfig whatsapp(boolean appSecret, boolean verifyToken) {
    Map<String, Secret> credentials = new HashMap<>();
    credentials.put("whatsapp.phone_number_id", Secret.of("106540352242922"));
    credentials.put("whatsapp.access_token", Secret.of("EAAG-token-de-acceso"));
    if (appSecret) {
      credentials.put("whatsapp.app_secret", Secret.of("secreto-de-la-app"));
    }
    if (verifyToken) {
      credentials.put("whatsapp.verify_token", Secret.of("token-de-verificacion"));
    }
    return config(credentials);
  }

  private static BrokerChatConfig config(Map<String, Secret> credentials) {
    return new BrokerChatConfig(
        UUID.randomUUID(),
        BrokerId.newId(),
        Set.of("webchat"),
        "webchat",
        credentials,
        2,
        60,
        NOW,
        NOW,
        0L);
  }
}
