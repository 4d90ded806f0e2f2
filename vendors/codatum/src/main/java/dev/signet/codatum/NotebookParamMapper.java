package dev.signet.codatum;

import dev.signet.codatum.NotebookParamException.Kind;
import dev.signet.runtime.Json;
import dev.signet.runtime.JsonParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Codatum's {@code createParamMapper} ({@code @codatum/embed} 1.0.0) in Java: definitions that map
 * keys to notebook param ids, with their datatypes, and the encode and decode that check values as
 * the official mapper does. Classes generated from {@code @NotebookParams} records use one; it can
 * also be used directly, with values as plain Java objects.
 *
 * <p>Values: {@code String} for {@code STRING} and {@code DATE}; any {@code Number} for {@code
 * NUMBER} (written as JavaScript writes the nearest {@code double}); {@code Boolean}; a {@code
 * List} of {@code String}s for {@code STRING[]} and {@code [DATE, DATE]}; or {@link
 * #RESET_TO_DEFAULT}. Dates are checked as the official mapper checks them, as {@code YYYY-MM-DD}
 * text: {@code 2026-02-31} passes, a start after the end too.
 *
 * <p>Where the official mapper leaves a case to JavaScript, this class decides: a null value counts
 * as absent (JavaScript's {@code undefined}); infinite numbers are refused like NaN (JavaScript
 * would send {@code null}), and so are {@code BigInteger}s and {@code BigDecimal}s beyond the
 * largest double, which JavaScript would read as an infinity; when params repeat an id, the first
 * one counts. Messages write numbers as JavaScript writes them.
 */
public final class NotebookParamMapper {
  /** The value that resets a parameter to the notebook's default; sent as it is, not as JSON. */
  public static final String RESET_TO_DEFAULT = "_RESET_TO_DEFAULT_";

  /**
   * One parameter's definition: an entry of the official mapper's mapping and meta.
   *
   * @param key the name the host uses for the parameter, which messages name
   * @param paramId the parameter's id in the notebook
   */
  public record Param(
      String key, String paramId, ParamDatatype datatype, boolean required, boolean hidden) {

    public Param {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(paramId, "paramId");
      Objects.requireNonNull(datatype, "datatype");
      if (paramId.isEmpty()) {
        throw new IllegalArgumentException(key + ": the param id must not be empty");
      }
    }
  }

  private final List<Param> params;

  private NotebookParamMapper(List<Param> params) {
    this.params = params;
  }

  /**
   * The mapper for {@code params}, in the order encoding writes them.
   *
   * @throws IllegalArgumentException when two definitions share a key or a param id
   */
  public static NotebookParamMapper of(List<Param> params) {
    Set<String> keys = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (Param param : params) {
      if (!keys.add(param.key())) {
        throw new IllegalArgumentException("the key " + param.key() + " is defined twice");
      }
      if (!ids.add(param.paramId())) {
        throw new IllegalArgumentException(
            param.key() + ": the param id " + param.paramId() + " is mapped twice");
      }
    }
    return new NotebookParamMapper(List.copyOf(params));
  }

  /** The definitions, in order. */
  public List<Param> params() {
    return params;
  }

  /**
   * The params for {@code values} (key to value), in the order of the definitions; keys without a
   * definition are ignored.
   *
   * @throws NotebookParamException {@code MISSING_REQUIRED_PARAM} when a required parameter has no
   *     value (a reset is a value here), {@code INVALID_PARAM_VALUE} when a value does not fit its
   *     datatype; the first parameter at fault, in the order of the definitions, is reported
   */
  public List<EncodedParam> encode(Map<String, ?> values) {
    List<EncodedParam> encoded = new ArrayList<>();
    for (Param param : params) {
      Object value = values.get(param.key());
      if (value == null) {
        if (param.required()) {
          throw new NotebookParamException(
              Kind.MISSING_REQUIRED_PARAM,
              param.key(),
              param.paramId(),
              "is required but has no value");
        }
        continue;
      }
      String text = RESET_TO_DEFAULT.equals(value) ? RESET_TO_DEFAULT : json(param, value);
      encoded.add(new EncodedParam(param.paramId(), text, param.hidden()));
    }
    return Collections.unmodifiableList(encoded);
  }

  /**
   * The values that {@code encoded} carries, key to value, in the order of the definitions: {@code
   * String}, {@code Double}, {@code Boolean} or {@code List<String>}. Parameters that are absent or
   * reset to their default are left out, and params of ids without a definition are ignored.
   *
   * @throws NotebookParamException {@code MISSING_REQUIRED_PARAM} when a required parameter is
   *     absent or reset, {@code INVALID_PARAM_VALUE} when a value is not JSON or does not fit its
   *     datatype; the first parameter at fault, in the order of the definitions, is reported
   */
  public Map<String, Object> decode(List<EncodedParam> encoded) {
    Map<String, EncodedParam> byId = new HashMap<>();
    for (EncodedParam param : encoded) {
      byId.putIfAbsent(param.paramId(), param);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Param param : params) {
      EncodedParam found = byId.get(param.paramId());
      if (found == null || found.resetsToDefault()) {
        if (param.required()) {
          throw new NotebookParamException(
              Kind.MISSING_REQUIRED_PARAM,
              param.key(),
              param.paramId(),
              "is required but the params "
                  + (found == null ? "lack it" : "reset it to its default"));
        }
        continue;
      }
      Object parsed;
      try {
        parsed = JsonParser.parse(found.paramValue());
      } catch (IllegalArgumentException e) {
        throw invalid(param, "its param_value is not JSON (" + e.getMessage() + ")");
      }
      values.put(param.key(), decoded(param, parsed));
    }
    return Collections.unmodifiableMap(values);
  }

  private static String json(Param param, Object value) {
    StringBuilder out = new StringBuilder();
    switch (param.datatype()) {
      case STRING -> Json.appendString(out, requireString(param, value, "a string"));
      case DATE -> Json.appendString(out, requireDate(param, value));
      case BOOLEAN -> {
        if (!(value instanceof Boolean)) {
          throw invalid(param, "must be a boolean, not " + describe(value));
        }
        out.append(value);
      }
      case NUMBER -> {
        if (!(value instanceof Number number)) {
          throw invalid(param, "must be a number, not " + describe(value));
        }
        double asJavaScript = number.doubleValue();
        if (!Double.isFinite(asJavaScript)) {
          BigDecimal exact = exactFinite(number);
          if (exact == null) {
            throw invalid(param, "must be a finite number, not " + asJavaScript);
          }
          // A finite number so large that its nearest double is an infinity.
          throw invalid(
              param,
              "must be within \u00b1"
                  + javaScriptNumber(Double.MAX_VALUE)
                  + ", which a JavaScript number can hold, not a "
                  + (exact.signum() < 0 ? "negative " : "")
                  + "number of "
                  + (exact.precision() - exact.scale())
                  + " digits");
        }
        Json.appendNumber(out, asJavaScript);
      }
      case STRING_ARRAY -> appendStrings(out, requireList(param, value, false));
      case DATE_RANGE -> appendStrings(out, requireList(param, value, true));
    }
    return out.toString();
  }

  private static void appendStrings(StringBuilder out, List<String> texts) {
    out.append('[');
    for (int i = 0; i < texts.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Json.appendString(out, texts.get(i));
    }
    out.append(']');
  }

  private static Object decoded(Param param, Object parsed) {
    switch (param.datatype()) {
      case STRING:
        return requireString(param, parsed, "a string");
      case DATE:
        return requireDate(param, parsed);
      case BOOLEAN:
        if (!(parsed instanceof Boolean)) {
          throw invalid(param, "must be a boolean, not " + describe(parsed));
        }
        return parsed;
      case NUMBER:
        if (!(parsed instanceof BigDecimal number)) {
          throw invalid(param, "must be a number, not " + describe(parsed));
        }
        // As JavaScript's JSON.parse reads it: the nearest double.
        return number.doubleValue();
      case STRING_ARRAY:
        return requireList(param, parsed, false);
      case DATE_RANGE:
      default:
        return requireList(param, parsed, true);
    }
  }

  private static String requireString(Param param, Object value, String expected) {
    if (!(value instanceof String text)) {
      throw invalid(param, "must be " + expected + ", not " + describe(value));
    }
    return text;
  }

  private static String requireDate(Param param, Object value) {
    String text = requireString(param, value, "a date (YYYY-MM-DD)");
    if (!isDateText(text)) {
      throw invalid(param, "must be a date (YYYY-MM-DD), not " + describe(text));
    }
    return text;
  }

  /** {@code /^\d{4}-\d{2}-\d{2}$/}, as the official mapper checks a date. */
  static boolean isDateText(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = text.charAt(i);
      if (i != 4 && i != 7 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static List<String> requireList(Param param, Object value, boolean dateRange) {
    String expected = dateRange ? "a list of two dates (YYYY-MM-DD)" : "a list of strings";
    if (!(value instanceof List<?> list) || (dateRange && list.size() != 2)) {
      throw invalid(param, "must be " + expected + ", not " + describe(value));
    }
    List<String> texts = new ArrayList<>(list.size());
    for (Object element : list) {
      if (!(element instanceof String text) || (dateRange && !isDateText(text))) {
        throw invalid(param, "must be " + expected + ", but holds " + describe(element));
      }
      texts.add(text);
    }
    return Collections.unmodifiableList(texts);
  }

  /** {@code number} as a BigDecimal when it is a finite BigInteger or BigDecimal, else null. */
  private static BigDecimal exactFinite(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    return null;
  }

  /**
   * {@code number} as a message shows it: whole numbers of Java's integer types with all their
   * digits (as JavaScript writes a BigInt), others as JavaScript writes the nearest double ({@code
   * 1e+21}, {@code 0.5}, {@code NaN}, {@code Infinity}), since that is the number JavaScript sees.
   */
  static String javaScriptNumber(Number number) {
    if (number instanceof Integer
        || number instanceof Long
        || number instanceof Short
        || number instanceof Byte
        || number instanceof BigInteger
        || number instanceof AtomicInteger
        || number instanceof AtomicLong) {
      return number.toString();
    }
    return javaScriptNumber(number.doubleValue());
  }

  /** {@code number} as JavaScript writes it, {@code NaN} and the infinities included. */
  static String javaScriptNumber(double number) {
    if (!Double.isFinite(number)) {
      return Double.toString(number); // NaN, Infinity, -Infinity: as JavaScript writes them.
    }
    StringBuilder out = new StringBuilder();
    Json.appendNumber(out, number);
    return out.toString();
  }

  private static NotebookParamException invalid(Param param, String problem) {
    return new NotebookParamException(
        Kind.INVALID_PARAM_VALUE, param.key(), param.paramId(), problem);
  }

  /** A value as a message shows it: strings as JSON, shortened; other values by their kind. */
  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      StringBuilder quoted = new StringBuilder();
      Json.appendString(quoted, text.length() > 40 ? text.substring(0, 40) + "…" : text);
      return "the string " + quoted;
    }
    if (value instanceof Boolean || value instanceof Number) {
      return value instanceof Number number
          ? "the number " + javaScriptNumber(number)
          : "the boolean " + value;
    }
    if (value instanceof List<?> list) {
      return "a list of " + list.size();
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
