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
import dev.signet.processor.model.Parameter;
import dev.signet.processor.model.SignedUrlModel;
import dev.signet.processor.model.TextForm;
import dev.signet.processor.write.JsonCode.EnumCode;
import dev.signet.runtime.FormEncoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import javax.lang.model.element.Modifier;

/** Writes the class that a {@link SignedUrlModel} describes. */
public final class SignedUrlWriter {
  private static final String RUNTIME = "dev.signet.runtime";
  private static final ClassName ORIGIN = ClassName.get(RUNTIME, "Origin");
  private static final ClassName SECRET = ClassName.get(RUNTIME, "Secret");
  private static final ClassName MAC_ALGORITHM = ClassName.get(RUNTIME, "MacAlgorithm");
  private static final ClassName CHECKS = ClassName.get(RUNTIME, "ParameterChecks");
  private static final ClassName RECEIVED = ClassName.get(RUNTIME, "ReceivedValues");
  private static final ClassName INVALID = ClassName.get(RUNTIME, "InvalidParameterException");
  private static final ClassName NONCES = ClassName.get(RUNTIME, "Nonces");
  private static final ClassName SIGNED_TEXT = ClassName.get(RUNTIME, "SignedText");
  private static final ClassName SIGNATURE_FORMAT = ClassName.get(RUNTIME, "SignatureFormat");
  private static final ClassName SCHEME = ClassName.get(RUNTIME, "SignedUrlScheme");
  private static final ClassName VERIFIER = ClassName.get(RUNTIME, "Verifier");
  private static final ClassName OPTIONAL = ClassName.get(Optional.class);

  private final SignedUrlModel model;
  private final AnnotationSpec generated;
  private final EnumCode enumCode = new EnumCode();
  private final JsonCode jsonCode = new JsonCode(enumCode);
  private final Map<Parameter, String> textFields = new LinkedHashMap<>();
  private final Map<Parameter, MethodSpec> jsonMethods = new LinkedHashMap<>();
  private final ClassName buildStage;

  private SignedUrlWriter(SignedUrlModel model, AnnotationSpec generated) {
    this.model = model;
    this.generated = generated;
    this.buildStage = model.generated().nestedClass("BuildStage");
    NameAllocator names = new NameAllocator();
    for (Parameter parameter : model.parameters()) {
      names.newName(parameter.methodName());
    }
    for (Parameter parameter : model.parameters()) {
      if (hasOwnText(parameter)) {
        textFields.put(parameter, names.newName(parameter.methodName() + "Text"));
      }
    }
  }

  /**
   * The generated source for {@code model}.
   *
   * @param generated the {@code @Generated} annotation to put on it, or null where the compiled
   *     code's platform has none
   */
  public static JavaFile write(SignedUrlModel model, AnnotationSpec generated) {
    return new SignedUrlWriter(model, generated).javaFile();
  }

  private JavaFile javaFile() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(model.generated())
            .addOriginatingElement(model.element())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(model.declaration())
            .addJavadoc(
                "A signed {@code $L} request, as {@link $T} declares it.\n\n"
                    + "<p>Start with {@link #builder()}; sign with {@link #signedUrl(Origin,"
                    + " Secret)}. Instances are immutable.\n",
                javadoc(model.path()),
                model.declaration());
    if (generated != null) {
      type.addAnnotation(generated);
    }
    type.addFields(constants());
    for (Parameter parameter : model.parameters()) {
      type.addField(
          FieldSpec.builder(fieldType(parameter), parameter.methodName(), Modifier.PRIVATE, Modifier.FINAL)
              .build());
      if (textFields.containsKey(parameter)) {
        type.addField(
            FieldSpec.builder(String.class, textFields.get(parameter), Modifier.PRIVATE, Modifier.FINAL)
                .build());
      }
    }
    type.addMethod(constructor());
    type.addMethod(builderMethod());
    for (Parameter parameter : model.parameters()) {
      type.addMethod(accessor(parameter));
    }
    type.addMethod(requestUrl());
    type.addMethod(canonicalText());
    type.addMethod(signedText());
    type.addMethod(signedUrl());
    type.addMethod(addParameters());
    type.addMethod(verifier());
    type.addMethod(fromReceived());
    type.addMethod(equalsMethod());
    type.addMethod(hashCodeMethod());
    type.addMethod(toStringMethod());
    type.addMethods(jsonMethods.values());
    type.addMethods(jsonCode.recordWriters());
    type.addMethods(jsonCode.recordReaders());
    type.addMethods(enumCode.methods());
    type.addTypes(stages());
    type.addType(builderClass());
    return JavaFile.builder(model.generated().packageName(), type.build())
        .addFileComment("Generated by Signet from $L. Do not edit.", model.declaration().simpleName())
        .skipJavaLangImports(true)
        .build();
  }

  // ---- constants and fields

  private List<FieldSpec> constants() {
    List<FieldSpec> constants = new ArrayList<>();
    constants.add(
        FieldSpec.builder(String.class, "PATH", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The request's path, which follows the origin in the URL and the first signed line.\n")
            .initializer("$S", model.path())
            .build());
    constants.add(
        FieldSpec.builder(String.class, "SEPARATOR", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("What joins the lines of the signed text.\n")
            .initializer("$S", model.separator())
            .build());
    Parameter nonce = nonce();
    constants.add(
        FieldSpec.builder(String.class, "NONCE_ALPHABET", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The characters a nonce is drawn from.\n")
            .initializer("$S", nonce.nonce().alphabet())
            .build());
    constants.add(
        FieldSpec.builder(int.class, "NONCE_LENGTH", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The length of every nonce.\n")
            .initializer("$L", nonce.nonce().length())
            .build());
    constants.add(scheme());
    return constants;
  }

  private FieldSpec scheme() {
    CodeBlock.Builder signedOrder = CodeBlock.builder();
    for (int i = 0; i < model.signedOrder().size(); i++) {
      signedOrder.add(i == 0 ? "$S" : ", $S", model.signedOrder().get(i).wireName());
    }
    CodeBlock.Builder required = CodeBlock.builder();
    List<Parameter> alwaysPresent = model.signedOrder().stream().filter(Parameter::required).toList();
    for (int i = 0; i < alwaysPresent.size(); i++) {
      required.add(i == 0 ? "$S" : ", $S", alwaysPresent.get(i).wireName());
    }
    return FieldSpec.builder(
            ParameterizedTypeName.get(SCHEME, model.generated()), "SCHEME", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("What a {@link $T} of these requests must know.\n", VERIFIER)
        .initializer(
            "new $T<>(\n$>$>PATH,\n$S,\n$T.$L,\n$T.$L,\n$T.of($L),\n$T.of($L),\n$S,\n$T::fromReceived,\n$T::signedText$<$<)",
            SCHEME,
            model.signatureParameter(),
            MAC_ALGORITHM, model.macAlgorithm(),
            SIGNATURE_FORMAT, model.digestEncoding(),
            List.class, signedOrder.build(),
            List.class, required.build(),
            nonce().wireName(),
            model.generated(),
            model.generated())
        .build();
  }

  private MethodSpec verifier() {
    return MethodSpec.methodBuilder("verifier")
        .addJavadoc(
            "A verifier of these requests at {@code origin}, signed with {@code secret}. Make one"
                + " and share it: it remembers the nonces it has accepted.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(VERIFIER, model.generated()))
        .addParameter(ORIGIN, "origin")
        .addParameter(SECRET, "secret")
        .addStatement("return $T.of(SCHEME, origin, secret)", VERIFIER)
        .build();
  }

  /** Reads a request back from the texts a verifier received. */
  private MethodSpec fromReceived() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("fromReceived")
            .addJavadoc(
                "Reads a request back from the texts a verifier received, in signed order, and"
                    + " refuses it unless\neach text is written exactly as this class writes it, so"
                    + " that the request is exactly what was\nsigned.\n")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(model.generated())
            .addParameter(String[].class, "received")
            .addStatement("Builder builder = new Builder()");
    for (Parameter parameter : model.parameters()) {
      CodeBlock text = received(parameter);
      // A parameter without a text of its own is its text; CodeBlock.equals would render both
      // blocks to find that out.
      if (!hasOwnText(parameter)) {
        method.addStatement("builder.$N = $L", parameter.methodName(), text);
      } else {
        method.addStatement(
            "builder.$N = $L == null ? null : $L",
            parameter.methodName(), text, readText(parameter, text));
      }
    }
    method.addStatement("$T request = new $T(builder)", model.generated(), model.generated());
    for (Parameter parameter : model.parameters()) {
      method.addStatement(
          "$T.requireWrittenAs($S, request.$N, $L)",
          RECEIVED,
          parameter.wireName(),
          textFields.getOrDefault(parameter, parameter.methodName()),
          received(parameter));
    }
    return method.addStatement("return request").build();
  }

  /** The text received for {@code parameter}: the verifier hands them over in signed order. */
  private CodeBlock received(Parameter parameter) {
    return CodeBlock.of("received[$L]", model.signedOrder().indexOf(parameter));
  }

  /**
   * An expression reading {@code text}, which is not null, as the value of a parameter with a text
   * of its own.
   */
  private CodeBlock readText(Parameter parameter, CodeBlock text) {
    TextForm form = parameter.text();
    CodeBlock wire = CodeBlock.of("$S", parameter.wireName());
    if (form instanceof TextForm.Scalar) {
      TypeName type = parameter.valueType().isBoxedPrimitive() ? parameter.valueType().unbox() : parameter.valueType();
      String method = type.equals(TypeName.BOOLEAN) ? "bool" : type.equals(TypeName.LONG) ? "longValue" : "intValue";
      return CodeBlock.of("$T.$N($L, $L)", RECEIVED, method, wire, text);
    }
    if (form instanceof TextForm.EnumConstant constant) {
      return enumCode.fromWireValue(constant.shape(), wire, text);
    }
    TextForm.Json json = (TextForm.Json) form;
    return jsonCode.read(json.shape(), CodeBlock.of("$T.json($L, $L)", RECEIVED, wire, text), wire);
  }

  private Parameter nonce() {
    return model.parameters().stream().filter(p -> p.nonce() != null).findFirst().orElseThrow();
  }

  /** Whether the parameter's signed text differs from its value, and so has a field of its own. */
  private static boolean hasOwnText(Parameter parameter) {
    return !(parameter.text() instanceof TextForm.Plain || parameter.text() instanceof TextForm.PreEncoded);
  }

  /** Required values are stored as declared; optional ones boxed and null when absent. */
  private static TypeName fieldType(Parameter parameter) {
    return parameter.required() ? parameter.valueType() : parameter.valueType().box();
  }

  /** The expression holding a parameter's signed text, null when it is absent. */
  private CodeBlock text(Parameter parameter) {
    String field = textFields.getOrDefault(parameter, parameter.methodName());
    return CodeBlock.of("this.$N", field);
  }

  // ---- construction and validation

  private MethodSpec constructor() {
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(model.generated().nestedClass("Builder"), "builder");
    for (Parameter parameter : model.parameters()) {
      constructor.addCode(validation(parameter));
    }
    return constructor.build();
  }

  /** Checks and stores one parameter from the builder, rendering its text once. */
  private CodeBlock validation(Parameter parameter) {
    String name = parameter.methodName();
    String wire = parameter.wireName();
    CodeBlock.Builder code = CodeBlock.builder();
    if (parameter.nonce() != null) {
      return code.addStatement(
              "this.$N = builder.$N == null ? $T.random(NONCE_LENGTH, NONCE_ALPHABET) : $T.check($S, builder.$N, NONCE_LENGTH, NONCE_ALPHABET)",
              name, name, NONCES, NONCES, wire, name)
          .build();
    }
    boolean text = parameter.text() instanceof TextForm.Plain || parameter.text() instanceof TextForm.PreEncoded;
    CodeBlock value = CodeBlock.of("builder.$N", name);
    if (text) {
      CodeBlock checked = lineCheck(wire, value);
      if (parameter.text() instanceof TextForm.PreEncoded) {
        checked = CodeBlock.of("$T.preEncoded($S, $L)", CHECKS, wire, checked);
      }
      if (parameter.required()) {
        return code.addStatement(
                "this.$N = $L",
                name,
                requiredText(wire, checked))
            .build();
      }
      return code.addStatement(
              "this.$N = $L == null || $L.isEmpty() ? null : $L", name, value, value, checked)
          .build();
    }
    code.addStatement("this.$N = $L", name, copied(parameter, value));
    CodeBlock rendered = render(parameter, CodeBlock.of("this.$N", name));
    if (needsRuntimeCheck(parameter)) {
      rendered = lineCheck(wire, rendered);
    }
    if (parameter.required()) {
      return code.addStatement("this.$N = $L", textFields.get(parameter), rendered).build();
    }
    return code.addStatement(
            "this.$N = this.$N == null ? null : $L", textFields.get(parameter), name, rendered)
        .build();
  }

  /**
   * The check that a required text is present: where values stand alone on lines that the
   * normalization trims, also that it is not changed by the trimming (see the runtime's check).
   */
  private CodeBlock requiredText(String wire, CodeBlock checked) {
    return model.javascriptTrimLines() && !model.signNames()
        ? CodeBlock.of(
            "$T.notEmpty($S, $L, $T.JAVASCRIPT_TRIM_LINES)",
            CHECKS, wire, checked, SIGNED_TEXT.nestedClass("Normalization"))
        : CodeBlock.of("$T.notEmpty($S, $L)", CHECKS, wire, checked);
  }

  /**
   * The check of a value's text: where lines hold values alone, no line break or separator;
   * where names are signed too, values are form-encoded on their lines, so any text will do.
   */
  private CodeBlock lineCheck(String wire, CodeBlock text) {
    return model.signNames()
        ? CodeBlock.of("$T.wellFormed($S, $L)", CHECKS, wire, text)
        : CodeBlock.of("$T.lineValue($S, $L, SEPARATOR)", CHECKS, wire, text);
  }

  /**
   * Whether a rendered value's text must be checked when a request is built. An enum's wire
   * values were checked at compile time; a boolean's or an integer's text can hold the separator
   * only when the separator is made of the characters such text is made of.
   */
  private boolean needsRuntimeCheck(Parameter parameter) {
    if (parameter.text() instanceof TextForm.EnumConstant) {
      return false;
    }
    if (parameter.text() instanceof TextForm.Scalar) {
      return !model.signNames()
          && model.separator().chars().allMatch(c -> "0123456789-truefals".indexOf(c) >= 0);
    }
    return true;
  }

  /** A top-level collection is copied, so that the request cannot change once built. */
  private static CodeBlock copied(Parameter parameter, CodeBlock value) {
    TypeName type = parameter.valueType();
    if (!(type instanceof ParameterizedTypeName parameterized)) {
      return value;
    }
    String raw = parameterized.rawType().canonicalName();
    String copy;
    if (raw.equals("java.util.Map")) {
      copy = "$T.unmodifiableMap(new $T<>($L))";
      return nullSafe(parameter, value, CodeBlock.of(copy, java.util.Collections.class, java.util.LinkedHashMap.class, value));
    }
    if (raw.equals("java.util.List")) {
      copy = "$T.unmodifiableList(new $T<>($L))";
      return nullSafe(parameter, value, CodeBlock.of(copy, java.util.Collections.class, java.util.ArrayList.class, value));
    }
    return value;
  }

  private static CodeBlock nullSafe(Parameter parameter, CodeBlock value, CodeBlock copy) {
    return parameter.required() ? copy : CodeBlock.of("$L == null ? null : $L", value, copy);
  }

  /** An expression for the signed text of {@code value}, which is not null. */
  private CodeBlock render(Parameter parameter, CodeBlock value) {
    TextForm form = parameter.text();
    if (form instanceof TextForm.Scalar) {
      return CodeBlock.of("$T.valueOf($L)", String.class, value);
    }
    if (form instanceof TextForm.EnumConstant constant) {
      return enumCode.wireValue(constant.shape(), value);
    }
    TextForm.Json json = (TextForm.Json) form;
    MethodSpec writer =
        jsonMethods.computeIfAbsent(
            parameter,
            p ->
                MethodSpec.methodBuilder(p.methodName() + "Json")
                    .addJavadoc("{@code $L} as compact JSON.\n", javadoc(p.wireName()))
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(String.class)
                    .addParameter(p.valueType(), "value")
                    .addStatement("$T out = new $T()", StringBuilder.class, StringBuilder.class)
                    .beginControlFlow("try")
                    .addCode(jsonCode.append(json.shape(), CodeBlock.of("value")))
                    .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
                    .addComment("JSON cannot hold it: a NaN, an infinity, a null member name.")
                    .addStatement("throw new $T($S, e.getMessage())", INVALID, p.wireName())
                    .endControlFlow()
                    .addStatement("return out.toString()")
                    .build());
    return CodeBlock.of("$N($L)", writer, value);
  }

  // ---- the public API of the request

  private MethodSpec builderMethod() {
    List<Parameter> required = model.requiredInBuilder();
    String order =
        required.isEmpty()
            ? "It has no required parameters."
            : "It asks for the required parameters in this order: "
                + String.join(", ", required.stream().map(Parameter::methodName).toList()) + ".";
    return MethodSpec.methodBuilder("builder")
        .addJavadoc("Starts a request. $L\n", order)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(firstStage())
        .addStatement("return new Builder()")
        .build();
  }

  private MethodSpec accessor(Parameter parameter) {
    MethodSpec.Builder accessor =
        MethodSpec.methodBuilder(parameter.methodName())
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC);
    if (parameter.deprecated()) {
      accessor.addAnnotation(Deprecated.class);
    }
    if (parameter.required()) {
      return accessor.returns(parameter.valueType()).addStatement("return this.$N", parameter.methodName()).build();
    }
    return accessor
        .returns(ParameterizedTypeName.get(OPTIONAL, parameter.valueType().box()))
        .addStatement("return $T.ofNullable(this.$N)", OPTIONAL, parameter.methodName())
        .build();
  }

  private MethodSpec requestUrl() {
    return MethodSpec.methodBuilder("requestUrl")
        .addJavadoc("The URL without its query, {@code origin} followed by {@link #PATH}: the first signed line.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addParameter(ORIGIN, "origin")
        .addStatement("return $T.requireNonNull(origin, $S) + PATH", Objects.class, "origin")
        .build();
  }

  private MethodSpec canonicalText() {
    String order = String.join(", ", model.signedOrder().stream().map(Parameter::wireName).toList());
    return MethodSpec.methodBuilder("canonicalText")
        .addJavadoc(
            "The text that is signed for this request at {@code origin}: the request URL, then"
                + " $L $L, those present joined by the separator$L.\n",
            model.signNames() ? "{@code name=value}, form-encoded, for" : "the values of",
            javadoc(order),
            model.javascriptTrimLines()
                ? "; then, as the vendor does before signing, trimmed, with the whitespace after"
                    + " each line feed dropped"
                : "")
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addParameter(ORIGIN, "origin")
        .addStatement("return signedText(origin).text()")
        .build();
  }

  /** The signed text as bytes, for the verifier, which computes its MAC without reading it. */
  private MethodSpec signedText() {
    return MethodSpec.methodBuilder("signedText")
        .addJavadoc("The text of {@link #canonicalText(Origin)}, written for its MAC.\n")
        .addModifiers(Modifier.PRIVATE)
        .returns(SIGNED_TEXT)
        .addParameter(ORIGIN, "origin")
        .addStatement("return addParameters($L)", newSignedText("textOnly"))
        .build();
  }

  private MethodSpec signedUrl() {
    return MethodSpec.methodBuilder("signedUrl")
        .addJavadoc(
            "The URL of this request at {@code origin}, its query written as"
                + " {@code application/x-www-form-urlencoded}, with the signature of\n"
                + "{@link #canonicalText(Origin)} keyed with {@code secret} in"
                + " {@code $L}.\n",
            javadoc(model.signatureParameter()))
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addParameter(ORIGIN, "origin")
        .addParameter(SECRET, "secret")
        .addStatement(
            "return addParameters($L)\n.signedUrl(secret, $T.$L, $T.$L, $S)",
            newSignedText("withUrl"),
            MAC_ALGORITHM, model.macAlgorithm(),
            SIGNATURE_FORMAT, model.digestEncoding(),
            formEncoded(model.signatureParameter()) + "=")
        .build();
  }

  private CodeBlock newSignedText(String factory) {
    return CodeBlock.of(
        "$T.$N(origin, PATH, SEPARATOR, $T.$L)",
        SIGNED_TEXT, factory, SIGNED_TEXT.nestedClass("Normalization"),
        model.javascriptTrimLines() ? "JAVASCRIPT_TRIM_LINES" : "NONE");
  }

  /** Both the signed text and the URL come from here, so they cannot disagree. */
  private MethodSpec addParameters() {
    CodeBlock.Builder body = CodeBlock.builder();
    for (Parameter parameter : model.signedOrder()) {
      CodeBlock add =
          CodeBlock.of(
              "text.$N($S, $L);\n",
              model.signNames() ? "nameAndValue" : "value",
              formEncoded(parameter.wireName()) + "=",
              text(parameter));
      if (parameter.required()) {
        body.add(add);
      } else {
        body.beginControlFlow("if ($L != null)", text(parameter)).add(add).endControlFlow();
      }
    }
    return MethodSpec.methodBuilder("addParameters")
        .addJavadoc("Adds the parameters present to {@code text}, in the signed order.\n")
        .addModifiers(Modifier.PRIVATE)
        .returns(SIGNED_TEXT)
        .addParameter(SIGNED_TEXT, "text")
        .addCode(body.build())
        .addStatement("return text")
        .build();
  }

  /** {@code text} made safe inside a Javadoc comment, which {@code * /} would end. */
  static String javadoc(String text) {
    return text.replace("*/", "*&#47;");
  }

  private static String formEncoded(String text) {
    StringBuilder encoded = new StringBuilder();
    FormEncoding.append(encoded, text);
    return encoded.toString();
  }

  private MethodSpec equalsMethod() {
    CodeBlock.Builder comparison = CodeBlock.builder();
    List<Parameter> parameters = model.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      String field = parameter.methodName();
      comparison.add(i == 0 ? "" : "\n    && ");
      TypeName type = parameter.valueType();
      if (parameter.required() && (type.equals(TypeName.DOUBLE) || type.equals(TypeName.FLOAT))) {
        // As Double.equals compares, so that equal requests have equal hash codes.
        comparison.add("$T.compare(this.$N, that.$N) == 0", type.box(), field, field);
      } else if (parameter.required() && parameter.primitive()) {
        comparison.add("this.$N == that.$N", field, field);
      } else {
        comparison.add("$T.equals(this.$N, that.$N)", Objects.class, field, field);
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
    String fields =
        String.join(", ", model.parameters().stream().map(p -> "this." + p.methodName()).toList());
    return MethodSpec.methodBuilder("hashCode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement("return $T.hash($L)", Objects.class, fields)
        .build();
  }

  private MethodSpec toStringMethod() {
    CodeBlock.Builder body =
        CodeBlock.builder()
            .addStatement(
                "$T parameters = new $T($S, $S, $S)",
                StringJoiner.class, StringJoiner.class, ", ", model.generated().simpleName() + "{", "}");
    for (Parameter parameter : model.signedOrder()) {
      CodeBlock add = CodeBlock.of("parameters.add($S + $L);\n", parameter.wireName() + "=", text(parameter));
      if (parameter.required()) {
        body.add(add);
      } else {
        body.beginControlFlow("if ($L != null)", text(parameter)).add(add).endControlFlow();
      }
    }
    body.addStatement("return parameters.toString()");
    return MethodSpec.methodBuilder("toString")
        .addJavadoc("The parameters as they are signed. A request holds no secret, so none can show here.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addCode(body.build())
        .build();
  }

  // ---- the staged builder

  private static String stageName(Parameter parameter) {
    String name = parameter.methodName();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Stage";
  }

  private ClassName firstStage() {
    List<Parameter> required = model.requiredInBuilder();
    return required.isEmpty() ? buildStage : stage(required.get(0));
  }

  private ClassName stage(Parameter parameter) {
    return model.generated().nestedClass(stageName(parameter));
  }

  /** The stage after the one that asks for {@code required.get(i)}. */
  private ClassName nextStage(List<Parameter> required, int i) {
    return i + 1 < required.size() ? stage(required.get(i + 1)) : buildStage;
  }

  /**
   * Every stage but the last asks for one required parameter. Each stage also takes the optional
   * parameters and stays where it is, so a call site may give them anywhere in the chain: making
   * one of them required later breaks only the call sites that lack it.
   */
  private List<TypeSpec> stages() {
    List<TypeSpec> stages = new ArrayList<>();
    List<Parameter> required = model.requiredInBuilder();
    String optionalToo =
        model.optionalInBuilder().isEmpty() ? "" : ";\noptional parameters may be set here too";
    for (int i = 0; i < required.size(); i++) {
      Parameter parameter = required.get(i);
      stages.add(
          TypeSpec.interfaceBuilder(stageName(parameter))
              .addModifiers(Modifier.PUBLIC)
              .addJavadoc(
                  "The builder's step that sets the required {@code $L}$L.\n",
                  javadoc(parameter.wireName()),
                  optionalToo)
              .addMethod(
                  setterSignature(parameter, parameter.valueType(), nextStage(required, i))
                      .addModifiers(Modifier.ABSTRACT)
                      .build())
              .addMethods(optionalSetters(stage(parameter), false))
              .build());
    }
    TypeSpec.Builder last =
        TypeSpec.interfaceBuilder(buildStage)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("The builder's last step: the optional parameters, then {@link #build()}.\n")
            .addMethods(optionalSetters(buildStage, false));
    last.addMethod(
        MethodSpec.methodBuilder("build")
            .addJavadoc(
                "Checks every parameter and builds the request$L.\n\n"
                    + "@throws dev.signet.runtime.InvalidParameterException naming the first"
                    + " parameter whose value breaks a rule of the request\n",
                " (drawing a nonce when none was given)")
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .returns(model.generated())
            .build());
    stages.add(last.build());
    return stages;
  }

  /**
   * The setters of the optional parameters, each with its {@code Optional} overload, returning
   * {@code returns}: abstract in a stage, or in the builder implemented once for every stage.
   */
  private List<MethodSpec> optionalSetters(ClassName returns, boolean implemented) {
    List<MethodSpec> setters = new ArrayList<>();
    for (Parameter parameter : model.optionalInBuilder()) {
      TypeName type = setterType(parameter);
      setters.add(setter(setterSignature(parameter, type, returns), implemented, store(parameter, type)));
      if (parameter.nonce() == null) {
        setters.add(
            setter(
                setterSignature(parameter, ParameterizedTypeName.get(OPTIONAL, parameter.valueType()), returns),
                implemented,
                CodeBlock.of(
                    "this.$N = $T.notNull($S, $N).orElse(null)",
                    parameter.methodName(), CHECKS, parameter.wireName(), parameter.methodName())));
      }
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
  private static TypeName setterType(Parameter parameter) {
    TypeName type = parameter.valueType();
    return type.isBoxedPrimitive() ? type.unbox() : type;
  }

  private MethodSpec.Builder setterSignature(Parameter parameter, TypeName type, ClassName returns) {
    boolean optionalOverload = type instanceof ParameterizedTypeName p && p.rawType().equals(OPTIONAL);
    String doc;
    if (parameter.nonce() != null) {
      doc = "Sets {@code $L}; when it is not set, {@link BuildStage#build()} draws one.\n";
    } else if (optionalOverload) {
      doc = "Sets {@code $L}, or leaves it absent when the Optional is empty.\n";
    } else if (parameter.required()) {
      doc = "Sets {@code $L}, which every request has.\n";
    } else if (parameter.text() instanceof TextForm.Plain || parameter.text() instanceof TextForm.PreEncoded) {
      doc = "Sets the optional {@code $L}; the empty string counts as absent.\n";
    } else {
      doc = "Sets the optional {@code $L}.\n";
    }
    MethodSpec.Builder setter =
        MethodSpec.methodBuilder(parameter.methodName())
            .addJavadoc(doc, javadoc(parameter.wireName()))
            .addModifiers(Modifier.PUBLIC)
            .returns(returns)
            .addParameter(type, parameter.methodName());
    if (parameter.deprecated()) {
      setter.addAnnotation(Deprecated.class);
    }
    return setter;
  }

  private TypeSpec builderClass() {
    TypeSpec.Builder builder =
        TypeSpec.classBuilder("Builder")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Collects parameters; the request checks them when it is built.\n");
    List<Parameter> required = model.requiredInBuilder();
    for (Parameter parameter : required) {
      builder.addSuperinterface(stage(parameter));
    }
    builder.addSuperinterface(buildStage);
    for (Parameter parameter : model.parameters()) {
      builder.addField(parameter.valueType().box(), parameter.methodName(), Modifier.PRIVATE);
    }
    for (int i = 0; i < required.size(); i++) {
      Parameter parameter = required.get(i);
      builder.addMethod(
          setter(
              setterSignature(parameter, parameter.valueType(), nextStage(required, i)),
              true,
              store(parameter, parameter.valueType())));
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

  /** Stores a setter's argument, refusing null unless it is a primitive. */
  private static CodeBlock store(Parameter parameter, TypeName type) {
    String name = parameter.methodName();
    return type.isPrimitive()
        ? CodeBlock.of("this.$N = $N", name, name)
        : CodeBlock.of("this.$N = $T.notNull($S, $N)", name, CHECKS, parameter.wireName(), name);
  }
}
