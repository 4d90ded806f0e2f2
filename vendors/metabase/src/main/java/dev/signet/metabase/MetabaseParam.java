package dev.signet.metabase;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Json;
import dev.signet.runtime.JsonWritable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The value of a locked parameter in a token's {@code params}: a string, a number, or a list of
 * them (the empty list leaves the parameter unapplied). A {@code null} in the map is written as
 * JSON {@code null}.
 */
public final class MetabaseParam implements JsonWritable {
  private final String json;

  private MetabaseParam(String json) {
    this.json = json;
  }

  /** The string {@code value}. */
  public static MetabaseParam of(String value) {
    StringBuilder text = new StringBuilder();
    appendScalar(text, value);
    return new MetabaseParam(text.toString());
  }

  /** The number {@code value}. */
  public static MetabaseParam of(long value) {
    return new MetabaseParam(Long.toString(value));
  }

  /** The number {@code value}, written without trailing zeros. */
  public static MetabaseParam of(BigDecimal value) {
    StringBuilder text = new StringBuilder();
    appendScalar(text, value);
    return new MetabaseParam(text.toString());
  }

  /**
   * The list {@code values}, each a {@code String}, a {@code Long}, an {@code Integer} or a {@code
   * BigDecimal}.
   */
  public static MetabaseParam ofList(List<?> values) {
    StringBuilder text = new StringBuilder("[");
    for (Object value : values) {
      if (text.length() > 1) {
        text.append(',');
      }
      appendScalar(text, value);
    }
    return new MetabaseParam(text.append(']').toString());
  }

  /** Reads a value back from a verified token. */
  public static MetabaseParam fromJson(Object json) {
    if (json instanceof List<?> values) {
      return ofList(values);
    }
    StringBuilder text = new StringBuilder();
    appendScalar(text, json);
    return new MetabaseParam(text.toString());
  }

  private static void appendScalar(StringBuilder out, Object value) {
    if (value instanceof String text) {
      Json.appendString(out, text);
    } else if (value instanceof Long || value instanceof Integer) {
      out.append(((Number) value).longValue());
    } else if (value instanceof BigDecimal number) {
      Json.appendNumber(out, number);
    } else {
      throw new InvalidParameterException(
          "params", "a parameter's value is a string, a number or a list of them, not " + value);
    }
  }

  @Override
  public void writeJson(StringBuilder out) {
    out.append(json);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MetabaseParam && json.equals(((MetabaseParam) other).json);
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
