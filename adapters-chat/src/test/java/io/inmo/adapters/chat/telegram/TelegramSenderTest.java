package io.inmo.adapters.chat.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.inmo.application.port.out.ChatSenderPort.Failed;
import io.inmo.application.port.out.ChatSenderPort.OutgoingChatMessage;
import io.inmo.application.port.out.ChatSenderPort.Rejected;
import io.inmo.application.port.out.ChatSenderPort.SendOutcome;
import io.inmo.application.port.out.ChatSenderPort.Sent;
import io.inmo.application.port.out.ChatSenderPort.Template;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramSenderTest {
  private static final String TOKEN = "7000000001:AAHk-zyx57W2v1u123ew11_CRMinmoDemo";
  private static final String OTHER_TOKEN = "7000000002:AAGq-otroBotDeLaCorredora_Sur";
  private static final String PATH = "/bot" + TOKEN + "/sendMessage";
  private static final BrokerId BROKER = BrokerId.of("01957a1e-0000-7000-8000-000000000001");
  private static final String LUCIA = "5123456789";
  private static final String MATIAS = "6234567890";
  private static final String REPLY =
      "¡Hola Lucía! Tenemos un depto de 2D2B en Ñuñoa por 3.850 UF. ¿Te acomoda visitarlo el"
          + " jueves a las 18:00?";

  /** Small waits so that retries cost milliseconds; per-chat limit left at Telegram's 1/s. */
  private static final TelegramSenderConfig FAST =
      TelegramSenderConfig.defaults()
          .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
          .withRetries(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(3));

  private static WireMockServer telegram;

  @BeforeAll
  static void startTelegram() {
    telegram = new WireMockServer(options().dynamicPort());
    telegram.start();
  }

  @AfterAll
  static void stopTelegram() {
    telegram.stop();
  }

  @BeforeEach
  void reset() {
    telegram.resetAll();
  }

  @Test
  void givenTelegram_whenAskedForProvider_thenTelegram() {
    assertThat(sender(FAST).provider()).isEqualTo(ChatProvider.TELEGRAM);
  }

  @Test
  void givenTextMessage_whenSent_thenPostsJsonOnHttp11ToTokenPathAndReturnsMessageId() {
    telegram.stubFor(post(urlEqualTo(PATH)).willReturn(ok(1026)));

    SendOutcome outcome = sender(FAST).send(text(LUCIA, REPLY));

    assertThat(outcome).isEqualTo(new Sent(LUCIA + ":1026"));
    telegram.verify(
        exactly(1),
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"chat_id\":5123456789,\"text\":\"" + REPLY + "\"}")));
    LoggedRequest request = telegram.findAll(postRequestedFor(urlEqualTo(PATH))).getFirst();
    assertThat(request.getProtocol()).isEqualTo("HTTP/1.1");
    assertThat(request.containsHeader("Upgrade")).isFalse();
    assertThat(request.getBodyAsString()).contains("\"chat_id\":5123456789,"); // a number
  }

  @Test
  void givenBaseUrlWithPathAndTrailingSlash_whenSent_thenPathIsJoinedOnce() {
    telegram.stubFor(post(urlEqualTo("/tg-local" + PATH)).willReturn(ok(7)));
    TelegramSender sender = new TelegramSender(URI.create(telegram.baseUrl() + "/tg-local/"), FAST);

    assertThat(sender.send(text(LUCIA, "Hola"))).isEqualTo(new Sent(LUCIA + ":7"));
  }

  @Test
  void givenNoBotToken_whenSent_thenNotConfiguredWithoutCallingTelegram() {
    OutgoingChatMessage message = new OutgoingChatMessage(BROKER, LUCIA, "Hola", null, Map.of());

    SendOutcome outcome = sender(FAST).send(message);

    assertThat(outcome).isInstanceOf(Rejected.class);
    assertThat(((Rejected) outcome).code()).isEqualTo("telegram.not_configured");
    telegram.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  @Test
  void givenWhatsAppTemplate_whenSent_thenRejectedWithoutCallingTelegram() {
    OutgoingChatMessage message =
        new OutgoingChatMessage(
            BROKER,
            LUCIA,
            null,
            new Template("recordatorio_visita", "es", List.of("Lucía")),
            Map.of(TelegramSender.BOT_TOKEN, Secret.of(TOKEN)));

    assertThat(code(sender(FAST).send(message))).isEqualTo("telegram.unsupported");
    telegram.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  @Test
  void givenTextOver4096Chars_whenSent_thenRejectedWithoutCallingTelegram() {
    SendOutcome outcome = sender(FAST).send(text(LUCIA, "Ñ".repeat(4097)));

    assertThat(code(outcome)).isEqualTo("telegram.text_too_long");
    telegram.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  @Test
  void givenText4096Chars_whenSent_thenSent() {
    telegram.stubFor(post(urlEqualTo(PATH)).willReturn(ok(11)));

    assertThat(sender(FAST).send(text(LUCIA, "Ñ".repeat(4096)))).isEqualTo(new Sent(LUCIA + ":11"));
  }

  @Test
  void givenChatIdThatIsNoNumber_whenSent_thenBadRequestWithoutCallingTelegram() {
    SendOutcome outcome = sender(FAST).send(text("@lucia_gomez", "Hola"));

    assertThat(code(outcome)).isEqualTo("telegram.bad_request");
    telegram.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  @Test
  void givenMalformedToken_whenSent_thenUnauthorizedWithoutCallingTelegramNorEchoingIt() {
    String token = "7000000001:AAH/../getMe?x=1";
    OutgoingChatMessage message =
        new OutgoingChatMessage(
            BROKER, LUCIA, "Hola", null, Map.of(TelegramSender.BOT_TOKEN, Secret.of(token)));

    SendOutcome outcome = sender(FAST).send(message);

    assertThat(code(outcome)).isEqualTo("telegram.unauthorized");
    assertThat(outcome.toString()).doesNotContain(token).doesNotContain("AAH");
    telegram.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  @Test
  void given429WithRetryAfter_whenSent_thenWaitsThatLongAndRetries() {
    telegram.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("flood")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(tooManyRequests(1))
            .willSetStateTo("calm"));
    telegram.stubFor(
        post(urlEqualTo(PATH)).inScenario("flood").whenScenarioStateIs("calm").willReturn(ok(42)));

    long start = System.nanoTime();
    SendOutcome outcome = sender(FAST).send(text(LUCIA, REPLY));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(outcome).isEqualTo(new Sent(LUCIA + ":42"));
    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofMillis(900))
        .isLessThan(Duration.ofSeconds(5));
    telegram.verify(exactly(2), postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void given429AskingLongerThanMaxRetryAfter_whenSent_thenThrottledAtOnceWithoutRetry() {
    telegram.stubFor(post(urlEqualTo(PATH)).willReturn(tooManyRequests(35)));

    long start = System.nanoTime();
    SendOutcome outcome = sender(FAST).send(text(LUCIA, REPLY));

    assertThat(outcome)
        .isEqualTo(new Failed("telegram.throttled", "Too Many Requests: retry after 35"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    telegram.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void given429Forever_whenSent_thenThrottledAfterMaxAttempts() {
    telegram.stubFor(post(urlEqualTo(PATH)).willReturn(tooManyRequests(0)));

    SendOutcome outcome = sender(FAST).send(text(LUCIA, REPLY));

    assertThat(outcome)
        .isEqualTo(new Failed("telegram.throttled", "Too Many Requests: retry after 0"));
    telegram.verify(exactly(4), postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void given5xxThriceThenOk_whenSent_thenSentOnTheFourthAttempt() {
    String state = Scenario.STARTED;
    for (int failure = 1; failure <= 3; failure++) {
      telegram.stubFor(
          post(urlEqualTo(PATH))
              .inScenario("caída")
              .whenScenarioStateIs(state)
              .willReturn(error(failure == 2 ? 502 : 500))
              .willSetStateTo("falla " + failure));
      state = "falla " + failure;
    }
    telegram.stubFor(
        post(urlEqualTo(PATH)).inScenario("caída").whenScenarioStateIs(state).willReturn(ok(77)));

    SendOutcome outcome = sender(FAST).send(text(LUCIA, REPLY));

    assertThat(outcome).isEqualTo(new Sent(LUCIA + ":77"));
    telegram.verify(exactly(4), postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void given5xxForever_whenSent_thenUnavailableAfterMaxAttempts() {
    telegram.stubFor(post(urlEqualTo(PATH)).willReturn(error(500)));

    SendOutcome outcome = sender(FAST).send(text(LUCIA, REPLY));

    assertThat(outcome).isEqualTo(new Failed("telegram.unavailable", "Internal Server Error"));
    telegram.verify(exactly(4), postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void givenProxyHtmlErrorPage_whenSent_thenUnavailableWithStatusAfterConfiguredAttempts() {
    telegram.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>502 Bad Gateway</body></html>")));
    TelegramSenderConfig twoAttempts =
        FAST.withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1));

    SendOutcome outcome = sender(twoAttempts).send(text(LUCIA, REPLY));

    assertThat(outcome).isEqualTo(new Failed("telegram.unavailable", "HTTP 502"));
    telegram.verify(exactly(2), postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void given403BotBlocked_whenSent_thenRejectedWithoutRetry() {
    telegram.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(telegramError(403, "Forbidden: bot was blocked by the user")));

    SendOutcome outcome = sender(FAST).send(text(LUCIA, REPLY));

    assertThat(outcome)
        .isEqualTo(new Rejected("telegram.blocked", "Forbidden: bot was blocked by the user"));
    telegram.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void given400ChatNotFound_whenSent_thenChatNotFoundWithoutRetry() {
    telegram.stubFor(
        post(urlEqualTo(PATH)).willReturn(telegramError(400, "Bad Request: chat not found")));

    SendOutcome outcome = sender(FAST).send(text(LUCIA, REPLY));

    assertThat(outcome)
        .isEqualTo(new Rejected("telegram.chat_not_found", "Bad Request: chat not found"));
    telegram.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void givenOther400_whenSent_thenBadRequestWithoutRetry() {
    telegram.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(telegramError(400, "Bad Request: message text is empty")));

    SendOutcome outcome = sender(FAST).send(text(LUCIA, " "));

    assertThat(outcome)
        .isEqualTo(new Rejected("telegram.bad_request", "Bad Request: message text is empty"));
    telegram.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 404})
  void givenInvalidBotToken_whenSent_thenUnauthorizedWithoutRetry(int status) {
    telegram.stubFor(
        post(urlPathMatching("/bot[^/]+/sendMessage"))
            .willReturn(telegramError(status, status == 401 ? "Unauthorized" : "Not Found")));

    SendOutcome outcome = sender(FAST).send(text(LUCIA, REPLY));

    assertThat(code(outcome)).isEqualTo("telegram.unauthorized");
    telegram.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"ok\":true,\"result\":{\"mess",
        "<html>OK</html>",
        "{\"ok\":true,\"result\":true}",
        "{\"ok\":false,\"result\":{\"message_id\":1026}}",
        "{\"ok\":true,\"result\":{\"message_id\":\"1026\"}}",
        "[]"
      })
  void givenUnreadable200_whenSent_thenInvalidResponseWithoutRetry(String body) {
    telegram.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));

    SendOutcome outcome = sender(FAST).send(text(LUCIA, REPLY));

    assertThat(code(outcome)).isEqualTo("telegram.invalid_response");
    assertThat(outcome).isInstanceOf(Failed.class);
    telegram.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void givenTelegramSlowerThanRequestTimeout_whenSent_thenRetriedThenUnavailable() {
    telegram.stubFor(post(urlEqualTo(PATH)).willReturn(ok(5).withFixedDelay(1_500)));
    TelegramSenderConfig impatient =
        FAST.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200))
            .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1));

    long start = System.nanoTime();
    SendOutcome outcome = sender(impatient).send(text(LUCIA, REPLY));

    assertThat(code(outcome)).isEqualTo("telegram.unavailable");
    assertThat(((Failed) outcome).detail()).startsWith("timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_400));
    telegram.verify(exactly(2), postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void givenOneTimeoutThenQuickAnswer_whenSent_thenSent() {
    telegram.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("lento")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(ok(5).withFixedDelay(1_500))
            .willSetStateTo("rápido"));
    telegram.stubFor(
        post(urlEqualTo(PATH)).inScenario("lento").whenScenarioStateIs("rápido").willReturn(ok(6)));
    TelegramSenderConfig impatient =
        FAST.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200));

    assertThat(sender(impatient).send(text(LUCIA, REPLY))).isEqualTo(new Sent(LUCIA + ":6"));
  }

  @Test
  void givenNothingListening_whenSent_thenUnavailableAfterRetries() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TelegramSender sender = new TelegramSender(URI.create("http://127.0.0.1:" + closedPort), FAST);

    SendOutcome outcome = sender.send(text(LUCIA, REPLY));

    assertThat(code(outcome)).isEqualTo("telegram.unavailable");
    assertThat(outcome.toString()).doesNotContain(TOKEN);
  }

  @Test
  void givenTwoMessagesToOneChat_whenSent_thenSecondWaitsAboutASecond() {
    telegram.stubFor(post(urlEqualTo(PATH)).willReturn(ok(1)));
    TelegramSender sender = sender(FAST);

    assertThat(sender.send(text(LUCIA, "Hola, Lucía"))).isInstanceOf(Sent.class);
    long start = System.nanoTime();
    assertThat(sender.send(text(LUCIA, "¿Sigues buscando en Ñuñoa?"))).isInstanceOf(Sent.class);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofMillis(600))
        .isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void givenMessagesToTwoChats_whenSent_thenNeitherWaits() {
    telegram.stubFor(post(urlEqualTo(PATH)).willReturn(ok(1)));
    TelegramSender sender = sender(FAST);

    assertThat(sender.send(text(LUCIA, "Hola, Lucía"))).isInstanceOf(Sent.class);
    long start = System.nanoTime();
    assertThat(sender.send(text(MATIAS, "Hola, Matías"))).isInstanceOf(Sent.class);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void givenChatSlotWaitShorterThanInterval_whenSecondMessageToSameChat_thenThrottledUnsent() {
    telegram.stubFor(post(urlEqualTo(PATH)).willReturn(ok(1)));
    TelegramSender sender =
        sender(FAST.withRateLimits(30, Duration.ofSeconds(1), Duration.ofMillis(100)));

    sender.send(text(LUCIA, "Hola, Lucía"));
    SendOutcome second = sender.send(text(LUCIA, "¿Sigues buscando en Ñuñoa?"));

    assertThat(code(second)).isEqualTo("telegram.throttled");
    telegram.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void givenBotAtItsPerSecondLimit_whenThirdChat_thenThrottledButAnotherBotStillSends() {
    telegram.stubFor(post(urlPathMatching("/bot[^/]+/sendMessage")).willReturn(ok(1)));
    TelegramSender sender =
        sender(FAST.withRateLimits(2, Duration.ofSeconds(1), Duration.ofMillis(50)));

    assertThat(sender.send(text(LUCIA, "Hola"))).isInstanceOf(Sent.class);
    assertThat(sender.send(text(MATIAS, "Hola"))).isInstanceOf(Sent.class);
    SendOutcome third = sender.send(text("7345678901", "Hola"));
    SendOutcome otherBot =
        sender.send(
            new OutgoingChatMessage(
                BROKER,
                "7345678901",
                "Hola",
                null,
                Map.of(TelegramSender.BOT_TOKEN, Secret.of(OTHER_TOKEN))));

    assertThat(code(third)).isEqualTo("telegram.throttled");
    assertThat(otherBot).isInstanceOf(Sent.class);
    telegram.verify(exactly(2), postRequestedFor(urlEqualTo(PATH)));
    telegram.verify(
        exactly(1), postRequestedFor(urlEqualTo("/bot" + OTHER_TOKEN + "/sendMessage")));
  }

  @Test
  void givenErrorsEchoingTheToken_whenSent_thenTokenNeverInOutcomes() {
    TelegramSenderConfig oneAttempt =
        FAST.withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1))
            .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200));
    List<ResponseDefinitionBuilder> answers =
        List.of(
            telegramError(400, "Bad Request: can't parse bot " + TOKEN),
            telegramError(403, "Forbidden: bot " + TOKEN + " was kicked"),
            telegramError(500, "Internal error for " + TOKEN),
            telegramError(401, "Unauthorized " + TOKEN),
            tooManyRequests(0),
            ok(1).withFixedDelay(1_000));
    for (ResponseDefinitionBuilder answer : answers) {
      telegram.resetAll();
      telegram.stubFor(post(urlEqualTo(PATH)).willReturn(answer));

      SendOutcome outcome = sender(oneAttempt).send(text(LUCIA, REPLY));

      assertThat(outcome).isNotInstanceOf(Sent.class);
      assertThat(outcome.toString()).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(11));
    }
  }

  private static TelegramSender sender(TelegramSenderConfig config) {
    return new TelegramSender(URI.create(telegram.baseUrl()), config);
  }

  private static OutgoingChatMessage text(String chatId, String text) {
    return new OutgoingChatMessage(
        BROKER, chatId, text, null, Map.of(TelegramSender.BOT_TOKEN, Secret.of(TOKEN)));
  }

  private static String code(SendOutcome outcome) {
    return switch (outcome) {
      case Sent sent -> "sent";
      case Rejected rejected -> rejected.code();
      case Failed failed -> failed.code();
    };
  }

  private static ResponseDefinitionBuilder ok(long messageId) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(
            """
            {"ok":true,"result":{"message_id":%d,
             "from":{"id":7000000001,"is_bot":true,"first_name":"CRM Bot","username":"crm_inmo_bot"},
             "chat":{"id":5123456789,"first_name":"Lucía","type":"private"},"date":1767226100,
             "text":"¡Hola Lucía!"}}
            """
                .formatted(messageId));
  }

  private static ResponseDefinitionBuilder telegramError(int status, String description) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"ok\":false,\"error_code\":%d,\"description\":\"%s\"}"
                .formatted(status, description));
  }

  private static ResponseDefinitionBuilder error(int status) {
    return telegramError(status, status == 500 ? "Internal Server Error" : "Bad Gateway");
  }

  private static ResponseDefinitionBuilder tooManyRequests(int retryAfter) {
    return aResponse()
        .withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withBody(
            ("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after %d\","
                    + "\"parameters\":{\"retry_after\":%d}}")
                .formatted(retryAfter, retryAfter));
  }
}
