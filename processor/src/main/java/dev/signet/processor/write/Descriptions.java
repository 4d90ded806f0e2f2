package dev.signet.processor.write;

import com.palantir.javapoet.TypeName;
import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.EnumShape;
import dev.signet.processor.model.JsonShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the machine-readable description of a declaration that the processor option {@value
 * #OPTION}{@code =true} asks for: one JSON file beside each generated class, {@code
 * <GeneratedClass>.signet.json}, naming every property with its wire name, encoding and whether it
 * is required, so that two versions of a vendor's declaration can be compared with {@code diff}.
 * Each kind gives the members of its own; this class writes them.
 *
 * <p>The text depends on the declaration alone: members are written in a fixed order, one per line,
 * with two spaces of indentation and a line feed at the end.
 */
public final class Descriptions {
  /** The processor option that turns descriptions on. */
  public static final String OPTION = "signet.describe";

  /** The file name that follows the generated class's simple name. */
  public static final String SUFFIX = ".signet.json";

  /** Names the format, so that a reader can tell a later, different one. */
  static final String FORMAT = "signet-description/1";

  private Descriptions() {}

  /** The members every description starts with, naming its kind and the two classes. */
  public static Map<String, Object> header(String kind, Declaration declaration) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("kind", kind);
    root.put("declaration", declaration.declared().canonicalName());
    root.put("generated", declaration.generated().canonicalName());
    return root;
  }

  /** Each enum constant's wire value, by the constant's name. */
  public static Map<String, Object> wireValues(EnumShape shape) {
    return new LinkedHashMap<>(shape.wireValues());
  }

  /** A JSON shape: a word for a scalar, an object naming the structure otherwise. */
  public static Object shape(JsonShape shape) {
    if (shape instanceof JsonShape.Scalar scalar) {
      return switch (scalar.kind()) {
        case STRING -> "string";
        case BOOLEAN -> "boolean";
        case INTEGER, BIG_INTEGER -> "integer";
        case DECIMAL, BIG_DECIMAL -> "number";
      };
    }
    Map<String, Object> described = new LinkedHashMap<>();
    if (shape instanceof JsonShape.EnumValue enumValue) {
      described.put("enum", typeName(enumValue.type()));
      described.put("wireValues", wireValues(enumValue.shape()));
    } else if (shape instanceof JsonShape.ListOf list) {
      described.put("array", shape(list.element()));
    } else if (shape instanceof JsonShape.MapOf map) {
      described.put("keys", shape(map.key()));
      described.put("values", shape(map.value()));
    } else if (shape instanceof JsonShape.RecordValue record) {
      described.put("record", typeName(record.type()));
      List<Object> members = new ArrayList<>();
      for (JsonShape.Component component : record.components()) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", component.accessor());
        member.put("jsonName", component.jsonName());
        member.put("optional", component.optional());
        member.put("json", shape(component.shape()));
        members.add(member);
      }
      described.put("members", members);
    } else if (shape instanceof JsonShape.SelfWriting self) {
      described.put("writesItself", typeName(self.type()));
    }
    return described;
  }

  /** A type as the source names it, packages included: {@code java.util.List<java.lang.String>}. */
  public static String typeName(TypeName type) {
    return type.toString();
  }

  /** The description's text: {@code root} as indented JSON. */
  public static String write(Map<String, Object> root) {
    StringBuilder out = new StringBuilder();
    value(out, root, "");
    return out.append('\n').toString();
  }

  private static void value(StringBuilder out, Object value, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof String text) {
      string(out, text);
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      String inner = indent + "  ";
      int i = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(inner);
        string(out, (String) entry.getKey());
        out.append(": ");
        value(out, entry.getValue(), inner);
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      String inner = indent + "  ";
      for (int i = 0; i < list.size(); i++) {
        out.append(inner);
        value(out, list.get(i), inner);
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  /** A JSON string: quotes, backslashes and control characters escaped, the rest as it is. */
  private static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
