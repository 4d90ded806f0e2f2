package dev.signet.codatum;

import dev.signet.codatum.NotebookParamException.Kind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The conversions between the typed components of {@code @NotebookParams} records and the plain
 * values of {@link NotebookParamMapper}, which generated classes call. Decoding conversions take
 * values the mapper has already checked against the datatype, and refuse, with {@code
 * INVALID_PARAM_VALUE}, what the Java type cannot hold: a date that is not in the calendar, a
 * number that is not a whole {@code int} or {@code long}.
 */
public final class NotebookParamTypes {
  /** The largest integer up to which every integer is a JavaScript number: 2^53 - 1. */
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private NotebookParamTypes() {}

  // ---- encoding: record component to mapper value

  /** Puts {@code value}, when present, under {@code key}. */
  public static <T> void putOptional(Map<String, Object> values, String key, Optional<T> value) {
    putOptional(values, key, value, Function.identity());
  }

  /** Puts {@code value} converted by {@code toValue}, when present, under {@code key}. */
  public static <T> void putOptional(
      Map<String, Object> values, String key, Optional<T> value, Function<? super T, ?> toValue) {
    if (value != null && value.isPresent()) {
      values.put(key, toValue.apply(value.get()));
    }
  }

  /** Puts {@code value}, when present or reset, under {@code key}. */
  public static <T> void putParamValue(
      Map<String, Object> values, String key, ParamValue<T> value) {
    putParamValue(values, key, value, Function.identity());
  }

  /**
   * Puts {@code value} converted by {@code toValue}, or the reset marker, under {@code key}; an
   * absent value puts nothing.
   */
  public static <T> void putParamValue(
      Map<String, Object> values, String key, ParamValue<T> value, Function<? super T, ?> toValue) {
    if (value == null || value.isAbsent()) {
      return;
    }
    values.put(
        key,
        value.isResetToDefault()
            ? NotebookParamMapper.RESET_TO_DEFAULT
            : toValue.apply(value.get()));
  }

  /** A {@code DATE}'s text: {@code YYYY-MM-DD}. */
  public static String date(LocalDate date) {
    return date.toString();
  }

  /** A {@code [DATE, DATE]}'s value: the two dates' texts. */
  public static List<String> dateRange(DateRange range) {
    return List.of(date(range.start()), date(range.end()));
  }

  /**
   * A {@code long} as a {@code NUMBER}, refusing one beyond ±(2^53 - 1), which a JavaScript number
   * cannot hold exactly.
   */
  public static Long wholeNumber(String key, String paramId, long value) {
    if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
      throw invalid(
          key,
          paramId,
          "must be within ±(2^53 - 1), which a JavaScript number holds exactly, not " + value);
    }
    return value;
  }

  // ---- decoding: mapper value to record component

  public static String string(Object value) {
    return (String) value;
  }

  public static boolean bool(Object value) {
    return (Boolean) value;
  }

  public static double number(Object value) {
    return (Double) value;
  }

  @SuppressWarnings("unchecked")
  public static List<String> strings(Object value) {
    return (List<String>) value;
  }

  /** A {@code NUMBER} as an {@code int}, refusing a fraction or a number out of range. */
  public static int intNumber(String key, String paramId, Object value) {
    double number = (Double) value;
    if (number != Math.rint(number) || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
      throw invalid(
          key,
          paramId,
          "must be a whole number that fits an int, not "
              + NotebookParamMapper.javaScriptNumber(number));
    }
    return (int) number;
  }

  /** A {@code NUMBER} as a {@code long}, refusing a fraction or a number out of range. */
  public static long longNumber(String key, String paramId, Object value) {
    double number = (Double) value;
    if (number != Math.rint(number) || Math.abs(number) > MAX_SAFE_INTEGER) {
      throw invalid(
          key,
          paramId,
          "must be a whole number within ±(2^53 - 1), not "
              + NotebookParamMapper.javaScriptNumber(number));
    }
    return (long) number;
  }

  /** A {@code DATE} as a {@code LocalDate}, refusing text that is no day of the calendar. */
  public static LocalDate localDate(String key, String paramId, Object value) {
    String text = (String) value;
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(key, paramId, "must be a day of the calendar, not " + text);
    }
  }

  /**
   * A {@code [DATE, DATE]} as a {@link DateRange}, refusing text that is no day of the calendar.
   */
  public static DateRange dateRange(String key, String paramId, Object value) {
    List<String> texts = strings(value);
    return DateRange.of(
        localDate(key, paramId, texts.get(0)), localDate(key, paramId, texts.get(1)));
  }

  private static NotebookParamException invalid(String key, String paramId, String problem) {
    return new NotebookParamException(Kind.INVALID_PARAM_VALUE, key, paramId, problem);
  }
}
