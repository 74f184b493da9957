package io.inmo.adapters.rest.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.domain.shared.PhoneNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LibPhoneNumbersTest {
  private final LibPhoneNumbers phones = new LibPhoneNumbers();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "9 1234 5678|+56912345678",
        "+56 9 1234 5678|+56912345678",
        "56912345678|+56912345678",
        "+56912345678|+56912345678",
        "912345678|+56912345678",
        "(2) 2345 6789|+56223456789",
        "+56 2 2345 6789|+56223456789",
        "9-8765-4321|+56987654321",
        "+54 9 11 2345 6789|+5491123456789"
      })
  void givenChileanSpellings_whenParsed_thenSameE164(String written, String e164) {
    assertThat(phones.parse(written, "CL")).contains(new PhoneNumber(e164));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "hola", "9 1234", "+56 9 1234 5678 9999 1234", "", "   "})
  void givenNotAPhone_whenParsed_thenEmpty(String written) {
    assertThat(phones.parse(written, "CL")).isEmpty();
  }
}
