package io.inmo.adapters.chat.whatsapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.inmo.adapters.chat.whatsapp.WhatsAppWebhook.Notification;
import io.inmo.application.port.in.chat.DeliveryReport;
import io.inmo.application.port.in.chat.InboundChatMessage;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.DeliveryStatus;
import io.inmo.domain.shared.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WhatsAppWebhookTest {
  private static final String PHONE_NUMBER_ID = "106540352242922";
  private static final String CAMILA = "56912345678";

  @Nested
  class Handshake {
    private final Secret verifyToken = Secret.of("inmo-verifica-7Qz9");

    @Test
    void givenSubscribeAndMatchingToken_thenEchoesChallenge() {
      assertThat(
              WhatsAppWebhook.verifyHandshake(
                  "subscribe", "inmo-verifica-7Qz9", "1158201444", verifyToken))
          .contains("1158201444");
    }

    @Test
    void givenWrongToken_thenNoChallenge() {
      assertThat(
              WhatsAppWebhook.verifyHandshake(
                  "subscribe", "inmo-verifica-7Qz8", "1158201444", verifyToken))
          .isEmpty();
    }

    @Test
    void givenPrefixOfTheToken_thenNoChallenge() {
      assertThat(
              WhatsAppWebhook.verifyHandshake(
                  "subscribe", "inmo-verifica", "1158201444", verifyToken))
          .isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"unsubscribe", "SUBSCRIBE", ""})
    void givenOtherMode_thenNoChallenge(String mode) {
      assertThat(
              WhatsAppWebhook.verifyHandshake(
                  mode, "inmo-verifica-7Qz9", "1158201444", verifyToken))
          .isEmpty();
    }

    @Test
    void givenNoToken_thenNoChallenge() {
      assertThat(WhatsAppWebhook.verifyHandshake("subscribe", null, "1158201444", verifyToken))
          .isEmpty();
    }
  }

  @Nested
  class Signature {
    private final Secret appSecret = Secret.of("a1b2c3d4e5f6secretoDeLaApp");
    // computed outside Java: openssl dgst -sha256 -hmac a1b2c3d4e5f6secretoDeLaApp <file>
    private static final String ESCAPED_HEX =
        "4023b7c176223040bb6254a5bf0657b6cf0c7d2998a31877c331478eb8520019";
    private static final String UTF8_HEX =
        "10ff040fe6a4a9d89a28d3c471ce51cfd46102472235dd00480abcfa4555da10";

    @Test
    void givenSignatureOverBodyWithUnicodeEscapes_thenValid() {
      byte[] body = resource("signed-escaped.json");

      assertThat(WhatsAppWebhook.signatureValid(body, "sha256=" + ESCAPED_HEX, appSecret)).isTrue();
    }

    @Test
    void givenSignatureOverBodyWithLiteralUtf8_thenValid() {
      byte[] body = resource("signed-utf8.json");

      assertThat(WhatsAppWebhook.signatureValid(body, "sha256=" + UTF8_HEX, appSecret)).isTrue();
    }

    @Test
    void givenUppercaseHex_thenValid() {
      byte[] body = resource("signed-utf8.json");

      assertThat(
              WhatsAppWebhook.signatureValid(body, "sha256=" + UTF8_HEX.toUpperCase(), appSecret))
          .isTrue();
    }

    @Test
    void givenBodyReserialisedWithoutEscapes_thenInvalid() {
      // the same JSON value as signed-escaped.json, other bytes: proves the raw bytes are hashed
      byte[] body = resource("signed-utf8.json");

      assertThat(WhatsAppWebhook.signatureValid(body, "sha256=" + ESCAPED_HEX, appSecret))
          .isFalse();
    }

    @Test
    void givenOneByteTampered_thenInvalid() {
      byte[] body = resource("signed-utf8.json");
      int at = new String(body, UTF_8).indexOf("1767225600");
      body[at] = '2';

      assertThat(WhatsAppWebhook.signatureValid(body, "sha256=" + UTF8_HEX, appSecret)).isFalse();
    }

    @Test
    void givenOtherAppSecret_thenInvalid() {
      byte[] body = resource("signed-utf8.json");

      assertThat(
              WhatsAppWebhook.signatureValid(
                  body, "sha256=" + UTF8_HEX, Secret.of("otroSecretoDeOtraApp")))
          .isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
        strings = {
          "",
          "sha256=",
          UTF8_HEX, // no prefix
          "sha1=" + UTF8_HEX,
          "sha256=" + "10ff040fe6a4a9d89a28d3c471ce51cfd46102472235dd00480abcfa4555da1", // short
          "sha256=" + UTF8_HEX + "00", // long
          "sha256=" + "z0ff040fe6a4a9d89a28d3c471ce51cfd46102472235dd00480abcfa4555da10", // not hex
          "sha256= 10ff040fe6a4a9d89a28d3c471ce51cfd46102472235dd00480abcfa4555da10"
        })
    void givenMissingOrMalformedHeader_thenInvalid(String header) {
      byte[] body = resource("signed-utf8.json");

      assertThat(WhatsAppWebhook.signatureValid(body, header, appSecret)).isFalse();
    }

    @Test
    void givenNoBody_thenInvalid() {
      assertThat(WhatsAppWebhook.signatureValid(null, "sha256=" + UTF8_HEX, appSecret)).isFalse();
    }
  }

  @Nested
  class Messages {
    @Test
    void givenBatchOfThreeMessagesInTwoEntries_thenEveryMessageInOrder() {
      List<Notification> notifications = WhatsAppWebhook.parse(resource("batch-two-entries.json"));

      assertThat(notifications).hasSize(1);
      Notification notification = notifications.get(0);
      assertThat(notification.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
      assertThat(notification.statuses()).isEmpty();
      assertThat(notification.messages())
          .extracting(
              InboundChatMessage::provider,
              InboundChatMessage::channelUserId,
              InboundChatMessage::providerMessageId,
              InboundChatMessage::text,
              InboundChatMessage::senderName,
              InboundChatMessage::sentAt,
              InboundChatMessage::media)
          .containsExactly(
              tuple(
                  ChatProvider.WHATSAPP,
                  CAMILA,
                  "wamid.HBgLNTY5MTIzNDU2NzgVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                  "Hola, quiero arrendar un depto en Providencia",
                  "Camila Rojas",
                  Instant.parse("2026-01-01T00:00:00Z"),
                  false),
              tuple(
                  ChatProvider.WHATSAPP,
                  "56987654321",
                  "wamid.HBgLNTY5ODc2NTQzMjEVAgASGBQzQUIyMDQ1NkM3OEQ5MEUxRjIzNAA=",
                  "¿El de Ñuñoa acepta mascotas?",
                  "Jorge Muñoz",
                  Instant.parse("2026-01-01T00:01:00Z"),
                  false),
              tuple(
                  ChatProvider.WHATSAPP,
                  CAMILA,
                  "wamid.HBgLNTY5MTIzNDU2NzgVAgASGBQzQzc4OUQwMTJFMzQ1RjY3ODkwQQA=",
                  "Así es el living que busco",
                  "Camila Rojas",
                  Instant.parse("2026-01-01T00:02:00Z"),
                  true));
    }

    @Test
    void givenThreeMessagesInOneChange_thenAllThreeInOrder() {
      String payload =
          envelope(
              """
              "contacts":[{"profile":{"name":"Camila Rojas"},"wa_id":"56912345678"}],
              "messages":[%s,%s,%s]"""
                  .formatted(
                      text("wamid.A1", "Hola, quiero arrendar un depto en Providencia"),
                      text("wamid.A2", "Idealmente de 2 dormitorios"),
                      text("wamid.A3", "Presupuesto 600 mil")));

      List<InboundChatMessage> messages = onlyNotification(payload).messages();

      assertThat(messages)
          .extracting(InboundChatMessage::providerMessageId, InboundChatMessage::text)
          .containsExactly(
              tuple("wamid.A1", "Hola, quiero arrendar un depto en Providencia"),
              tuple("wamid.A2", "Idealmente de 2 dormitorios"),
              tuple("wamid.A3", "Presupuesto 600 mil"));
    }

    @Test
    void givenSenderWithoutContactEntry_thenNoSenderName() {
      String payload =
          envelope(
              """
              "contacts":[{"profile":{"name":"Camila Rojas"},"wa_id":"56912345678"}],
              "messages":[{"from":"56987654321","id":"wamid.B1","timestamp":"1767225600",
                           "type":"text","text":{"body":"Hola"}}]""");

      assertThat(onlyNotification(payload).messages())
          .singleElement()
          .extracting(InboundChatMessage::senderName)
          .isNull();
    }

    @Test
    void givenUsernameUserWithoutPhone_thenBusinessScopedIdIsTheSender() {
      String payload =
          envelope(
              """
              "contacts":[{"profile":{"name":"Camila Rojas","username":"camirojas"},
                           "user_id":"CL.13491208655302741918"}],
              "messages":[{"from_user_id":"CL.13491208655302741918","id":"wamid.C1",
                           "timestamp":"1767225600","type":"text","text":{"body":"Hola"}}]""");

      assertThat(onlyNotification(payload).messages())
          .singleElement()
          .extracting(InboundChatMessage::channelUserId, InboundChatMessage::senderName)
          .containsExactly("CL.13491208655302741918", "Camila Rojas");
    }

    static Stream<Arguments> nonTextMessages() {
      return Stream.of(
          Arguments.of(
              "image",
              """
              {"caption":"Foto del baño","mime_type":"image/jpeg","sha256":"x=","id":"111"}""",
              "Foto del baño"),
          Arguments.of("image", "{\"mime_type\":\"image/jpeg\",\"id\":\"112\"}", "[imagen]"),
          Arguments.of(
              "audio",
              "{\"mime_type\":\"audio/ogg; codecs=opus\",\"id\":\"113\",\"voice\":true}",
              "[audio]"),
          Arguments.of("video", "{\"mime_type\":\"video/mp4\",\"id\":\"114\"}", "[video]"),
          Arguments.of(
              "video",
              "{\"caption\":\"Recorrido por el depto\",\"mime_type\":\"video/mp4\",\"id\":\"115\"}",
              "Recorrido por el depto"),
          Arguments.of(
              "document",
              "{\"filename\":\"liquidaciones.pdf\",\"mime_type\":\"application/pdf\",\"id\":\"116\"}",
              "[documento]"),
          Arguments.of(
              "document",
              "{\"caption\":\"Mis liquidaciones de sueldo\",\"filename\":\"liq.pdf\",\"id\":\"117\"}",
              "Mis liquidaciones de sueldo"),
          Arguments.of("sticker", "{\"mime_type\":\"image/webp\",\"id\":\"118\"}", "[sticker]"),
          Arguments.of(
              "location",
              """
              {"latitude":-33.4263,"longitude":-70.6107,"name":"Costanera Center"}""",
              "[ubicación]"),
          Arguments.of(
              "contacts",
              "[{\"name\":{\"formatted_name\":\"Pedro Soto\"},\"phones\":[{\"phone\":\"+56 9 5555 1234\"}]}]",
              "[contacto]"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("nonTextMessages")
    void givenMediaLocationOrContact_thenCaptionOrSpanishPlaceholder(
        String type, String object, String expectedText) {
      String payload =
          envelope(
              """
              "messages":[{"from":"56912345678","id":"wamid.M1","timestamp":"1767225600",
                           "type":"%s","%s":%s}]"""
                  .formatted(type, type, object));

      assertThat(onlyNotification(payload).messages())
          .singleElement()
          .extracting(InboundChatMessage::text, InboundChatMessage::media)
          .containsExactly(expectedText, true);
    }

    static Stream<Arguments> replies() {
      return Stream.of(
          Arguments.of(
              """
              "type":"interactive","interactive":{"type":"button_reply",
                "button_reply":{"id":"visita_si","title":"Sí, quiero visitarlo"}}""",
              "Sí, quiero visitarlo"),
          Arguments.of(
              """
              "type":"interactive","interactive":{"type":"list_reply",
                "list_reply":{"id":"comuna_nunoa","title":"Ñuñoa","description":"Deptos en Ñuñoa"}}""",
              "Ñuñoa"),
          Arguments.of(
              """
              "type":"button","button":{"text":"Sí, llámenme","payload":"CALL_ME"}""",
              "Sí, llámenme"));
    }

    @ParameterizedTest
    @MethodSource("replies")
    void givenButtonOrListReply_thenItsTitle(String typeAndObject, String expectedText) {
      String payload =
          envelope(
              """
              "messages":[{"from":"56912345678","id":"wamid.R1","timestamp":"1767225600",%s}]"""
                  .formatted(typeAndObject));

      assertThat(onlyNotification(payload).messages())
          .singleElement()
          .extracting(InboundChatMessage::text, InboundChatMessage::media)
          .containsExactly(expectedText, false);
    }

    @Test
    void givenReactionUnsupportedAndSystemMessages_thenOnlyTheTextIsKept() {
      String payload =
          envelope(
              """
              "messages":[
                {"from":"56912345678","id":"wamid.S1","timestamp":"1767225600","type":"reaction",
                 "reaction":{"message_id":"wamid.HBgLNTY5MTIzNDU2NzgVAgARGBI1RjQy","emoji":"👍"}},
                {"from":"56912345678","id":"wamid.S2","timestamp":"1767225601","type":"unsupported",
                 "errors":[{"code":131051,"title":"Message type unknown"}]},
                {"from":"56912345678","id":"wamid.S3","timestamp":"1767225602","type":"text",
                 "text":{"body":"¿Sigue disponible?"}},
                {"from":"56912345678","id":"wamid.S4","timestamp":"1767225603","type":"system",
                 "system":{"body":"El usuario cambió su número","type":"user_changed_number"}}]""");

      assertThat(onlyNotification(payload).messages())
          .extracting(InboundChatMessage::providerMessageId)
          .containsExactly("wamid.S3");
    }

    @Test
    void givenTwoBusinessNumbers_thenOneNotificationEachInOrder() {
      String payload =
          """
          {"object":"whatsapp_business_account","entry":[
            {"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
              "metadata":{"phone_number_id":"222222222222222"},"messages":[%s]}}]},
            {"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
              "metadata":{"phone_number_id":"106540352242922"},"messages":[%s]}}]},
            {"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
              "metadata":{"phone_number_id":"222222222222222"},"messages":[%s]}}]}]}"""
              .formatted(
                  text("wamid.N1", "uno"), text("wamid.N2", "dos"), text("wamid.N3", "tres"));

      List<Notification> notifications = WhatsAppWebhook.parse(payload.getBytes(UTF_8));

      assertThat(notifications)
          .extracting(Notification::phoneNumberId)
          .containsExactly("222222222222222", PHONE_NUMBER_ID);
      assertThat(notifications.get(0).messages())
          .extracting(InboundChatMessage::providerMessageId)
          .containsExactly("wamid.N1", "wamid.N3");
      assertThat(notifications.get(1).messages())
          .extracting(InboundChatMessage::providerMessageId)
          .containsExactly("wamid.N2");
    }

    @Test
    void givenOnlyNonMessageFields_thenNothing() {
      String payload =
          """
          {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[
            {"field":"message_template_status_update",
             "value":{"event":"APPROVED","message_template_id":12345678,
                      "message_template_name":"visita_recordatorio","message_template_language":"es"}}]}]}""";

      assertThat(WhatsAppWebhook.parse(payload.getBytes(UTF_8))).isEmpty();
    }

    @Test
    void givenUnicodeEscapes_thenDecodedText() {
      assertThat(onlyNotification(new String(resource("signed-escaped.json"), UTF_8)).messages())
          .singleElement()
          .extracting(InboundChatMessage::text)
          .isEqualTo("¿Tiene estacionamiento? Busco en Ñuñoa");
    }
  }

  @Nested
  class Statuses {
    @Test
    void givenSentDeliveredReadAndFailed_thenReportsInOrderWithTheError() {
      Notification notification = WhatsAppWebhook.parse(resource("statuses.json")).get(0);

      assertThat(notification.phoneNumberId()).isEqualTo(PHONE_NUMBER_ID);
      assertThat(notification.messages()).isEmpty();
      assertThat(notification.statuses())
          .extracting(
              DeliveryReport::provider,
              DeliveryReport::providerMessageId,
              DeliveryReport::status,
              DeliveryReport::errorCode,
              DeliveryReport::errorDetail,
              DeliveryReport::at)
          .containsExactly(
              tuple(
                  ChatProvider.WHATSAPP,
                  "wamid.HBgLNTY5MTIzNDU2NzgVAgARGBI1RjQy",
                  DeliveryStatus.SENT,
                  null,
                  null,
                  Instant.ofEpochSecond(1767226000)),
              tuple(
                  ChatProvider.WHATSAPP,
                  "wamid.HBgLNTY5MTIzNDU2NzgVAgARGBI1RjQy",
                  DeliveryStatus.DELIVERED,
                  null,
                  null,
                  Instant.ofEpochSecond(1767226105)),
              tuple(
                  ChatProvider.WHATSAPP,
                  "wamid.HBgLNTY5MTIzNDU2NzgVAgARGBI1RjQy",
                  DeliveryStatus.READ,
                  null,
                  null,
                  Instant.ofEpochSecond(1767226150)),
              tuple(
                  ChatProvider.WHATSAPP,
                  "wamid.HBgLNTY5ODc2NTQzMjEVAgARGBI1RjQz",
                  DeliveryStatus.FAILED,
                  "131047",
                  "Re-engagement message: Message failed to send because more than 24 hours have"
                      + " passed since the customer last replied to this number.",
                  Instant.ofEpochSecond(1767226200)));
    }

    @Test
    void givenFailedWithoutErrors_thenFailedWithoutCode() {
      String payload =
          envelope(
              """
              "statuses":[{"id":"wamid.F1","status":"failed","timestamp":"1767226200",
                           "recipient_id":"56912345678"}]""");

      assertThat(onlyNotification(payload).statuses())
          .singleElement()
          .extracting(
              DeliveryReport::status, DeliveryReport::errorCode, DeliveryReport::errorDetail)
          .containsExactly(DeliveryStatus.FAILED, null, null);
    }

    @Test
    void givenMessagesAndStatusesInOneChange_thenBoth() {
      String payload =
          envelope(
              """
              "messages":[%s],
              "statuses":[{"id":"wamid.F2","status":"read","timestamp":"1767226200"}]"""
                  .formatted(text("wamid.T1", "Gracias, lo reviso")));

      Notification notification = onlyNotification(payload);

      assertThat(notification.messages())
          .extracting(InboundChatMessage::providerMessageId)
          .containsExactly("wamid.T1");
      assertThat(notification.statuses())
          .extracting(DeliveryReport::providerMessageId, DeliveryReport::status)
          .containsExactly(tuple("wamid.F2", DeliveryStatus.READ));
    }
  }

  @Nested
  class Malformed {
    static Stream<Arguments> malformedPayloads() {
      return Stream.of(
          Arguments.of("empty body", ""),
          Arguments.of("not JSON", "object=whatsapp_business_account"),
          Arguments.of("truncated JSON", "{\"object\":\"whatsapp_business_account\",\"entry\":["),
          Arguments.of("an array", "[]"),
          Arguments.of("other object", "{\"object\":\"page\",\"entry\":[]}"),
          Arguments.of("no entry", "{\"object\":\"whatsapp_business_account\"}"),
          Arguments.of(
              "entry not an array", "{\"object\":\"whatsapp_business_account\",\"entry\":{}}"),
          Arguments.of(
              "entry without changes",
              "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\"}]}"),
          Arguments.of(
              "no phone number id",
              """
              {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages",
                "value":{"messaging_product":"whatsapp","metadata":{},"messages":[]}}]}]}"""),
          Arguments.of("messages not an array", envelope("\"messages\":{\"id\":\"wamid.X\"}")),
          Arguments.of(
              "message without id",
              envelope(
                  """
                  "messages":[{"from":"56912345678","timestamp":"1767225600","type":"text",
                               "text":{"body":"Hola, quiero arrendar un depto en Providencia"}}]""")),
          Arguments.of(
              "message without from",
              envelope(
                  """
                  "messages":[{"id":"wamid.X","timestamp":"1767225600","type":"text",
                               "text":{"body":"Hola, quiero arrendar un depto en Providencia"}}]""")),
          Arguments.of(
              "message with empty from",
              envelope(
                  """
                  "messages":[{"from":"","id":"wamid.X","timestamp":"1767225600","type":"text",
                               "text":{"body":"Hola, quiero arrendar un depto en Providencia"}}]""")),
          Arguments.of(
              "timestamp not seconds",
              envelope(
                  """
                  "messages":[{"from":"56912345678","id":"wamid.X","timestamp":"ayer","type":"text",
                               "text":{"body":"Hola, quiero arrendar un depto en Providencia"}}]""")),
          Arguments.of(
              "text without body",
              envelope(
                  """
                  "messages":[{"from":"56912345678","id":"wamid.X","timestamp":"1767225600",
                               "type":"text","text":{}}]""")),
          Arguments.of(
              "status without id",
              envelope(
                  """
                  "statuses":[{"status":"delivered","timestamp":"1767226105"}]""")),
          Arguments.of(
              "status without timestamp",
              envelope(
                  """
                  "statuses":[{"id":"wamid.X","status":"read"}]""")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPayloads")
    void givenMalformedPayload_thenMalformedWebhookExceptionWithoutTheLeadsText(
        String why, String payload) {
      assertThatThrownBy(() -> WhatsAppWebhook.parse(payload.getBytes(UTF_8)))
          .isInstanceOf(MalformedWebhookException.class)
          .message()
          .doesNotContain("arrendar");
    }

    @Test
    void givenNoBody_thenMalformed() {
      assertThatThrownBy(() -> WhatsAppWebhook.parse(null))
          .isInstanceOf(MalformedWebhookException.class);
    }

    @Test
    void givenMessageWithoutId_thenTheMessageNamesItsPath() {
      String payload =
          envelope(
              "\"messages\":[%s,{\"from\":\"56912345678\",\"timestamp\":\"1767225600\",\"type\":\"text\",\"text\":{\"body\":\"Hola\"}}]"
                  .formatted(text("wamid.OK", "Hola")));

      assertThatThrownBy(() -> WhatsAppWebhook.parse(payload.getBytes(UTF_8)))
          .isInstanceOf(MalformedWebhookException.class)
          .hasMessage("entry[0].changes[0].value.messages[1].id is missing");
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** One entry with one {@code messages} change for our number; {@code value} adds its fields. */
  private static String envelope(String value) {
    return """
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[
          {"field":"messages","value":{"messaging_product":"whatsapp",
            "metadata":{"display_phone_number":"56229401234","phone_number_id":"106540352242922"},
            %s}}]}]}"""
        .formatted(value);
  }

  private static String text(String id, String body) {
    return """
        {"from":"56912345678","id":"%s","timestamp":"1767225600","type":"text","text":{"body":"%s"}}"""
        .formatted(id, body);
  }

  private static Notification onlyNotification(String payload) {
    List<Notification> notifications = WhatsAppWebhook.parse(payload.getBytes(UTF_8));
    assertThat(notifications).hasSize(1);
    return notifications.get(0);
  }

  private static byte[] resource(String name) {
    try (InputStream in = WhatsAppWebhookTest.class.getResourceAsStream("/whatsapp/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
