package dev.signet.codatum;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a notebook parameter that can also be reset to the notebook's default: present,
 * absent, or reset. Encoding writes a reset as Codatum's {@code _RESET_TO_DEFAULT_} marker;
 * decoding never gives one, since Codatum's official mapper drops reset parameters as it drops
 * absent ones.
 *
 * @param <T> the type of the value
 */
public final class ParamValue<T> {
  private static final ParamValue<?> ABSENT = new ParamValue<>(null, false);
  private static final ParamValue<?> RESET = new ParamValue<>(null, true);

  private final T value;
  private final boolean reset;

  private ParamValue(T value, boolean reset) {
    this.value = value;
    this.reset = reset;
  }

  /** A present value. */
  public static <T> ParamValue<T> of(T value) {
    return new ParamValue<>(Objects.requireNonNull(value, "value"), false);
  }

  /** No value: the parameter is left out. */
  @SuppressWarnings("unchecked")
  public static <T> ParamValue<T> absent() {
    return (ParamValue<T>) ABSENT;
  }

  /** Resets the parameter to the notebook's default. */
  @SuppressWarnings("unchecked")
  public static <T> ParamValue<T> resetToDefault() {
    return (ParamValue<T>) RESET;
  }

  /** The value of {@code optional}, or absent. */
  public static <T> ParamValue<T> ofOptional(Optional<T> optional) {
    return optional.map(ParamValue::of).orElseGet(ParamValue::absent);
  }

  public boolean isPresent() {
    return value != null;
  }

  public boolean isAbsent() {
    return value == null && !reset;
  }

  public boolean isResetToDefault() {
    return reset;
  }

  /** The value when present. */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /**
   * The value.
   *
   * @throws NoSuchElementException when there is none
   */
  public T get() {
    if (value == null) {
      throw new NoSuchElementException(reset ? "the value is reset to its default" : "no value");
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ParamValue<?> that
        && reset == that.reset
        && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return reset ? 1 : Objects.hashCode(value);
  }

  @Override
  public String toString() {
    if (reset) {
      return "ParamValue[reset to default]";
    }
    return value == null ? "ParamValue[absent]" : "ParamValue[" + value + "]";
  }
}
