package io.inmo.adapters.chat.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelegramWebhookSecretTest {
  private static final String SECRET = "t42_Jx9-aQ7bK1";

  @Test
  void givenSameSecret_whenMatched_thenTrue() {
    assertThat(TelegramWebhookSecret.matches(SECRET, "t42_Jx9-aQ7bK1")).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "t42_Jx9-aQ7bK1, t42_Jx9-aQ7bK2",
        "t42_Jx9-aQ7bK1, t42_Jx9-aQ7bK",
        "t42_Jx9-aQ7bK1, t42_Jx9-aQ7bK1x",
        "t42_Jx9-aQ7bK1, T42_JX9-AQ7BK1",
        "t42_Jx9-aQ7bK1, NULL",
        "t42_Jx9-aQ7bK1, ''",
        "t42_Jx9-aQ7bK1, '   '",
        "NULL, NULL",
        "'', ''",
        "'  ', '  '",
      })
  void givenOtherMissingOrBlankSecrets_whenMatched_thenFalse(String expected, String header) {
    assertThat(TelegramWebhookSecret.matches(expected, header)).isFalse();
  }

  @Test
  void givenHeaderName_thenTelegramsHeader() {
    assertThat(TelegramWebhookSecret.HEADER).isEqualTo("X-Telegram-Bot-Api-Secret-Token");
  }
}
