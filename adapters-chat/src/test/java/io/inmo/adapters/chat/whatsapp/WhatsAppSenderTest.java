package io.inmo.adapters.chat.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.inmo.adapters.chat.whatsapp.WhatsAppSender.Settings;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WhatsAppSenderTest {
  private static final String PHONE_NUMBER_ID = "106540352242922";
  private static final String TOKEN = "EAAGm0PX4ZCpsBAKZBzTokenDePrueba9931";
  private static final String PATH = "/v23.0/" + PHONE_NUMBER_ID + "/messages";
  private static final String LEAD = "56912345678";
  private static final String WAMID = "wamid.HBgLNTY5MTIzNDU2NzgVAgARGBI1RjQyQUIxQzM=";
  private static final String TEXT =
      "Hola Camila, el depto en Providencia sigue disponible. ¿Te acomoda visitarlo el jueves a"
          + " las 18:00?";
  private static final BrokerId BROKER = BrokerId.of("0b5c6a2e-4c1f-4d7e-9a51-2f3e8d9c7b10");

  private static WireMockServer wm;

  @BeforeAll
  static void startWireMock() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
  }

  @AfterAll
  static void stopWireMock() {
    wm.stop();
  }

  @BeforeEach
  void reset() {
    wm.resetAll();
  }

  @Test
  void givenTextMessage_whenSend_thenPostsTextJsonWithBearerTokenToVersionedPath() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(accepted(WAMID)));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertThat(outcome).isEqualTo(new Sent(WAMID));
    wm.verify(
        exactly(1),
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"messaging_product":"whatsapp","recipient_type":"individual",
                     "to":"56912345678","type":"text",
                     "text":{"preview_url":false,
                             "body":"Hola Camila, el depto en Providencia sigue disponible. ¿Te acomoda visitarlo el jueves a las 18:00?"}}
                    """,
                    false,
                    false)));
  }

  @Test
  void givenTemplate_whenSend_thenPostsTemplateWithLanguageAndBodyParameters() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(accepted(WAMID)));
    Template template =
        new Template("visita_recordatorio", "es", List.of("Camila", "jueves 18:00"));

    SendOutcome outcome = sender(fast()).send(template(template));

    assertThat(outcome).isEqualTo(new Sent(WAMID));
    wm.verify(
        exactly(1),
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(
                equalToJson(
                    """
                    {"messaging_product":"whatsapp","recipient_type":"individual",
                     "to":"56912345678","type":"template",
                     "template":{"name":"visita_recordatorio","language":{"code":"es"},
                       "components":[{"type":"body","parameters":[
                         {"type":"text","text":"Camila"},{"type":"text","text":"jueves 18:00"}]}]}}
                    """,
                    false,
                    false)));
  }

  @Test
  void givenTemplateWithoutParameters_whenSend_thenSendsNoComponents() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(accepted(WAMID)));

    sender(fast()).send(template(new Template("hola_seguimiento", "es", List.of())));

    wm.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"messaging_product":"whatsapp","recipient_type":"individual",
                     "to":"56912345678","type":"template",
                     "template":{"name":"hola_seguimiento","language":{"code":"es"}}}
                    """,
                    false,
                    false)));
  }

  @Test
  void givenConfiguredVersion_whenSend_thenUsesItInThePath() {
    String path = "/v24.0/" + PHONE_NUMBER_ID + "/messages";
    wm.stubFor(post(urlPathEqualTo(path)).willReturn(accepted(WAMID)));

    SendOutcome outcome = sender(fast().withApiVersion("v24.0")).send(text(TEXT));

    assertThat(outcome).isEqualTo(new Sent(WAMID));
    wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(path)));
  }

  @Test
  void givenDefaults_thenGraphV23AndFourAttemptsAndEightyPerSecond() {
    Settings defaults = Settings.defaults();

    assertThat(defaults.baseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
    assertThat(defaults.apiVersion()).isEqualTo("v23.0");
    assertThat(defaults.maxAttempts()).isEqualTo(4);
    assertThat(defaults.messagesPerSecond()).isEqualTo(80);
    assertThat(sender(defaults).provider()).isEqualTo(ChatProvider.WHATSAPP);
  }

  @Test
  void givenNoAccessToken_whenSend_thenNotConfiguredWithoutRequest() {
    SendOutcome outcome =
        sender(fast())
            .send(
                message(
                    TEXT, null, Map.of(WhatsAppSender.PHONE_NUMBER_ID, secret(PHONE_NUMBER_ID))));

    assertThat(outcome).isInstanceOf(Rejected.class);
    assertThat(((Rejected) outcome).code()).isEqualTo("whatsapp.not_configured");
    assertThat(((Rejected) outcome).detail()).contains(WhatsAppSender.ACCESS_TOKEN);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void givenNoPhoneNumberId_whenSend_thenNotConfiguredWithoutRequest() {
    SendOutcome outcome =
        sender(fast())
            .send(message(TEXT, null, Map.of(WhatsAppSender.ACCESS_TOKEN, secret(TOKEN))));

    assertThat(outcome).isInstanceOf(Rejected.class);
    assertThat(((Rejected) outcome).code()).isEqualTo("whatsapp.not_configured");
    assertThat(((Rejected) outcome).detail()).contains(WhatsAppSender.PHONE_NUMBER_ID);
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void givenPhoneNumberIdThatIsNotAGraphId_whenSend_thenNotConfiguredWithoutRequest() {
    Map<String, Secret> credentials =
        Map.of(
            WhatsAppSender.PHONE_NUMBER_ID, secret("../me/accounts?x="),
            WhatsAppSender.ACCESS_TOKEN, secret(TOKEN));

    SendOutcome outcome = sender(fast()).send(message(TEXT, null, credentials));

    assertThat(outcome).isInstanceOf(Rejected.class);
    assertThat(((Rejected) outcome).code()).isEqualTo("whatsapp.not_configured");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void givenReEngagementError_whenSend_thenOutsideWindowAfterOneRequest() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                graphError(
                    400,
                    131047,
                    "(#131047) Re-engagement message",
                    "Message failed to send because more than 24 hours have passed since the"
                        + " customer last replied to this number.")));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertRejected(outcome, "whatsapp.outside_window");
    assertThat(((Rejected) outcome).detail())
        .contains("131047")
        .contains("Re-engagement message")
        .contains("more than 24 hours");
    wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenUndeliverableError_whenSend_thenUndeliverableAfterOneRequest() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                graphError(
                    400,
                    131026,
                    "(#131026) Message Undeliverable",
                    "Unable to deliver message. Reasons can include: the recipient phone number"
                        + " is not a WhatsApp phone number.")));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertRejected(outcome, "whatsapp.undeliverable");
    assertThat(((Rejected) outcome).detail()).contains("not a WhatsApp phone number");
    wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenRecipientNotAllowedError_whenSend_thenInvalidNumberAfterOneRequest() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                graphError(
                    400,
                    131030,
                    "(#131030) Recipient phone number not in allowed list",
                    "Recipient phone number not in allowed list")));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertRejected(outcome, "whatsapp.invalid_number");
    wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenExpiredTokenEchoedInError_whenSend_thenUnauthorizedAndTokenScrubbed() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                graphError(
                    400,
                    190,
                    "Error validating access token: Session has expired for token " + TOKEN,
                    null)));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertRejected(outcome, "whatsapp.unauthorized");
    assertThat(((Rejected) outcome).detail())
        .contains("Session has expired")
        .contains("••••9931")
        .doesNotContain(TOKEN);
    wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenHttp401WithoutGraphBody_whenSend_thenUnauthorized() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertRejected(outcome, "whatsapp.unauthorized");
    wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenUnknownTemplate_whenSend_thenTemplateRejectedAfterOneRequest() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                graphError(
                    404,
                    132001,
                    "(#132001) Template name does not exist in the translation",
                    "template name (visita_recordatorio) does not exist in es")));

    SendOutcome outcome =
        sender(fast()).send(template(new Template("visita_recordatorio", "es", List.of("Camila"))));

    assertRejected(outcome, "whatsapp.template_rejected");
    assertThat(((Rejected) outcome).detail()).contains("does not exist in es");
    wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenInvalidParameter_whenSend_thenBadRequestAfterOneRequest() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                graphError(
                    400, 100, "(#100) Invalid parameter", "Param text['body'] is required")));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertRejected(outcome, "whatsapp.bad_request");
    assertThat(((Rejected) outcome).detail()).contains("Param text['body'] is required");
    wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenMetaHeldTheMessageBack_whenSend_thenFailedThrottledWithoutRetry() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                graphError(
                    400,
                    131049,
                    "(#131049) This message was not delivered to maintain healthy ecosystem"
                        + " engagement.",
                    null)));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertFailed(outcome, "whatsapp.throttled");
    wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 80007, 130429, 131048, 131056})
  void givenRateLimitCodeOnce_whenSend_thenRetriesAndSends(int code) {
    // HTTP 400 on purpose: the Graph code alone must make the error retryable
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("throughput")
            .whenScenarioStateIs(STARTED)
            .willReturn(graphError(400, code, "(#" + code + ") Rate limit hit", null))
            .willSetStateTo("recovered"));
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("throughput")
            .whenScenarioStateIs("recovered")
            .willReturn(accepted(WAMID)));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertThat(outcome).isEqualTo(new Sent(WAMID));
    wm.verify(exactly(2), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenTransientCodeOnce_whenSend_thenRetriesAndSends() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("transient")
            .whenScenarioStateIs(STARTED)
            .willReturn(graphError(400, 131000, "(#131000) Something went wrong", null))
            .willSetStateTo("recovered"));
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("transient")
            .whenScenarioStateIs("recovered")
            .willReturn(accepted(WAMID)));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertThat(outcome).isEqualTo(new Sent(WAMID));
    wm.verify(exactly(2), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenHttp429WithRetryAfter_whenSend_thenWaitsThatLongAndSends() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("retry-after")
            .whenScenarioStateIs(STARTED)
            // no Graph body (a gateway answered): the status and the header alone count
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("recovered"));
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("retry-after")
            .whenScenarioStateIs("recovered")
            .willReturn(accepted(WAMID)));
    // our own backoff would be 5 ms: only the header explains a one-second wait
    WhatsAppSender sender =
        sender(fast().withRetry(4, Duration.ofMillis(5), Duration.ofSeconds(3)));

    long started = System.nanoTime();
    SendOutcome outcome = sender.send(text(TEXT));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(outcome).isEqualTo(new Sent(WAMID));
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    wm.verify(exactly(2), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenRetryAfterBeyondTheWaitBudget_whenSend_thenFailsThrottledAtOnce() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                graphError(429, 130429, "(#130429) Rate limit hit", null)
                    .withHeader("Retry-After", "3600")));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertFailed(outcome, "whatsapp.throttled");
    assertThat(((Failed) outcome).detail()).contains("Retry-After 3600 s");
    wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenThrottledOnEveryAttempt_whenSend_thenFailedThrottledAfterFourRequests() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                graphError(
                    400,
                    131056,
                    "(#131056) (Business Account, Consumer Account) pair rate limit hit",
                    null)));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertFailed(outcome, "whatsapp.throttled");
    assertThat(((Failed) outcome).detail()).contains("131056").contains("4 attempts");
    wm.verify(exactly(4), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenServerErrorThreeTimes_whenSend_thenFourthAttemptSends() {
    for (int i = 0; i < 3; i++) {
      wm.stubFor(
          post(urlPathEqualTo(PATH))
              .inScenario("flaky")
              .whenScenarioStateIs(i == 0 ? STARTED : "failed-" + i)
              .willReturn(graphError(500, 131000, "(#131000) Something went wrong", null))
              .willSetStateTo("failed-" + (i + 1)));
    }
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("flaky")
            .whenScenarioStateIs("failed-3")
            .willReturn(accepted(WAMID)));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertThat(outcome).isEqualTo(new Sent(WAMID));
    wm.verify(exactly(4), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenServerErrorForever_whenSend_thenFailedUnavailableAfterFourRequests() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertFailed(outcome, "whatsapp.unavailable");
    assertThat(((Failed) outcome).detail()).contains("HTTP 502").contains("Bad Gateway");
    wm.verify(exactly(4), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenTwoAttemptsConfigured_whenServerErrorForever_thenTwoRequests() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

    SendOutcome outcome =
        sender(fast().withRetry(2, Duration.ofMillis(5), Duration.ofMillis(50))).send(text(TEXT));

    assertFailed(outcome, "whatsapp.unavailable");
    wm.verify(exactly(2), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenServerErrors_whenRetrying_thenWaitsDoubleEachTime() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

    sender(fast().withRetry(3, Duration.ofMillis(150), Duration.ofSeconds(2))).send(text(TEXT));

    List<Long> times =
        wm.getAllServeEvents().stream()
            .map(ServeEvent::getRequest)
            .map(request -> request.getLoggedDate().getTime())
            .sorted(Comparator.naturalOrder())
            .toList();
    assertThat(times).hasSize(3);
    assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(140);
    assertThat(times.get(2) - times.get(1)).isGreaterThanOrEqualTo(290);
  }

  @Test
  void givenSlowServerOnce_whenSend_thenTimesOutAndRetriesAndSends() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("slow")
            .whenScenarioStateIs(STARTED)
            .willReturn(accepted("wamid.demasiado-tarde").withFixedDelay(1_500))
            .willSetStateTo("fast"));
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("slow")
            .whenScenarioStateIs("fast")
            .willReturn(accepted(WAMID)));

    SendOutcome outcome =
        sender(fast().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))).send(text(TEXT));

    assertThat(outcome).isEqualTo(new Sent(WAMID));
    wm.verify(exactly(2), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenServerTooSlowEveryTime_whenSend_thenFailedUnavailable() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(accepted(WAMID).withFixedDelay(1_500)));

    SendOutcome outcome =
        sender(
                fast()
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200))
                    .withRetry(2, Duration.ofMillis(5), Duration.ofMillis(50)))
            .send(text(TEXT));

    assertFailed(outcome, "whatsapp.unavailable");
    assertThat(((Failed) outcome).detail()).contains("no answer within 200 ms");
  }

  @Test
  void givenNothingListening_whenSend_thenFailedUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    SendOutcome outcome =
        sender(fast().withBaseUrl(URI.create("http://127.0.0.1:" + closedPort))).send(text(TEXT));

    assertFailed(outcome, "whatsapp.unavailable");
    assertThat(((Failed) outcome).detail()).contains("ConnectException").contains("4 attempts");
  }

  @Test
  void givenAcceptedWithoutMessageId_whenSend_thenFailedWithoutRetry() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse().withStatus(200).withBody("{\"messaging_product\":\"whatsapp\"}")));

    SendOutcome outcome = sender(fast()).send(text(TEXT));

    assertFailed(outcome, "whatsapp.unavailable");
    wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenTwoPermitsPerSecond_whenThirdSendToSameNumber_thenItWaitsForTheNextSecond() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(accepted(WAMID)));
    String otherNumberId = "209876543210987";
    String otherPath = "/v23.0/" + otherNumberId + "/messages";
    wm.stubFor(post(urlPathEqualTo(otherPath)).willReturn(accepted(WAMID)));
    WhatsAppSender sender = sender(fast().withRateLimit(2, Duration.ofSeconds(5)));

    long started = System.nanoTime();
    sender.send(text(TEXT));
    sender.send(text(TEXT));
    long otherStarted = System.nanoTime();
    SendOutcome other = sender.send(message(TEXT, null, credentials(otherNumberId)));
    Duration otherTook = Duration.ofNanos(System.nanoTime() - otherStarted);
    SendOutcome third = sender.send(text(TEXT));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(third).isEqualTo(new Sent(WAMID));
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(other).isEqualTo(new Sent(WAMID));
    assertThat(otherTook).isLessThan(Duration.ofMillis(500));
    wm.verify(exactly(3), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenNoPermitWithinTheWait_whenSend_thenFailedThrottledWithoutRequest() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(accepted(WAMID)));
    WhatsAppSender sender = sender(fast().withRateLimit(1, Duration.ofMillis(20)));

    SendOutcome first = sender.send(text(TEXT));
    SendOutcome second = sender.send(text(TEXT));

    assertThat(first).isEqualTo(new Sent(WAMID));
    assertFailed(second, "whatsapp.throttled");
    assertThat(((Failed) second).detail()).contains("1 messages/s");
    wm.verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  // ---------------------------------------------------------------------------------------------

  private static Settings fast() {
    return Settings.defaults()
        .withBaseUrl(URI.create(wm.baseUrl()))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
        .withRetry(4, Duration.ofMillis(5), Duration.ofMillis(50));
  }

  private static WhatsAppSender sender(Settings settings) {
    return new WhatsAppSender(settings);
  }

  private static OutgoingChatMessage text(String text) {
    return message(text, null, credentials(PHONE_NUMBER_ID));
  }

  private static OutgoingChatMessage template(Template template) {
    return message(null, template, credentials(PHONE_NUMBER_ID));
  }

  private static OutgoingChatMessage message(
      String text, Template template, Map<String, Secret> credentials) {
    return new OutgoingChatMessage(BROKER, LEAD, text, template, credentials);
  }

  private static Map<String, Secret> credentials(String phoneNumberId) {
    Map<String, Secret> credentials = new HashMap<>();
    credentials.put(WhatsAppSender.PHONE_NUMBER_ID, secret(phoneNumberId));
    credentials.put(WhatsAppSender.ACCESS_TOKEN, secret(TOKEN));
    return credentials;
  }

  private static Secret secret(String value) {
    return Secret.of(value);
  }

  private static ResponseDefinitionBuilder accepted(String wamid) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(
            """
            {"messaging_product":"whatsapp",
             "contacts":[{"input":"56912345678","wa_id":"56912345678"}],
             "messages":[{"id":"%s","message_status":"accepted"}]}
            """
                .formatted(wamid));
  }

  private static ResponseDefinitionBuilder graphError(
      int status, int code, String message, String details) {
    String errorData =
        details == null
            ? ""
            : ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"%s\"}"
                .formatted(details);
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"error\":{\"message\":\"%s\",\"type\":\"OAuthException\",\"code\":%d%s,\"fbtrace_id\":\"AXsgnV2Cm3ZMGF3dF_cfYIn\"}}"
                .formatted(message, code, errorData));
  }

  private static void assertRejected(SendOutcome outcome, String code) {
    assertThat(outcome).isInstanceOf(Rejected.class);
    assertThat(((Rejected) outcome).code()).isEqualTo(code);
    assertNoToken(outcome);
  }

  private static void assertFailed(SendOutcome outcome, String code) {
    assertThat(outcome).isInstanceOf(Failed.class);
    assertThat(((Failed) outcome).code()).isEqualTo(code);
    assertNoToken(outcome);
  }

  private static void assertNoToken(SendOutcome outcome) {
    assertThat(outcome.toString()).doesNotContain(TOKEN);
  }
}
