package io.inmo.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LeadFieldTest {

  @Test
  void givenMultiWordField_whenApiValue_thenLowerSnakeCase() {
    assertThat(LeadField.MONTHLY_INCOME.apiValue()).isEqualTo("monthly_income");
    assertThat(LeadField.fromApiValue(" DICOM_status ")).isEqualTo(LeadField.DICOM_STATUS);
  }

  @ParameterizedTest
  @EnumSource(LeadField.class)
  void givenAnyField_whenRoundTripped_thenSameField(LeadField field) {
    assertThat(LeadField.fromApiValue(field.apiValue())).isEqualTo(field);
  }

  @Test
  void givenUnknownValue_whenParsed_thenRejected() {
    assertThatThrownBy(() -> LeadField.fromApiValue("rut"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenContactAndFactFields_whenAsked_thenOnlyNamePhoneEmailAreContact() {
    assertThat(LeadField.NAME.isContact()).isTrue();
    assertThat(LeadField.EMAIL.isContact()).isTrue();
    assertThat(LeadField.LOCATION.isContact()).isFalse();
  }
}
