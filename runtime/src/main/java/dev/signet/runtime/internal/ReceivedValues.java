package dev.signet.runtime.internal;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JsonParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads received parameter values back into Java values, for generated verifiers: text into
 * booleans and integers in the one form a signer writes, and values of {@link JsonParser}'s tree
 * into the declared types. Each refusal is an {@link InvalidParameterException} naming the
 * parameter.
 */
public final class ReceivedValues {
  /**
   * The most zeros that an exponent may add to a number's digits when it is written out in full,
   * before the digits ({@code 1e-10000}) or after them ({@code 1e10000}).
   */
  public static final int MAX_IMPLIED_ZEROS = 10_000;

  private ReceivedValues() {}

  /** {@code true} or {@code false}, nothing else. */
  public static boolean bool(String parameter, String text) {
    switch (text) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new InvalidParameterException(parameter, "must be true or false");
    }
  }

  /** A decimal integer as {@link Long#toString} writes it. */
  public static long longValue(String parameter, String text) {
    try {
      long value = Long.parseLong(text);
      if (Long.toString(value).equals(text)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Refused below.
    }
    throw new InvalidParameterException(
        parameter, "must be a whole number written without sign + or leading zeros");
  }

  /** As {@link #longValue}, within {@code int}'s range. */
  public static int intValue(String parameter, String text) {
    long value = longValue(parameter, text);
    if (value != (int) value) {
      throw new InvalidParameterException(parameter, "is out of range");
    }
    return (int) value;
  }

  /** {@code text} parsed as JSON. */
  public static Object json(String parameter, String text) {
    try {
      return JsonParser.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter, e.getMessage());
    }
  }

  public static String string(String parameter, Object json) {
    if (json instanceof String text) {
      return text;
    }
    throw new InvalidParameterException(parameter, "expected a JSON string, not " + kind(json));
  }

  public static boolean bool(String parameter, Object json) {
    if (json instanceof Boolean value) {
      return value;
    }
    throw new InvalidParameterException(parameter, "expected true or false, not " + kind(json));
  }

  /**
   * A JSON number, refused when its exponent would add more than {@link #MAX_IMPLIED_ZEROS} zeros
   * to its digits: written out in full, as {@link #bigInteger} and the writers of {@code
   * BigDecimal} values do, the dozen characters of {@code 1e999999999} take minutes and gigabytes,
   * and a verifier reads values before it checks the signature.
   */
  public static BigDecimal number(String parameter, Object json) {
    if (json instanceof BigDecimal value) {
      long trailingZeros = -(long) value.scale();
      long leadingZeros = (long) value.scale() - value.precision();
      if (trailingZeros > MAX_IMPLIED_ZEROS || leadingZeros > MAX_IMPLIED_ZEROS) {
        throw new InvalidParameterException(parameter, "the number is out of range");
      }
      return value;
    }
    throw new InvalidParameterException(parameter, "expected a JSON number, not " + kind(json));
  }

  public static long longValue(String parameter, Object json) {
    try {
      return number(parameter, json).longValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidParameterException(parameter, "expected a whole number within range");
    }
  }

  public static int intValue(String parameter, Object json) {
    try {
      return number(parameter, json).intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidParameterException(parameter, "expected a whole number within range");
    }
  }

  public static double doubleValue(String parameter, Object json) {
    double value = number(parameter, json).doubleValue();
    if (Double.isInfinite(value)) {
      throw new InvalidParameterException(parameter, "the number is out of range");
    }
    return value;
  }

  public static BigInteger bigInteger(String parameter, Object json) {
    try {
      return number(parameter, json).toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new InvalidParameterException(parameter, "expected a whole number");
    }
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(String parameter, Object json) {
    if (json instanceof List<?>) {
      return (List<Object>) json;
    }
    throw new InvalidParameterException(parameter, "expected a JSON array, not " + kind(json));
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(String parameter, Object json) {
    if (json instanceof Map<?, ?>) {
      return (Map<String, Object>) json;
    }
    throw new InvalidParameterException(parameter, "expected a JSON object, not " + kind(json));
  }

  /** A JSON array read element by element. */
  public static <E> List<E> list(String parameter, Object json, Function<Object, E> element) {
    List<E> elements = new ArrayList<>();
    for (Object value : list(parameter, json)) {
      elements.add(element.apply(value));
    }
    return Collections.unmodifiableList(elements);
  }

  /** A JSON object read member by member, in the object's order. */
  public static <K, V> Map<K, V> map(
      String parameter, Object json, Function<String, K> key, Function<Object, V> value) {
    Map<K, V> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Object> member : object(parameter, json).entrySet()) {
      entries.put(key.apply(member.getKey()), value.apply(member.getValue()));
    }
    return Collections.unmodifiableMap(entries);
  }

  /**
   * Refuses members of {@code object} that {@code known} does not name, so that an object carries
   * nothing its type would drop.
   */
  public static void onlyMembers(String parameter, Map<String, Object> object, List<String> known) {
    for (String member : object.keySet()) {
      if (!known.contains(member)) {
        throw new InvalidParameterException(parameter, "has the unknown member \"" + member + "\"");
      }
    }
  }

  /**
   * Refuses a received text that differs from the text the request writes for the value read from
   * it: a signer writes one form of each value, and anything else was not signed by one.
   */
  public static void requireWrittenAs(String parameter, String written, String received) {
    if (written == null ? received == null : written.equals(received)) {
      return;
    }
    throw new InvalidParameterException(
        parameter,
        received != null && received.isEmpty()
            ? "is empty; an absent value is left out of the URL"
            : "is not written the way this request writes it (expected: " + written + ")");
  }

  /** A constant's wire value that matched none. */
  public static InvalidParameterException unknownConstant(
      String parameter, List<String> wireValues) {
    return new InvalidParameterException(
        parameter, "must be one of " + String.join(", ", wireValues));
  }

  private static String kind(Object json) {
    if (json == null) {
      return "null";
    }
    if (json instanceof String) {
      return "a string";
    }
    if (json instanceof Boolean) {
      return "a boolean";
    }
    if (json instanceof BigDecimal) {
      return "a number";
    }
    return json instanceof List<?> ? "an array" : "an object";
  }
}
