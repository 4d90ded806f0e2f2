package dev.signet.processor.write;

import static dev.signet.processor.write.RuntimeTypes.JSON;
import static dev.signet.processor.write.RuntimeTypes.RECEIVED;
import static dev.signet.processor.write.RuntimeTypes.WIRE_VALUES;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.signet.processor.model.EnumShape;
import dev.signet.processor.model.Inclusion;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.JsonShape.Component;
import dev.signet.processor.model.Property;
import dev.signet.runtime.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the code that appends a value of a {@link JsonShape} to a {@code StringBuilder out}.
 * Records get a method of their own, shared by every place that writes them; enums with wire values
 * share the {@link EnumCode} methods.
 */
public final class JsonCode {

  private final EnumCode enumCode;
  private final Map<ClassName, MethodSpec> recordWriters = new LinkedHashMap<>();
  private final Map<ClassName, MethodSpec> recordReaders = new LinkedHashMap<>();

  public JsonCode(EnumCode enumCode) {
    this.enumCode = enumCode;
  }

  /** The methods that write records, one per record type met so far. */
  public List<MethodSpec> recordWriters() {
    return List.copyOf(recordWriters.values());
  }

  /** The methods that read records back, one per record type met so far. */
  public List<MethodSpec> recordReaders() {
    return List.copyOf(recordReaders.values());
  }

  /**
   * An expression reading {@code json}, a value of {@code JsonParser}'s tree, as {@code shape}; it
   * throws {@code InvalidParameterException} naming the variable {@code parameter} holds.
   */
  public CodeBlock read(JsonShape shape, CodeBlock json, CodeBlock parameter) {
    return read(shape, json, parameter, 0);
  }

  private CodeBlock read(JsonShape shape, CodeBlock json, CodeBlock parameter, int depth) {
    if (shape instanceof JsonShape.Scalar scalar) {
      return readScalar(scalar, json, parameter);
    }
    if (shape instanceof JsonShape.EnumValue enumValue) {
      return enumCode.fromWireValue(
          enumValue.shape(),
          parameter,
          CodeBlock.of("$T.string($L, $L)", RECEIVED, parameter, json));
    }
    if (shape instanceof JsonShape.SelfWriting self) {
      return CodeBlock.of("$T.fromJson($L)", self.type(), json);
    }
    if (shape instanceof JsonShape.RecordValue record) {
      return CodeBlock.of("$N($L, $L)", recordReader(record), parameter, json);
    }
    String element = "element" + depth;
    if (shape instanceof JsonShape.ListOf list) {
      return CodeBlock.of(
          "$T.list($L, $L, $N -> $L)",
          RECEIVED,
          parameter,
          json,
          element,
          readNullable(list.element(), CodeBlock.of("$N", element), parameter, depth + 1));
    }
    JsonShape.MapOf map = (JsonShape.MapOf) shape;
    String key = "key" + depth;
    CodeBlock keyRead =
        map.key() instanceof JsonShape.EnumValue enumKey
            ? CodeBlock.of(
                "$N -> $L",
                key,
                enumCode.fromWireValue(enumKey.shape(), parameter, CodeBlock.of("$N", key)))
            : CodeBlock.of("$T.identity()", java.util.function.Function.class);
    return CodeBlock.of(
        "$T.map($L, $L, $L, $N -> $L)",
        RECEIVED,
        parameter,
        json,
        keyRead,
        element,
        readNullable(map.value(), CodeBlock.of("$N", element), parameter, depth + 1));
  }

  /**
   * Like {@link #read}, for an element, member value or component that the writer writes as JSON
   * null when it is null: null reads back as null, so that what is signed also verifies.
   */
  private CodeBlock readNullable(JsonShape shape, CodeBlock json, CodeBlock parameter, int depth) {
    CodeBlock value = read(shape, json, parameter, depth);
    if (shape.type().isPrimitive()) {
      return value;
    }
    return CodeBlock.of("$L == null ? null : $L", json, value);
  }

  private static CodeBlock readScalar(
      JsonShape.Scalar scalar, CodeBlock json, CodeBlock parameter) {
    TypeName type = scalar.type().isBoxedPrimitive() ? scalar.type().unbox() : scalar.type();
    String method;
    String cast = "";
    switch (scalar.kind()) {
      case STRING:
        method = "string";
        break;
      case BOOLEAN:
        method = "bool";
        break;
      case INTEGER:
        method = type.equals(TypeName.LONG) ? "longValue" : "intValue";
        cast =
            type.equals(TypeName.SHORT) ? "(short) " : type.equals(TypeName.BYTE) ? "(byte) " : "";
        break;
      case DECIMAL:
        method = "doubleValue";
        cast = type.equals(TypeName.FLOAT) ? "(float) " : "";
        break;
      case BIG_DECIMAL:
        method = "number";
        break;
      default:
        method = "bigInteger";
    }
    return CodeBlock.of("$L$T.$N($L, $L)", cast, RECEIVED, method, parameter, json);
  }

  private MethodSpec recordReader(JsonShape.RecordValue record) {
    MethodSpec existing = recordReaders.get(record.type());
    if (existing != null) {
      return existing;
    }
    CodeBlock parameter = CodeBlock.of("parameter");
    CodeBlock.Builder body =
        CodeBlock.builder()
            .addStatement(
                "$T<$T, Object> object = $T.object(parameter, json)",
                Map.class,
                String.class,
                RECEIVED);
    CodeBlock.Builder names = CodeBlock.builder();
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < record.components().size(); i++) {
      Component component = record.components().get(i);
      CodeBlock member = CodeBlock.of("object.get($S)", component.jsonName());
      CodeBlock value =
          component.optional()
              ? read(component.shape(), member, parameter, 0)
              : readNullable(component.shape(), member, parameter, 0);
      if (component.optional()) {
        value =
            CodeBlock.of(
                "object.containsKey($S) ? $T.of($L) : $T.empty()",
                component.jsonName(),
                java.util.Optional.class,
                value,
                java.util.Optional.class);
      }
      names.add(i == 0 ? "$S" : ", $S", component.jsonName());
      arguments.add(i == 0 ? "\n$>$>$L" : ",\n$L", value);
    }
    body.addStatement(
            "$T.onlyMembers(parameter, object, $T.of($L))", RECEIVED, List.class, names.build())
        .addStatement(
            record.components().isEmpty() ? "return new $T($L)" : "return new $T($L$<$<)",
            record.type(),
            arguments.build());
    MethodSpec reader =
        MethodSpec.methodBuilder("read" + record.type().simpleName() + "Json")
            .addJavadoc(
                "Reads a {@code $L} back from its JSON object.\n", record.type().simpleName())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(record.type())
            .addParameter(String.class, "parameter")
            .addParameter(Object.class, "json")
            .addCode(body.build())
            .build();
    recordReaders.put(record.type(), reader);
    return reader;
  }

  /** Code appending {@code expression}, which is not null, as JSON. */
  public CodeBlock append(JsonShape shape, CodeBlock expression) {
    return append(shape, expression, 0);
  }

  private CodeBlock append(JsonShape shape, CodeBlock expression, int depth) {
    if (shape instanceof JsonShape.Scalar scalar) {
      return appendScalar(scalar, expression);
    }
    if (shape instanceof JsonShape.EnumValue enumValue) {
      return CodeBlock.of(
          "$T.appendString(out, $L);\n", JSON, enumCode.wireValue(enumValue.shape(), expression));
    }
    if (shape instanceof JsonShape.SelfWriting) {
      return CodeBlock.of("$L.writeJson(out);\n", expression);
    }
    if (shape instanceof JsonShape.RecordValue record) {
      return CodeBlock.of("$N(out, $L);\n", recordWriter(record), expression);
    }
    if (shape instanceof JsonShape.ListOf list) {
      return appendList(list, expression, depth);
    }
    return appendMap((JsonShape.MapOf) shape, expression, depth);
  }

  private static CodeBlock appendScalar(JsonShape.Scalar scalar, CodeBlock expression) {
    switch (scalar.kind()) {
      case STRING:
        return CodeBlock.of("$T.appendString(out, $L);\n", JSON, expression);
      case DECIMAL:
      case BIG_DECIMAL:
        return CodeBlock.of("$T.appendNumber(out, $L);\n", JSON, expression);
      default:
        // StringBuilder writes booleans and integers as JSON does, and null as null.
        return CodeBlock.of("out.append($L);\n", expression);
    }
  }

  /**
   * Like {@link #append}, for an element or member that may be null: JSON null, as JavaScript
   * writes it.
   */
  private CodeBlock appendNullable(JsonShape shape, CodeBlock expression, int depth) {
    boolean handlesNull =
        shape.type().isPrimitive()
            || (shape instanceof JsonShape.Scalar scalar
                && scalar.kind() != JsonShape.ScalarKind.DECIMAL);
    if (handlesNull) {
      return append(shape, expression, depth);
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($L == null)", expression)
        .addStatement("out.append($S)", "null")
        .nextControlFlow("else")
        .add(append(shape, expression, depth))
        .endControlFlow()
        .build();
  }

  private CodeBlock appendList(JsonShape.ListOf list, CodeBlock expression, int depth) {
    String element = "element" + depth;
    String count = "count" + depth;
    return CodeBlock.builder()
        .addStatement("out.append('[')")
        .addStatement("int $N = 0", count)
        .beginControlFlow("for ($T $N : $L)", list.element().type(), element, expression)
        .beginControlFlow("if ($N++ > 0)", count)
        .addStatement("out.append(',')")
        .endControlFlow()
        .add(appendNullable(list.element(), CodeBlock.of("$N", element), depth + 1))
        .endControlFlow()
        .addStatement("out.append(']')")
        .build();
  }

  private CodeBlock appendMap(JsonShape.MapOf map, CodeBlock expression, int depth) {
    String count = "count" + depth;
    CodeBlock separator =
        CodeBlock.builder()
            .beginControlFlow("if ($N++ > 0)", count)
            .addStatement("out.append(',')")
            .endControlFlow()
            .build();
    return CodeBlock.builder()
        .addStatement("out.append('{')")
        .addStatement("int $N = 0", count)
        .add(appendEntries(map, expression, depth, "", separator))
        .addStatement("out.append('}')")
        .build();
  }

  /**
   * Code appending each entry of {@code expression}, a map of {@code map}'s shape with text keys,
   * as a member of the object {@code out} is writing, named {@code prefix} and the key; {@code
   * separator} runs before each. A JWT's claims spread from a map are such members.
   */
  public CodeBlock appendMembers(
      JsonShape.MapOf map, CodeBlock expression, String prefix, CodeBlock separator) {
    return appendEntries(map, expression, 0, prefix, separator);
  }

  private CodeBlock appendEntries(
      JsonShape.MapOf map, CodeBlock expression, int depth, String prefix, CodeBlock separator) {
    String entry = "entry" + depth;
    TypeName entryType =
        ParameterizedTypeName.get(
            ClassName.get(Map.Entry.class), map.key().type(), map.value().type());
    CodeBlock key = CodeBlock.of("$N.getKey()", entry);
    CodeBlock keyText =
        map.key() instanceof JsonShape.EnumValue enumKey
            ? CodeBlock.of("$L == null ? null : $L", key, enumCode.wireValue(enumKey.shape(), key))
            : prefix.isEmpty() ? key : CodeBlock.of("$S + $L", prefix, key);
    return CodeBlock.builder()
        .beginControlFlow("for ($T $N : $L.entrySet())", entryType, entry, expression)
        .add(separator)
        .addStatement("$T.appendKey(out, $L)", JSON, keyText)
        .addStatement("out.append(':')")
        .add(appendNullable(map.value(), CodeBlock.of("$N.getValue()", entry), depth + 1))
        .endControlFlow()
        .build();
  }

  private MethodSpec recordWriter(JsonShape.RecordValue record) {
    MethodSpec existing = recordWriters.get(record.type());
    if (existing != null) {
      return existing;
    }
    // Whether a member was written before this one: NONE, SOME, or MAYBE, known only at run time
    // when optional components came first.
    boolean needsFlag = false;
    Written written = Written.NONE;
    for (Component component : record.components()) {
      needsFlag |= written == Written.MAYBE;
      written =
          component.optional()
              ? (written == Written.SOME ? Written.SOME : Written.MAYBE)
              : Written.SOME;
    }
    CodeBlock.Builder body = CodeBlock.builder();
    if (needsFlag) {
      body.addStatement("boolean first = true");
    }
    body.addStatement("out.append('{')");
    written = Written.NONE;
    for (Component component : record.components()) {
      CodeBlock value = CodeBlock.of("value.$N()", component.accessor());
      String name = jsonName(component.jsonName());
      CodeBlock.Builder member = CodeBlock.builder();
      if (written == Written.MAYBE) {
        member.addStatement("out.append(first ? $S : $S)", name, "," + name);
      } else {
        member.addStatement("out.append($S)", (written == Written.SOME ? "," : "") + name);
      }
      if (needsFlag && written != Written.SOME) {
        member.addStatement("first = false");
      }
      if (component.optional()) {
        body.beginControlFlow("if ($L.isPresent())", value)
            .add(member.build())
            .add(append(component.shape(), CodeBlock.of("$L.get()", value), 0))
            .endControlFlow();
        written = written == Written.SOME ? Written.SOME : Written.MAYBE;
      } else {
        body.add(member.build()).add(appendNullable(component.shape(), value, 0));
        written = Written.SOME;
      }
    }
    body.addStatement("out.append('}')");
    MethodSpec writer =
        MethodSpec.methodBuilder("append" + record.type().simpleName() + "Json")
            .addJavadoc("Appends {@code value} as a JSON object of its components.\n")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(StringBuilder.class, "out")
            .addParameter(record.type(), "value")
            .addCode(body.build())
            .build();
    recordWriters.put(record.type(), writer);
    return writer;
  }

  private enum Written {
    NONE,
    SOME,
    MAYBE
  }

  /**
   * The member's name as a JSON string followed by a colon, worked out once by the processor so
   * that the generated code appends it as a constant.
   */
  public static String jsonName(String name) {
    StringBuilder text = new StringBuilder();
    Json.appendString(text, name);
    return text.append(':').toString();
  }

  /**
   * The body of a method writing a JSON object's members in order, as Jackson writes them: each
   * left out or written as its {@link Inclusion} says, after the separator it needs where members
   * before it may have been left out. The method returns the object's text.
   */
  public static final class ObjectMembers {
    private final CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement("$T out = new $T(256)", StringBuilder.class, StringBuilder.class)
            .addStatement("out.append('{')");
    private boolean somethingWritten;
    private boolean maybeWritten;

    /**
     * The member of {@code property}, named by its wire name: {@code append} writes its value,
     * {@code this.name}, where it is not null.
     */
    public void member(Property<?> property, Inclusion inclusion, CodeBlock append) {
      String name = jsonName(property.wireName());
      CodeBlock separator;
      if (somethingWritten) {
        separator = CodeBlock.of("out.append($S)", "," + name);
      } else if (!maybeWritten) {
        separator = CodeBlock.of("out.append($S)", name);
      } else {
        separator = CodeBlock.of("out.append(out.length() > 1 ? $S : $S)", "," + name, name);
      }
      CodeBlock.Builder member = CodeBlock.builder().addStatement(separator);
      if (!property.required() && inclusion == Inclusion.ALWAYS) {
        member
            .beginControlFlow("if (this.$N == null)", property.name())
            .addStatement("out.append($S)", "null")
            .nextControlFlow("else")
            .add(append)
            .endControlFlow();
      } else {
        member.add(append);
      }
      CodeBlock condition = condition(property, inclusion);
      if (condition == null) {
        code.add(member.build());
        somethingWritten = true;
      } else {
        code.beginControlFlow("if ($L)", condition).add(member.build()).endControlFlow();
        maybeWritten = true;
      }
    }

    /** Members that {@code members} writes with their own separators, and that may be none. */
    public void mayWrite(CodeBlock members) {
      code.add(members);
      maybeWritten = true;
    }

    /** Whether a member written before this point always is. */
    public boolean somethingWritten() {
      return somethingWritten;
    }

    /** Whether a member written before this point may have been left out. */
    public boolean maybeWritten() {
      return maybeWritten;
    }

    /** The method's body, which returns the object's text. */
    public CodeBlock body() {
      return code.build().toBuilder().addStatement("return out.append('}').toString()").build();
    }

    /** When the member is written, or null when it always is. */
    private static CodeBlock condition(Property<?> property, Inclusion inclusion) {
      if (property.required()) {
        return inclusion == Inclusion.NON_EMPTY && hasEmptiness(property.type())
            ? CodeBlock.of("!this.$N.isEmpty()", property.name())
            : null;
      }
      // Jackson's NON_EMPTY asks an Optional whether it is empty, not what it holds: an Optional
      // of "" is written under it, as under NON_ABSENT.
      return inclusion == Inclusion.ALWAYS
          ? null
          : CodeBlock.of("this.$N != null", property.name());
    }

    /** Whether values of {@code type} can be empty as Jackson's NON_EMPTY asks it. */
    private static boolean hasEmptiness(TypeName type) {
      TypeName raw = type instanceof ParameterizedTypeName p ? p.rawType() : type;
      return raw.equals(ClassName.get(String.class))
          || raw.equals(ClassName.get(List.class))
          || raw.equals(ClassName.get(Map.class));
    }
  }

  /** The enum helpers that both JSON and text parameters use. */
  public static final class EnumCode {
    private final Map<ClassName, FieldSpec> tables = new LinkedHashMap<>();
    private final NameAllocator names = new NameAllocator();

    /**
     * An expression for the constant whose wire value is {@code text}, refusing any other text with
     * an {@code InvalidParameterException} naming {@code parameter}.
     */
    public CodeBlock fromWireValue(EnumShape shape, CodeBlock parameter, CodeBlock text) {
      return CodeBlock.of("$N.constant($L, $L)", table(shape), parameter, text);
    }

    /** An expression for the wire value of {@code expression}, an enum constant. */
    public CodeBlock wireValue(EnumShape shape, CodeBlock expression) {
      if (!shape.renamesConstants()) {
        return CodeBlock.of("$L.name()", expression);
      }
      return CodeBlock.of("$N.wireValue($L)", table(shape), expression);
    }

    /** The tables of wire values that the expressions above use, one per enum type. */
    public List<FieldSpec> fields() {
      return List.copyOf(tables.values());
    }

    private FieldSpec table(EnumShape shape) {
      return tables.computeIfAbsent(
          shape.type(),
          type -> {
            CodeBlock.Builder table = CodeBlock.builder().add("$T.of($T.class)", WIRE_VALUES, type);
            for (Map.Entry<String, String> constant : shape.wireValues().entrySet()) {
              if (!constant.getKey().equals(constant.getValue())) {
                table.add("\n.with($T.$N, $S)", type, constant.getKey(), constant.getValue());
              }
            }
            String name =
                type.simpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)
                    + "_VALUES";
            return FieldSpec.builder(
                    ParameterizedTypeName.get(WIRE_VALUES, type),
                    names.newName(name),
                    Modifier.PRIVATE,
                    Modifier.STATIC,
                    Modifier.FINAL)
                .initializer("$>$>$L$<$<", table.build())
                .build();
          });
    }
  }

  /** Whether writing a value of {@code shape} can be refused: a non-finite number, say. */
  public static boolean mayRefuse(JsonShape shape) {
    if (shape instanceof JsonShape.Scalar scalar) {
      return scalar.kind() == JsonShape.ScalarKind.DECIMAL;
    }
    if (shape instanceof JsonShape.SelfWriting) {
      return true;
    }
    if (shape instanceof JsonShape.ListOf list) {
      return mayRefuse(list.element());
    }
    if (shape instanceof JsonShape.MapOf map) {
      return mayRefuse(map.value());
    }
    if (shape instanceof JsonShape.RecordValue record) {
      return record.components().stream().anyMatch(c -> mayRefuse(c.shape()));
    }
    return false;
  }
}
