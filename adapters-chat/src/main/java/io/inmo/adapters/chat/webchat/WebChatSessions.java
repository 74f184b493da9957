package io.inmo.adapters.chat.webchat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Anonymous web-chat sessions: a visitor holds a random bearer token (256 bits); Inmo stores only
 * its SHA-256 digest as the conversation's channel user id, so the database alone cannot be used to
 * speak as a visitor.
 */
final class WebChatSessions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private WebChatSessions() {}

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code token} has the shape of one {@link #newToken} makes. */
  static boolean wellFormed(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  /** The channel user id of a session: {@code wc-} and the first 32 hex digits of its digest. */
  static String channelUserId(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return "wc-" + HexFormat.of().formatHex(digest).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
