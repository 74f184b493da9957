package io.inmo.adapters.chat.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.application.port.in.chat.DeliveryReport;
import io.inmo.application.port.in.chat.InboundChatMessage;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.DeliveryStatus;
import io.inmo.domain.shared.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Chat adapter (in): the WhatsApp Cloud API webhook as pure functions, with no HTTP server — the
 * GET verification handshake (INTEGRATIONS §2.2), the {@code X-Hub-Signature-256} check over the
 * raw body (§2.3) and the reading of a notification into {@link InboundChatMessage}s and {@link
 * DeliveryReport}s (§2.4–2.5). The resource that serves the webhook checks the signature first,
 * then parses, then routes each {@link Notification} by its business number.
 */
public final class WhatsAppWebhook {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SIGNATURE_PREFIX = "sha256=";
  private static final int SHA256_HEX_LENGTH = 64;
  private static final String HMAC = "HmacSHA256";

  private WhatsAppWebhook() {}

  /**
   * What one webhook POST said about one business number: the messages leads sent it and the
   * delivery reports on messages it sent, each in the order of the payload.
   *
   * @param phoneNumberId {@code metadata.phone_number_id}: the broker's business number, so the
   *     caller can check it belongs to the broker before storing anything
   */
  public record Notification(
      String phoneNumberId, List<InboundChatMessage> messages, List<DeliveryReport> statuses) {
    public Notification {
      Objects.requireNonNull(phoneNumberId, "phoneNumberId");
      messages = List.copyOf(messages);
      statuses = List.copyOf(statuses);
    }
  }

  /**
   * Answers Meta's subscription check: the challenge to echo (as a plain-text 200) when {@code
   * hub.mode} is {@code subscribe} and {@code hub.verify_token} equals the expected token, else
   * empty (answer 403). The tokens are compared in constant time.
   */
  public static Optional<String> verifyHandshake(
      String mode, String verifyToken, String challenge, Secret expectedToken) {
    Objects.requireNonNull(expectedToken, "expectedToken");
    if (!"subscribe".equals(mode) || verifyToken == null || challenge == null) {
      return Optional.empty();
    }
    return sameText(verifyToken, expectedToken.reveal())
        ? Optional.of(challenge)
        : Optional.empty();
  }

  /**
   * Whether {@code header} ({@code X-Hub-Signature-256: sha256=<hex>}) is the HMAC-SHA256 of the
   * exact {@code rawBody} bytes under the app secret. Compares in constant time; false for a
   * missing or malformed header. Hash the bytes as received: a re-serialised body breaks the HMAC.
   */
  public static boolean signatureValid(byte[] rawBody, String header, Secret appSecret) {
    Objects.requireNonNull(appSecret, "appSecret");
    if (rawBody == null || header == null) {
      return false;
    }
    String value = header.strip();
    if (!value.regionMatches(true, 0, SIGNATURE_PREFIX, 0, SIGNATURE_PREFIX.length())
        || value.length() != SIGNATURE_PREFIX.length() + SHA256_HEX_LENGTH) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(value, SIGNATURE_PREFIX.length(), value.length());
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(hmacSha256(appSecret, rawBody), given);
  }

  /**
   * Reads a notification: every message and status of every {@code entry[]} → {@code changes[]}
   * with {@code field = messages}, grouped by business number in the order the numbers first appear
   * (one number per payload in practice). Changes of other fields are ignored; reactions,
   * unsupported, system and other non-conversational messages, and statuses other than sent,
   * delivered, read and failed, are skipped.
   *
   * <p>Message text: {@code text.body}; media (image, audio, video, document, sticker) its caption
   * or a Spanish placeholder ({@code [imagen]}, {@code [audio]}, {@code [video]}, {@code
   * [documento]}, {@code [sticker]}); {@code [ubicación]} and {@code [contacto]} for a shared
   * location or contact card; the title of an interactive or quick-reply button. {@code media} is
   * true for every message whose text is such a placeholder or caption.
   *
   * @throws MalformedWebhookException when the body is not JSON, not a {@code
   *     whatsapp_business_account} notification, or a change, message or status lacks what
   *     identifies it (phone number id; id, sender, timestamp)
   */
  public static List<Notification> parse(byte[] rawBody) {
    JsonNode root = readTree(rawBody);
    if (!root.isObject() || !"whatsapp_business_account".equals(root.path("object").asText())) {
      throw new MalformedWebhookException("not a whatsapp_business_account notification");
    }
    JsonNode entries = array(root, "entry", "");
    if (entries == null) {
      throw new MalformedWebhookException("entry is not an array");
    }
    Map<String, Batch> byNumber = new LinkedHashMap<>();
    for (int e = 0; e < entries.size(); e++) {
      String entryPath = "entry[" + e + "]";
      JsonNode changes = array(entries.get(e), "changes", entryPath);
      if (changes == null) {
        throw new MalformedWebhookException(entryPath + ".changes is not an array");
      }
      for (int c = 0; c < changes.size(); c++) {
        JsonNode change = changes.get(c);
        if (!"messages".equals(change.path("field").asText())) {
          continue; // account, template and other management updates
        }
        String path = entryPath + ".changes[" + c + "].value";
        JsonNode value = change.path("value");
        if (!value.isObject()) {
          throw new MalformedWebhookException(path + " is not an object");
        }
        String phoneNumberId = text(value.path("metadata"), "phone_number_id");
        if (phoneNumberId == null) {
          throw new MalformedWebhookException(path + ".metadata.phone_number_id is missing");
        }
        Batch batch = byNumber.computeIfAbsent(phoneNumberId, id -> new Batch());
        readMessages(value, path, batch.messages);
        readStatuses(value, path, batch.statuses);
      }
    }
    List<Notification> notifications = new ArrayList<>();
    byNumber.forEach(
        (number, batch) ->
            notifications.add(new Notification(number, batch.messages, batch.statuses)));
    return List.copyOf(notifications);
  }

  private static void readMessages(JsonNode value, String path, List<InboundChatMessage> out) {
    JsonNode messages = array(value, "messages", path);
    if (messages == null) {
      return;
    }
    Map<String, String> names = contactNames(value.path("contacts"));
    for (int m = 0; m < messages.size(); m++) {
      message(messages.get(m), path + ".messages[" + m + "]", names).ifPresent(out::add);
    }
  }

  private static Optional<InboundChatMessage> message(
      JsonNode message, String path, Map<String, String> names) {
    Content content = content(message, path);
    if (content == null) {
      return Optional.empty();
    }
    String id = required(message, "id", path);
    // since 2026 a user with a username may come with a business-scoped id only (§2.4 BSUID)
    String from = text(message, "from");
    if (from == null) {
      from = text(message, "from_user_id");
    }
    if (from == null) {
      throw new MalformedWebhookException(path + ".from is missing");
    }
    return Optional.of(
        new InboundChatMessage(
            ChatProvider.WHATSAPP,
            from,
            id,
            content.text(),
            names.get(from),
            timestamp(message, path),
            content.media()));
  }

  /** The text to store for a message, or null for a kind the conversation skips. */
  private static Content content(JsonNode message, String path) {
    String type = message.path("type").asText();
    return switch (type) {
      case "text" -> {
        String body = message.path("text").path("body").asText(null);
        if (body == null) {
          throw new MalformedWebhookException(path + ".text.body is missing");
        }
        yield new Content(body, false);
      }
      case "image" -> captionOr(message.path("image"), "[imagen]");
      case "audio" -> captionOr(message.path("audio"), "[audio]");
      case "video" -> captionOr(message.path("video"), "[video]");
      case "document" -> captionOr(message.path("document"), "[documento]");
      case "sticker" -> captionOr(message.path("sticker"), "[sticker]");
      case "location" -> new Content("[ubicación]", true);
      case "contacts" -> new Content("[contacto]", true);
      case "button" -> reply(text(message.path("button"), "text"));
      case "interactive" -> {
        JsonNode interactive = message.path("interactive");
        yield switch (interactive.path("type").asText()) {
          case "button_reply" -> reply(text(interactive.path("button_reply"), "title"));
          case "list_reply" -> reply(text(interactive.path("list_reply"), "title"));
          case "nfm_reply" -> reply(text(interactive.path("nfm_reply"), "body"));
          default -> null;
        };
      }
      default -> null; // reaction, unsupported, system, request_welcome, order, unknown
    };
  }

  private static Content captionOr(JsonNode media, String placeholder) {
    String caption = text(media, "caption");
    return new Content(caption == null ? placeholder : caption, true);
  }

  private static Content reply(String title) {
    return title == null ? null : new Content(title, false);
  }

  /** {@code contacts[]}: profile name by {@code wa_id} and by business-scoped {@code user_id}. */
  private static Map<String, String> contactNames(JsonNode contacts) {
    Map<String, String> names = new HashMap<>();
    for (JsonNode contact : contacts) {
      String name = text(contact.path("profile"), "name");
      if (name == null) {
        continue;
      }
      String waId = text(contact, "wa_id");
      if (waId != null) {
        names.put(waId, name);
      }
      String userId = text(contact, "user_id");
      if (userId != null) {
        names.putIfAbsent(userId, name);
      }
    }
    return names;
  }

  private static void readStatuses(JsonNode value, String path, List<DeliveryReport> out) {
    JsonNode statuses = array(value, "statuses", path);
    if (statuses == null) {
      return;
    }
    for (int s = 0; s < statuses.size(); s++) {
      status(statuses.get(s), path + ".statuses[" + s + "]").ifPresent(out::add);
    }
  }

  private static Optional<DeliveryReport> status(JsonNode status, String path) {
    String id = required(status, "id", path);
    DeliveryStatus delivery =
        switch (required(status, "status", path)) {
          case "sent" -> DeliveryStatus.SENT;
          case "delivered" -> DeliveryStatus.DELIVERED;
          case "read" -> DeliveryStatus.READ;
          case "failed" -> DeliveryStatus.FAILED;
          default -> null; // played (voice notes), deleted, future values
        };
    if (delivery == null) {
      return Optional.empty();
    }
    Instant at = timestamp(status, path);
    if (delivery != DeliveryStatus.FAILED) {
      return Optional.of(new DeliveryReport(ChatProvider.WHATSAPP, id, delivery, null, null, at));
    }
    JsonNode error = status.path("errors").path(0);
    String code = text(error, "code");
    return Optional.of(
        new DeliveryReport(ChatProvider.WHATSAPP, id, delivery, code, errorDetail(error), at));
  }

  /** {@code title} (or {@code message}) and {@code error_data.details}, e.g. "Re-engagement…". */
  private static String errorDetail(JsonNode error) {
    String title = text(error, "title");
    if (title == null) {
      title = text(error, "message");
    }
    String details = text(error.path("error_data"), "details");
    if (details == null || details.equals(title)) {
      return title;
    }
    return title == null ? details : title + ": " + details;
  }

  private static Instant timestamp(JsonNode node, String path) {
    JsonNode value = node.path("timestamp");
    try {
      // a string of Unix seconds on the wire; a number is accepted too
      long seconds = Long.parseLong(value.isValueNode() ? value.asText().strip() : "");
      if (seconds < 0) {
        throw new NumberFormatException("negative");
      }
      return Instant.ofEpochSecond(seconds);
    } catch (NumberFormatException e) {
      throw new MalformedWebhookException(path + ".timestamp is not Unix seconds");
    }
  }

  private static JsonNode readTree(byte[] rawBody) {
    if (rawBody == null || rawBody.length == 0) {
      throw new MalformedWebhookException("empty body");
    }
    try {
      JsonNode root = JSON.readTree(rawBody);
      if (root == null) {
        throw new MalformedWebhookException("empty body");
      }
      return root;
    } catch (IOException e) {
      throw new MalformedWebhookException("body is not JSON", e);
    }
  }

  /** The array at {@code field}: null when absent, malformed when present but not an array. */
  private static JsonNode array(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw new MalformedWebhookException(
          (path.isEmpty() ? "" : path + ".") + field + " is not an array");
    }
    return value;
  }

  private static String required(JsonNode node, String field, String path) {
    String value = text(node, field);
    if (value == null) {
      throw new MalformedWebhookException(path + "." + field + " is missing");
    }
    return value;
  }

  /** A non-blank scalar as text; null when absent, blank or not a scalar. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isBlank()
        ? value.asText()
        : null;
  }

  private static boolean sameText(String given, String expected) {
    // digests of equal length: the comparison leaks neither content nor length
    return MessageDigest.isEqual(sha256(given), sha256(expected));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] hmacSha256(Secret key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), HMAC));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  /** What a message contributes to the conversation. */
  private record Content(String text, boolean media) {}

  /** Messages and statuses of one business number, in payload order. */
  private static final class Batch {
    final List<InboundChatMessage> messages = new ArrayList<>();
    final List<DeliveryReport> statuses = new ArrayList<>();
  }
}
