package dev.signet.processor.jwt;

import static dev.signet.processor.write.RuntimeTypes.CHECKS;
import static dev.signet.processor.write.RuntimeTypes.INVALID;
import static dev.signet.processor.write.RuntimeTypes.JSON;
import static dev.signet.processor.write.RuntimeTypes.MAC_ALGORITHM;
import static dev.signet.processor.write.RuntimeTypes.SECRET;
import static dev.signet.processor.write.RuntimeTypes.URI_COMPONENT;

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
import dev.signet.annotations.Location;
import dev.signet.annotations.TokenPlacement;
import dev.signet.processor.jwt.JwtForm.Role;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.Property;
import dev.signet.processor.model.ValueTraits;
import dev.signet.processor.write.Descriptions;
import dev.signet.processor.write.JsonCode;
import dev.signet.processor.write.JsonCode.EnumCode;
import dev.signet.processor.write.StagedBuilderWriter;
import dev.signet.processor.write.ValueClassWriter;
import dev.signet.runtime.UriComponentEncoding;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/** Writes the class that a {@link JwtModel} describes. */
public final class JwtWriter {
  /** The names the generated class takes, which no property may take. */
  static final Set<String> RESERVED_NAMES =
      Set.of(
          "token", "url", "verifier", "headerJson", "claimsJson", "clock", "timeToLive", "SCHEME");

  private static final ClassName JWT_SCHEME =
      ClassName.get("dev.signet.runtime.internal", "JwtScheme");
  private static final ClassName JWT_VERIFIER = ClassName.get("dev.signet.runtime", "JwtVerifier");
  private static final ClassName SITE_URL = ClassName.get("dev.signet.runtime", "SiteUrl");
  private static final TypeName JSON_OBJECT =
      ParameterizedTypeName.get(Map.class, String.class, Object.class);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  /**
   * The generated source for {@code model}, as {@link
   * dev.signet.processor.kind.DeclarationKind#write} is.
   */
  public static JavaFile write(JwtModel model, AnnotationSpec generated) {
    return new JwtWriter(model, generated).javaFile();
  }

  private final JwtModel model;
  private final AnnotationSpec generated;
  private final EnumCode enumCode = new EnumCode();
  private final JsonCode jsonCode = new JsonCode(enumCode);
  private final NameAllocator helperNames = new NameAllocator();
  private final List<MethodSpec> helpers = new ArrayList<>();
  private final ClassName self;

  private JwtWriter(JwtModel model, AnnotationSpec generated) {
    this.model = model;
    this.generated = generated;
    this.self = model.declaration().generated();
    for (Property<JwtForm> property : model.properties()) {
      helperNames.newName(property.name());
    }
    for (String reserved :
        List.of("read", "writeHeader", "writeClaims", "header", "claims", "builder")) {
      helperNames.newName(reserved);
    }
  }

  private JavaFile javaFile() {
    TypeSpec.Builder type =
        ValueClassWriter.valueClass(
            model.declaration(),
            generated,
            CodeBlock.of(
                "A signed JWT ($L) of {@link $T}: its claims, $L.\n\n"
                    + "<p>Immutable and thread-safe. Build one with {@link #builder()}, sign it with"
                    + " {@link #token}$L, check tokens with {@link #verifier}.\n",
                model.algorithm().name(),
                model.declaration().declared(),
                placementText(),
                model.placement() == TokenPlacement.NONE ? "" : " or {@link #url}"));
    type.addField(schemeField());
    type.addFields(ValueClassWriter.fields(model.kept()));
    type.addField(
        FieldSpec.builder(String.class, "header", Modifier.PRIVATE, Modifier.FINAL).build());
    type.addField(
        FieldSpec.builder(String.class, "claims", Modifier.PRIVATE, Modifier.FINAL).build());
    type.addMethod(constructor());
    type.addMethod(readMethod());
    type.addMethod(writeHeaderMethod());
    type.addMethod(writeClaimsMethod());
    type.addMethods(accessors());
    type.addMethod(tokenMethod());
    if (model.placement() != TokenPlacement.NONE) {
      type.addMethod(urlMethod());
    }
    type.addMethod(
        jsonMethod(
            "headerJson",
            "header",
            "The header, as compact JSON: what the token's first part encodes.\n"));
    type.addMethod(
        jsonMethod(
            "claimsJson",
            "claims",
            "The claims, as compact JSON: what the token's second part encodes.\n"));
    type.addMethods(verifierMethods());
    type.addMethod(ValueClassWriter.equalsMethod(self, model.kept()));
    type.addMethod(ValueClassWriter.hashCodeMethod(model.kept()));
    // Only optional values, and unsigned ones in a request read from a token, can be absent.
    type.addMethod(
        ValueClassWriter.redactingToString(
            self,
            model.kept(),
            property -> !property.required() || ((JwtForm) property.form()).role() == Role.UNSIGNED,
            "The values present, by their names in the token or URL"));
    StagedBuilderWriter.addTo(type, builderSpec());
    type.addMethods(helpers);
    type.addMethods(jsonCode.recordWriters());
    type.addMethods(jsonCode.recordReaders());
    type.addFields(enumCode.fields());
    return ValueClassWriter.javaFile(model.declaration(), type.build());
  }

  private String placementText() {
    return switch (model.placement()) {
      case PATH -> "the token a segment of the path {@code " + javadocPath() + "}";
      case QUERY ->
          "the token the query parameter {@code "
              + ValueClassWriter.javadoc(model.tokenParameter())
              + "} of {@code "
              + javadocPath()
              + "}";
      case FRAGMENT -> "the token the fragment of {@code " + javadocPath() + "}";
      case NONE -> "the token handed over alone";
    };
  }

  private String javadocPath() {
    return ValueClassWriter.javadoc(model.path()).replace("{", "&#123;").replace("}", "&#125;");
  }

  // ---- the scheme, built once

  private FieldSpec schemeField() {
    TypeName schemeType = ParameterizedTypeName.get(JWT_SCHEME, self);
    CodeBlock initializer =
        CodeBlock.builder()
            .add("new $T<>(\n$>$>", JWT_SCHEME)
            .add("$T.$L,\n", MAC_ALGORITHM, macAlgorithm())
            .add("$S,\n", model.algorithm().name())
            .add(
                "$L,\n",
                names(model.headerMembers().stream().map(p -> p.form().headerName()).toList()))
            .add("$L,\n", names(model.claimNames()))
            .add("$L,\n", names(model.requiredClaimNames()))
            .add(
                "$L,\n",
                model
                    .issuedAt()
                    .map(p -> CodeBlock.of("$S", p.wireName()))
                    .orElse(CodeBlock.of("null")))
            .add(
                "$L,\n",
                model
                    .expiry()
                    .map(p -> CodeBlock.of("$S", p.wireName()))
                    .orElse(CodeBlock.of("null")))
            .add(
                "$L,\n",
                model
                    .idClaim()
                    .map(p -> CodeBlock.of("$S", p.wireName()))
                    .orElse(CodeBlock.of("null")))
            .add(
                "$L,\n",
                model
                    .expiry()
                    .map(p -> maxLiteral(p.form().maxSeconds()))
                    .orElse(CodeBlock.of("$T.MAX_VALUE", Long.class)))
            .add(constantsAndSpreads())
            .add("$L,\n", tokenUrl())
            .add("$T::read)$<$<", self)
            .build();
    return FieldSpec.builder(
            schemeType, "SCHEME", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(initializer)
        .build();
  }

  /**
   * The claim that tells tokens apart against replay: a required text {@code jti} where the type
   * declares one (RFC 7519 §4.1.7), else null, for their signatures to.
   */
  /**
   * The scheme's constant claims and spread maps, for a type that has either; nothing otherwise, so
   * that it takes the shorter constructor.
   */
  private CodeBlock constantsAndSpreads() {
    List<Property<JwtForm>> constants =
        model.claims().stream().filter(p -> model.traitsOf(p.name()).fixed()).toList();
    if (constants.isEmpty() && model.spreads().isEmpty()) {
      return CodeBlock.of("");
    }
    CodeBlock constantMap =
        CodeBlock.of(
            "$T.of($L)",
            Map.class,
            CodeBlock.join(
                constants.stream()
                    .map(
                        p ->
                            CodeBlock.of(
                                "$S, $S",
                                p.wireName(),
                                model.traitsOf(p.name()).constant().orElseThrow()))
                    .toList(),
                ", "));
    CodeBlock spreads =
        CodeBlock.of(
            "$T.of($L)",
            List.class,
            CodeBlock.join(
                model.spreads().stream()
                    .map(
                        p ->
                            CodeBlock.of(
                                "new $T($S, $S)",
                                JWT_SCHEME.nestedClass("Spread"),
                                p.wireName(),
                                model.traitsOf(p.name()).spreadPrefix().orElseThrow()))
                    .toList(),
                ", "));
    return CodeBlock.of("$L,\n$L,\n", constantMap, spreads);
  }

  /**
   * The URL that carries the token, as the verifier reads it back: the path, where the token is,
   * and each unsigned value, in declaration order.
   */
  private CodeBlock tokenUrl() {
    ClassName tokenUrl = JWT_SCHEME.nestedClass("TokenUrl");
    if (model.placement() == TokenPlacement.NONE) {
      return CodeBlock.of("$T.NONE", tokenUrl);
    }
    ClassName unsignedValue = JWT_SCHEME.nestedClass("UnsignedValue");
    ClassName part = JWT_SCHEME.nestedClass("Part");
    List<CodeBlock> values = new ArrayList<>();
    for (Property<JwtForm> property : model.properties()) {
      if (property.form().role() != Role.UNSIGNED) {
        continue;
      }
      Optional<String> constant = model.constant(property);
      values.add(
          constant.isPresent()
              ? CodeBlock.of(
                  "$T.constant($S, $T.$L, $S)",
                  unsignedValue,
                  property.wireName(),
                  part,
                  property.form().part().name(),
                  constant.get())
              : CodeBlock.of(
                  "$T.$L($S, $T.$L)",
                  unsignedValue,
                  property.required() ? "required" : "optional",
                  property.wireName(),
                  part,
                  property.form().part().name()));
    }
    CodeBlock valueList =
        values.isEmpty()
            ? CodeBlock.of("$T.of()", List.class)
            : CodeBlock.of("$T.of(\n$>$>$L)$<$<", List.class, CodeBlock.join(values, ",\n"));
    return CodeBlock.of(
        "new $T(\n$>$>$T.$L,\n$S,\n$L,\n$L)$<$<",
        tokenUrl,
        JWT_SCHEME.nestedClass("TokenPlace"),
        model.placement().name(),
        model.path(),
        model.placement() == TokenPlacement.QUERY
            ? CodeBlock.of("$S", model.tokenParameter())
            : CodeBlock.of("null"),
        valueList);
  }

  private static CodeBlock maxLiteral(long max) {
    return max == Long.MAX_VALUE
        ? CodeBlock.of("$T.MAX_VALUE", Long.class)
        : CodeBlock.of("$LL", max);
  }

  private String macAlgorithm() {
    return switch (model.algorithm()) {
      case HS256 -> "HMAC_SHA256";
      case HS384 -> "HMAC_SHA384";
      case HS512 -> "HMAC_SHA512";
    };
  }

  private static CodeBlock names(List<String> names) {
    if (names.isEmpty()) {
      return CodeBlock.of("$T.of()", List.class);
    }
    return CodeBlock.of(
        "$T.of($L)",
        List.class,
        CodeBlock.join(names.stream().map(name -> CodeBlock.of("$S", name)).toList(), ", "));
  }

  // ---- building

  private MethodSpec constructor() {
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(self.nestedClass("Builder"), "builder");
    // The clock's values first, whatever their places among the claims: the expiry counts from
    // the issue time.
    model
        .issuedAt()
        .ifPresent(
            iat ->
                constructor.addStatement(
                    "this.$N = builder.$N != null ? builder.$N : (builder.clock != null ? builder.clock : $T.systemUTC()).instant().getEpochSecond()",
                    iat.name(),
                    iat.name(),
                    iat.name(),
                    Clock.class));
    model
        .expiry()
        .ifPresent(
            exp -> {
              String iat = model.issuedAt().orElseThrow().name();
              constructor
                  .beginControlFlow(
                      "if (builder.$N != null && builder.timeToLive != null)", exp.name())
                  .addStatement(
                      "throw new $T($S, $S)",
                      INVALID,
                      exp.wireName(),
                      "give the expiry or a time to live, not both")
                  .endControlFlow()
                  .addStatement(
                      "this.$N = SCHEME.expiry(this.$N, builder.$N != null ? builder.$N : this.$N + (builder.timeToLive != null ? builder.timeToLive.getSeconds() : $LL))",
                      exp.name(),
                      iat,
                      exp.name(),
                      exp.name(),
                      iat,
                      exp.form().timeToLive());
            });
    for (Property<JwtForm> property : model.kept()) {
      Role role = property.form().role();
      if (role == Role.ISSUED_AT || role == Role.EXPIRY) {
        continue;
      }
      // A constant is the declaration's, in every request, read from a token or built.
      Optional<String> constant = model.constant(property);
      CodeBlock value =
          constant.isPresent()
              ? CodeBlock.of("$S", constant.get())
              : model.spread(property) ? spreadChecked(property) : checked(property);
      constructor.addStatement("this.$N = $L", property.name(), value);
    }
    constructor.addStatement("this.header = writeHeader()");
    constructor.addStatement("this.claims = writeClaims()");
    return constructor.build();
  }

  /** The builder's value for {@code property}, checked, and copied when it is a collection. */
  private static CodeBlock checked(Property<JwtForm> property) {
    CodeBlock value = CodeBlock.of("builder.$N", property.name());
    String wire = property.wireName();
    boolean string = property.type().equals(ClassName.get(String.class));
    boolean unsigned = property.form().role() == Role.UNSIGNED;
    if (string && property.required()) {
      CodeBlock check =
          CodeBlock.of("$T.notEmpty($S, $T.wellFormed($S, $L))", CHECKS, wire, CHECKS, wire, value);
      // A request read from a token has no unsigned values: they are not signed.
      return unsigned ? CodeBlock.of("$L == null ? null : $L", value, check) : check;
    }
    if (string && unsigned) {
      return CodeBlock.of("$L == null ? null : $T.wellFormed($S, $L)", value, CHECKS, wire, value);
    }
    TypeName raw =
        property.type() instanceof ParameterizedTypeName p ? p.rawType() : property.type();
    CodeBlock copy;
    if (raw.equals(ClassName.get(List.class))) {
      copy =
          CodeBlock.of(
              "$T.unmodifiableList(new $T<>($L))", Collections.class, ArrayList.class, value);
    } else if (raw.equals(ClassName.get(Map.class))) {
      copy =
          CodeBlock.of(
              "$T.unmodifiableMap(new $T<>($L))", Collections.class, LinkedHashMap.class, value);
    } else {
      return value;
    }
    return property.required() ? copy : CodeBlock.of("$L == null ? null : $L", value, copy);
  }

  /**
   * The builder's map for a spread, its keys checked and copied; an optional one absent when empty,
   * as a token without its entries reads back.
   */
  private CodeBlock spreadChecked(Property<JwtForm> spread) {
    CodeBlock checked =
        CodeBlock.of(
            "SCHEME.checkedSpread($L, builder.$N)", model.spreads().indexOf(spread), spread.name());
    return spread.required()
        ? checked
        : CodeBlock.of(
            "builder.$N == null || builder.$N.isEmpty() ? null : $L",
            spread.name(),
            spread.name(),
            checked);
  }

  // ---- reading a verified token back

  private MethodSpec readMethod() {
    CodeBlock.Builder body =
        CodeBlock.builder()
            .addStatement(
                "$T builder = new $T()", self.nestedClass("Builder"), self.nestedClass("Builder"));
    for (Property<JwtForm> property : model.kept()) {
      JwtForm form = property.form();
      if (form.role() == Role.UNSIGNED || model.traitsOf(property.name()).fixed()) {
        // A constant is the verifier's to check: the request holds it whatever the token says.
        continue;
      }
      if (model.spread(property)) {
        String entries = helperNames.newName(property.name() + "Claims");
        body.addStatement(
            "$T $N = SCHEME.spreadClaims(claims, $L)",
            JSON_OBJECT,
            entries,
            model.spreads().indexOf(property));
        CodeBlock read =
            jsonCode.read(
                form.shape(), CodeBlock.of("$N", entries), CodeBlock.of("$S", property.wireName()));
        if (property.required()) {
          body.addStatement("builder.$N = $L", property.name(), read);
        } else {
          body.addStatement(
              "builder.$N = $N.isEmpty() ? null : $L", property.name(), entries, read);
        }
        continue;
      }
      if (form.role() == Role.UNWRAPPED) {
        body.add(readUnwrapped(property));
        continue;
      }
      if (form.role() == Role.HEADER_CLAIM) {
        // One value under two names: a token whose two differ was not written by this type.
        body.beginControlFlow(
                "if (!$T.equals(header.get($S), claims.get($S)))",
                Objects.class,
                form.headerName(),
                property.wireName())
            .addStatement(
                "throw new $T($S, $S)",
                INVALID,
                form.headerName(),
                "must be the same as the claim "
                    + property.wireName()
                    + ", one value under two names")
            .endControlFlow();
      }
      String source = form.role() == Role.HEADER ? "header" : "claims";
      CodeBlock json = CodeBlock.of("$N.get($S)", source, property.wireName());
      CodeBlock read = jsonCode.read(form.shape(), json, CodeBlock.of("$S", property.wireName()));
      if (property.required()) {
        body.addStatement("builder.$N = $L", property.name(), read);
      } else {
        // An absent claim, and one written as null, are an absent optional.
        body.addStatement("builder.$N = $L == null ? null : $L", property.name(), json, read);
      }
    }
    body.addStatement("return new $T(builder)", self);
    return MethodSpec.methodBuilder("read")
        .addJavadoc(
            "Reads a verified token's header and claims back; the unsigned values stay absent.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(self)
        .addParameter(JSON_OBJECT, "header")
        .addParameter(JSON_OBJECT, "claims")
        .addCode(body.build())
        .build();
  }

  /**
   * Reads an unwrapped record back from the claims that are its components; an optional one is
   * absent when none of them is there.
   */
  private CodeBlock readUnwrapped(Property<JwtForm> property) {
    String members = helperNames.newName(property.name() + "Claims");
    CodeBlock read =
        jsonCode.read(
            property.form().shape(),
            CodeBlock.of("$N", members),
            CodeBlock.of("$S", property.wireName()));
    CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement("$T $N = new $T<>(claims)", JSON_OBJECT, members, LinkedHashMap.class)
            .addStatement(
                "$N.keySet().retainAll($L)", members, names(JwtModel.claimNames(property)));
    if (property.required()) {
      return code.addStatement("builder.$N = $L", property.name(), read).build();
    }
    return code.addStatement(
            "builder.$N = $N.isEmpty() ? null : $L", property.name(), members, read)
        .build();
  }

  // ---- the header and the claims, written once

  private MethodSpec writeHeaderMethod() {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement("$T out = new $T(64)", StringBuilder.class, StringBuilder.class)
            .addStatement(
                "out.append($S)", "{\"alg\":\"" + model.algorithm().name() + "\",\"typ\":\"JWT\"");
    for (Property<JwtForm> member : model.headerMembers()) {
      CodeBlock append =
          CodeBlock.builder()
              .addStatement("out.append($S)", "," + JsonCode.jsonName(member.form().headerName()))
              .addStatement("$T.appendString(out, this.$N)", JSON, member.name())
              .build();
      if (member.required()) {
        code.add(append);
      } else {
        code.beginControlFlow("if (this.$N != null)", member.name()).add(append).endControlFlow();
      }
    }
    code.addStatement("return out.append('}').toString()");
    return MethodSpec.methodBuilder("writeHeader")
        .addJavadoc("Writes the header once, when the token is built.\n")
        .addModifiers(Modifier.PRIVATE)
        .returns(String.class)
        .addCode(code.build())
        .build();
  }

  private MethodSpec writeClaimsMethod() {
    JsonCode.ObjectMembers members = new JsonCode.ObjectMembers();
    for (Property<JwtForm> claim : model.claims()) {
      CodeBlock own;
      if (claim.form().role() == Role.UNWRAPPED) {
        // Its components may all be absent.
        own = unwrappedMembers(claim, members.somethingWritten(), members.maybeWritten());
      } else if (model.spread(claim)) {
        // Its entries may be none.
        own = spreadWriter(claim, members.somethingWritten());
      } else {
        members.member(
            claim, claim.form().inclusion(), append(claim, CodeBlock.of("this.$N", claim.name())));
        continue;
      }
      members.mayWrite(
          claim.required()
              ? own
              : CodeBlock.builder()
                  .beginControlFlow("if (this.$N != null)", claim.name())
                  .add(own)
                  .endControlFlow()
                  .build());
    }
    return MethodSpec.methodBuilder("writeClaims")
        .addJavadoc("Writes the claims once, when the token is built.\n")
        .addModifiers(Modifier.PRIVATE)
        .returns(String.class)
        .addCode(members.body())
        .build();
  }

  /**
   * Code writing an unwrapped record's members among the claims: the record as its writer writes
   * it, then, in place, without its braces, after a comma where a claim came before; nothing where
   * it has no member.
   */
  private CodeBlock unwrappedMembers(
      Property<JwtForm> claim, boolean somethingWritten, boolean maybeWritten) {
    String start = helperNames.newName(claim.name() + "Start");
    CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement("int $N = out.length()", start)
            .add(append(claim, CodeBlock.of("this.$N", claim.name())))
            .addStatement("out.setLength(out.length() - 1)")
            .beginControlFlow("if (out.length() == $N + 1)", start)
            .addStatement("out.setLength($N)", start);
    if (maybeWritten && !somethingWritten) {
      code.nextControlFlow("else if ($N > 1)", start)
          .addStatement("out.setCharAt($N, ',')", start)
          .nextControlFlow("else")
          .addStatement("out.deleteCharAt($N)", start);
    } else if (somethingWritten) {
      code.nextControlFlow("else").addStatement("out.setCharAt($N, ',')", start);
    } else {
      code.nextControlFlow("else").addStatement("out.deleteCharAt($N)", start);
    }
    return code.endControlFlow().build();
  }

  /** Code appending a claim's value, not null, refusing what JSON cannot hold by its name. */
  private CodeBlock append(Property<JwtForm> claim, CodeBlock value) {
    JsonShape shape = claim.form().shape();
    CodeBlock append;
    if (shape instanceof JsonShape.ListOf || shape instanceof JsonShape.MapOf) {
      // A method of its own, so that the loops' variables of two claims never meet.
      append = CodeBlock.of("$N(out, $L);\n", collectionWriter(claim), value);
    } else {
      append = jsonCode.append(shape, value);
    }
    if (!JsonCode.mayRefuse(shape)) {
      return append;
    }
    return refusedByName(append, claim);
  }

  /** {@code append}, its refusal of a value JSON cannot hold given the claim's name. */
  private static CodeBlock refusedByName(CodeBlock append, Property<JwtForm> claim) {
    return CodeBlock.builder()
        .beginControlFlow("try")
        .add(append)
        .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
        .add("// A value JSON cannot hold, such as NaN.\n")
        .addStatement("throw new $T($S, e.getMessage())", INVALID, claim.wireName())
        .endControlFlow()
        .build();
  }

  /**
   * Code appending a spread map's entries as claims of their own, through a method of its own: each
   * after a comma when {@code afterClaims} says claims came before, or when one did at run time.
   */
  private CodeBlock spreadWriter(Property<JwtForm> spread, boolean afterClaims) {
    String prefix = model.traitsOf(spread.name()).spreadPrefix().orElseThrow();
    CodeBlock separator =
        afterClaims
            ? CodeBlock.of("out.append(',');\n")
            : CodeBlock.builder()
                .beginControlFlow("if (out.length() > 1)")
                .addStatement("out.append(',')")
                .endControlFlow()
                .build();
    MethodSpec writer =
        MethodSpec.methodBuilder(helperNames.newName("append" + spread.capitalized() + "Claims"))
            .addJavadoc(
                "Appends each entry of {@code $L} as a claim$L.\n",
                ValueClassWriter.javadoc(spread.wireName()),
                prefix.isEmpty()
                    ? ""
                    : " named {@code " + ValueClassWriter.javadoc(prefix) + "} and its key")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(StringBuilder.class, "out")
            .addParameter(spread.type(), "value")
            .addCode(
                jsonCode.appendMembers(
                    (JsonShape.MapOf) spread.form().shape(),
                    CodeBlock.of("value"),
                    prefix,
                    separator))
            .build();
    helpers.add(writer);
    CodeBlock call = CodeBlock.of("$N(out, this.$N);\n", writer, spread.name());
    if (!JsonCode.mayRefuse(spread.form().shape())) {
      return call;
    }
    return refusedByName(call, spread);
  }

  private MethodSpec collectionWriter(Property<JwtForm> claim) {
    MethodSpec writer =
        MethodSpec.methodBuilder(helperNames.newName("append" + claim.capitalized() + "Json"))
            .addJavadoc("Appends {@code $L} as JSON.\n", ValueClassWriter.javadoc(claim.wireName()))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(StringBuilder.class, "out")
            .addParameter(claim.type(), "value")
            .addCode(jsonCode.append(claim.form().shape(), CodeBlock.of("value")))
            .build();
    helpers.add(writer);
    return writer;
  }

  // ---- the public API

  private List<MethodSpec> accessors() {
    List<MethodSpec> accessors = new ArrayList<>();
    for (Property<JwtForm> property : model.kept()) {
      if (property.form().role() == Role.UNSIGNED
          && property.required()
          && !property.form().fixed()) {
        MethodSpec.Builder accessor =
            MethodSpec.methodBuilder(property.name())
                .addJavadoc(
                    "{@code $L}, as given to the builder.\n\n"
                        + "@throws IllegalStateException in a request read from a token, which does"
                        + " not carry this unsigned value\n",
                    ValueClassWriter.javadoc(property.wireName()))
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(property.type());
        if (property.deprecated()) {
          accessor.addAnnotation(Deprecated.class);
        }
        accessors.add(
            accessor
                .addStatement("$T value = this.$N", property.type().box(), property.name())
                .beginControlFlow("if (value == null)")
                .addStatement("throw new $T($S)", IllegalStateException.class, notCarried(property))
                .endControlFlow()
                .addStatement("return value")
                .build());
      } else {
        accessors.addAll(ValueClassWriter.accessors(List.of(property)));
      }
    }
    return accessors;
  }

  private static String notCarried(Property<JwtForm> property) {
    return property.wireName()
        + " travels unsigned in the URL, not in the token this request was read from";
  }

  private MethodSpec tokenMethod() {
    return MethodSpec.methodBuilder("token")
        .addJavadoc(
            "The signed token: header and claims in unpadded base64url, and their $L MAC keyed"
                + " with {@code secret}.\n",
            model.algorithm().name())
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addParameter(SECRET, "secret")
        .addStatement("return SCHEME.token(this.header, this.claims, secret)")
        .build();
  }

  private MethodSpec jsonMethod(String name, String field, String javadoc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(javadoc)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return this.$N", field)
        .build();
  }

  private MethodSpec urlMethod() {
    CodeBlock.Builder body = CodeBlock.builder();
    for (Property<JwtForm> property : model.properties()) {
      if (property.form().role() == Role.UNSIGNED
          && property.required()
          && !property.form().fixed()) {
        body.beginControlFlow("if (this.$N == null)", property.name())
            .addStatement("throw new $T($S)", IllegalStateException.class, notCarried(property))
            .endControlFlow();
      }
    }
    body.addStatement("$T url = new $T(site.toString())", StringBuilder.class, StringBuilder.class);
    Matcher matcher = PLACEHOLDER.matcher(model.path());
    int last = 0;
    StringBuilder literal = new StringBuilder();
    while (matcher.find()) {
      literal.append(model.path(), last, matcher.start());
      appendLiteral(body, literal);
      if (matcher.group(1).equals("token")) {
        body.addStatement("url.append(token(secret))");
      } else {
        Property<JwtForm> value =
            model.inPath().stream()
                .filter(p -> p.wireName().equals(matcher.group(1)))
                .findFirst()
                .orElseThrow();
        CodeBlock encoded =
            CodeBlock.of(
                "$T.encode($L)", URI_COMPONENT, text(value, CodeBlock.of("this.$N", value.name())));
        if (value.form().part() == Location.PATH_SEGMENTS) {
          // Each / of the value kept: encodeURIComponent writes it as %2F, and a % of the value as
          // %25, so no other %2F can be in its text.
          encoded = CodeBlock.of("$L.replace($S, $S)", encoded, "%2F", "/");
        }
        body.addStatement("url.append($L)", encoded);
      }
      last = matcher.end();
    }
    literal.append(model.path().substring(last));
    String queryStart = "?";
    if (model.placement() == TokenPlacement.QUERY) {
      literal.append('?').append(queryName(model.tokenParameter())).append('=');
      appendLiteral(body, literal);
      body.addStatement("url.append(token(secret))");
      queryStart = "&";
    }
    appendLiteral(body, literal);
    appendPairs(body, model.unsigned(Location.QUERY), queryStart, "&");
    if (model.placement() == TokenPlacement.FRAGMENT) {
      body.addStatement("url.append('#').append(token(secret))");
    } else {
      appendPairs(body, model.unsigned(Location.FRAGMENT), "#", "&");
    }
    body.addStatement("return url.toString()");
    return MethodSpec.methodBuilder("url")
        .addJavadoc(
            "The URL at {@code site} that carries the token signed with {@code secret}$L.\n\n"
                + "@throws IllegalStateException for a request read from a token, which does not"
                + " carry the unsigned values of its URL\n",
            model.unsigned(Location.QUERY).isEmpty()
                    && model.unsigned(Location.FRAGMENT).isEmpty()
                    && model.inPath().isEmpty()
                ? ""
                : ", and the unsigned values beside it")
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addParameter(SITE_URL, "site")
        .addParameter(SECRET, "secret")
        .addCode(body.build())
        .build();
  }

  /**
   * A name in the query or fragment, as {@code encodeURIComponent} writes it but for {@code :},
   * which a query holds as it is (RFC 3986 §3.4) and Sigma writes so: {@code
   * ?:jwt=...&:embed=true}.
   */
  private static String queryName(String name) {
    return UriComponentEncoding.encode(name).replace("%3A", ":");
  }

  private static void appendLiteral(CodeBlock.Builder body, StringBuilder literal) {
    if (literal.length() > 0) {
      body.addStatement("url.append($S)", literal.toString());
      literal.setLength(0);
    }
  }

  /**
   * Appends {@code name=value} for each value present, the first after {@code first}, the others
   * after {@code separator}.
   */
  private void appendPairs(
      CodeBlock.Builder body, List<Property<JwtForm>> values, String first, String separator) {
    if (values.isEmpty()) {
      return;
    }
    String marker = helperNames.newName(first.equals("#") ? "fragmentStart" : "queryStart");
    body.addStatement("$T $N = '$L'", char.class, marker, first);
    for (int i = 0; i < values.size(); i++) {
      Property<JwtForm> value = values.get(i);
      CodeBlock.Builder pair =
          CodeBlock.builder()
              .addStatement(
                  "url.append($N).append($S).append($T.encode($L))",
                  marker,
                  queryName(value.wireName()) + "=",
                  URI_COMPONENT,
                  text(value, CodeBlock.of("this.$N", value.name())));
      if (i + 1 < values.size()) {
        pair.addStatement("$N = '$L'", marker, separator);
      }
      if (value.required()) {
        body.add(pair.build());
      } else {
        body.beginControlFlow("if (this.$N != null)", value.name())
            .add(pair.build())
            .endControlFlow();
      }
    }
  }

  /**
   * The text of an unsigned value: a string as it is, an enum's wire value, a number or boolean.
   */
  private CodeBlock text(Property<JwtForm> value, CodeBlock expression) {
    if (value.form().shape() instanceof JsonShape.EnumValue enumValue) {
      return enumCode.wireValue(enumValue.shape(), expression);
    }
    return value.type().equals(ClassName.get(String.class))
        ? expression
        : CodeBlock.of("$T.valueOf($L)", String.class, expression);
  }

  private List<MethodSpec> verifierMethods() {
    TypeName verifier = ParameterizedTypeName.get(JWT_VERIFIER, self);
    // Where the token travels in a URL, its verifier checks the URL too, once given the site.
    String urls =
        model.placement() == TokenPlacement.NONE
            ? ""
            : " With {@link JwtVerifier#withSite withSite(site)}, its {@link JwtVerifier#verifyUrl"
                + " verifyUrl} checks whole URLs, and gives the unsigned values apart.";
    return List.of(
        MethodSpec.methodBuilder("verifier")
            .addJavadoc(
                "A verifier of tokens signed with {@code secret} that name no key ({@code"
                    + " kid}).$L\n",
                urls)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(verifier)
            .addParameter(SECRET, "secret")
            .addStatement("return $T.of(SCHEME, secret)", JWT_VERIFIER)
            .build(),
        MethodSpec.methodBuilder("verifier")
            .addJavadoc(
                "A verifier of tokens that name their key in the header's {@code kid}, one of"
                    + " {@code secretsById}.$L\n",
                urls)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(verifier)
            .addParameter(
                ParameterizedTypeName.get(
                    ClassName.get(Map.class), ClassName.get(String.class), SECRET),
                "secretsById")
            .addStatement("return $T.of(SCHEME, secretsById)", JWT_VERIFIER)
            .build());
  }

  private StagedBuilderWriter.Spec builderSpec() {
    return new StagedBuilderWriter.Spec(
        self,
        "claims",
        model.requiredInBuilder(),
        model.optionalInBuilder(),
        this::named,
        this::optionalJavadoc,
        property ->
            ((JwtForm) property.form()).role() != Role.CLOCK
                && ((JwtForm) property.form()).role() != Role.TIME_TO_LIVE
                && ((JwtForm) property.form()).role() != Role.ISSUED_AT
                && ((JwtForm) property.form()).role() != Role.EXPIRY,
        "Checks every value and builds the token's claims"
            + (model.issuedAt().isPresent()
                ? ", reading the clock for an issue time not given"
                : "")
            + ".\n\n"
            + "@throws dev.signet.runtime.InvalidParameterException naming the first claim whose"
            + " value breaks a rule of the token\n");
  }

  private String named(Property<?> property) {
    JwtForm form = (JwtForm) property.form();
    String name = "{@code " + ValueClassWriter.javadoc(property.wireName()) + "}";
    if (model.traitsOf(property.name()).spreadPrefix().isPresent()) {
      return "the map " + name + ", each entry a claim of its own";
    }
    return switch (form.role()) {
      case HEADER -> "the header member " + name;
      case HEADER_CLAIM ->
          "the claim "
              + name
              + ", also the header member {@code "
              + ValueClassWriter.javadoc(form.headerName())
              + "}";
      case UNWRAPPED ->
          "the claims "
              + JwtModel.claimNames(property).stream()
                  .map(claim -> "{@code " + ValueClassWriter.javadoc(claim) + "}")
                  .collect(java.util.stream.Collectors.joining(", "))
              + " of {@code "
              + property.name()
              + "}";
      case UNSIGNED ->
          "the unsigned "
              + form.part().name().toLowerCase(java.util.Locale.ROOT)
              + " value "
              + name;
      default -> "the claim " + name;
    };
  }

  private String optionalJavadoc(Property<?> property) {
    JwtForm form = (JwtForm) property.form();
    return switch (form.role()) {
      case ISSUED_AT ->
          "Sets the issue time "
              + named(property)
              + ", in seconds since the epoch; the clock's when not set.\n";
      case EXPIRY ->
          "Sets the expiry "
              + named(property)
              + ", in seconds since the epoch; the issue time plus the time to live ("
              + form.timeToLive()
              + " seconds unless set) when not set. It must be after the issue time"
              + (form.maxSeconds() == Long.MAX_VALUE
                  ? ""
                  : " and at most " + form.maxSeconds() + " seconds after it")
              + ".\n";
      case CLOCK ->
          "Sets the clock that gives the issue time when none is set; the system's UTC clock unless set.\n";
      case TIME_TO_LIVE ->
          "Sets how long after the issue time the token expires, when no expiry is set.\n";
      default -> "Sets the optional " + named(property) + ".\n";
    };
  }

  /** The description that {@code -Asignet.describe} writes beside the class. */
  public static String describe(JwtModel model) {
    Map<String, Object> root = Descriptions.header("SignedJwt", model.declaration());
    root.put("algorithm", model.algorithm().name());
    root.put("token", model.placement().name());
    root.put("path", model.path());
    root.put("tokenParameter", model.tokenParameter());
    List<Object> properties = new ArrayList<>();
    for (Property<JwtForm> property : model.kept()) {
      JwtForm form = property.form();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", property.name());
      entry.put("role", form.role().name());
      entry.put("wireName", property.wireName());
      entry.put("type", Descriptions.typeName(property.type()));
      entry.put("required", property.required());
      if (form.role() == Role.UNSIGNED) {
        entry.put("part", form.part().name());
        if (form.shape() instanceof JsonShape.EnumValue constant) {
          entry.put("wireValues", Descriptions.wireValues(constant.shape()));
        }
        if (form.fixed()) {
          entry.put("constant", form.constant());
        }
      }
      if (form.role() == Role.HEADER_CLAIM) {
        entry.put("headerName", form.headerName());
      }
      if (form.claim()) {
        entry.put("inclusion", form.inclusion().name());
        entry.put("json", Descriptions.shape(form.shape()));
        ValueTraits traits = model.traitsOf(property.name());
        traits.constant().ifPresent(constant -> entry.put("constant", constant));
        traits.spreadPrefix().ifPresent(prefix -> entry.put("spreadPrefix", prefix));
      }
      if (form.role() == Role.EXPIRY) {
        entry.put("timeToLiveSeconds", Long.toString(form.timeToLive()));
        entry.put(
            "maxSeconds",
            form.maxSeconds() == Long.MAX_VALUE ? null : Long.toString(form.maxSeconds()));
      }
      entry.put("redacted", property.redacted());
      entry.put("deprecated", property.deprecated());
      properties.add(entry);
    }
    root.put("properties", properties);
    root.put("builderOrder", model.requiredInBuilder().stream().map(Property::name).toList());
    return Descriptions.write(root);
  }
}
