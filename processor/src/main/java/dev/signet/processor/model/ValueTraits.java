package dev.signet.processor.model;

import java.util.Optional;

/**
 * Where a property's value comes from and what bounds it, beside how its kind writes it: shared by
 * every kind that reads {@code @Constant}, {@code @Timestamp}, {@code @Spread}, {@code @Range} and
 * a {@code default} method as the value's default.
 *
 * @param constant the value the vendor fixes, which no caller passes
 * @param timestamp whether the value is the request's time in seconds since the epoch, taken from
 *     the builder's clock when none is given
 * @param spreadPrefix for a map spread into properties named at run time, what precedes each key
 * @param range the whole numbers the value may take
 * @param defaulted whether the accessor is a {@code default} method, whose result is the value when
 *     the caller gives none
 */
public record ValueTraits(
    Optional<String> constant,
    boolean timestamp,
    Optional<String> spreadPrefix,
    Optional<LongRange> range,
    boolean defaulted) {

  /** The traits of a property that has none: a value the caller gives, unbounded. */
  public static final ValueTraits NONE =
      new ValueTraits(Optional.empty(), false, Optional.empty(), Optional.empty(), false);

  /** Whether the caller never has to give the value. */
  public boolean filledIn() {
    return constant.isPresent() || timestamp || defaulted;
  }

  /** Whether the builder has no setter for it. */
  public boolean fixed() {
    return constant.isPresent();
  }

  /** The least and greatest values allowed, both included. */
  public record LongRange(long min, long max) {}
}
