package io.inmo.adapters.rest.lead;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import io.inmo.application.port.out.PhoneNumberPort;
import io.inmo.domain.shared.PhoneNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * Phone numbers with Google's libphonenumber: {@code 9 1234 5678}, {@code +56 9 1234 5678}, {@code
 * 56912345678} and {@code (2) 2345 6789} in region CL all come out in E.164.
 *
 * <p>A number is accepted when it has a possible length for its country, not only when it falls in
 * a range the library's metadata lists as allocated: the metadata lags behind the operators (it
 * rejects {@code +56 9 1234 5678}), and a CRM that refuses a customer's real number is worse than
 * one that keeps a typo.
 */
public final class LibPhoneNumbers implements PhoneNumberPort {
  private static final int MAX_INPUT = 40;

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

  @Override
  public Optional<PhoneNumber> parse(String text, String defaultRegion) {
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    if (text == null || text.isBlank() || text.length() > MAX_INPUT) {
      return Optional.empty();
    }
    try {
      var number = util.parse(text.strip(), defaultRegion);
      if (util.isPossibleNumberWithReason(number) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
        return Optional.empty();
      }
      return Optional.of(new PhoneNumber(util.format(number, PhoneNumberFormat.E164)));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
