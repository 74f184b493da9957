package io.inmo.adapters.chat.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.inmo.application.port.out.ChatConnectionCheckPort.Account;
import io.inmo.application.port.out.ChatConnectionCheckPort.ConnectionCheck;
import io.inmo.application.port.out.ChatConnectionCheckPort.Webhook;
import io.inmo.domain.broker.Slug;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Telegram connection check against a WireMock Bot API that answers like Telegram (INTEGRATIONS
 * §1.2, §1.4, §1.5): bodies, error envelopes and status codes as Telegram sends them.
 */
class TelegramConnectionCheckerTest {
  private static final String TOKEN = "7000000001:AAHk-zyx57W2v1u123ew11_CRMinmoDemo";
  private static final String GET_ME = "/bot" + TOKEN + "/getMe";
  private static final String WEBHOOK_INFO = "/bot" + TOKEN + "/getWebhookInfo";
  private static final URI PUBLIC = URI.create("https://inmo.example.cl/");
  private static final URI WEBHOOK =
      URI.create("https://inmo.example.cl/webhooks/telegram/propiedades-andes");
  private static final Map<String, Secret> CREDENTIALS =
      Map.of(TelegramSender.BOT_TOKEN, Secret.of(TOKEN));
  private static final String ME =
      "{\"ok\":true,\"result\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Sofía de"
          + " Propiedades Andes\",\"username\":\"propiedades_andes_bot\",\"can_join_groups\":true,"
          + "\"can_read_all_group_messages\":false,\"supports_inline_queries\":false}}";

  private static WireMockServer telegram;

  @BeforeAll
  static void start() {
    telegram = new WireMockServer(options().dynamicPort());
    telegram.start();
  }

  @AfterAll
  static void stop() {
    telegram.stop();
  }

  @BeforeEach
  void reset() {
    telegram.resetAll();
  }

  @Test
  void givenAPublicUrlWithTrailingSlash_whenAskedForTheWebhook_thenTheResourcesPathWithTheSlug() {
    assertThat(checker(Duration.ofSeconds(2)).webhookUrl(new Slug("propiedades-andes")))
        .isEqualTo(WEBHOOK);
    assertThat(checker(Duration.ofSeconds(2)).provider()).isEqualTo(ChatProvider.TELEGRAM);
  }

  @Test
  void givenAGoodTokenAndTheWebhookOnInmo_whenChecked_thenTheBotAndAMatchingWebhook() {
    telegram.stubFor(get(urlEqualTo(GET_ME)).willReturn(json(200, ME)));
    telegram.stubFor(
        get(urlEqualTo(WEBHOOK_INFO))
            .willReturn(
                json(
                    200,
                    "{\"ok\":true,\"result\":{\"url\":\""
                        + WEBHOOK
                        + "\",\"has_custom_certificate\":false,\"pending_update_count\":0,"
                        + "\"max_connections\":40,\"ip_address\":\"203.0.113.10\","
                        + "\"allowed_updates\":[\"message\"]}}")));

    ConnectionCheck check = checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK);

    assertThat(check.failure()).isNull();
    assertThat(check.account())
        .isEqualTo(
            new Account(
                "7000000001",
                "propiedades_andes_bot",
                "Sofía de Propiedades Andes",
                null,
                null,
                null));
    assertThat(check.webhook()).isEqualTo(new Webhook(WEBHOOK.toString(), true, 0, null, null));
    assertThat(telegram.findAll(getRequestedFor(urlEqualTo(GET_ME))).getFirst().getProtocol())
        .isEqualTo("HTTP/1.1");
  }

  @Test
  void givenTheWebhookElsewhereWithDeliveryErrors_whenChecked_thenNotMatchingWithTheLastError() {
    telegram.stubFor(get(urlEqualTo(GET_ME)).willReturn(json(200, ME)));
    telegram.stubFor(
        get(urlEqualTo(WEBHOOK_INFO))
            .willReturn(
                json(
                    200,
                    "{\"ok\":true,\"result\":{\"url\":\"https://old-crm.example.com/tg\","
                        + "\"has_custom_certificate\":false,\"pending_update_count\":17,"
                        + "\"last_error_date\":1767225600,\"last_error_message\":\"Wrong response"
                        + " from the webhook: 502 Bad Gateway\",\"max_connections\":40}}")));

    ConnectionCheck check = checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK);

    assertThat(check.failure()).isNull();
    assertThat(check.webhook())
        .isEqualTo(
            new Webhook(
                "https://old-crm.example.com/tg",
                false,
                17,
                Instant.ofEpochSecond(1767225600),
                "Wrong response from the webhook: 502 Bad Gateway"));
  }

  @Test
  void givenNoWebhook_whenChecked_thenAnEmptyUrlThatDoesNotMatch() {
    telegram.stubFor(get(urlEqualTo(GET_ME)).willReturn(json(200, ME)));
    telegram.stubFor(
        get(urlEqualTo(WEBHOOK_INFO))
            .willReturn(
                json(
                    200,
                    "{\"ok\":true,\"result\":{\"url\":\"\",\"has_custom_certificate\":false,"
                        + "\"pending_update_count\":3}}")));

    Webhook webhook = checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK).webhook();

    assertThat(webhook.url()).isEmpty();
    assertThat(webhook.matches()).isFalse();
    assertThat(webhook.pendingUpdateCount()).isEqualTo(3);
  }

  @Test
  void givenARevokedToken_whenChecked_thenUnauthorizedInSpanishWithoutTheTokenOrASecondCall() {
    telegram.stubFor(
        get(urlEqualTo(GET_ME))
            .willReturn(
                json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}")));

    ConnectionCheck check = checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK);

    assertThat(check.account()).isNull();
    assertThat(check.failure().code()).isEqualTo("telegram.unauthorized");
    assertThat(check.failure().message())
        .contains("Telegram rechazó el token del bot (Unauthorized)")
        .contains("@BotFather")
        .doesNotContain(TOKEN)
        .doesNotContain("AAHk");
    telegram.verify(exactly(0), getRequestedFor(urlEqualTo(WEBHOOK_INFO)));
  }

  @Test
  void givenAMalformedTokenTelegramAnswers404_whenChecked_thenUnauthorized() {
    telegram.stubFor(
        get(urlEqualTo(GET_ME))
            .willReturn(
                json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}")));

    ConnectionCheck check = checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK);

    assertThat(check.failure().code()).isEqualTo("telegram.unauthorized");
  }

  @Test
  void givenATokenThatIsNoTelegramToken_whenChecked_thenUnauthorizedWithoutCallingTelegram() {
    ConnectionCheck check =
        checker(Duration.ofSeconds(2))
            .check(Map.of(TelegramSender.BOT_TOKEN, Secret.of("../../evil?x=1")), WEBHOOK);

    assertThat(check.failure().code()).isEqualTo("telegram.unauthorized");
    telegram.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  @Test
  void givenNoToken_whenChecked_thenNotConfiguredWithoutCallingTelegram() {
    ConnectionCheck check = checker(Duration.ofSeconds(2)).check(Map.of(), WEBHOOK);

    assertThat(check.failure().code()).isEqualTo("telegram.not_configured");
    assertThat(check.failure().message()).contains("@BotFather");
    telegram.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  @Test
  void givenTelegramSlowerThanTheTimeout_whenChecked_thenATimeoutFailureInTime() {
    telegram.stubFor(get(urlEqualTo(GET_ME)).willReturn(json(200, ME).withFixedDelay(3_000)));

    long started = System.nanoTime();
    ConnectionCheck check = checker(Duration.ofMillis(400)).check(CREDENTIALS, WEBHOOK);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(check.failure().code()).isEqualTo("telegram.timeout");
    assertThat(check.failure().message()).startsWith("Telegram no respondió en 1 s");
  }

  @Test
  void givenGetWebhookInfoFailsWith502_whenChecked_thenTheBotAndUnavailable() {
    telegram.stubFor(get(urlEqualTo(GET_ME)).willReturn(json(200, ME)));
    telegram.stubFor(
        get(urlEqualTo(WEBHOOK_INFO))
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>502 Bad Gateway</body></html>")));

    ConnectionCheck check = checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK);

    assertThat(check.account().username()).isEqualTo("propiedades_andes_bot");
    assertThat(check.webhook()).isNull();
    assertThat(check.failure().code()).isEqualTo("telegram.unavailable");
    assertThat(check.failure().message()).contains("HTTP 502");
  }

  @Test
  void givenTooManyRequests_whenChecked_thenThrottledWithTelegramsWait() {
    telegram.stubFor(
        get(urlEqualTo(GET_ME))
            .willReturn(
                json(
                    429,
                    "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry"
                        + " after 35\",\"parameters\":{\"retry_after\":35}}")));

    ConnectionCheck check = checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK);

    assertThat(check.failure().code()).isEqualTo("telegram.throttled");
    assertThat(check.failure().message()).contains("35 s");
  }

  @Test
  void givenNothingListening_whenChecked_thenUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    TelegramConnectionChecker checker =
        new TelegramConnectionChecker(
            URI.create("http://127.0.0.1:" + port), PUBLIC, Duration.ofSeconds(2));

    ConnectionCheck check = checker.check(CREDENTIALS, WEBHOOK);

    assertThat(check.failure().code()).isEqualTo("telegram.unreachable");
  }

  private static TelegramConnectionChecker checker(Duration timeout) {
    return new TelegramConnectionChecker(URI.create(telegram.baseUrl()), PUBLIC, timeout);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
