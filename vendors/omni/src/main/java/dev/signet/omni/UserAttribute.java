package dev.signet.omni;

import dev.signet.runtime.Json;
import dev.signet.runtime.JsonWritable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The value of one of Omni's user attributes: a string, a number, or a list of strings and numbers.
 * Its JSON text is fixed when it is made.
 */
public final class UserAttribute implements JsonWritable {
  private static final long MAX_EXACT_INTEGER = 1L << 53;

  private final String json;

  private UserAttribute(String json) {
    this.json = json;
  }

  public static UserAttribute of(String value) {
    StringBuilder json = new StringBuilder();
    Json.appendString(json, requireNonNull(value));
    return new UserAttribute(json.toString());
  }

  /**
   * A whole number.
   *
   * @throws IllegalArgumentException beyond ±2<sup>53</sup>, where a JavaScript number, and so
   *     Omni, would hold another value than the one given
   */
  public static UserAttribute of(long value) {
    return new UserAttribute(Long.toString(exactInJavaScript(value)));
  }

  private static long exactInJavaScript(long value) {
    if (Math.abs(value) > MAX_EXACT_INTEGER) {
      throw new IllegalArgumentException(
          "a user attribute's number "
              + value
              + " is beyond what JavaScript holds exactly"
              + " (±2^53); give it as a string");
    }
    return value;
  }

  /**
   * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold
   */
  public static UserAttribute of(double value) {
    StringBuilder json = new StringBuilder();
    Json.appendNumber(json, value);
    return new UserAttribute(json.toString());
  }

  /**
   * A list of values, each a {@code String} or a {@code Number}.
   *
   * @throws IllegalArgumentException for any other element
   */
  public static UserAttribute ofList(List<?> values) {
    StringBuilder json = new StringBuilder("[");
    for (Object value : values) {
      if (json.length() > 1) {
        json.append(',');
      }
      appendScalar(json, value);
    }
    return new UserAttribute(json.append(']').toString());
  }

  /**
   * Reads an attribute back from what {@link dev.signet.runtime.JsonParser} made of its JSON.
   *
   * @throws IllegalArgumentException for anything but a string, a number or a list of them
   */
  public static UserAttribute fromJson(Object json) {
    if (json instanceof String text) {
      return of(text);
    }
    if (json instanceof BigDecimal number) {
      // A JSON number is a JavaScript double; written back as JavaScript writes it.
      return of(number.doubleValue());
    }
    if (json instanceof List<?> values) {
      return ofList(values);
    }
    throw new IllegalArgumentException("a user attribute is a string, a number or a list of them");
  }

  private static void appendScalar(StringBuilder json, Object value) {
    if (value instanceof String text) {
      Json.appendString(json, text);
    } else if (value instanceof Integer || value instanceof Long) {
      json.append(exactInJavaScript(((Number) value).longValue()));
    } else if (value instanceof Number number) {
      Json.appendNumber(json, number.doubleValue());
    } else {
      throw new IllegalArgumentException(
          "a user attribute's list holds strings and numbers, not " + value);
    }
  }

  private static String requireNonNull(String value) {
    if (value == null) {
      throw new IllegalArgumentException("a user attribute's value must not be null");
    }
    return value;
  }

  @Override
  public void writeJson(StringBuilder out) {
    out.append(json);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UserAttribute && json.equals(((UserAttribute) other).json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /** The value as JSON. */
  @Override
  public String toString() {
    return json;
  }
}
