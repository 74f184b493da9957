package io.inmo.adapters.chat.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.inmo.application.port.out.ChatConnectionCheckPort.Account;
import io.inmo.application.port.out.ChatConnectionCheckPort.ConnectionCheck;
import io.inmo.domain.broker.Slug;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WhatsApp connection check against a WireMock Graph API that answers like Meta: the phone
 * number node with the requested fields, and Graph error objects (INTEGRATIONS §2.7) with the
 * status codes Meta sends them with.
 */
class WhatsAppConnectionCheckerTest {
  private static final String PHONE_NUMBER_ID = "106540352242922";
  private static final String TOKEN = "EAAGm0PX4ZCpsBAJkZAbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
  private static final String PATH = "/v23.0/" + PHONE_NUMBER_ID;
  private static final URI PUBLIC = URI.create("https://inmo.example.cl");
  private static final URI WEBHOOK =
      URI.create("https://inmo.example.cl/webhooks/whatsapp/propiedades-andes");
  private static final Map<String, Secret> CREDENTIALS =
      Map.of(
          WhatsAppSender.PHONE_NUMBER_ID, Secret.of(PHONE_NUMBER_ID),
          WhatsAppSender.ACCESS_TOKEN, Secret.of(TOKEN));

  private static WireMockServer graph;

  @BeforeAll
  static void start() {
    graph = new WireMockServer(options().dynamicPort());
    graph.start();
  }

  @AfterAll
  static void stop() {
    graph.stop();
  }

  @BeforeEach
  void reset() {
    graph.resetAll();
  }

  @Test
  void givenAPublicUrl_whenAskedForTheWebhook_thenTheResourcesPathWithTheSlug() {
    assertThat(checker(Duration.ofSeconds(2)).webhookUrl(new Slug("propiedades-andes")))
        .isEqualTo(WEBHOOK);
    assertThat(checker(Duration.ofSeconds(2)).provider()).isEqualTo(ChatProvider.WHATSAPP);
  }

  @Test
  void givenAGoodTokenAndNumber_whenChecked_thenTheNumberAsMetaShowsIt() {
    graph.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("fields", equalTo("display_phone_number,verified_name,quality_rating"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .willReturn(
                json(
                    200,
                    "{\"display_phone_number\":\"+56 9 2345 6789\",\"verified_name\":\"Propiedades"
                        + " Andes\",\"quality_rating\":\"GREEN\",\"id\":\""
                        + PHONE_NUMBER_ID
                        + "\"}")));

    ConnectionCheck check = checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK);

    assertThat(check.failure()).isNull();
    assertThat(check.webhook()).isNull(); // the phone number's token cannot read subscriptions
    assertThat(check.account())
        .isEqualTo(
            new Account(
                PHONE_NUMBER_ID, null, null, "+56 9 2345 6789", "Propiedades Andes", "GREEN"));
    assertThat(graph.findAll(getRequestedFor(urlPathEqualTo(PATH))).getFirst().getProtocol())
        .isEqualTo("HTTP/1.1");
  }

  @Test
  void givenAnInvalidToken_whenChecked_thenUnauthorizedInSpanishWithoutTheToken() {
    graph.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                json(
                    401,
                    "{\"error\":{\"message\":\"Invalid OAuth access token - Cannot parse access"
                        + " token\",\"type\":\"OAuthException\",\"code\":190,"
                        + "\"fbtrace_id\":\"AXsgnV2Cm3ZMGF3dF_cfYIn\"}}")));

    ConnectionCheck check = checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK);

    assertThat(check.account()).isNull();
    assertThat(check.failure().code()).isEqualTo("whatsapp.unauthorized");
    assertThat(check.failure().message())
        .startsWith("Meta rechazó el token de acceso (HTTP 401, código 190: Invalid OAuth")
        .doesNotContain(TOKEN);
  }

  @Test
  void givenAnExpiredTokenAnsweredWith400_whenChecked_thenUnauthorized() {
    graph.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                json(
                    400,
                    "{\"error\":{\"message\":\"Error validating access token: Session has expired"
                        + " on Friday, 04-Dec-26 10:00:00 PST.\",\"type\":\"OAuthException\","
                        + "\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"A1b2C3\"}}")));

    ConnectionCheck check = checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK);

    assertThat(check.failure().code()).isEqualTo("whatsapp.unauthorized");
    assertThat(check.failure().message())
        .contains("código 190/463")
        .contains("Session has expired");
  }

  @Test
  void givenANumberTheTokenCannotSee_whenChecked_thenPhoneNumberNotFound() {
    graph.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                json(
                    400,
                    "{\"error\":{\"message\":\"Unsupported get request. Object with ID '"
                        + PHONE_NUMBER_ID
                        + "' does not exist, cannot be loaded due to missing permissions, or does"
                        + " not support this operation. Please read the Graph API documentation at"
                        + " https://developers.facebook.com/docs/graph-api\",\"type\":"
                        + "\"GraphMethodException\",\"code\":100,\"error_subcode\":33,"
                        + "\"fbtrace_id\":\"AZ9Yx8\"}}")));

    ConnectionCheck check = checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK);

    assertThat(check.failure().code()).isEqualTo("whatsapp.phone_number_not_found");
    assertThat(check.failure().message()).contains(PHONE_NUMBER_ID).contains("WhatsApp Manager");
  }

  @Test
  void givenAMissingPermission_whenChecked_thenPermissionDenied() {
    graph.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                json(
                    403,
                    "{\"error\":{\"message\":\"(#200) Permissions error\",\"type\":"
                        + "\"OAuthException\",\"code\":200,\"fbtrace_id\":\"Aq1\"}}")));

    assertThat(checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK).failure().code())
        .isEqualTo("whatsapp.permission_denied");
  }

  @Test
  void givenMetaSlowerThanTheTimeout_whenChecked_thenATimeoutFailureInTime() {
    graph.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(json(200, "{\"display_phone_number\":\"+56 9\"}").withFixedDelay(3_000)));

    long started = System.nanoTime();
    ConnectionCheck check = checker(Duration.ofMillis(400)).check(CREDENTIALS, WEBHOOK);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(check.failure().code()).isEqualTo("whatsapp.timeout");
    assertThat(check.failure().message()).startsWith("Meta no respondió en 1 s");
  }

  @Test
  void givenMetasOwnTrouble_whenChecked_thenUnavailable() {
    graph.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                json(
                    500,
                    "{\"error\":{\"message\":\"An unknown error occurred\",\"type\":"
                        + "\"OAuthException\",\"code\":1,\"is_transient\":true,"
                        + "\"fbtrace_id\":\"Ab9\"}}")));

    assertThat(checker(Duration.ofSeconds(2)).check(CREDENTIALS, WEBHOOK).failure().code())
        .isEqualTo("whatsapp.unavailable");
  }

  @Test
  void givenMissingOrMalformedCredentials_whenChecked_thenNotConfiguredWithoutCallingMeta() {
    WhatsAppConnectionChecker checker = checker(Duration.ofSeconds(2));

    assertThat(checker.check(Map.of(), WEBHOOK).failure().code())
        .isEqualTo("whatsapp.not_configured");
    assertThat(
            checker
                .check(Map.of(WhatsAppSender.ACCESS_TOKEN, Secret.of(TOKEN)), WEBHOOK)
                .failure()
                .message())
        .startsWith("Falta el phoneNumberId");
    assertThat(
            checker
                .check(
                    Map.of(
                        WhatsAppSender.PHONE_NUMBER_ID, Secret.of("+56 9 2345 6789"),
                        WhatsAppSender.ACCESS_TOKEN, Secret.of(TOKEN)),
                    WEBHOOK)
                .failure()
                .code())
        .isEqualTo("whatsapp.not_configured");
    graph.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  private static WhatsAppConnectionChecker checker(Duration timeout) {
    return new WhatsAppConnectionChecker(URI.create(graph.baseUrl()), "v23.0", PUBLIC, timeout);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
