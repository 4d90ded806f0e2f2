package dev.signet.codatum;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The value of a {@code [DATE, DATE]} notebook parameter: a start date and an end date. Like
 * Codatum's official mapper, it does not require the start to precede the end.
 */
public record DateRange(LocalDate start, LocalDate end) {

  public DateRange {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  public static DateRange of(LocalDate start, LocalDate end) {
    return new DateRange(start, end);
  }
}
