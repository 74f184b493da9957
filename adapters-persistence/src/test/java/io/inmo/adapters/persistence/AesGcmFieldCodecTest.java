package io.inmo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmFieldCodecTest {
  private static final byte[] KEY = new byte[32];
  private static final String CONTEXT =
      "leads.sensitive_metadata:01957a1e-0000-7000-8000-0000000000a1";
  private static final String INCOME = "{\"monthlyIncome\":2450000,\"dicomStatus\":\"has_debt\"}";

  static {
    Arrays.fill(KEY, (byte) 7);
  }

  private final AesGcmFieldCodec codec = new AesGcmFieldCodec(KEY);

  @Test
  void givenSensitiveValue_whenEncodedAndDecoded_thenSameTextNeverStoredInClear() {
    String stored = codec.encode(INCOME, CONTEXT);

    assertThat(stored).startsWith("enc:v1:").doesNotContain("2450000").doesNotContain("has_debt");
    assertThat(codec.decode(stored, CONTEXT)).isEqualTo(INCOME);
  }

  @Test
  void givenSameValueTwice_whenEncoded_thenDifferentCiphertexts() {
    assertThat(codec.encode(INCOME, CONTEXT)).isNotEqualTo(codec.encode(INCOME, CONTEXT));
  }

  @Test
  void givenCiphertextMovedToAnotherRow_whenDecoded_thenRejected() {
    String stored = codec.encode(INCOME, CONTEXT);

    assertThatThrownBy(
            () ->
                codec.decode(
                    stored, "leads.sensitive_metadata:01957a1e-0000-7000-8000-0000000000a2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("2450000");
  }

  @Test
  void givenOtherKeyOrTamperedValue_whenDecoded_thenRejected() {
    String stored = codec.encode(INCOME, CONTEXT);
    byte[] otherKey = KEY.clone();
    otherKey[0] = 8;
    byte[] raw = Base64.getDecoder().decode(stored.substring("enc:v1:".length()));
    raw[raw.length - 1] ^= 1;
    String tampered = "enc:v1:" + Base64.getEncoder().encodeToString(raw);

    assertThatThrownBy(() -> new AesGcmFieldCodec(otherKey).decode(stored, CONTEXT))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> codec.decode(tampered, CONTEXT))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> codec.decode("enc:v1:AAAA", CONTEXT))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenValueWrittenBeforeEncryption_whenDecoded_thenReadAsPlaintext() {
    assertThat(codec.decode(INCOME, CONTEXT)).isEqualTo(INCOME);
  }

  @Test
  void givenKeyOfWrongLength_whenConstructed_thenRejected() {
    assertThatThrownBy(() -> new AesGcmFieldCodec("corta".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }
}
