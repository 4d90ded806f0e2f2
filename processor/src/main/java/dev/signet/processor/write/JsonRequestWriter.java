package dev.signet.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.signet.processor.model.JsonField;
import dev.signet.processor.model.JsonField.Inclusion;
import dev.signet.processor.model.JsonRequestModel;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.write.JsonCode.EnumCode;
import dev.signet.runtime.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import javax.lang.model.element.Modifier;

/** Writes the class that a {@link JsonRequestModel} describes. */
public final class JsonRequestWriter {
  private static final String RUNTIME = "dev.signet.runtime";
  private static final ClassName VENDOR_REQUEST = ClassName.get(RUNTIME, "VendorRequest");
  private static final ClassName JSON_HTTP_CLIENT = ClassName.get(RUNTIME, "JsonHttpClient");
  private static final ClassName CHECKS = ClassName.get(RUNTIME, "ParameterChecks");
  private static final ClassName REDACTION = ClassName.get(RUNTIME, "Redaction");
  private static final ClassName INVALID = ClassName.get(RUNTIME, "InvalidParameterException");
  private static final ClassName URI_COMPONENT = ClassName.get(RUNTIME, "UriComponentEncoding");
  private static final ClassName OPTIONAL = ClassName.get(Optional.class);
  private static final TypeName HEADER_MAP =
      ParameterizedTypeName.get(Map.class, String.class, String.class);

  private final JsonRequestModel model;
  private final AnnotationSpec generated;
  private final EnumCode enumCode = new EnumCode();
  private final JsonCode jsonCode = new JsonCode(enumCode);
  private final List<MethodSpec> fieldWriters = new ArrayList<>();
  private final NameAllocator helperNames = new NameAllocator();
  private final ClassName buildStage;
  private final String bodyField;
  private final String headersField;
  private final String writeBody;
  private final String writeHeaders;

  private JsonRequestWriter(JsonRequestModel model, AnnotationSpec generated) {
    this.model = model;
    this.generated = generated;
    this.buildStage = model.generated().nestedClass("BuildStage");
    // The reader keeps "body" and "headers" free; the helpers' names must not meet a field's.
    for (JsonField field : model.fields()) {
      helperNames.newName(field.methodName());
    }
    this.bodyField = helperNames.newName("body");
    this.headersField = helperNames.newName("headers");
    this.writeBody = helperNames.newName("writeBody");
    this.writeHeaders = helperNames.newName("writeHeaders");
  }

  /**
   * The generated source for {@code model}.
   *
   * @param generated the {@code @Generated} annotation to put on it, or null where the compiled
   *     code's platform has none
   */
  public static JavaFile write(JsonRequestModel model, AnnotationSpec generated) {
    return new JsonRequestWriter(model, generated).javaFile();
  }

  private JavaFile javaFile() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(model.generated())
            .addOriginatingElement(model.element())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(model.declaration())
            .addSuperinterface(VENDOR_REQUEST)
            .addJavadoc(
                "A {@code $L $L} request with a JSON body, as {@link $T} declares it.\n\n"
                    + "<p>Start with {@link #builder()}; send with {@link $T#send(VendorRequest)}."
                    + " Instances are immutable.$L\n",
                model.method(),
                model.path(),
                model.declaration(),
                JSON_HTTP_CLIENT,
                model.fields().stream().anyMatch(JsonField::redacted)
                    ? " The credentials it carries stay out of {@link #toString()}."
                    : "");
    if (generated != null) {
      type.addAnnotation(generated);
    }
    type.addField(
        FieldSpec.builder(String.class, "METHOD", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The request's HTTP method.\n")
            .initializer("$S", model.method())
            .build());
    type.addField(
        FieldSpec.builder(String.class, "PATH", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The request's path, which follows the base URI it is sent to.\n")
            .initializer("$S", model.path())
            .build());
    for (JsonField field : model.fields()) {
      type.addField(fieldType(field), field.methodName(), Modifier.PRIVATE, Modifier.FINAL);
    }
    type.addField(String.class, bodyField, Modifier.PRIVATE, Modifier.FINAL);
    type.addField(HEADER_MAP, headersField, Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(constructor());
    type.addMethod(builderMethod());
    for (JsonField field : model.fields()) {
      type.addMethod(accessor(field));
    }
    type.addMethod(
        MethodSpec.methodBuilder("method")
            .addJavadoc("{@value #METHOD}\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return METHOD")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("path")
            .addJavadoc("{@value #PATH}\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return PATH")
            .build());
    type.addMethod(headersMethod());
    type.addMethod(bodyMethod());
    type.addMethod(redactMethod());
    type.addMethod(writeBodyMethod());
    type.addMethod(writeHeadersMethod());
    type.addMethod(equalsMethod());
    type.addMethod(hashCodeMethod());
    type.addMethod(toStringMethod());
    type.addMethods(fieldWriters);
    type.addMethods(jsonCode.recordWriters());
    type.addMethods(enumCode.methods());
    type.addTypes(stages());
    type.addType(builderClass());
    return JavaFile.builder(model.generated().packageName(), type.build())
        .addFileComment("Generated by Signet from $L. Do not edit.", model.declaration().simpleName())
        .skipJavaLangImports(true)
        .build();
  }

  /** Required values are stored as declared; optional ones boxed and null when absent. */
  private static TypeName fieldType(JsonField field) {
    return field.required() ? field.valueType() : field.valueType().box();
  }

  private static String rawName(TypeName type) {
    return type instanceof ParameterizedTypeName parameterized
        ? parameterized.rawType().canonicalName()
        : type.toString();
  }

  private static boolean isString(JsonField field) {
    return field.valueType().equals(ClassName.get(String.class));
  }

  /** Whether the value has an {@code isEmpty()}: strings, lists and maps. */
  private static boolean hasEmptiness(JsonField field) {
    String raw = rawName(field.valueType());
    return isString(field) || raw.equals("java.util.List") || raw.equals("java.util.Map");
  }

  // ---- construction and validation

  private MethodSpec constructor() {
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(model.generated().nestedClass("Builder"), "builder");
    for (JsonField field : model.fields()) {
      constructor.addStatement("this.$N = $L", field.methodName(), checked(field));
    }
    constructor.addStatement("this.$N = $N()", bodyField, writeBody);
    constructor.addStatement("this.$N = $N()", headersField, writeHeaders);
    return constructor.build();
  }

  /** The builder's value for {@code field}, checked, and copied when it is a collection. */
  private static CodeBlock checked(JsonField field) {
    CodeBlock value = CodeBlock.of("builder.$N", field.methodName());
    String wire = field.wireName();
    if (field.header()) {
      CodeBlock header = CodeBlock.of("$T.headerValue($S, $L)", CHECKS, wire, value);
      return field.required()
          ? CodeBlock.of("$T.notEmpty($S, $L)", CHECKS, wire, header)
          : CodeBlock.of("$L == null ? null : $L", value, header);
    }
    if (isString(field) && field.required()) {
      return CodeBlock.of("$T.notEmpty($S, $L)", CHECKS, wire, value);
    }
    String raw = rawName(field.valueType());
    CodeBlock copy;
    if (raw.equals("java.util.List")) {
      copy = CodeBlock.of("$T.unmodifiableList(new $T<>($L))", Collections.class, ArrayList.class, value);
    } else if (raw.equals("java.util.Map")) {
      copy = CodeBlock.of("$T.unmodifiableMap(new $T<>($L))", Collections.class, LinkedHashMap.class, value);
    } else {
      return value;
    }
    return field.required() ? copy : CodeBlock.of("$L == null ? null : $L", value, copy);
  }

  // ---- the body and the headers

  private MethodSpec writeBodyMethod() {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement("$T out = new $T(256)", StringBuilder.class, StringBuilder.class)
            .addStatement("out.append('{')");
    boolean somethingWritten = false;
    boolean maybeWritten = false;
    for (JsonField field : model.bodyFields()) {
      String name = jsonName(field.wireName());
      CodeBlock separator;
      if (somethingWritten) {
        separator = CodeBlock.of("out.append($S)", "," + name);
      } else if (!maybeWritten) {
        separator = CodeBlock.of("out.append($S)", name);
      } else {
        separator =
            CodeBlock.of("out.append(out.length() > 1 ? $S : $S)", "," + name, name);
      }
      CodeBlock condition = condition(field);
      CodeBlock.Builder member = CodeBlock.builder().addStatement(separator);
      CodeBlock self = CodeBlock.of("this.$N", field.methodName());
      if (!field.required() && field.inclusion() == Inclusion.ALWAYS) {
        member
            .beginControlFlow("if ($L == null)", self)
            .addStatement("out.append($S)", "null")
            .nextControlFlow("else")
            .add(value(field, self))
            .endControlFlow();
      } else {
        member.add(value(field, self));
      }
      if (condition == null) {
        code.add(member.build());
        somethingWritten = true;
      } else {
        code.beginControlFlow("if ($L)", condition).add(member.build()).endControlFlow();
        maybeWritten = true;
      }
    }
    code.addStatement("return out.append('}').toString()");
    return MethodSpec.methodBuilder(writeBody)
        .addJavadoc("Writes the JSON body once, when the request is built.\n")
        .addModifiers(Modifier.PRIVATE)
        .returns(String.class)
        .addCode(code.build())
        .build();
  }

  /** When a member is written, or null when it always is. */
  private static CodeBlock condition(JsonField field) {
    String name = field.methodName();
    boolean skipsEmpty = field.inclusion() == Inclusion.NON_EMPTY && hasEmptiness(field);
    if (field.required()) {
      return skipsEmpty ? CodeBlock.of("!this.$N.isEmpty()", name) : null;
    }
    // Jackson's NON_EMPTY asks an Optional whether it is empty, not what it holds: an Optional
    // of "" is written under it, as under NON_ABSENT.
    return field.inclusion() == Inclusion.ALWAYS ? null : CodeBlock.of("this.$N != null", name);
  }

  /** Code appending the value of {@code field}, held by {@code expression} and not null. */
  private CodeBlock value(JsonField field, CodeBlock expression) {
    CodeBlock append;
    if (field.urlEncodedJson()) {
      append =
          CodeBlock.of(
              "$T.appendString(out, $T.encode($N($L)));\n",
              JsonCode.JSON, URI_COMPONENT, urlEncodedWriter(field), expression);
    } else if (field.shape() instanceof JsonShape.ListOf || field.shape() instanceof JsonShape.MapOf) {
      // A method of its own, so that the loops' variables of two fields never meet.
      append = CodeBlock.of("$N(out, $L);\n", collectionWriter(field), expression);
    } else {
      append = jsonCode.append(field.shape(), expression);
    }
    if (!field.urlEncodedJson() && !mayRefuse(field.shape())) {
      return append;
    }
    return CodeBlock.builder()
        .beginControlFlow("try")
        .add(append)
        .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
        .add(
            field.urlEncodedJson()
                ? "// A value JSON cannot hold (NaN, say), or text URL encoding cannot (an unpaired surrogate).\n"
                : "// A value JSON cannot hold, such as NaN.\n")
        .addStatement("throw new $T($S, e.getMessage())", INVALID, field.wireName())
        .endControlFlow()
        .build();
  }

  /** Whether writing a value of {@code shape} can be refused: a non-finite number, say. */
  private static boolean mayRefuse(JsonShape shape) {
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

  private MethodSpec collectionWriter(JsonField field) {
    String name = field.methodName();
    MethodSpec writer =
        MethodSpec.methodBuilder(
                helperNames.newName(
                    "append" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Json"))
            .addJavadoc("Appends {@code $L} as JSON.\n", field.wireName())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(StringBuilder.class, "out")
            .addParameter(field.valueType(), "value")
            .addCode(jsonCode.append(field.shape(), CodeBlock.of("value")))
            .build();
    fieldWriters.add(writer);
    return writer;
  }

  private MethodSpec urlEncodedWriter(JsonField field) {
    MethodSpec writer =
        MethodSpec.methodBuilder(helperNames.newName(field.methodName() + "Json"))
            .addJavadoc("{@code $L} as compact JSON, before it is URL-encoded.\n", field.wireName())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(String.class)
            .addParameter(field.valueType(), "value")
            .addStatement("$T out = new $T()", StringBuilder.class, StringBuilder.class)
            .addCode(jsonCode.append(field.shape(), CodeBlock.of("value")))
            .addStatement("return out.toString()")
            .build();
    fieldWriters.add(writer);
    return writer;
  }

  /** The member's name as a JSON string followed by a colon. */
  private static String jsonName(String name) {
    StringBuilder text = new StringBuilder();
    Json.appendString(text, name);
    return text.append(':').toString();
  }

  private MethodSpec writeHeadersMethod() {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement("$T headers = new $T<>()", HEADER_MAP, LinkedHashMap.class)
            .addStatement("headers.put($S, $S)", "Content-Type", "application/json")
            .addStatement("headers.put($S, $S)", "Accept", "application/json");
    for (JsonField field : model.headerFields()) {
      CodeBlock value =
          field.headerPrefix().isEmpty()
              ? CodeBlock.of("this.$N", field.methodName())
              : CodeBlock.of("$S + this.$N", field.headerPrefix(), field.methodName());
      if (field.required()) {
        code.addStatement("headers.put($S, $L)", field.wireName(), value);
      } else {
        code.beginControlFlow("if (this.$N != null)", field.methodName())
            .addStatement("headers.put($S, $L)", field.wireName(), value)
            .endControlFlow();
      }
    }
    code.addStatement("return $T.unmodifiableMap(headers)", Collections.class);
    return MethodSpec.methodBuilder(writeHeaders)
        .addModifiers(Modifier.PRIVATE)
        .returns(HEADER_MAP)
        .addCode(code.build())
        .build();
  }

  // ---- the public API of the request

  private MethodSpec builderMethod() {
    List<JsonField> required = model.requiredInBuilder();
    String order =
        required.isEmpty()
            ? "It has no required fields."
            : "It asks for the required fields in this order: "
                + String.join(", ", required.stream().map(JsonField::methodName).toList()) + ".";
    return MethodSpec.methodBuilder("builder")
        .addJavadoc("Starts a request. $L\n", order)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(firstStage())
        .addStatement("return new Builder()")
        .build();
  }

  private MethodSpec accessor(JsonField field) {
    MethodSpec.Builder accessor =
        MethodSpec.methodBuilder(field.methodName())
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC);
    if (field.deprecated()) {
      accessor.addAnnotation(Deprecated.class);
    }
    if (field.required()) {
      return accessor.returns(field.valueType()).addStatement("return this.$N", field.methodName()).build();
    }
    return accessor
        .returns(ParameterizedTypeName.get(OPTIONAL, field.valueType().box()))
        .addStatement("return $T.ofNullable(this.$N)", OPTIONAL, field.methodName())
        .build();
  }

  private MethodSpec headersMethod() {
    List<String> names = new ArrayList<>(List.of("Content-Type", "Accept"));
    model.headerFields().forEach(f -> names.add(f.wireName()));
    return MethodSpec.methodBuilder("headers")
        .addJavadoc("The headers to send, in order: $L.\n", String.join(", ", names))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(HEADER_MAP)
        .addStatement("return $N", headersField)
        .build();
  }

  private MethodSpec bodyMethod() {
    List<String> members = model.bodyFields().stream().map(JsonField::wireName).toList();
    return MethodSpec.methodBuilder("body")
        .addJavadoc(
            "The body: a compact JSON object of $L.\n",
            members.isEmpty() ? "no members" : String.join(", ", members))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $N", bodyField)
        .build();
  }

  private MethodSpec redactMethod() {
    List<JsonField> redacted = model.fields().stream().filter(JsonField::redacted).toList();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("redact")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addParameter(String.class, "text");
    if (redacted.isEmpty()) {
      return method
          .addJavadoc("{@code text} as it is: this request carries no credential.\n")
          .addStatement("return text")
          .build();
    }
    return method
        .addJavadoc(
            "{@code text} with the values of $L replaced by {@code [redacted]}.\n",
            String.join(", ", redacted.stream().map(JsonField::wireName).toList()))
        .addStatement(
            "return $T.redact(text, $L)",
            REDACTION,
            CodeBlock.join(
                redacted.stream().map(f -> CodeBlock.of("this.$N", f.methodName())).toList(), ", "))
        .build();
  }

  private MethodSpec equalsMethod() {
    CodeBlock.Builder comparison = CodeBlock.builder();
    List<JsonField> fields = model.fields();
    if (fields.isEmpty()) {
      comparison.add("true");
    }
    for (int i = 0; i < fields.size(); i++) {
      JsonField field = fields.get(i);
      String name = field.methodName();
      comparison.add(i == 0 ? "" : "\n    && ");
      if (field.required() && field.primitive()) {
        comparison.add("this.$N == that.$N", name, name);
      } else {
        comparison.add("$T.equals(this.$N, that.$N)", Objects.class, name, name);
      }
    }
    return MethodSpec.methodBuilder("equals")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Object.class, "other")
        .beginControlFlow("if (!(other instanceof $T))", model.generated())
        .addStatement("return false")
        .endControlFlow()
        .addStatement("$T that = ($T) other", model.generated(), model.generated())
        .addStatement("return $L", comparison.build())
        .build();
  }

  private MethodSpec hashCodeMethod() {
    List<String> hashed =
        model.fields().stream().filter(f -> !f.redacted()).map(f -> "this." + f.methodName()).toList();
    return MethodSpec.methodBuilder("hashCode")
        .addJavadoc(
            model.fields().stream().anyMatch(JsonField::redacted)
                ? "Leaves the credentials out, so that no hash reveals anything of them.\n"
                : "")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement("return $T.hash($L)", Objects.class, String.join(", ", hashed))
        .build();
  }

  private MethodSpec toStringMethod() {
    CodeBlock.Builder body =
        CodeBlock.builder()
            .addStatement(
                "$T text = new $T($S, $S, $S)",
                StringJoiner.class, StringJoiner.class, ", ", model.generated().simpleName() + "{", "}");
    for (JsonField field : model.fields()) {
      CodeBlock add =
          field.redacted()
              ? CodeBlock.of("text.add($S)", field.wireName() + "=[redacted]")
              : CodeBlock.of("text.add($S + this.$N)", field.wireName() + "=", field.methodName());
      if (field.required()) {
        body.addStatement(add);
      } else {
        body.beginControlFlow("if (this.$N != null)", field.methodName()).addStatement(add).endControlFlow();
      }
    }
    body.addStatement("return text.toString()");
    return MethodSpec.methodBuilder("toString")
        .addJavadoc(
            "The fields that are present, by their JSON or header names$L.\n",
            model.fields().stream().anyMatch(JsonField::redacted)
                ? ", with {@code [redacted]} in place of each credential"
                : "")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addCode(body.build())
        .build();
  }

  // ---- the staged builder

  private static String stageName(JsonField field) {
    String name = field.methodName();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Stage";
  }

  private ClassName firstStage() {
    List<JsonField> required = model.requiredInBuilder();
    return required.isEmpty() ? buildStage : stage(required.get(0));
  }

  private ClassName stage(JsonField field) {
    return model.generated().nestedClass(stageName(field));
  }

  /** The stage after the one that asks for {@code required.get(i)}. */
  private ClassName nextStage(List<JsonField> required, int i) {
    return i + 1 < required.size() ? stage(required.get(i + 1)) : buildStage;
  }

  /**
   * Every stage but the last asks for one required field. Each stage also takes the optional
   * fields and stays where it is, so a call site may give them anywhere in the chain: making one
   * of them required later breaks only the call sites that lack it.
   */
  private List<TypeSpec> stages() {
    List<TypeSpec> stages = new ArrayList<>();
    List<JsonField> required = model.requiredInBuilder();
    String optionalToo =
        model.optionalInBuilder().isEmpty() ? "" : ";\noptional fields may be set here too";
    for (int i = 0; i < required.size(); i++) {
      JsonField field = required.get(i);
      stages.add(
          TypeSpec.interfaceBuilder(stageName(field))
              .addModifiers(Modifier.PUBLIC)
              .addJavadoc(
                  "The builder's step that sets the required {@code $L}$L.\n", field.wireName(), optionalToo)
              .addMethod(
                  setterSignature(field, field.valueType(), nextStage(required, i))
                      .addModifiers(Modifier.ABSTRACT)
                      .build())
              .addMethods(optionalSetters(stage(field), false))
              .build());
    }
    TypeSpec.Builder last =
        TypeSpec.interfaceBuilder(buildStage)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("The builder's last step: the optional fields, then {@link #build()}.\n")
            .addMethods(optionalSetters(buildStage, false));
    last.addMethod(
        MethodSpec.methodBuilder("build")
            .addJavadoc(
                "Checks every field and builds the request, writing its body.\n\n"
                    + "@throws dev.signet.runtime.InvalidParameterException naming the first"
                    + " field whose value breaks a rule of the request\n")
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .returns(model.generated())
            .build());
    stages.add(last.build());
    return stages;
  }

  /**
   * The setters of the optional fields, each with its {@code Optional} overload, returning
   * {@code returns}: abstract in a stage, or in the builder implemented once for every stage.
   */
  private List<MethodSpec> optionalSetters(ClassName returns, boolean implemented) {
    List<MethodSpec> setters = new ArrayList<>();
    for (JsonField field : model.optionalInBuilder()) {
      TypeName type = setterType(field);
      setters.add(setter(setterSignature(field, type, returns), implemented, store(field, type)));
      setters.add(
          setter(
              setterSignature(field, ParameterizedTypeName.get(OPTIONAL, field.valueType()), returns),
              implemented,
              CodeBlock.of("this.$N = $N.orElse(null)", field.methodName(), field.methodName())));
    }
    return setters;
  }

  /** A stage's abstract setter, or the builder's, which stores the value and returns itself. */
  private static MethodSpec setter(MethodSpec.Builder signature, boolean implemented, CodeBlock store) {
    if (!implemented) {
      return signature.addModifiers(Modifier.ABSTRACT).build();
    }
    return signature
        .addAnnotation(Override.class)
        .addStatement(store)
        .addStatement("return this")
        .build();
  }

  /** Optional booleans and numbers are set with primitives; the Optional overload takes the box. */
  private static TypeName setterType(JsonField field) {
    TypeName type = field.valueType();
    return type.isBoxedPrimitive() ? type.unbox() : type;
  }

  private MethodSpec.Builder setterSignature(JsonField field, TypeName type, ClassName returns) {
    boolean optionalOverload =
        type instanceof ParameterizedTypeName p && p.rawType().equals(OPTIONAL);
    String what = field.header() ? "the header {@code $L}" : "{@code $L}";
    String doc;
    if (optionalOverload) {
      doc = "Sets " + what + ", or leaves it absent when the Optional is empty.\n";
    } else if (field.required()) {
      doc = "Sets " + what + ", which every request has.\n";
    } else {
      doc = "Sets the optional " + what + ".\n";
    }
    MethodSpec.Builder setter =
        MethodSpec.methodBuilder(field.methodName())
            .addJavadoc(doc, field.wireName())
            .addModifiers(Modifier.PUBLIC)
            .returns(returns)
            .addParameter(type, field.methodName());
    if (field.deprecated()) {
      setter.addAnnotation(Deprecated.class);
    }
    return setter;
  }

  private TypeSpec builderClass() {
    TypeSpec.Builder builder =
        TypeSpec.classBuilder("Builder")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Collects fields; the request checks them when it is built.\n");
    List<JsonField> required = model.requiredInBuilder();
    for (JsonField field : required) {
      builder.addSuperinterface(stage(field));
    }
    builder.addSuperinterface(buildStage);
    for (JsonField field : model.fields()) {
      builder.addField(field.valueType().box(), field.methodName(), Modifier.PRIVATE);
    }
    for (int i = 0; i < required.size(); i++) {
      JsonField field = required.get(i);
      builder.addMethod(
          setter(
              setterSignature(field, field.valueType(), nextStage(required, i)),
              true,
              store(field, field.valueType())));
    }
    // Returning the builder itself, each optional setter overrides those of every stage.
    builder.addMethods(optionalSetters(model.generated().nestedClass("Builder"), true));
    builder.addMethod(
        MethodSpec.methodBuilder("build")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(model.generated())
            .addStatement("return new $T(this)", model.generated())
            .build());
    return builder.build();
  }

  private static CodeBlock store(JsonField field, TypeName type) {
    String name = field.methodName();
    return type.isPrimitive()
        ? CodeBlock.of("this.$N = $N", name, name)
        : CodeBlock.of("this.$N = $T.notNull($S, $N)", name, CHECKS, field.wireName(), name);
  }
}
