package io.inmo.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredProfileFieldsTest {

  @Test
  void givenDefaults_whenNamePhoneLocationAndPropertyTypeKnown_thenSatisfied() {
    Set<LeadField> known =
        EnumSet.of(LeadField.NAME, LeadField.PHONE, LeadField.LOCATION, LeadField.PROPERTY_TYPE);

    assertThat(RequiredProfileFields.defaults().isSatisfiedBy(known::contains)).isTrue();
  }

  @Test
  void givenDefaults_whenNeitherBudgetNorPropertyTypeKnown_thenThatGroupMissing() {
    Set<LeadField> known = EnumSet.of(LeadField.NAME, LeadField.PHONE, LeadField.LOCATION);

    RequiredProfileFields required = RequiredProfileFields.defaults();

    assertThat(required.isSatisfiedBy(known::contains)).isFalse();
    assertThat(required.missing(known::contains))
        .containsExactly(EnumSet.of(LeadField.BUDGET, LeadField.PROPERTY_TYPE));
  }

  @Test
  void givenAllOf_whenCreated_thenOneGroupPerFieldWithoutDuplicates() {
    RequiredProfileFields required =
        RequiredProfileFields.allOf(LeadField.NAME, LeadField.MONTHLY_INCOME, LeadField.NAME);

    assertThat(required.groups())
        .containsExactly(Set.of(LeadField.NAME), Set.of(LeadField.MONTHLY_INCOME));
  }

  @Test
  void givenEmptyGroup_whenCreated_thenRejected() {
    assertThatThrownBy(() -> new RequiredProfileFields(List.of(Set.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
