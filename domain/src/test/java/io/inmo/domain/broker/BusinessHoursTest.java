package io.inmo.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.broker.BusinessHours.Range;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
  private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

  private static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SANTIAGO);
  }

  @Test
  void givenDefaults_whenRead_thenWeekdaysNineToSevenSaturdayTenToTwoSundayClosed() {
    BusinessHours hours = BusinessHours.defaults();

    assertThat(hours.on(DayOfWeek.MONDAY)).containsExactly(Range.of("09:00", "19:00"));
    assertThat(hours.on(DayOfWeek.FRIDAY)).containsExactly(Range.of("09:00", "19:00"));
    assertThat(hours.on(DayOfWeek.SATURDAY)).containsExactly(Range.of("10:00", "14:00"));
    assertThat(hours.on(DayOfWeek.SUNDAY)).isEmpty();
  }

  @Test
  void givenDefaults_whenCheckingMoments_thenStartInclusiveEndExclusive() {
    BusinessHours hours = BusinessHours.defaults();

    // 2025-03-10 is a Monday, 2025-03-15 a Saturday, 2025-03-16 a Sunday
    assertThat(hours.isOpen(at(2025, 3, 10, 9, 0))).isTrue();
    assertThat(hours.isOpen(at(2025, 3, 10, 8, 59))).isFalse();
    assertThat(hours.isOpen(at(2025, 3, 10, 19, 0))).isFalse();
    assertThat(hours.isOpen(at(2025, 3, 15, 13, 59))).isTrue();
    assertThat(hours.isOpen(at(2025, 3, 15, 14, 0))).isFalse();
    assertThat(hours.isOpen(at(2025, 3, 16, 11, 0))).isFalse();
  }

  @Test
  void givenUnsortedLunchBreak_whenCreated_thenSortedAndBothRangesOpen() {
    BusinessHours hours =
        new BusinessHours(
            Map.of(
                DayOfWeek.TUESDAY,
                List.of(Range.of("15:00", "18:00"), Range.of("09:00", "13:00"))));

    assertThat(hours.on(DayOfWeek.TUESDAY))
        .containsExactly(Range.of("09:00", "13:00"), Range.of("15:00", "18:00"));
    assertThat(hours.isOpen(at(2025, 3, 11, 14, 0))).isFalse();
    assertThat(hours.isOpen(at(2025, 3, 11, 16, 0))).isTrue();
  }

  @Test
  void givenOverlappingRanges_whenCreated_thenRejected() {
    Map<DayOfWeek, List<Range>> days =
        Map.of(DayOfWeek.MONDAY, List.of(Range.of("09:00", "13:00"), Range.of("12:30", "18:00")));

    assertThatThrownBy(() -> new BusinessHours(days))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlapping");
  }

  @Test
  void givenAdjacentRanges_whenCreated_thenAccepted() {
    BusinessHours hours =
        new BusinessHours(
            Map.of(
                DayOfWeek.MONDAY, List.of(Range.of("09:00", "13:00"), Range.of("13:00", "18:00"))));

    assertThat(hours.on(DayOfWeek.MONDAY)).hasSize(2);
  }

  @Test
  void givenEndNotAfterStart_whenRangeCreated_thenRejected() {
    assertThatThrownBy(() -> Range.of("18:00", "09:00"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Range(LocalTime.NOON, LocalTime.NOON))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenEmptyDay_whenCreated_thenEqualToDayOmitted() {
    BusinessHours withEmpty = BusinessHours.defaults().with(DayOfWeek.SATURDAY, List.of());

    assertThat(withEmpty.on(DayOfWeek.SATURDAY)).isEmpty();
    assertThat(withEmpty.days()).doesNotContainKey(DayOfWeek.SATURDAY);
    assertThat(BusinessHours.closed().isOpen(at(2025, 3, 10, 10, 0))).isFalse();
  }
}
