package dev.signet.processor.jsonrequest;

import static dev.signet.processor.write.RuntimeTypes.CHECKS;
import static dev.signet.processor.write.RuntimeTypes.INVALID;
import static dev.signet.processor.write.RuntimeTypes.JSON;
import static dev.signet.processor.write.RuntimeTypes.JSON_HTTP_CLIENT;
import static dev.signet.processor.write.RuntimeTypes.REDACTION;
import static dev.signet.processor.write.RuntimeTypes.URI_COMPONENT;
import static dev.signet.processor.write.RuntimeTypes.VENDOR_REQUEST;

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
import dev.signet.processor.kind.DeclarationKind;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.Property;
import dev.signet.processor.write.Descriptions;
import dev.signet.processor.write.JsonCode;
import dev.signet.processor.write.JsonCode.EnumCode;
import dev.signet.processor.write.StagedBuilderWriter;
import dev.signet.processor.write.ValueClassWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Writes the class that a {@link JsonRequestModel} describes. */
public final class JsonRequestWriter {
  /** The names the generated class takes, which no field may take. */
  static final Set<String> RESERVED_NAMES =
      Set.of("method", "path", "headers", "body", "redact", "METHOD", "PATH");

  private static final TypeName HEADER_MAP =
      ParameterizedTypeName.get(Map.class, String.class, String.class);

  /** The generated source for {@code model}, as {@link DeclarationKind#write} is. */
  public static JavaFile write(JsonRequestModel model, AnnotationSpec generated) {
    return new JsonRequestWriter(model, generated).javaFile();
  }

  private final JsonRequestModel model;
  private final AnnotationSpec generated;
  private final EnumCode enumCode = new EnumCode();
  private final JsonCode jsonCode = new JsonCode(enumCode);
  private final List<MethodSpec> fieldWriters = new ArrayList<>();
  private final NameAllocator helperNames = new NameAllocator();
  private final String bodyField;
  private final String headersField;
  private final String writeBody;
  private final String writeHeaders;

  private JsonRequestWriter(JsonRequestModel model, AnnotationSpec generated) {
    this.model = model;
    this.generated = generated;
    // The reader keeps "body" and "headers" free; the helpers' names must not meet a field's.
    for (Property<JsonForm> field : model.fields()) {
      helperNames.newName(field.name());
    }
    this.bodyField = helperNames.newName("body");
    this.headersField = helperNames.newName("headers");
    this.writeBody = helperNames.newName("writeBody");
    this.writeHeaders = helperNames.newName("writeHeaders");
  }

  private CodeBlock classJavadoc() {
    return CodeBlock.of(
        "A {@code $L $L} request with a JSON body, as {@link $T} declares it.\n\n"
            + "<p>Start with {@link #builder()}; send with {@link"
            + " $T#send(VendorRequest)}. Instances are immutable.$L\n",
        model.method(),
        model.path(),
        model.declaration().declared(),
        JSON_HTTP_CLIENT,
        model.fields().stream().anyMatch(Property::redacted)
            ? " The credentials it carries stay out of {@link #toString()}."
            : "");
  }

  private JavaFile javaFile() {
    TypeSpec.Builder type =
        ValueClassWriter.valueClass(model.declaration(), generated, classJavadoc())
            .addSuperinterface(VENDOR_REQUEST);
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
    type.addFields(ValueClassWriter.fields(model.fields()));
    type.addField(String.class, bodyField, Modifier.PRIVATE, Modifier.FINAL);
    type.addField(HEADER_MAP, headersField, Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(constructor());
    type.addMethods(ValueClassWriter.accessors(model.fields()));
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
    type.addMethod(ValueClassWriter.equalsMethod(model.declaration().generated(), model.fields()));
    type.addMethod(ValueClassWriter.hashCodeMethod(model.fields()));
    type.addMethod(
        ValueClassWriter.redactingToString(
            model.declaration().generated(),
            model.fields(),
            field -> !field.required(),
            "The fields that are present, by their JSON or header names"));
    type.addMethods(fieldWriters);
    type.addMethods(jsonCode.recordWriters());
    type.addFields(enumCode.fields());
    StagedBuilderWriter.addTo(type, builderSpec());
    return ValueClassWriter.javaFile(model.declaration(), type.build());
  }

  private static String rawName(TypeName type) {
    return type instanceof ParameterizedTypeName parameterized
        ? parameterized.rawType().canonicalName()
        : type.toString();
  }

  private static boolean isString(Property<JsonForm> field) {
    return field.type().equals(ClassName.get(String.class));
  }

  // ---- construction and validation

  private MethodSpec constructor() {
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(model.declaration().generated().nestedClass("Builder"), "builder");
    for (Property<JsonForm> field : model.fields()) {
      constructor.addStatement("this.$N = $L", field.name(), checked(field));
    }
    constructor.addStatement("this.$N = $N()", bodyField, writeBody);
    constructor.addStatement("this.$N = $N()", headersField, writeHeaders);
    return constructor.build();
  }

  /** The builder's value for {@code field}, checked, and copied when it is a collection. */
  private static CodeBlock checked(Property<JsonForm> field) {
    CodeBlock value = CodeBlock.of("builder.$N", field.name());
    String wire = field.wireName();
    if (field.form().header()) {
      CodeBlock header = CodeBlock.of("$T.headerValue($S, $L)", CHECKS, wire, value);
      return field.required()
          ? CodeBlock.of("$T.notEmpty($S, $L)", CHECKS, wire, header)
          : CodeBlock.of("$L == null ? null : $L", value, header);
    }
    if (isString(field) && field.required()) {
      return CodeBlock.of("$T.notEmpty($S, $L)", CHECKS, wire, value);
    }
    String raw = rawName(field.type());
    CodeBlock copy;
    if (raw.equals("java.util.List")) {
      copy =
          CodeBlock.of(
              "$T.unmodifiableList(new $T<>($L))", Collections.class, ArrayList.class, value);
    } else if (raw.equals("java.util.Map")) {
      copy =
          CodeBlock.of(
              "$T.unmodifiableMap(new $T<>($L))", Collections.class, LinkedHashMap.class, value);
    } else {
      return value;
    }
    return field.required() ? copy : CodeBlock.of("$L == null ? null : $L", value, copy);
  }

  // ---- the body and the headers

  private MethodSpec writeBodyMethod() {
    JsonCode.ObjectMembers members = new JsonCode.ObjectMembers();
    for (Property<JsonForm> field : model.bodyFields()) {
      members.member(
          field, field.form().inclusion(), value(field, CodeBlock.of("this.$N", field.name())));
    }
    return MethodSpec.methodBuilder(writeBody)
        .addJavadoc("Writes the JSON body once, when the request is built.\n")
        .addModifiers(Modifier.PRIVATE)
        .returns(String.class)
        .addCode(members.body())
        .build();
  }

  /** Code appending the value of {@code field}, held by {@code expression} and not null. */
  private CodeBlock value(Property<JsonForm> field, CodeBlock expression) {
    CodeBlock append;
    if (field.form().urlEncodedJson()) {
      append =
          CodeBlock.of(
              "$T.appendString(out, $T.encode($N($L)));\n",
              JSON,
              URI_COMPONENT,
              urlEncodedWriter(field),
              expression);
    } else if (field.form().shape() instanceof JsonShape.ListOf
        || field.form().shape() instanceof JsonShape.MapOf) {
      // A method of its own, so that the loops' variables of two fields never meet.
      append = CodeBlock.of("$N(out, $L);\n", collectionWriter(field), expression);
    } else {
      append = jsonCode.append(field.form().shape(), expression);
    }
    if (!field.form().urlEncodedJson() && !JsonCode.mayRefuse(field.form().shape())) {
      return append;
    }
    return CodeBlock.builder()
        .beginControlFlow("try")
        .add(append)
        .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
        .add(
            field.form().urlEncodedJson()
                ? "// A value JSON cannot hold (NaN, say), or text URL encoding cannot (an unpaired surrogate).\n"
                : "// A value JSON cannot hold, such as NaN.\n")
        .addStatement("throw new $T($S, e.getMessage())", INVALID, field.wireName())
        .endControlFlow()
        .build();
  }

  private MethodSpec collectionWriter(Property<JsonForm> field) {
    String name = field.name();
    MethodSpec writer =
        MethodSpec.methodBuilder(
                helperNames.newName(
                    "append" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Json"))
            .addJavadoc("Appends {@code $L} as JSON.\n", field.wireName())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(StringBuilder.class, "out")
            .addParameter(field.type(), "value")
            .addCode(jsonCode.append(field.form().shape(), CodeBlock.of("value")))
            .build();
    fieldWriters.add(writer);
    return writer;
  }

  private MethodSpec urlEncodedWriter(Property<JsonForm> field) {
    MethodSpec writer =
        MethodSpec.methodBuilder(helperNames.newName(field.name() + "Json"))
            .addJavadoc("{@code $L} as compact JSON, before it is URL-encoded.\n", field.wireName())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(String.class)
            .addParameter(field.type(), "value")
            .addStatement("$T out = new $T()", StringBuilder.class, StringBuilder.class)
            .addCode(jsonCode.append(field.form().shape(), CodeBlock.of("value")))
            .addStatement("return out.toString()")
            .build();
    fieldWriters.add(writer);
    return writer;
  }

  private MethodSpec writeHeadersMethod() {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement("$T headers = new $T<>()", HEADER_MAP, LinkedHashMap.class)
            .addStatement("headers.put($S, $S)", "Content-Type", "application/json")
            .addStatement("headers.put($S, $S)", "Accept", "application/json");
    for (Property<JsonForm> field : model.headerFields()) {
      CodeBlock value =
          field.form().headerPrefix().isEmpty()
              ? CodeBlock.of("this.$N", field.name())
              : CodeBlock.of("$S + this.$N", field.form().headerPrefix(), field.name());
      if (field.required()) {
        code.addStatement("headers.put($S, $L)", field.wireName(), value);
      } else {
        code.beginControlFlow("if (this.$N != null)", field.name())
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
    List<String> members = model.bodyFields().stream().map(Property::wireName).toList();
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
    List<Property<JsonForm>> redacted = model.fields().stream().filter(Property::redacted).toList();
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
            String.join(", ", redacted.stream().map(Property::wireName).toList()))
        .addStatement(
            "return $T.redact(text, $L)",
            REDACTION,
            CodeBlock.join(
                redacted.stream().map(f -> CodeBlock.of("this.$N", f.name())).toList(), ", "))
        .build();
  }

  // ---- the staged builder

  private StagedBuilderWriter.Spec builderSpec() {
    return new StagedBuilderWriter.Spec(
        model.declaration().generated(),
        "fields",
        model.requiredInBuilder(),
        model.optionalInBuilder(),
        JsonRequestWriter::named,
        field -> "Sets the optional " + named(field) + ".\n",
        field -> true,
        "Checks every field and builds the request, writing its body.\n\n"
            + "@throws dev.signet.runtime.InvalidParameterException naming the first field whose"
            + " value breaks a rule of the request\n");
  }

  /** How Javadoc names a field: by its JSON name, or as the header it is sent as. */
  private static String named(Property<?> field) {
    String name = "{@code " + ValueClassWriter.javadoc(field.wireName()) + "}";
    return ((JsonForm) field.form()).header() ? "the header " + name : name;
  }

  /** The description that {@code -Asignet.describe} writes beside the class. */
  public static String describe(JsonRequestModel model) {
    Map<String, Object> root = Descriptions.header("JsonRequest", model.declaration());
    root.put("method", model.method());
    root.put("path", model.path());
    List<Object> fields = new ArrayList<>();
    for (Property<JsonForm> field : model.fields()) {
      JsonForm form = field.form();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", field.name());
      if (form.header()) {
        entry.put("header", field.wireName());
        entry.put("prefix", form.headerPrefix());
      } else {
        entry.put("jsonName", field.wireName());
      }
      entry.put("type", Descriptions.typeName(field.type()));
      entry.put("required", field.required());
      if (!form.header()) {
        entry.put("inclusion", form.inclusion().name());
        entry.put("encoding", form.urlEncodedJson() ? "URL_ENCODED_JSON" : "JSON");
        entry.put("json", Descriptions.shape(form.shape()));
      }
      entry.put("redacted", field.redacted());
      entry.put("deprecated", field.deprecated());
      fields.add(entry);
    }
    root.put("fields", fields);
    root.put("builderOrder", model.requiredInBuilder().stream().map(Property::name).toList());
    return Descriptions.write(root);
  }
}
