package dev.signet.looker;

import dev.signet.runtime.Json;
import dev.signet.runtime.JsonWritable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One JSON value as Looker takes it where its type is open: a user attribute's value (a string or a
 * number), a group id (a number or a string), an access filter's value, the user's time zone (a
 * name, or {@code null} for the instance's default). Written compactly, object members in the order
 * given.
 */
public final class JsonValue implements JsonWritable {
  /** JSON's {@code null}. */
  public static final JsonValue NULL = new JsonValue(null);

  private final Object value;

  private JsonValue(Object value) {
    this.value = value;
  }

  /** A string. */
  public static JsonValue of(String text) {
    return new JsonValue(Objects.requireNonNull(text, "text"));
  }

  /** A whole number. */
  public static JsonValue of(long number) {
    return new JsonValue(BigDecimal.valueOf(number));
  }

  /**
   * A value as {@link dev.signet.runtime.JsonParser} reads one: a {@code String}, a {@code
   * BigDecimal} (or any other {@code Number}), a {@code Boolean}, {@code null}, a {@code List} or a
   * {@code Map<String, ?>} of such values.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static JsonValue fromJson(Object json) {
    return new JsonValue(copy(json));
  }

  private static Object copy(Object json) {
    if (json == null || json instanceof String || json instanceof Boolean) {
      return json;
    }
    if (json instanceof BigDecimal decimal) {
      return decimal;
    }
    if (json instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    if (json instanceof List<?> list) {
      List<Object> copied = new ArrayList<>();
      for (Object element : list) {
        copied.add(copy(element));
      }
      return Collections.unmodifiableList(copied);
    }
    if (json instanceof Map<?, ?> map) {
      Map<String, Object> copied = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException("a JSON object's member names are strings");
        }
        copied.put(key, copy(entry.getValue()));
      }
      return Collections.unmodifiableMap(copied);
    }
    throw new IllegalArgumentException("not a JSON value: " + json.getClass().getSimpleName());
  }

  /** The value as {@link dev.signet.runtime.JsonParser} would give it. */
  public Object value() {
    return value;
  }

  @Override
  public void writeJson(StringBuilder out) {
    write(out, value);
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      Json.appendString(out, text);
    } else if (value instanceof Boolean bool) {
      out.append(bool);
    } else if (value instanceof BigDecimal number) {
      Json.appendNumber(out, number);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(out, list.get(i));
      }
      out.append(']');
    } else {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        Json.appendKey(out, (String) entry.getKey());
        out.append(':');
        write(out, entry.getValue());
      }
      out.append('}');
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonValue that && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    writeJson(out);
    return out.toString();
  }
}
