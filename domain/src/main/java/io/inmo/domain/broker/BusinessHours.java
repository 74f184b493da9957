package io.inmo.domain.broker;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A brokerage's weekly opening hours: per weekday a sorted list of non-overlapping {@link Range}s
 * in the broker's local time; a weekday without ranges is closed.
 */
public record BusinessHours(Map<DayOfWeek, List<Range>> days) {

  public BusinessHours {
    Objects.requireNonNull(days, "days must not be null");
    EnumMap<DayOfWeek, List<Range>> copy = new EnumMap<>(DayOfWeek.class);
    days.forEach(
        (day, ranges) -> {
          Objects.requireNonNull(day, "day must not be null");
          Objects.requireNonNull(ranges, "ranges of " + day + " must not be null");
          List<Range> sorted = new ArrayList<>(ranges);
          sorted.forEach(r -> Objects.requireNonNull(r, "range of " + day + " must not be null"));
          sorted.sort(Comparator.comparing(Range::start));
          for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
              throw new IllegalArgumentException(
                  "overlapping business hours on "
                      + day
                      + ": "
                      + sorted.get(i - 1)
                      + ", "
                      + sorted.get(i));
            }
          }
          if (!sorted.isEmpty()) {
            copy.put(day, List.copyOf(sorted));
          }
        });
    days = Collections.unmodifiableMap(copy);
  }

  /** Monday to Friday 09:00–19:00, Saturday 10:00–14:00, Sunday closed. */
  public static BusinessHours defaults() {
    Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
    Range weekday = Range.of("09:00", "19:00");
    for (DayOfWeek d :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      days.put(d, List.of(weekday));
    }
    days.put(DayOfWeek.SATURDAY, List.of(Range.of("10:00", "14:00")));
    return new BusinessHours(days);
  }

  /** Never open. */
  public static BusinessHours closed() {
    return new BusinessHours(Map.of());
  }

  /** The ranges of one weekday, sorted; empty when closed that day. */
  public List<Range> on(DayOfWeek day) {
    return days.getOrDefault(Objects.requireNonNull(day, "day"), List.of());
  }

  /** A copy with the given day's ranges replaced (an empty list closes the day). */
  public BusinessHours with(DayOfWeek day, List<Range> ranges) {
    Map<DayOfWeek, List<Range>> copy = new EnumMap<>(DayOfWeek.class);
    copy.putAll(days);
    copy.put(Objects.requireNonNull(day, "day"), ranges);
    return new BusinessHours(copy);
  }

  /**
   * Whether the brokerage is open at a wall-clock moment; the caller converts to the broker's zone
   * first (see {@link Broker#isOpenAt(java.time.Instant)}). Ranges include start, exclude end.
   */
  public boolean isOpen(ZonedDateTime at) {
    Objects.requireNonNull(at, "at");
    LocalTime time = at.toLocalTime();
    return on(at.getDayOfWeek()).stream().anyMatch(r -> r.contains(time));
  }

  /** An opening interval within one day: {@code start} inclusive, {@code end} exclusive. */
  public record Range(LocalTime start, LocalTime end) {
    public Range {
      Objects.requireNonNull(start, "start must not be null");
      Objects.requireNonNull(end, "end must not be null");
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException("start must be before end: " + start + "–" + end);
      }
    }

    /** Parses {@code HH:mm} times. */
    public static Range of(String start, String end) {
      return new Range(LocalTime.parse(start), LocalTime.parse(end));
    }

    public boolean contains(LocalTime time) {
      return !time.isBefore(start) && time.isBefore(end);
    }
  }
}
