package dev.signet.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.signet.annotations.Param;
import dev.signet.annotations.SignedUrl;
import dev.signet.processor.model.EnumShape;
import dev.signet.processor.model.JsonField;
import dev.signet.processor.model.JsonRequestModel;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.NotebookParamsModel;
import dev.signet.processor.model.Parameter;
import dev.signet.processor.model.SignedUrlModel;
import dev.signet.processor.model.TextForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Writes the machine-readable description of a declaration that the processor option {@value
 * #OPTION}{@code =true} asks for: one JSON file beside each generated class, {@code
 * <GeneratedClass>.signet.json}, naming every parameter with its wire name, position, encoding and
 * whether it is required, so that two versions of a vendor's declaration can be compared with
 * {@code diff}.
 *
 * <p>The text depends on the declaration alone: members are written in a fixed order, one per
 * line, with two spaces of indentation and a line feed at the end.
 */
public final class DescriptionWriter {
  /** The processor option that turns descriptions on. */
  public static final String OPTION = "signet.describe";

  /** The file name that follows the generated class's simple name. */
  public static final String SUFFIX = ".signet.json";

  /** Names the format, so that a reader can tell a later, different one. */
  static final String FORMAT = "signet-description/1";

  private DescriptionWriter() {}

  /** The description of a {@code @SignedUrl} declaration. */
  public static String describe(SignedUrlModel model) {
    SignedUrl annotation = model.element().getAnnotation(SignedUrl.class);
    Map<String, Object> root = header("SignedUrl", model.declaration(), model.generated());
    root.put("path", model.path());
    root.put("signatureParameter", model.signatureParameter());
    root.put("separator", model.separator());
    root.put("lines", annotation.lines().name());
    root.put("order", annotation.order().name());
    root.put("normalization", annotation.normalization().name());
    root.put("algorithm", model.macAlgorithm());
    root.put("digest", model.digestEncoding());
    List<Object> parameters = new ArrayList<>();
    for (Parameter parameter : model.parameters()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", parameter.methodName());
      entry.put("wireName", parameter.wireName());
      entry.put("type", typeName(parameter.valueType()));
      entry.put("required", parameter.required());
      int position = position(model, parameter);
      entry.put("position", position == 0 ? null : position);
      entry.put("encoding", encoding(parameter.text()));
      if (parameter.text() instanceof TextForm.EnumConstant constant) {
        entry.put("wireValues", wireValues(constant.shape()));
      }
      if (parameter.text() instanceof TextForm.Json json) {
        entry.put("json", shape(json.shape()));
      }
      if (parameter.nonce() != null) {
        Map<String, Object> nonce = new LinkedHashMap<>();
        nonce.put("length", parameter.nonce().length());
        nonce.put("alphabet", parameter.nonce().alphabet());
        entry.put("nonce", nonce);
      }
      entry.put("deprecated", parameter.deprecated());
      parameters.add(entry);
    }
    root.put("parameters", parameters);
    root.put("builderOrder", model.requiredInBuilder().stream().map(Parameter::methodName).toList());
    root.put("signedOrder", model.signedOrder().stream().map(Parameter::wireName).toList());
    return write(root);
  }

  /** The description of a {@code @JsonRequest} declaration. */
  public static String describe(JsonRequestModel model) {
    Map<String, Object> root = header("JsonRequest", model.declaration(), model.generated());
    root.put("method", model.method());
    root.put("path", model.path());
    List<Object> fields = new ArrayList<>();
    for (JsonField field : model.fields()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", field.methodName());
      if (field.header()) {
        entry.put("header", field.wireName());
        entry.put("prefix", field.headerPrefix());
      } else {
        entry.put("jsonName", field.wireName());
      }
      entry.put("type", typeName(field.valueType()));
      entry.put("required", field.required());
      if (!field.header()) {
        entry.put("inclusion", field.inclusion().name());
        entry.put("encoding", field.urlEncodedJson() ? "URL_ENCODED_JSON" : "JSON");
        entry.put("json", shape(field.shape()));
      }
      entry.put("redacted", field.redacted());
      entry.put("deprecated", field.deprecated());
      fields.add(entry);
    }
    root.put("fields", fields);
    root.put(
        "builderOrder", model.requiredInBuilder().stream().map(JsonField::methodName).toList());
    return write(root);
  }

  /** The description of a {@code @NotebookParams} declaration. */
  public static String describe(NotebookParamsModel model) {
    Map<String, Object> root = header("NotebookParams", model.declaration(), model.generated());
    List<Object> params = new ArrayList<>();
    for (NotebookParamsModel.Param param : model.params()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", param.component());
      entry.put("paramId", param.paramId());
      entry.put("type", typeName(param.componentType()));
      entry.put("datatype", param.datatype());
      entry.put("required", param.required());
      entry.put("hidden", param.hidden());
      entry.put("presence", param.presence().name());
      params.add(entry);
    }
    root.put("params", params);
    return write(root);
  }

  private static Map<String, Object> header(String kind, ClassName declaration, ClassName generated) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("kind", kind);
    root.put("declaration", declaration.canonicalName());
    root.put("generated", generated.canonicalName());
    return root;
  }

  /** The fixed position {@code @Param(position = n)} gives the parameter, or 0. */
  private static int position(SignedUrlModel model, Parameter parameter) {
    for (ExecutableElement method : ElementFilter.methodsIn(model.element().getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(parameter.methodName())
          && method.getParameters().isEmpty()) {
        Param param = method.getAnnotation(Param.class);
        return param == null ? 0 : param.position();
      }
    }
    return 0;
  }

  private static String encoding(TextForm form) {
    if (form instanceof TextForm.PreEncoded) {
      return "PRE_ENCODED";
    }
    if (form instanceof TextForm.Json) {
      return "JSON";
    }
    return "TEXT";
  }

  private static Map<String, Object> wireValues(EnumShape shape) {
    return new LinkedHashMap<>(shape.wireValues());
  }

  /** A JSON shape: a word for a scalar, an object naming the structure otherwise. */
  private static Object shape(JsonShape shape) {
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
  private static String typeName(TypeName type) {
    return type.toString();
  }

  private static String write(Map<String, Object> root) {
    StringBuilder out = new StringBuilder();
    value(out, root, "");
    return out.append('\n').toString();
  }

  private static void value(StringBuilder out, Object value, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean || value instanceof Integer) {
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
