package dev.signet.sample.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.runtime.Json;
import dev.signet.runtime.JsonParser;
import dev.signet.runtime.JsonWritable;
import dev.signet.sample.tools.Description.Property;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A form field's text to the value its setter takes, and back, by the property's description and
 * the setter's Java type: text as it is, numbers, true or false, an enum constant by name, and JSON
 * for lists, maps, records and values that write themselves (read back through their {@code
 * fromJson(Object)}, as the generated verifiers read them).
 *
 * <p>Refusals are {@link IllegalArgumentException}s that start with the wire name and give the
 * rule, as the builder's own do.
 */
final class FormValues {
  private FormValues() {}

  /** The value of {@code property} that {@code text} gives, of {@code type}. */
  static Object read(Property property, Type type, String text) {
    String where = property.wireName();
    Class<?> raw = raw(type);
    if (property.isStructured()) {
      Object json;
      try {
        json = JsonParser.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": not JSON: " + e.getMessage());
      }
      if (json == null && property.json().has("writesItself")) {
        // A whole value of JSON null: only a value that writes itself can be one (Looker's
        // JsonValue), which its fromJson says.
        return writesItself(raw, null, where);
      }
      return fromJson(property.json(), type, json, where);
    }
    if (raw.isEnum()) {
      return byWireValue(raw, text, property.wireValues(), where);
    }
    if (raw == String.class) {
      return text;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      if (!text.equals("true") && !text.equals("false")) {
        throw new IllegalArgumentException(where + ": must be true or false");
      }
      return Boolean.valueOf(text);
    }
    try {
      return scalar(raw, new BigDecimal(text.strip()), where);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": must be a number");
    }
  }

  /** The form's text for {@code value}, a value of {@code property} as its accessor returns it. */
  static String write(Property property, Object value) {
    Object present = value instanceof Optional<?> optional ? optional.orElse(null) : value;
    if (present == null) {
      return "";
    }
    if (property.isStructured()) {
      StringBuilder out = new StringBuilder();
      writeJson(out, property.json(), present);
      return out.toString();
    }
    if (present instanceof Enum<?> constant) {
      return property.wireValues().getOrDefault(constant.name(), constant.name());
    }
    return present.toString();
  }

  /**
   * The choices a select offers for a value of {@code type}, each the text that travels: an enum's
   * wire values, or true and false.
   */
  static List<String> choices(Property property, Type type) {
    Class<?> raw = raw(type);
    if (raw.isEnum()) {
      List<String> choices = new ArrayList<>();
      for (Object constant : raw.getEnumConstants()) {
        String name = ((Enum<?>) constant).name();
        choices.add(property.wireValues().getOrDefault(name, name));
      }
      return choices;
    }
    return raw == boolean.class || raw == Boolean.class ? List.of("true", "false") : List.of();
  }

  private static Object fromJson(JsonNode shape, Type type, Object json, String where) {
    Class<?> raw = raw(type);
    if (json == null) {
      // As the generated readers take it: the builder says whether null is allowed there.
      return null;
    }
    if (shape.isTextual()) {
      return switch (shape.asText()) {
        case "string" -> requireInstance(json, String.class, where, "a string");
        case "boolean" -> requireInstance(json, Boolean.class, where, "true or false");
        default -> scalar(raw, requireInstance(json, BigDecimal.class, where, "a number"), where);
      };
    }
    if (shape.has("array")) {
      List<Object> elements = new ArrayList<>();
      List<?> list = requireInstance(json, List.class, where, "an array");
      for (int i = 0; i < list.size(); i++) {
        elements.add(
            fromJson(shape.get("array"), argument(type, 0), list.get(i), where + "[" + i + "]"));
      }
      return Collections.unmodifiableList(elements);
    }
    if (shape.has("keys")) {
      Map<Object, Object> entries = new LinkedHashMap<>();
      Map<?, ?> object = requireInstance(json, Map.class, where, "an object");
      for (Map.Entry<?, ?> entry : object.entrySet()) {
        String key = (String) entry.getKey();
        Class<?> keyType = raw(argument(type, 0));
        entries.put(
            keyType.isEnum()
                ? byWireValue(keyType, key, wireValues(shape.get("keys")), where)
                : key,
            fromJson(shape.get("values"), argument(type, 1), entry.getValue(), where + "." + key));
      }
      return entries;
    }
    if (shape.has("enum")) {
      return byWireValue(
          raw, requireInstance(json, String.class, where, "a string"), wireValues(shape), where);
    }
    if (shape.has("record")) {
      return record(shape, raw, requireInstance(json, Map.class, where, "an object"), where);
    }
    if (shape.has("writesItself")) {
      return writesItself(raw, json, where);
    }
    throw new IllegalArgumentException(
        where + ": the description's shape " + shape + " is unknown");
  }

  /** A value that writes itself, read by its {@code fromJson(Object)}, as the verifiers read it. */
  private static Object writesItself(Class<?> raw, Object json, String where) {
    Method fromJson;
    try {
      fromJson = raw.getMethod("fromJson", Object.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          where + ": " + raw.getSimpleName() + " cannot be read from JSON (it has no fromJson)");
    }
    try {
      return invoke(fromJson, null, json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static Object record(JsonNode shape, Class<?> raw, Map<?, ?> json, String where) {
    RecordComponent[] components = raw.getRecordComponents();
    Object[] arguments = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    Set<Object> known = new HashSet<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      types[i] = component.getType();
      JsonNode member = member(shape, component.getName());
      String jsonName = member.get("jsonName").asText();
      known.add(jsonName);
      Object value = json.get(jsonName);
      boolean optional = member.get("optional").asBoolean();
      Type componentType =
          optional ? argument(component.getGenericType(), 0) : component.getGenericType();
      if (value == null && !optional) {
        throw new IllegalArgumentException(where + "." + jsonName + ": is required");
      }
      Object read =
          value == null
              ? null
              : fromJson(member.get("json"), componentType, value, where + "." + jsonName);
      arguments[i] = optional ? Optional.ofNullable(read) : read;
    }
    for (Object name : json.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            where + "." + name + ": is not a member of " + raw.getSimpleName());
      }
    }
    try {
      Constructor<?> constructor = raw.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(where + ": " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(raw + " has no canonical constructor", e);
    }
  }

  private static JsonNode member(JsonNode shape, String name) {
    for (JsonNode member : shape.get("members")) {
      if (member.get("name").asText().equals(name)) {
        return member;
      }
    }
    throw new IllegalStateException("the description names no member " + name);
  }

  /** Writes {@code value}, of {@code shape}, as compact JSON, as the request writes it. */
  private static void writeJson(StringBuilder out, JsonNode shape, Object value) {
    if (value == null) {
      out.append("null");
    } else if (shape.isTextual()) {
      if (value instanceof CharSequence text) {
        Json.appendString(out, text);
      } else {
        out.append(value);
      }
    } else if (shape.has("array")) {
      out.append('[');
      String separator = "";
      for (Object element : (List<?>) value) {
        out.append(separator);
        writeJson(out, shape.get("array"), element);
        separator = ",";
      }
      out.append(']');
    } else if (shape.has("keys")) {
      out.append('{');
      String separator = "";
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        out.append(separator);
        Object key = entry.getKey();
        Json.appendString(
            out,
            key instanceof Enum<?> constant
                ? wireValues(shape.get("keys")).getOrDefault(constant.name(), constant.name())
                : (String) key);
        out.append(':');
        writeJson(out, shape.get("values"), entry.getValue());
        separator = ",";
      }
      out.append('}');
    } else if (shape.has("enum")) {
      String name = ((Enum<?>) value).name();
      Json.appendString(out, wireValues(shape).getOrDefault(name, name));
    } else if (shape.has("record")) {
      out.append('{');
      String separator = "";
      for (JsonNode member : shape.get("members")) {
        Object component = accessor(value, member.get("name").asText());
        if (component instanceof Optional<?> optional) {
          if (optional.isEmpty()) {
            continue;
          }
          component = optional.get();
        }
        out.append(separator);
        Json.appendString(out, member.get("jsonName").asText());
        out.append(':');
        writeJson(out, member.get("json"), component);
        separator = ",";
      }
      out.append('}');
    } else {
      ((JsonWritable) value).writeJson(out);
    }
  }

  private static Object accessor(Object record, String name) {
    try {
      Method accessor = record.getClass().getMethod(name);
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(record.getClass() + " has no accessor " + name, e);
    }
  }

  private static Object scalar(Class<?> raw, BigDecimal number, String where) {
    try {
      if (raw == long.class || raw == Long.class) {
        return number.longValueExact();
      }
      if (raw == int.class || raw == Integer.class) {
        return number.intValueExact();
      }
      if (raw == BigInteger.class) {
        return number.toBigIntegerExact();
      }
      if (raw == double.class || raw == Double.class) {
        return number.doubleValue();
      }
      if (raw == BigDecimal.class) {
        return number;
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          where + ": must be a whole number within " + raw.getSimpleName() + "'s range");
    }
    throw new IllegalArgumentException(
        where + ": " + raw.getSimpleName() + " is not a number type");
  }

  /**
   * The constant of {@code enumType} whose wire value is {@code wire}: its name where none is
   * given.
   */
  private static Object byWireValue(
      Class<?> enumType, String wire, Map<String, String> wireValues, String where) {
    List<String> allowed = new ArrayList<>();
    for (Object constant : enumType.getEnumConstants()) {
      String name = ((Enum<?>) constant).name();
      String value = wireValues.getOrDefault(name, name);
      if (value.equals(wire)) {
        return constant;
      }
      allowed.add(value);
    }
    throw new IllegalArgumentException(where + ": must be one of " + allowed);
  }

  private static Map<String, String> wireValues(JsonNode shape) {
    Map<String, String> values = new LinkedHashMap<>();
    if (shape != null && shape.has("wireValues")) {
      shape
          .get("wireValues")
          .properties()
          .forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    }
    return values;
  }

  private static <T> T requireInstance(Object json, Class<T> type, String where, String what) {
    if (!type.isInstance(json)) {
      throw new IllegalArgumentException(where + ": must be " + what);
    }
    return type.cast(json);
  }

  /**
   * Calls {@code method}; what it throws is thrown as it is, so that the builder's own refusals
   * (which name the parameter and the rule) reach the page unchanged.
   */
  static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException refusal) {
        throw refusal;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    throw new IllegalArgumentException("not a class: " + type);
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType parameterized) {
      return parameterized.getActualTypeArguments()[index];
    }
    throw new IllegalArgumentException(type + " has no type arguments");
  }
}
