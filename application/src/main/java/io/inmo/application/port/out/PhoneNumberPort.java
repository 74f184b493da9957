package io.inmo.application.port.out;

import io.inmo.domain.shared.PhoneNumber;
import java.util.Optional;

/**
 * Outbound port: reads a phone number as people write it ({@code 9 1234 5678}, {@code +56 9 1234
 * 5678}, {@code 56912345678}) into E.164. Number plans are data, kept by a library in an adapter.
 */
public interface PhoneNumberPort {

  /**
   * The number in E.164, reading numbers without a country code as numbers of {@code defaultRegion}
   * (ISO 3166 alpha-2, e.g. {@code CL}); empty when the text is not a valid number.
   */
  Optional<PhoneNumber> parse(String text, String defaultRegion);
}
