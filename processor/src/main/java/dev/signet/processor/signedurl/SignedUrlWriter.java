package dev.signet.processor.signedurl;

import static dev.signet.processor.write.RuntimeTypes.CHECKS;
import static dev.signet.processor.write.RuntimeTypes.INVALID;
import static dev.signet.processor.write.RuntimeTypes.MAC_ALGORITHM;
import static dev.signet.processor.write.RuntimeTypes.ORIGIN;
import static dev.signet.processor.write.RuntimeTypes.RECEIVED;
import static dev.signet.processor.write.RuntimeTypes.SCHEME;
import static dev.signet.processor.write.RuntimeTypes.SECRET;
import static dev.signet.processor.write.RuntimeTypes.SIGNATURE_FORMAT;
import static dev.signet.processor.write.RuntimeTypes.SIGNED_TEXT;
import static dev.signet.processor.write.RuntimeTypes.VERIFIER;

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
import dev.signet.annotations.SignedUrl;
import dev.signet.processor.kind.DeclarationKind;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.Property;
import dev.signet.processor.model.TextForm;
import dev.signet.processor.model.ValueTraits;
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
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the class that a {@link SignedUrlModel} describes. What every request does alike with its
 * parameters' texts (checking, signing, showing and reading them back) is the runtime's {@code
 * SignedUrlScheme}, driven by the one table the class declares; the class itself holds the typed
 * values, their texts in signed order, and what turns one into the other.
 */
public final class SignedUrlWriter {
  /** The names the generated class takes, which no parameter may take. */
  static final Set<String> RESERVED_NAMES =
      Set.of(
          "canonicalText",
          "signedUrl",
          "requestUrl",
          "verifier",
          "fromReceived",
          "PATH",
          "SCHEME",
          "clock");

  /** The generated source for {@code model}, as {@link DeclarationKind#write} is. */
  public static JavaFile write(SignedUrlModel model, AnnotationSpec generatedAnnotation) {
    return new SignedUrlWriter(model, generatedAnnotation).javaFile();
  }

  private final SignedUrlModel model;
  private final ClassName generated;
  private final AnnotationSpec generatedAnnotation;
  private final EnumCode enumCode = new EnumCode();
  private final JsonCode jsonCode = new JsonCode(enumCode);
  private final NameAllocator names = new NameAllocator();
  private final Map<JsonShape, MethodSpec> jsonWriters = new LinkedHashMap<>();
  private final String texts;

  private SignedUrlWriter(SignedUrlModel model, AnnotationSpec generatedAnnotation) {
    this.model = model;
    this.generated = model.declaration().generated();
    this.generatedAnnotation = generatedAnnotation;
    for (Property<TextForm> parameter : model.parameters()) {
      names.newName(parameter.name());
    }
    this.texts = names.newName("texts");
  }

  private CodeBlock classJavadoc() {
    return CodeBlock.of(
        "A signed {@code $L} request, as {@link $T} declares it.\n\n"
            + "<p>Start with {@link #builder()}; sign with {@link #signedUrl(Origin,"
            + " Secret)}. Instances are immutable.\n",
        ValueClassWriter.javadoc(model.path()),
        model.declaration().declared());
  }

  /** The runtime's laid-out scheme and what it is made of. */
  private static final ClassName LAID_OUT =
      ClassName.get("dev.signet.runtime.internal", "LaidOutUrlScheme");

  private static final ClassName URL_TEXTS =
      ClassName.get("dev.signet.runtime.internal", "UrlTexts");
  private static final ClassName URL_VERIFIER = ClassName.get("dev.signet.runtime", "UrlVerifier");

  /** The builder's clock, a setter of its own where a timestamp is filled from it. */
  private static final Property<TextForm> CLOCK =
      new Property<>(
          "clock", "clock", ClassName.get(java.time.Clock.class), false, false, false, null);

  private boolean laidOut() {
    return model.plan() != null;
  }

  private JavaFile javaFile() {
    TypeSpec.Builder type =
        ValueClassWriter.valueClass(model.declaration(), generatedAnnotation, classJavadoc());
    type.addField(
        FieldSpec.builder(String.class, "PATH", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "The request's path, which follows the origin in the URL and the first signed"
                    + " line.\n")
            .initializer("$S", model.path())
            .build());
    type.addField(laidOut() ? laidOutScheme() : scheme());
    type.addFields(ValueClassWriter.fields(model.parameters()));
    type.addField(
        FieldSpec.builder(
                laidOut() ? URL_TEXTS : SIGNED_TEXT.nestedClass("Values"),
                texts,
                Modifier.PRIVATE,
                Modifier.FINAL)
            .build());
    if (laidOut()) {
      type.addMethod(laidOutConstructor());
    } else {
      type.addMethod(builtConstructor());
      type.addMethod(constructor());
    }
    type.addMethods(ValueClassWriter.accessors(model.parameters()));
    if (!laidOut()) {
      // A laid-out URL's path holds parameters, so it has no one request URL of its own.
      type.addMethod(requestUrl());
    }
    type.addMethod(canonicalText());
    type.addMethod(signedUrl());
    type.addMethod(verifier());
    type.addMethod(laidOut() ? laidOutFromReceived() : fromReceived());
    if (laidOut()) {
      type.addMethod(ValueClassWriter.equalsMethod(generated, model.parameters()));
      type.addMethod(ValueClassWriter.hashCodeMethod(model.parameters()));
    } else {
      // Every value is signed, and written one way: the texts tell requests apart.
      type.addMethod(ValueClassWriter.equalsByField(generated, texts));
      type.addMethod(ValueClassWriter.hashCodeByField(texts));
    }
    type.addMethod(
        ValueClassWriter.toStringMethod(
            "The parameters as they are signed. A request holds no secret, so none can show"
                + " here.\n",
            CodeBlock.of("SCHEME.describe($S, $N)", generated.simpleName(), texts)));

    type.addMethods(jsonWriters.values());
    type.addMethods(jsonCode.recordWriters());
    type.addMethods(jsonCode.recordReaders());
    type.addFields(enumCode.fields());
    StagedBuilderWriter.addTo(type, builderSpec());
    return ValueClassWriter.javaFile(model.declaration(), type.build());
  }

  private FieldSpec scheme() {
    List<CodeBlock> signedOrder = new ArrayList<>();
    List<CodeBlock> required = new ArrayList<>();
    for (Property<TextForm> parameter : model.signedOrder()) {
      signedOrder.add(CodeBlock.of("$S", parameter.wireName()));
      if (parameter.required()) {
        required.add(CodeBlock.of("$S", parameter.wireName()));
      }
    }
    TextForm.Nonce nonce = (TextForm.Nonce) model.nonce().form();
    return FieldSpec.builder(
            ParameterizedTypeName.get(SCHEME, generated),
            "SCHEME",
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        // The type argument and the arrays spelled out: javac infers a diamond whose arguments are
        // generic calls and a method reference at several times the cost, in every generated class.
        .initializer(
            "new $T<$T>(\n$>$>PATH, $S, $S, $L, $T.$L,\n$T.$L, $T.$L,\nnew String[] {$L},\n"
                + "new String[] {$L},\n$S, $L, $S,\n$T::fromReceived$<$<)",
            SCHEME,
            generated,
            model.signatureParameter(),
            model.separator(),
            model.signNames(),
            SIGNED_TEXT.nestedClass("Normalization"),
            model.javascriptTrimLines() ? "JAVASCRIPT_TRIM_LINES" : "NONE",
            MAC_ALGORITHM,
            model.macAlgorithm(),
            SIGNATURE_FORMAT,
            model.digestEncoding(),
            CodeBlock.join(signedOrder, ", "),
            CodeBlock.join(required, ", "),
            model.nonce().wireName(),
            nonce.shape().length(),
            nonce.shape().alphabet(),
            generated)
        .build();
  }

  /** The optional setters: the model's, and the clock where a timestamp is filled from it. */
  private List<Property<TextForm>> optionalInBuilder() {
    List<Property<TextForm>> optional = new ArrayList<>(model.optionalInBuilder());
    if (laidOut() && model.parameters().stream().anyMatch(this::timestamp)) {
      optional.add(CLOCK);
    }
    return optional;
  }

  private boolean timestamp(Property<TextForm> parameter) {
    return laidOut() && model.plan().traitsOf(parameter.name()).timestamp();
  }

  // ---- a laid-out URL

  private FieldSpec laidOutScheme() {
    UrlPlan plan = model.plan();
    List<CodeBlock> slots = new ArrayList<>();
    String timestamp = null;
    for (Property<TextForm> parameter : model.signedOrder()) {
      ValueTraits traits = plan.traitsOf(parameter.name());
      slots.add(
          CodeBlock.of(
              "new $T($S, $T.$L, $L)",
              LAID_OUT.nestedClass("Slot"),
              traits.spreadPrefix().orElse(parameter.wireName()),
              LAID_OUT.nestedClass("Place"),
              plan.places().get(parameter.name()),
              parameter.required()));
      if (traits.timestamp()) {
        timestamp = parameter.wireName();
      }
    }
    CodeBlock nonce =
        model
            .nonceIfAny()
            .map(
                p -> {
                  TextForm.Nonce form = (TextForm.Nonce) p.form();
                  ClassName nonceForm = LAID_OUT.nestedClass("NonceRule").nestedClass("Form");
                  return CodeBlock.of(
                      "new $T($S, $L, $S, $L, $L)",
                      LAID_OUT.nestedClass("NonceRule"),
                      p.wireName(),
                      form.shape().length(),
                      form.shape().alphabet(),
                      form.json(),
                      CodeBlock.join(
                          form.shape().formats().stream()
                              .map(f -> CodeBlock.of("$T.$L", nonceForm, f))
                              .toList(),
                          ", "));
                })
            .orElse(CodeBlock.of("null"));
    return FieldSpec.builder(
            ParameterizedTypeName.get(LAID_OUT, generated),
            "SCHEME",
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .initializer(
            "new $T<>(\n$>$>PATH, $S, $T.$L, $S, $S, $T.$L,\n$T.$L, $T.$L,\n$T.of(\n$>$L$<),\n"
                + "$L, $L, $L, $L,\n$T::fromReceived, request -> request.$N$<$<)",
            LAID_OUT,
            model.signatureParameter(),
            LAID_OUT.nestedClass("Layout"),
            plan.layout(),
            plan.frame(),
            model.separator(),
            LAID_OUT.nestedClass("QueryEncoding"),
            plan.queryEncoding(),
            MAC_ALGORITHM,
            model.macAlgorithm(),
            SIGNATURE_FORMAT,
            model.digestEncoding(),
            List.class,
            CodeBlock.join(slots, ",\n"),
            plan.positioned(),
            plan.byName(),
            nonce,
            timestamp == null ? "null" : CodeBlock.of("$S", timestamp),
            generated,
            texts)
        .build();
  }

  private MethodSpec laidOutConstructor() {
    UrlPlan plan = model.plan();
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(generated.nestedClass("Builder"), "builder");
    List<CodeBlock> spreads = new ArrayList<>();
    for (Property<TextForm> parameter : model.parameters()) {
      ValueTraits traits = plan.traitsOf(parameter.name());
      CodeBlock value;
      if (traits.constant().isPresent()) {
        value = CodeBlock.of("$S", traits.constant().get());
      } else if (traits.timestamp()) {
        value = CodeBlock.of("$T.timestamp(builder.$N, builder.clock)", LAID_OUT, parameter.name());
      } else if (traits.defaulted()) {
        value =
            CodeBlock.of(
                "builder.$N == null ? $T.super.$N() : $L",
                parameter.name(),
                model.declaration().declared(),
                parameter.name(),
                checked(parameter));
      } else if (traits.spreadPrefix().isPresent()) {
        CodeBlock copy =
            CodeBlock.of(
                "$T.unmodifiableMap(new $T<>(builder.$N))",
                Collections.class,
                LinkedHashMap.class,
                parameter.name());
        // An empty optional map sends nothing, so it is absent, as the verifier reads it back.
        value =
            parameter.required()
                ? copy
                : CodeBlock.of(
                    "builder.$N == null || builder.$N.isEmpty() ? null : $L",
                    parameter.name(),
                    parameter.name(),
                    copy);
      } else {
        value = checked(parameter);
        if (parameter.required()
            && parameter.form() instanceof TextForm.Json
            && parameter.type().equals(TypeName.get(String.class))) {
          // Required text, even as JSON: "" would be an identity no vendor accepts.
          value = CodeBlock.of("$T.notEmpty($S, $L)", CHECKS, parameter.wireName(), value);
        }
      }
      if (traits.range().isPresent()) {
        value =
            CodeBlock.of(
                "$T.range($S, $L, $LL, $LL)",
                LAID_OUT,
                parameter.wireName(),
                value,
                traits.range().get().min(),
                traits.range().get().max());
        CodeBlock unchecked = checked(parameter);
        if (parameter.type().equals(TypeName.INT) || parameter.type().equals(TypeName.INT.box())) {
          value = CodeBlock.of("(int) $L", value);
        }
        if (!parameter.required()) {
          value = CodeBlock.of("$L == null ? null : $L", unchecked, value);
        }
      }
      constructor.addStatement("this.$N = $L", parameter.name(), value);
    }
    List<CodeBlock> signedTexts = new ArrayList<>();
    for (Property<TextForm> parameter : model.signedOrder()) {
      CodeBlock field = CodeBlock.of("this.$N", parameter.name());
      if (plan.traitsOf(parameter.name()).spreadPrefix().isPresent()) {
        // Its entries go apart, in the list of spread maps; its own slot holds no text.
        spreads.add(
            parameter.required()
                ? field
                : CodeBlock.of("$L == null ? $T.of() : $L", field, Map.class, field));
        signedTexts.add(CodeBlock.of("null"));
      } else if (parameter.form() instanceof TextForm.Nonce) {
        signedTexts.add(CodeBlock.of("SCHEME.nonceText($L)", field));
      } else {
        signedTexts.add(text(parameter, field));
      }
    }
    return constructor
        .addStatement(
            "this.$N = SCHEME.checkedTexts(\n$>$>$T.of($L),\n$L$<$<)",
            texts,
            List.class,
            CodeBlock.join(spreads, ", "),
            CodeBlock.join(signedTexts, ",\n"))
        .build();
  }

  /**
   * Reads a request back from the texts a verifier received: the signed ones only, since what is
   * not signed never enters the request; refuses it unless it writes each text as received.
   */
  private MethodSpec laidOutFromReceived() {
    UrlPlan plan = model.plan();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("fromReceived")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(generated)
            .addParameter(URL_TEXTS, "received")
            .addStatement("Builder builder = new Builder()");
    for (Property<TextForm> parameter : model.parameters()) {
      ValueTraits traits = plan.traitsOf(parameter.name());
      if (plan.unsigned(parameter.name()) || traits.constant().isPresent()) {
        continue;
      }
      if (traits.spreadPrefix().isPresent()) {
        CodeBlock spread = CodeBlock.of("received.spreads().get($L)", spreadIndex(parameter));
        method.addStatement(
            parameter.required()
                ? CodeBlock.of("builder.$N = $L", parameter.name(), spread)
                : CodeBlock.of(
                    "builder.$N = $L.isEmpty() ? null : $L", parameter.name(), spread, spread));
        continue;
      }
      CodeBlock text =
          CodeBlock.of("received.values()[$L]", model.signedOrder().indexOf(parameter));
      if (parameter.form() instanceof TextForm.Nonce nonce && nonce.json()) {
        CodeBlock wire = CodeBlock.of("$S", parameter.wireName());
        method.addStatement(
            "builder.$N = $L == null ? null : $T.string($L, $T.json($L, $L))",
            parameter.name(),
            text,
            RECEIVED,
            wire,
            RECEIVED,
            wire,
            text);
      } else if (parameter.form().isOwnText()) {
        method.addStatement("builder.$N = $L", parameter.name(), text);
      } else {
        method.addStatement(
            "builder.$N = $L == null ? null : $L",
            parameter.name(),
            text,
            readText(parameter, text));
      }
    }
    return method
        .addStatement("$T request = new $T(builder)", generated, generated)
        .addStatement("SCHEME.requireWrittenAs(request.$N, received)", texts)
        .addStatement("return request")
        .build();
  }

  /** Which of the spread maps, in signed order, {@code parameter} is. */
  private int spreadIndex(Property<TextForm> parameter) {
    return (int)
        model.signedOrder().stream()
            .takeWhile(p -> p != parameter)
            .filter(p -> model.plan().traitsOf(p.name()).spreadPrefix().isPresent())
            .count();
  }

  // ---- construction and validation

  /** The constructor of a request built, which no verifier received. */
  private MethodSpec builtConstructor() {
    return MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(generated.nestedClass("Builder"), "builder")
        .addStatement("this(builder, null)")
        .build();
  }

  /**
   * Checks the builder's values and writes their texts, which must be the {@code received} ones
   * where a verifier received the request.
   */
  private MethodSpec constructor() {
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(generated.nestedClass("Builder"), "builder")
            .addParameter(SIGNED_TEXT.nestedClass("Values"), "received");
    for (Property<TextForm> parameter : model.parameters()) {
      CodeBlock value = checked(parameter);
      if (collectionCopy(parameter, CodeBlock.of("builder.$N", parameter.name())) != null) {
        // The reader's collections are new and unmodifiable: no copy of them is needed.
        value = CodeBlock.of("received != null ? builder.$N : $L", parameter.name(), value);
      }
      constructor.addStatement("this.$N = $L", parameter.name(), value);
    }
    List<CodeBlock> signedTexts = new ArrayList<>();
    for (Property<TextForm> parameter : model.signedOrder()) {
      signedTexts.add(text(parameter, CodeBlock.of("this.$N", parameter.name())));
    }
    return constructor
        .addStatement(
            "this.$N = SCHEME.checkedTexts(\n$>$>received,\n$L$<$<)",
            texts,
            CodeBlock.join(signedTexts, ",\n"))
        .build();
  }

  /** The builder's value of {@code parameter}, checked, and copied when it is a collection. */
  private CodeBlock checked(Property<TextForm> parameter) {
    String name = parameter.name();
    CodeBlock value = CodeBlock.of("builder.$N", name);
    TextForm form = parameter.form();
    if (form instanceof TextForm.Nonce) {
      return CodeBlock.of("SCHEME.nonce($L)", value);
    }
    if (form instanceof TextForm.Plain || form instanceof TextForm.PreEncoded) {
      CodeBlock checked =
          form instanceof TextForm.PreEncoded
              ? CodeBlock.of("$T.preEncoded($S, $L)", CHECKS, parameter.wireName(), value)
              : value;
      return parameter.required()
          ? requiredText(parameter.wireName(), checked)
          : CodeBlock.of("$L == null || $L.isEmpty() ? null : $L", value, value, checked);
    }
    CodeBlock copy = collectionCopy(parameter, value);
    if (copy != null) {
      return parameter.required() ? copy : CodeBlock.of("$L == null ? null : $L", value, copy);
    }
    return value;
  }

  /**
   * An unmodifiable copy of {@code value} where {@code parameter} is a map or a list, else null.
   */
  private static CodeBlock collectionCopy(Property<TextForm> parameter, CodeBlock value) {
    if (parameter.type() instanceof ParameterizedTypeName parameterized) {
      String raw = parameterized.rawType().canonicalName();
      if (raw.equals("java.util.Map")) {
        return CodeBlock.of(
            "$T.unmodifiableMap(new $T<>($L))", Collections.class, LinkedHashMap.class, value);
      }
      if (raw.equals("java.util.List")) {
        return CodeBlock.of(
            "$T.unmodifiableList(new $T<>($L))", Collections.class, ArrayList.class, value);
      }
    }
    return null;
  }

  /**
   * The check that a required text is present: where values stand alone on lines that the
   * normalization trims, also that the trimming leaves it as it is (see the runtime's check).
   */
  private CodeBlock requiredText(String wire, CodeBlock checked) {
    return model.javascriptTrimLines() && !model.signNames()
        ? CodeBlock.of(
            "$T.notEmpty($S, $L, $T.JAVASCRIPT_TRIM_LINES)",
            CHECKS,
            wire,
            checked,
            SIGNED_TEXT.nestedClass("Normalization"))
        : CodeBlock.of("$T.notEmpty($S, $L)", CHECKS, wire, checked);
  }

  /** An expression for the signed text of {@code value}, null when an optional one is absent. */
  private CodeBlock text(Property<TextForm> parameter, CodeBlock value) {
    TextForm form = parameter.form();
    if (form.isOwnText()) {
      return value;
    }
    CodeBlock text;
    if (form instanceof TextForm.Scalar) {
      text = CodeBlock.of("$T.valueOf($L)", String.class, value);
    } else if (form instanceof TextForm.EnumConstant constant) {
      text = enumCode.wireValue(constant.shape(), value);
    } else {
      text =
          CodeBlock.of(
              "$N($S, $L)",
              jsonWriter(((TextForm.Json) form).shape()),
              parameter.wireName(),
              value);
    }
    return parameter.required() ? text : CodeBlock.of("$L == null ? null : $L", value, text);
  }

  /** The method writing values of {@code shape} as compact JSON: one for each shape. */
  private MethodSpec jsonWriter(JsonShape shape) {
    return jsonWriters.computeIfAbsent(
        shape,
        s ->
            MethodSpec.methodBuilder(names.newName(shapeName(s) + "Json"))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(String.class, "parameter")
                .addParameter(s.type(), "value")
                .addStatement("$T out = new $T(64)", StringBuilder.class, StringBuilder.class)
                .beginControlFlow("try")
                .addCode(jsonCode.append(s, CodeBlock.of("value")))
                .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
                .addComment("JSON cannot hold it: a NaN, an infinity, a null member name.")
                .addStatement("throw new $T(parameter, e.getMessage())", INVALID)
                .endControlFlow()
                .addStatement("return out.toString()")
                .build());
  }

  /** A name for values of {@code shape}: {@code stringMap} for a {@code Map<String, String>}. */
  private static String shapeName(JsonShape shape) {
    String name;
    if (shape instanceof JsonShape.ListOf list) {
      name = shapeName(list.element()) + "List";
    } else if (shape instanceof JsonShape.MapOf map) {
      name = shapeName(map.value()) + "Map";
    } else {
      TypeName type = shape.type();
      name = type instanceof ClassName named ? named.simpleName() : type.toString();
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  // ---- the public API of the request

  /** A public method of the request taking {@code origin}, as each of them does. */
  private static MethodSpec.Builder atOrigin(String name, TypeName returns, CodeBlock javadoc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(javadoc)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns)
        .addParameter(ORIGIN, "origin");
  }

  private MethodSpec requestUrl() {
    return atOrigin(
            "requestUrl",
            TypeName.get(String.class),
            CodeBlock.of(
                "The URL without its query, {@code origin} followed by {@link #PATH}: the first"
                    + " signed line.\n"))
        .addModifiers(Modifier.STATIC)
        .addStatement("return $T.requireNonNull(origin, $S) + PATH", Objects.class, "origin")
        .build();
  }

  private MethodSpec canonicalText() {
    String order = String.join(", ", model.signedOrder().stream().map(Property::wireName).toList());
    if (laidOut()) {
      return atOrigin(
              "canonicalText",
              TypeName.get(String.class),
              CodeBlock.of(
                  "The text that is signed for this request at {@code origin}: $L, framed as"
                      + " {@code $L}.\n",
                  switch (model.plan().layout()) {
                    case "HOST_THEN_PATH_THEN_VALUES" ->
                        "the host, the path as sent, then the signed values present";
                    case "URL_AS_WRITTEN" -> "the URL as written, up to its signature";
                    default -> "the URL without its query, then the signed values present";
                  },
                  ValueClassWriter.javadoc(model.plan().frame())))
          .addStatement("return SCHEME.canonicalText(origin, $N)", texts)
          .build();
    }
    return atOrigin(
            "canonicalText",
            TypeName.get(String.class),
            CodeBlock.of(
                "The text that is signed for this request at {@code origin}: the request URL, then"
                    + " $L $L, those present joined by the separator$L.\n",
                model.signNames() ? "{@code name=value}, form-encoded, for" : "the values of",
                ValueClassWriter.javadoc(order),
                model.javascriptTrimLines()
                    ? "; then, as the vendor does before signing, trimmed, with the whitespace"
                        + " after each line feed dropped"
                    : ""))
        .addStatement(
            laidOut()
                ? "return SCHEME.canonicalText(origin, $N)"
                : "return SCHEME.signedText(origin, $N).text()",
            texts)
        .build();
  }

  private MethodSpec signedUrl() {
    return atOrigin(
            "signedUrl",
            TypeName.get(String.class),
            CodeBlock.of(
                "The URL of this request at {@code origin}, its query written as"
                    + " $L, with the signature of\n"
                    + "{@link #canonicalText(Origin)} keyed with {@code secret} in"
                    + " {@code $L}.\n",
                laidOut() && model.plan().queryEncoding().equals("RFC_3986")
                    ? "RFC 3986 encodes it"
                    : "{@code application/x-www-form-urlencoded}",
                ValueClassWriter.javadoc(model.signatureParameter())))
        .addParameter(SECRET, "secret")
        .addStatement("return SCHEME.signedUrl(origin, secret, $N)", texts)
        .build();
  }

  private MethodSpec verifier() {
    return atOrigin(
            "verifier",
            ParameterizedTypeName.get(laidOut() ? URL_VERIFIER : VERIFIER, generated),
            CodeBlock.of(
                "A verifier of these requests at {@code origin}, signed with {@code secret}. Make"
                    + " one and share it: it remembers the $L it has accepted$L.\n",
                model.nonceIfAny().isPresent() ? "nonces" : "signatures",
                laidOut() && model.parameters().stream().anyMatch(this::timestamp)
                    ? ", and refuses a timestamp outside its freshness window"
                    : ""))
        .addModifiers(Modifier.STATIC)
        .addParameter(SECRET, "secret")
        .addStatement("return $T.of(SCHEME, origin, secret)", laidOut() ? URL_VERIFIER : VERIFIER)
        .build();
  }

  /**
   * Reads a request back from the texts a verifier received, in signed order; its constructor
   * refuses it unless each text is written exactly as this class writes it, so that the request is
   * exactly what was signed.
   */
  private MethodSpec fromReceived() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("fromReceived")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(generated)
            .addParameter(SIGNED_TEXT.nestedClass("Values"), "received")
            .addStatement("Builder builder = new Builder()");
    for (Property<TextForm> parameter : model.parameters()) {
      CodeBlock text = CodeBlock.of("received.get($L)", model.signedOrder().indexOf(parameter));
      if (parameter.form().isOwnText()) {
        method.addStatement("builder.$N = $L", parameter.name(), text);
      } else {
        method.addStatement(
            "builder.$N = $L == null ? null : $L",
            parameter.name(),
            text,
            readText(parameter, text));
      }
    }
    return method.addStatement("return new $T(builder, received)", generated).build();
  }

  /** An expression reading {@code text}, which is not null, as the value of {@code parameter}. */
  private CodeBlock readText(Property<TextForm> parameter, CodeBlock text) {
    TextForm form = parameter.form();
    CodeBlock wire = CodeBlock.of("$S", parameter.wireName());
    if (form instanceof TextForm.Scalar) {
      TypeName type =
          parameter.type().isBoxedPrimitive() ? parameter.type().unbox() : parameter.type();
      String method =
          type.equals(TypeName.BOOLEAN)
              ? "bool"
              : type.equals(TypeName.LONG) ? "longValue" : "intValue";
      return CodeBlock.of("$T.$N($L, $L)", RECEIVED, method, wire, text);
    }
    if (form instanceof TextForm.EnumConstant constant) {
      return enumCode.fromWireValue(constant.shape(), wire, text);
    }
    TextForm.Json json = (TextForm.Json) form;
    return jsonCode.read(json.shape(), CodeBlock.of("$T.json($L, $L)", RECEIVED, wire, text), wire);
  }

  // ---- the staged builder

  private StagedBuilderWriter.Spec builderSpec() {
    return new StagedBuilderWriter.Spec(
        generated,
        "parameters",
        model.requiredInBuilder(),
        optionalInBuilder(),
        parameter -> "{@code " + ValueClassWriter.javadoc(parameter.wireName()) + "}",
        parameter -> {
          String named = "{@code " + ValueClassWriter.javadoc(parameter.wireName()) + "}";
          Object form = parameter.form();
          if (parameter == CLOCK) {
            return "Sets the clock that the timestamp comes from when none is given; the system's"
                + " UTC clock unless set.\n";
          }
          if (laidOut() && model.plan().traitsOf(parameter.name()).timestamp()) {
            return "Sets "
                + named
                + ", seconds since the epoch; when it is not set, {@link BuildStage#build()}"
                + " takes the clock's.\n";
          }
          if (laidOut() && model.plan().traitsOf(parameter.name()).defaulted()) {
            return "Sets " + named + "; when it is not set, the declaration's default is sent.\n";
          }
          if (form instanceof TextForm.Nonce) {
            return "Sets "
                + named
                + "; when it is not set, {@link BuildStage#build()} draws one.\n";
          }
          if (form instanceof TextForm.Plain || form instanceof TextForm.PreEncoded) {
            return "Sets the optional " + named + "; the empty string counts as absent.\n";
          }
          return "Sets the optional " + named + ".\n";
        },
        parameter ->
            parameter != CLOCK
                && !(parameter.form() instanceof TextForm.Nonce)
                && !parameter.required(),
        "Checks every parameter and builds the request (drawing a nonce when none was given).\n\n"
            + "@throws dev.signet.runtime.InvalidParameterException naming the first parameter"
            + " whose value breaks a rule of the request\n");
  }

  /** The description that {@code -Asignet.describe} writes beside the class. */
  public static String describe(SignedUrlModel model) {
    SignedUrl annotation = model.declaration().element().getAnnotation(SignedUrl.class);
    Map<String, Object> root = Descriptions.header("SignedUrl", model.declaration());
    root.put("path", model.path());
    root.put("signatureParameter", model.signatureParameter());
    root.put("separator", model.separator());
    root.put("lines", annotation.lines().name());
    root.put("order", annotation.order().name());
    root.put("normalization", annotation.normalization().name());
    root.put("algorithm", model.macAlgorithm());
    root.put("digest", model.digestEncoding());
    UrlPlan plan = model.plan();
    if (plan != null) {
      root.put("layout", plan.layout());
      root.put("frame", plan.frame());
      root.put("queryEncoding", plan.queryEncoding());
    }
    List<Object> parameters = new ArrayList<>();
    for (Property<TextForm> parameter : model.parameters()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", parameter.name());
      entry.put("wireName", parameter.wireName());
      entry.put("type", Descriptions.typeName(parameter.type()));
      entry.put("required", parameter.required());
      entry.put("position", model.positions().get(parameter.name()));
      TextForm form = parameter.form();
      entry.put(
          "encoding",
          form instanceof TextForm.PreEncoded
              ? "PRE_ENCODED"
              : form instanceof TextForm.Json ? "JSON" : "TEXT");
      if (form instanceof TextForm.EnumConstant constant) {
        entry.put("wireValues", Descriptions.wireValues(constant.shape()));
      }
      if (form instanceof TextForm.Json json) {
        entry.put("json", Descriptions.shape(json.shape()));
      }
      if (form instanceof TextForm.Nonce nonce) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("length", nonce.shape().length());
        shape.put("alphabet", nonce.shape().alphabet());
        if (plan != null) {
          shape.put("formats", nonce.shape().formats());
          shape.put("json", nonce.json());
        }
        entry.put("nonce", shape);
      }
      if (plan != null) {
        entry.put("place", plan.places().get(parameter.name()));
        ValueTraits traits = plan.traitsOf(parameter.name());
        traits.constant().ifPresent(constant -> entry.put("constant", constant));
        if (traits.timestamp()) {
          entry.put("timestamp", true);
        }
        traits.spreadPrefix().ifPresent(prefix -> entry.put("spreadPrefix", prefix));
        traits
            .range()
            .ifPresent(
                range -> {
                  Map<String, Object> bounds = new LinkedHashMap<>();
                  bounds.put("min", range.min());
                  bounds.put("max", range.max());
                  entry.put("range", bounds);
                });
        if (traits.defaulted()) {
          entry.put("defaulted", true);
        }
      }
      entry.put("deprecated", parameter.deprecated());
      parameters.add(entry);
    }
    root.put("parameters", parameters);
    root.put("builderOrder", model.requiredInBuilder().stream().map(Property::name).toList());
    root.put("signedOrder", model.signedOrder().stream().map(Property::wireName).toList());
    return Descriptions.write(root);
  }
}
