package io.inmo.adapters.chat.telegram;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.inmo.application.port.in.chat.InboundChatMessage;
import io.inmo.domain.conversation.ChatProvider;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Chat adapter (in): reads a Telegram webhook body, an {@code Update}, into the {@link
 * InboundChatMessage} the application handles. Only a new {@code message} a person wrote to the bot
 * in a private chat counts; edits ({@code edited_message}), button presses, membership changes and
 * every other update kind, messages from bots, group and channel messages, and content without text
 * or known media (polls, dice, service messages) give {@link Optional#empty()}. Unknown fields are
 * ignored, as new ones come with every Bot API release.
 */
public final class TelegramUpdates {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /**
   * Media fields and the text that stands for them when there is no caption, checked in order: an
   * animation also carries a {@code document}, a venue also carries a {@code location}.
   */
  private static final List<Map.Entry<String, String>> MEDIA =
      List.of(
          Map.entry("photo", "[foto]"),
          Map.entry("animation", "[video]"),
          Map.entry("video", "[video]"),
          Map.entry("video_note", "[video]"),
          Map.entry("voice", "[audio]"),
          Map.entry("audio", "[audio]"),
          Map.entry("document", "[documento]"),
          Map.entry("sticker", "[sticker]"),
          Map.entry("location", "[ubicación]"),
          Map.entry("contact", "[contacto]"));

  private TelegramUpdates() {}

  /**
   * Parses a raw webhook body.
   *
   * @throws MalformedUpdateException when the body is not one JSON object, has no integer {@code
   *     update_id}, or carries a message without chat id or date
   */
  public static Optional<InboundChatMessage> parse(byte[] body) {
    Objects.requireNonNull(body, "body");
    JsonNode update;
    try {
      update = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the body, i.e. what the lead wrote: keep only the position
      JsonLocation at = e.getLocation();
      throw new MalformedUpdateException(
          "the update is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw new MalformedUpdateException("the update could not be read");
    }
    return parse(update);
  }

  /**
   * Parses an already read update.
   *
   * @throws MalformedUpdateException as {@link #parse(byte[])}
   */
  public static Optional<InboundChatMessage> parse(JsonNode update) {
    if (update == null || !update.isObject()) {
      throw new MalformedUpdateException("the update is not a JSON object");
    }
    JsonNode updateId = update.get("update_id");
    if (updateId == null || !updateId.isIntegralNumber() || !updateId.canConvertToLong()) {
      throw new MalformedUpdateException("the update has no integer update_id");
    }
    JsonNode message = update.get("message");
    if (message == null || message.isNull()) {
      return Optional.empty(); // edited_message, callback_query, my_chat_member…: not a new message
    }
    if (!message.isObject()) {
      throw new MalformedUpdateException("the update's message is not an object");
    }
    JsonNode chat = message.path("chat");
    JsonNode chatId = chat.path("id");
    if (!chatId.isIntegralNumber() || !chatId.canConvertToLong()) {
      throw new MalformedUpdateException("the message has no integer chat.id");
    }
    JsonNode date = message.path("date");
    if (!date.isIntegralNumber() || !date.canConvertToLong()) {
      throw new MalformedUpdateException("the message has no integer date");
    }
    JsonNode from = message.path("from");
    if (!"private".equals(chat.path("type").asText()) || from.path("is_bot").asBoolean(false)) {
      return Optional.empty();
    }
    return content(message)
        .map(
            content ->
                new InboundChatMessage(
                    ChatProvider.TELEGRAM,
                    chatId.asText(),
                    updateId.asText(),
                    content.text(),
                    senderName(from),
                    Instant.ofEpochSecond(date.asLong()),
                    content.media()));
  }

  private static Optional<Content> content(JsonNode message) {
    JsonNode text = message.get("text");
    if (text != null && text.isTextual()) {
      return Optional.of(new Content(text.asText(), false));
    }
    JsonNode caption = message.get("caption");
    for (Map.Entry<String, String> media : MEDIA) {
      if (message.hasNonNull(media.getKey())) {
        boolean captioned = caption != null && caption.isTextual() && !caption.asText().isBlank();
        return Optional.of(new Content(captioned ? caption.asText() : media.getValue(), true));
      }
    }
    return Optional.empty();
  }

  private static String senderName(JsonNode from) {
    String name =
        (from.path("first_name").asText("") + " " + from.path("last_name").asText("")).strip();
    return name.isEmpty() ? null : name;
  }

  private record Content(String text, boolean media) {}
}
