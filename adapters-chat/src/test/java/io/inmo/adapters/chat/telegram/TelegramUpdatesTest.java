package io.inmo.adapters.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.application.port.in.chat.InboundChatMessage;
import io.inmo.domain.conversation.ChatProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramUpdatesTest {
  private static final String LUCIA_FROM =
      "\"from\":{\"id\":5123456789,\"is_bot\":false,\"first_name\":\"Lucía\"}";
  private static final String LUCIA_CHAT =
      "\"chat\":{\"id\":5123456789,\"type\":\"private\",\"first_name\":\"Lucía\"}";

  @Test
  void givenTextMessage_whenParsed_thenMessageFromThePrivateChat() {
    String update =
        """
        {"update_id":912345678,
         "message":{"message_id":1021,
          "from":{"id":5123456789,"is_bot":false,"first_name":"Lucía","last_name":"Gómez","username":"luciag","language_code":"es"},
          "chat":{"id":5123456789,"first_name":"Lucía","last_name":"Gómez","username":"luciag","type":"private"},
          "date":1767225600,
          "text":"Hola, busco depto en Ñuñoa hasta 4.000 UF"}}
        """;

    assertThat(parse(update))
        .contains(
            new InboundChatMessage(
                ChatProvider.TELEGRAM,
                "5123456789",
                "912345678",
                "Hola, busco depto en Ñuñoa hasta 4.000 UF",
                "Lucía Gómez",
                Instant.parse("2026-01-01T00:00:00Z"),
                false));
  }

  @Test
  void givenStartCommandWithDeepLink_whenParsed_thenTextKeptAsWritten() {
    String update =
        """
        {"update_id":912345679,"message":{"message_id":1,"from":{"id":5123456789,"is_bot":false,"first_name":"Lucía"},"chat":{"id":5123456789,"first_name":"Lucía","type":"private"},"date":1767225500,"text":"/start lead_8842","entities":[{"offset":0,"length":6,"type":"bot_command"}]}}
        """;

    InboundChatMessage message = parse(update).orElseThrow();

    assertThat(message.text()).isEqualTo("/start lead_8842");
    assertThat(message.senderName()).isEqualTo("Lucía");
    assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1767225500));
  }

  @Test
  void givenPhotoWithCaption_whenParsed_thenCaptionIsTheTextAndMediaFlagged() {
    String update =
        """
        {"update_id":912345682,"message":{"message_id":1023,"from":{"id":5123456789,"is_bot":false,"first_name":"Lucía"},"chat":{"id":5123456789,"type":"private","first_name":"Lucía"},"date":1767225800,
         "photo":[{"file_id":"AgACAgQAAxkBAAIC_s","file_unique_id":"AQADs","width":90,"height":67,"file_size":1288},
                  {"file_id":"AgACAgQAAxkBAAIC_m","file_unique_id":"AQADm","width":1280,"height":960,"file_size":98211}],
         "caption":"Así está la cocina"}}
        """;

    InboundChatMessage message = parse(update).orElseThrow();

    assertThat(message.text()).isEqualTo("Así está la cocina");
    assertThat(message.media()).isTrue();
    assertThat(message.providerMessageId()).isEqualTo("912345682");
  }

  @Test
  void givenVoiceNote_whenParsed_thenAudioPlaceholder() {
    String update =
        """
        {"update_id":912345681,"message":{"message_id":1022,"from":{"id":5123456789,"is_bot":false,"first_name":"Lucía"},"chat":{"id":5123456789,"type":"private","first_name":"Lucía"},"date":1767225700,
         "voice":{"file_id":"AwACAgQAAxkBAAIB","file_unique_id":"AgADxx","duration":7,"mime_type":"audio/ogg","file_size":24031}}}
        """;

    InboundChatMessage message = parse(update).orElseThrow();

    assertThat(message.text()).isEqualTo("[audio]");
    assertThat(message.media()).isTrue();
  }

  @Test
  void givenContact_whenParsed_thenContactPlaceholder() {
    String update =
        """
        {"update_id":912345683,"message":{"message_id":1024,"from":{"id":5123456789,"is_bot":false,"first_name":"Lucía"},"chat":{"id":5123456789,"type":"private","first_name":"Lucía"},"date":1767225900,
         "contact":{"phone_number":"+56987654321","first_name":"Lucía","last_name":"Gómez","user_id":5123456789}}}
        """;

    assertThat(parse(update).orElseThrow().text()).isEqualTo("[contacto]");
  }

  @Test
  void givenLocation_whenParsed_thenLocationPlaceholder() {
    String update =
        """
        {"update_id":912345684,"message":{"message_id":1025,"from":{"id":5123456789,"is_bot":false,"first_name":"Lucía"},"chat":{"id":5123456789,"type":"private","first_name":"Lucía"},"date":1767226000,
         "location":{"latitude":-33.4569,"longitude":-70.5977}}}
        """;

    InboundChatMessage message = parse(update).orElseThrow();

    assertThat(message.text()).isEqualTo("[ubicación]");
    assertThat(message.media()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"photo\":[{\"file_id\":\"AgAC\",\"width\":90,\"height\":67}]                 | [foto]",
        "\"document\":{\"file_id\":\"BQAC\",\"file_name\":\"liquidaciones.pdf\"}         | [documento]",
        "\"audio\":{\"file_id\":\"CQAC\",\"duration\":95}                               | [audio]",
        "\"video\":{\"file_id\":\"BAAC\",\"width\":1280,\"height\":720,\"duration\":40}  | [video]",
        "\"video_note\":{\"file_id\":\"DQAC\",\"length\":240,\"duration\":9}            | [video]",
        "\"animation\":{\"file_id\":\"CgAC\"},\"document\":{\"file_id\":\"CgAC\"}       | [video]",
        "\"sticker\":{\"file_id\":\"CAAC\",\"emoji\":\"🏠\",\"type\":\"regular\"}        | [sticker]",
        "\"venue\":{\"title\":\"Plaza Ñuñoa\"},\"location\":{\"latitude\":-33.45,\"longitude\":-70.6} | [ubicación]",
        "\"document\":{\"file_id\":\"BQAC\"},\"caption\":\"  \"                           | [documento]",
      })
  void givenMediaWithoutCaption_whenParsed_thenSpanishPlaceholder(String media, String expected) {
    String update =
        "{\"update_id\":912345690,\"message\":{\"message_id\":1030,"
            + LUCIA_FROM
            + ","
            + LUCIA_CHAT
            + ",\"date\":1767226100,"
            + media
            + "}}";

    InboundChatMessage message = parse(update).orElseThrow();

    assertThat(message.text()).isEqualTo(expected);
    assertThat(message.media()).isTrue();
  }

  @Test
  void givenDocumentWithCaption_whenParsed_thenCaption() {
    String update =
        "{\"update_id\":912345691,\"message\":{\"message_id\":1031,"
            + LUCIA_FROM
            + ","
            + LUCIA_CHAT
            + ",\"date\":1767226200,\"document\":{\"file_id\":\"BQAC\",\"file_name\":\"pie.pdf\"},"
            + "\"caption\":\"Te mando mi pre-aprobación del crédito hipotecario\"}}";

    assertThat(parse(update).orElseThrow().text())
        .isEqualTo("Te mando mi pre-aprobación del crédito hipotecario");
  }

  @Test
  void givenEditedMessage_whenParsed_thenIgnored() {
    String update =
        """
        {"update_id":912345680,
         "edited_message":{"message_id":1021,"from":{"id":5123456789,"is_bot":false,"first_name":"Lucía"},
          "chat":{"id":5123456789,"first_name":"Lucía","type":"private"},
          "date":1767225600,"edit_date":1767225655,
          "text":"Hola, busco depto en Ñuñoa hasta 4.500 UF"}}
        """;

    assertThat(parse(update)).isEmpty();
  }

  @Test
  void givenGroupMessage_whenParsed_thenIgnored() {
    String update =
        """
        {"update_id":912345692,"message":{"message_id":88,
          "from":{"id":5123456789,"is_bot":false,"first_name":"Lucía"},
          "chat":{"id":-1001987654321,"title":"Corredores Ñuñoa","type":"supergroup"},
          "date":1767226300,"text":"¿Alguien tiene deptos en Ñuñoa?"}}
        """;

    assertThat(parse(update)).isEmpty();
  }

  @Test
  void givenMessageFromABot_whenParsed_thenIgnored() {
    String update =
        """
        {"update_id":912345693,"message":{"message_id":89,
          "from":{"id":7000000009,"is_bot":true,"first_name":"Spam Bot"},
          "chat":{"id":7000000009,"first_name":"Spam Bot","type":"private"},
          "date":1767226400,"text":"Gana dinero fácil"}}
        """;

    assertThat(parse(update)).isEmpty();
  }

  @Test
  void givenCallbackQuery_whenParsed_thenIgnored() {
    String update =
        """
        {"update_id":912345694,"callback_query":{"id":"4382bfdwdsb323b2d9",
          "from":{"id":5123456789,"is_bot":false,"first_name":"Lucía"},
          "message":{"message_id":1026,"chat":{"id":5123456789,"type":"private"},"date":1767226100,"text":"¿Jueves 18:00?"},
          "chat_instance":"-7436258712940","data":"visita:si"}}
        """;

    assertThat(parse(update)).isEmpty();
  }

  @Test
  void givenBotBlockedByUser_whenParsed_thenIgnored() {
    String update =
        """
        {"update_id":912345695,"my_chat_member":{"chat":{"id":5123456789,"type":"private","first_name":"Lucía"},
          "from":{"id":5123456789,"is_bot":false,"first_name":"Lucía"},"date":1767226500,
          "old_chat_member":{"user":{"id":7000000001,"is_bot":true,"first_name":"CRM Bot"},"status":"member"},
          "new_chat_member":{"user":{"id":7000000001,"is_bot":true,"first_name":"CRM Bot"},"status":"kicked","until_date":0}}}
        """;

    assertThat(parse(update)).isEmpty();
  }

  @Test
  void givenPollMessage_whenParsed_thenIgnoredAsUnsupportedContent() {
    String update =
        "{\"update_id\":912345696,\"message\":{\"message_id\":1032,"
            + LUCIA_FROM
            + ","
            + LUCIA_CHAT
            + ",\"date\":1767226600,\"dice\":{\"emoji\":\"🎲\",\"value\":4}}}";

    assertThat(parse(update)).isEmpty();
  }

  @Test
  void givenUnknownFieldsAndNoLastName_whenParsed_thenStillParsed() {
    String update =
        "{\"update_id\":912345697,\"future_field\":{\"x\":1},\"message\":{\"message_id\":1033,"
            + LUCIA_FROM
            + ","
            + LUCIA_CHAT
            + ",\"date\":1767226700,\"text\":\"¿Aceptan mascotas?\",\"guest_flag\":true}}";

    InboundChatMessage message = parse(update).orElseThrow();

    assertThat(message.text()).isEqualTo("¿Aceptan mascotas?");
    assertThat(message.senderName()).isEqualTo("Lucía");
  }

  @Test
  void givenMessageWithoutSender_whenParsed_thenNoSenderName() {
    String update =
        "{\"update_id\":912345698,\"message\":{\"message_id\":1034,"
            + LUCIA_CHAT
            + ",\"date\":1767226800,\"text\":\"Hola\"}}";

    assertThat(parse(update).orElseThrow().senderName()).isNull();
  }

  @Test
  void givenAlreadyReadJsonNode_whenParsed_thenSameAsFromBytes() throws Exception {
    String update =
        "{\"update_id\":912345699,\"message\":{\"message_id\":1035,"
            + LUCIA_FROM
            + ","
            + LUCIA_CHAT
            + ",\"date\":1767226900,\"text\":\"¿Tiene estacionamiento?\"}}";

    assertThat(TelegramUpdates.parse(new ObjectMapper().readTree(update))).isEqualTo(parse(update));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Hola, busco depto en Ñuñoa",
        "{\"update_id\":912345678,\"message\":{\"text\":\"Hola\"",
        "{\"update_id\":1} {\"update_id\":2}",
        "[{\"update_id\":912345678}]",
        "{\"message\":{\"message_id\":1,\"chat\":{\"id\":1,\"type\":\"private\"},\"date\":1,\"text\":\"Hola\"}}",
        "{\"update_id\":\"912345678\",\"message\":{}}",
        "{\"update_id\":9.5}",
        "{\"update_id\":912345678,\"message\":\"Hola\"}",
        "{\"update_id\":912345678,\"message\":{\"date\":1767225600,\"text\":\"Hola\"}}",
        "{\"update_id\":912345678,\"message\":{\"chat\":{\"id\":5123456789,\"type\":\"private\"},\"text\":\"Hola\"}}"
      })
  void givenMalformedUpdate_whenParsed_thenMalformedUpdateException(String body) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(MalformedUpdateException.class)
        .message()
        .doesNotContain("Hola")
        .doesNotContain("Ñuñoa");
  }

  @Test
  void givenNullNode_whenParsed_thenMalformedUpdateException() {
    assertThatThrownBy(() -> TelegramUpdates.parse((com.fasterxml.jackson.databind.JsonNode) null))
        .isInstanceOf(MalformedUpdateException.class);
  }

  private static Optional<InboundChatMessage> parse(String body) {
    return TelegramUpdates.parse(body.getBytes(StandardCharsets.UTF_8));
  }
}
