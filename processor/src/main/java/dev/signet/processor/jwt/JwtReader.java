package dev.signet.processor.jwt;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.signet.annotations.Constant;
import dev.signet.annotations.Expiry;
import dev.signet.annotations.JwtHeader;
import dev.signet.annotations.Location;
import dev.signet.annotations.Param;
import dev.signet.annotations.Redacted;
import dev.signet.annotations.SignedJwt;
import dev.signet.annotations.Spread;
import dev.signet.annotations.Timestamp;
import dev.signet.annotations.TokenPlacement;
import dev.signet.annotations.Unsigned;
import dev.signet.processor.jsonrequest.JsonRequestReader;
import dev.signet.processor.jwt.JwtForm.Role;
import dev.signet.processor.kind.DeclarationKind;
import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.Inclusion;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.Property;
import dev.signet.processor.model.ValueTraits;
import dev.signet.processor.read.DeclarationReader;
import dev.signet.processor.read.DeclarationReader.Accessor;
import dev.signet.processor.read.Diagnostics;
import dev.signet.processor.read.JavaTypes;
import dev.signet.processor.read.JsonShapeReader;
import dev.signet.processor.read.Reading;
import dev.signet.processor.read.ValueTraitsReader;
import dev.signet.processor.read.ValueTraitsReader.SpreadInto;
import dev.signet.processor.write.StagedBuilderWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads a {@link SignedJwt} interface into a {@link JwtModel}, reporting every problem on the
 * element that causes it. Claims are read as {@code @JsonRequest} fields are, with the shared
 * {@link ValueTraitsReader} for a constant or a spread map; the clock's values ({@code @Timestamp},
 * {@code @Expiry}) are read here until the shared reading of them is.
 */
public record JwtReader(Reading reading) implements DeclarationKind.Reader<JwtModel> {
  /** How {@code @SignedJwt} declarations are read. */
  public static final DeclarationReader.Rules RULES =
      new DeclarationReader.Rules(
          "SignedJwt",
          ElementKind.INTERFACE,
          "claims",
          "Claim",
          "a token's claim types are fixed",
          "Optional<Integer>, Optional<Long> or Optional<Double>",
          StagedBuilderWriter.reservedWith(JwtWriter.RESERVED_NAMES),
          "keep the claim's name with @JsonProperty(\"%s\")");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final String TOKEN = "token";
  private static final Set<String> OWN_HEADER = Set.of("alg", "typ");
  private static final List<String> SIGNED_URL_ONLY = List.of("dev.signet.annotations.Nonce");
  private static final String JSON_UNWRAPPED = "com.fasterxml.jackson.annotation.JsonUnwrapped";

  @Override
  public Optional<JwtModel> read(Declaration declaration) {
    TypeElement type = declaration.element();
    SignedJwt annotation = type.getAnnotation(SignedJwt.class);
    Set<String> placeholders = checkAttributes(type, annotation);
    Inclusion typeInclusion = new JsonRequestReader(reading).inclusion(type, Inclusion.ALWAYS);

    List<Property<JwtForm>> properties = new ArrayList<>();
    Map<Property<JwtForm>, Element> elements = new HashMap<>();
    Map<String, ValueTraits> traits = new LinkedHashMap<>();
    for (Accessor accessor : reading.declarations().accessors(type, RULES, JwtReader::wireName)) {
      Element reportOn = DeclarationReader.reportOn(type, accessor.method());
      readProperty(accessor, reportOn, annotation, typeInclusion, traits)
          .ifPresent(
              property -> {
                properties.add(property);
                elements.put(property, reportOn);
              });
    }
    checkClockValues(type, properties, elements);
    checkNames(properties, elements, traits);
    checkSpreads(properties, elements, traits);
    checkPath(type, annotation, placeholders, properties, elements);
    if (reading.diagnostics().failed()) {
      return Optional.empty();
    }
    if (properties.stream().anyMatch(p -> p.form().role() == Role.ISSUED_AT)) {
      properties.add(builderOnly("clock", ClassName.get(Clock.class), Role.CLOCK));
    }
    if (properties.stream().anyMatch(p -> p.form().role() == Role.EXPIRY)) {
      properties.add(builderOnly("timeToLive", ClassName.get(Duration.class), Role.TIME_TO_LIVE));
    }
    return Optional.of(
        new JwtModel(
            declaration,
            annotation.algorithm(),
            annotation.token(),
            annotation.path(),
            annotation.tokenParameter(),
            List.copyOf(properties),
            Map.copyOf(traits)));
  }

  /** A property of the builder's own, set by a caller and kept by no request. */
  private static Property<JwtForm> builderOnly(String name, TypeName type, Role role) {
    return new Property<>(
        name, name, type, false, false, false, new JwtForm(role, null, null, null, 0, 0));
  }

  /**
   * The name a property travels under: its claim's, where it has one (a header member with a
   * {@code @JsonProperty} is a claim too), else its header member's, its URL name, or its method's.
   */
  private static String wireName(ExecutableElement method) {
    JwtHeader header = method.getAnnotation(JwtHeader.class);
    Param param = method.getAnnotation(Param.class);
    if (header != null) {
      return JsonShapeReader.jsonPropertyName(method).orElse(header.value());
    }
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    return JsonShapeReader.jsonPropertyName(method).orElse(method.getSimpleName().toString());
  }

  /** Checks the annotation's attributes; the placeholders its path holds. */
  private Set<String> checkAttributes(TypeElement type, SignedJwt annotation) {
    String path = annotation.path();
    TokenPlacement placement = annotation.token();
    Set<String> placeholders = new LinkedHashSet<>();
    if (placement == TokenPlacement.NONE) {
      if (!path.isEmpty()) {
        refuse(
            type,
            "path",
            "path \""
                + Diagnostics.escape(path)
                + "\" has no URL to be part of: a token with token = NONE is handed over alone;"
                + " remove the path, or place the token in the URL");
      }
      return placeholders;
    }
    if (!path.startsWith("/")
        || path.chars().anyMatch(c -> c <= ' ' || c == '?' || c == '#' || c == 0x7f)) {
      refuse(
          type,
          "path",
          "path \""
              + Diagnostics.escape(path)
              + "\" must start with / and hold no ?, #, spaces or control characters, such as"
              + " \"/embed/dashboard/{token}\"");
      return placeholders;
    }
    Matcher matcher = PLACEHOLDER.matcher(path);
    while (matcher.find()) {
      String segment = segmentAround(path, matcher.start(), matcher.end());
      if (!segment.equals(matcher.group())) {
        refuse(
            type,
            "path",
            "path \""
                + Diagnostics.escape(path)
                + "\": "
                + matcher.group()
                + " must be a whole segment between two /, as in \"/embed/{token}\"");
        // Taken as a placeholder all the same, so that the one mistake is reported once.
        placeholders.add(matcher.group(1));
      } else if (!placeholders.add(matcher.group(1))) {
        refuse(
            type,
            "path",
            "path \"" + Diagnostics.escape(path) + "\" holds " + matcher.group() + " twice");
      }
    }
    boolean tokenInPath = placeholders.contains(TOKEN);
    if (placement == TokenPlacement.PATH && !tokenInPath) {
      refuse(
          type,
          "path",
          "path \""
              + Diagnostics.escape(path)
              + "\" has no {token}: with token = PATH the token is a segment of the path, so"
              + " mark its place, as in \"/embed/dashboard/{token}\"");
    } else if (placement != TokenPlacement.PATH && tokenInPath) {
      refuse(
          type,
          "path",
          "path \""
              + Diagnostics.escape(path)
              + "\" holds {token}, but the token travels in the "
              + placement.name().toLowerCase(java.util.Locale.ROOT)
              + "; remove {token}, or declare token = PATH");
    }
    if (placement == TokenPlacement.QUERY && annotation.tokenParameter().isEmpty()) {
      refuse(
          type,
          "tokenParameter",
          "token = QUERY needs the query parameter that carries the token: add tokenParameter,"
              + " such as tokenParameter = \":jwt\"");
    } else if (placement != TokenPlacement.QUERY && !annotation.tokenParameter().isEmpty()) {
      refuse(
          type,
          "tokenParameter",
          "tokenParameter names a query parameter, but the token travels in the "
              + placement.name().toLowerCase(java.util.Locale.ROOT)
              + "; remove tokenParameter, or declare token = QUERY");
    }
    return placeholders;
  }

  /** The path segment that holds the characters from {@code start} to {@code end}. */
  private static String segmentAround(String path, int start, int end) {
    int from = path.lastIndexOf('/', start - 1) + 1;
    int to = path.indexOf('/', end);
    return path.substring(from, to < 0 ? path.length() : to);
  }

  /**
   * The property {@code accessor} declares, or empty after reporting why it cannot be one; a
   * claim's traits other than none go into {@code traits}, by the property's name.
   */
  private Optional<Property<JwtForm>> readProperty(
      Accessor accessor,
      Element reportOn,
      SignedJwt annotation,
      Inclusion typeInclusion,
      Map<String, ValueTraits> traits) {
    ExecutableElement method = accessor.method();
    String name = accessor.name();
    for (String signedUrlOnly : SIGNED_URL_ONLY) {
      if (hasAnnotation(method, signedUrlOnly)) {
        String simple = signedUrlOnly.substring(signedUrlOnly.lastIndexOf('.') + 1);
        report(
            reportOn,
            "Claim "
                + name
                + ": @"
                + simple
                + " belongs to @SignedUrl requests; a @SignedJwt has no nonce of Signet's"
                + " drawing, so remove @"
                + simple);
        return Optional.empty();
      }
    }
    Param param = method.getAnnotation(Param.class);
    if (param != null && method.getAnnotation(Unsigned.class) == null) {
      report(
          reportOn,
          "Claim "
              + name
              + ": @Param places a value in the URL, which a @SignedJwt does for @Unsigned values"
              + " alone; a claim takes its name from Jackson's @JsonProperty, so replace @Param"
              + " with @JsonProperty(\"...\"), or add @Unsigned");
      return Optional.empty();
    }
    String wireName = wireName(method);
    TypeMirror valueType = accessor.valueType();
    boolean redacted = method.getAnnotation(Redacted.class) != null;
    Timestamp timestamp = method.getAnnotation(Timestamp.class);
    Expiry expiry = method.getAnnotation(Expiry.class);
    JwtHeader header = method.getAnnotation(JwtHeader.class);
    Unsigned unsigned = method.getAnnotation(Unsigned.class);
    Optional<AnnotationMirror> unwrapped = unwrapped(method);
    int roles =
        (timestamp != null ? 1 : 0)
            + (expiry != null ? 1 : 0)
            + (header != null ? 1 : 0)
            + (unsigned != null ? 1 : 0)
            + (unwrapped.isPresent() ? 1 : 0);
    if (roles > 1) {
      report(
          reportOn,
          "Claim "
              + wireName
              + " can be one of @Timestamp, @Expiry, @JwtHeader, @Unsigned and @JsonUnwrapped, not"
              + " several; keep one");
      return Optional.empty();
    }
    if (redacted
        && (header != null || unsigned != null || !reading.javaTypes().isString(valueType))) {
      report(
          reportOn,
          "Claim "
              + wireName
              + ": @Redacted applies to String claims, whose text can be kept out of"
              + " toString(); remove @Redacted");
      return Optional.empty();
    }
    String valueGiver =
        method.getAnnotation(Constant.class) != null
            ? "Constant"
            : method.getAnnotation(Spread.class) != null ? "Spread" : null;
    // An unsigned value's constant is the unsigned value's own (Sigma's :embed=true), read there.
    boolean unsignedConstant = unsigned != null && "Constant".equals(valueGiver);
    if (valueGiver != null && roles > 0 && !unsignedConstant) {
      report(
          reportOn,
          "Claim "
              + wireName
              + ": @"
              + valueGiver
              + " cannot go with @"
              + (timestamp != null
                  ? "Timestamp, which takes the issue time from the clock"
                  : expiry != null
                      ? "Expiry, which works the expiry out from the issue time"
                      : header != null
                          ? "JwtHeader, which sends a caller's value in the header, not among"
                              + " the claims"
                          : unwrapped.isPresent()
                              ? "JsonUnwrapped, whose record's components are the claims"
                              : "Unsigned, which sends a caller's value unsigned in the URL, not"
                                  + " among the claims")
              + "; remove one of them");
      return Optional.empty();
    }
    if (timestamp != null || expiry != null) {
      return clockValue(accessor, reportOn, wireName, expiry);
    }
    if (header != null) {
      return headerMember(accessor, reportOn, header, typeInclusion);
    }
    if (unsigned != null) {
      return unsignedValue(accessor, reportOn, annotation, param, wireName);
    }
    if (unwrapped.isPresent()) {
      return unwrappedRecord(accessor, reportOn, unwrapped.get());
    }
    Optional<ValueTraits> claimTraits =
        new ValueTraitsReader(reading.javaTypes(), reading.diagnostics(), SpreadInto.CLAIMS)
            .read(method, reportOn, "Claim " + wireName, accessor.required(), valueType);
    if (claimTraits.isEmpty() || !claimTraitsHold(claimTraits.get(), reportOn, wireName)) {
      return Optional.empty();
    }
    if (!claimTraits.get().equals(ValueTraits.NONE)) {
      traits.put(name, claimTraits.get());
    }
    Inclusion inclusion = new JsonRequestReader(reading).inclusion(method, typeInclusion);
    return reading
        .jsonShapes()
        .read(valueType, reportOn, "Claim " + wireName)
        .map(
            shape ->
                new Property<>(
                    name,
                    wireName,
                    TypeName.get(valueType),
                    accessor.required(),
                    accessor.deprecated(),
                    redacted,
                    new JwtForm(Role.CLAIM, shape, inclusion, null, 0, 0)));
  }

  /**
   * Whether a claim's traits are ones a token can have, after reporting those it cannot: an empty
   * constant, which a claim's text never is, and a range, which only a signed URL checks.
   */
  private boolean claimTraitsHold(ValueTraits traits, Element reportOn, String wireName) {
    if (traits.constant().filter(String::isEmpty).isPresent()) {
      report(
          reportOn,
          "Constant",
          "value",
          "Claim "
              + wireName
              + ": @Constant(\"\") is empty, and a claim's text never is; give the value the"
              + " vendor fixes");
      return false;
    }
    if (traits.range().isPresent()) {
      report(
          reportOn,
          "Claim "
              + wireName
              + ": @Range bounds a signed URL's whole numbers; a @SignedJwt claim has none, so"
              + " remove @Range");
      return false;
    }
    return true;
  }

  private Optional<Property<JwtForm>> clockValue(
      Accessor accessor, Element reportOn, String wireName, Expiry expiry) {
    String annotationName = expiry == null ? "Timestamp" : "Expiry";
    if (accessor.type().getKind() != TypeKind.LONG) {
      report(
          reportOn,
          "Claim "
              + wireName
              + ": @"
              + annotationName
              + " holds whole seconds since the epoch: declare it as long, not "
              + JavaTypes.describe(accessor.type()));
      return Optional.empty();
    }
    long timeToLive = expiry == null ? 0 : expiry.timeToLiveSeconds();
    long max = expiry == null ? 0 : expiry.maxSeconds();
    if (expiry != null && (timeToLive <= 0 || timeToLive > max)) {
      report(
          reportOn,
          "Expiry",
          "timeToLiveSeconds",
          "Claim "
              + wireName
              + ": timeToLiveSeconds = "
              + timeToLive
              + " must be above 0 and at most maxSeconds ("
              + max
              + ")");
      return Optional.empty();
    }
    return Optional.of(
        new Property<>(
            accessor.name(),
            wireName,
            TypeName.LONG,
            true,
            accessor.deprecated(),
            false,
            new JwtForm(
                expiry == null ? Role.ISSUED_AT : Role.EXPIRY,
                new JsonShape.Scalar(TypeName.LONG, JsonShape.ScalarKind.INTEGER),
                Inclusion.ALWAYS,
                null,
                timeToLive,
                max)));
  }

  /**
   * A header member; with a {@code @JsonProperty} beside {@code @JwtHeader}, a claim that is also
   * in the header, so that callers give the one value once.
   */
  private Optional<Property<JwtForm>> headerMember(
      Accessor accessor, Element reportOn, JwtHeader header, Inclusion typeInclusion) {
    String name = header.value();
    if (OWN_HEADER.contains(name) || name.isEmpty()) {
      report(
          reportOn,
          "JwtHeader",
          "value",
          "Claim "
              + accessor.name()
              + ": the header member \""
              + Diagnostics.escape(name)
              + "\" cannot be declared: alg and typ are Signet's own; name another, such as"
              + " \"kid\"");
      return Optional.empty();
    }
    if (!reading.javaTypes().isString(accessor.valueType())) {
      report(
          reportOn,
          "Header member "
              + name
              + " is a string: declare it as String or Optional<String>, not "
              + JavaTypes.describe(accessor.valueType()));
      return Optional.empty();
    }
    Optional<String> claim = JsonShapeReader.jsonPropertyName(accessor.method());
    Inclusion inclusion =
        claim.isEmpty()
            ? Inclusion.NON_ABSENT
            : new JsonRequestReader(reading).inclusion(accessor.method(), typeInclusion);
    return Optional.of(
        new Property<>(
            accessor.name(),
            claim.orElse(name),
            TypeName.get(accessor.valueType()),
            accessor.required(),
            accessor.deprecated(),
            false,
            new JwtForm(
                claim.isEmpty() ? Role.HEADER : Role.HEADER_CLAIM,
                new JsonShape.Scalar(
                    TypeName.get(accessor.valueType()), JsonShape.ScalarKind.STRING),
                inclusion,
                null,
                0,
                0,
                name,
                null)));
  }

  /**
   * Jackson's {@code @JsonUnwrapped} on {@code method}, unless {@code enabled = false} turns it
   * off.
   */
  private static Optional<AnnotationMirror> unwrapped(ExecutableElement method) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (!annotation.getQualifiedName().contentEquals(JSON_UNWRAPPED)) {
        continue;
      }
      boolean enabled =
          mirror.getElementValues().entrySet().stream()
              .noneMatch(
                  entry ->
                      entry.getKey().getSimpleName().contentEquals("enabled")
                          && Boolean.FALSE.equals(entry.getValue().getValue()));
      return enabled ? Optional.of(mirror) : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * A record whose components are claims of their own, at its place among the claims, as Jackson
   * writes a {@code @JsonUnwrapped} one: its constructor can hold a rule across them (Sigma's
   * {@code ver} and the {@code aud} that version 1.1 requires).
   */
  private Optional<Property<JwtForm>> unwrappedRecord(
      Accessor accessor, Element reportOn, AnnotationMirror unwrapped) {
    for (var entry : unwrapped.getElementValues().entrySet()) {
      String attribute = entry.getKey().getSimpleName().toString();
      if ((attribute.equals("prefix") || attribute.equals("suffix"))
          && !entry.getValue().getValue().toString().isEmpty()) {
        report(
            reportOn,
            "JsonUnwrapped",
            attribute,
            "Claim "
                + accessor.name()
                + ": @JsonUnwrapped("
                + attribute
                + " = ...) renames the record's claims, which Signet does not do; name each"
                + " component with @JsonProperty instead");
        return Optional.empty();
      }
    }
    TypeMirror type = accessor.valueType();
    if (reading.javaTypes().declaredElement(type, ElementKind.RECORD).isEmpty()) {
      report(
          reportOn,
          "Claim "
              + accessor.name()
              + ": @JsonUnwrapped writes a record's components among the claims, so declare it as a"
              + " record or an Optional of one, not "
              + JavaTypes.describe(accessor.type()));
      return Optional.empty();
    }
    return reading
        .jsonShapes()
        .read(type, reportOn, "Claim " + accessor.name())
        .map(
            shape ->
                new Property<>(
                    accessor.name(),
                    accessor.name(),
                    TypeName.get(type),
                    accessor.required(),
                    accessor.deprecated(),
                    false,
                    new JwtForm(Role.UNWRAPPED, shape, Inclusion.NON_ABSENT, null, 0, 0)));
  }

  private Optional<Property<JwtForm>> unsignedValue(
      Accessor accessor, Element reportOn, SignedJwt annotation, Param param, String wireName) {
    Location part = param == null ? Location.QUERY : param.in();
    if (param != null && (param.position() != 0 || !param.encoding().name().matches("AUTO|TEXT"))) {
      report(
          reportOn,
          "Param",
          param.position() != 0 ? "position" : "encoding",
          "Claim "
              + accessor.name()
              + ": an @Unsigned value of a @SignedJwt is not signed, so it has no position, and is"
              + " written as text; remove "
              + (param.position() != 0 ? "position" : "encoding"));
      return Optional.empty();
    }
    if (annotation.token() == TokenPlacement.NONE) {
      report(
          reportOn,
          "Claim "
              + accessor.name()
              + ": @Unsigned travels in the URL, but a token with token = NONE has none; remove"
              + " it, or place the token in the URL");
      return Optional.empty();
    }
    if (part == Location.FRAGMENT && annotation.token() == TokenPlacement.FRAGMENT) {
      report(
          reportOn,
          "Param",
          "in",
          "Claim "
              + accessor.name()
              + ": the fragment holds the token alone (token = FRAGMENT), so nothing else can"
              + " travel in it; move "
              + wireName
              + " to the query or the path, or into the token as a claim");
      return Optional.empty();
    }
    if (isPath(part) && !accessor.required()) {
      report(
          reportOn,
          "Claim "
              + accessor.name()
              + ": a path segment is always there, so a value in the path is required:"
              + " declare it without Optional");
      return Optional.empty();
    }
    TypeMirror type = accessor.valueType();
    Constant constant = accessor.method().getAnnotation(Constant.class);
    if (constant != null
        && new ValueTraitsReader(reading.javaTypes(), reading.diagnostics())
            .read(
                accessor.method(), reportOn, "Claim " + accessor.name(), accessor.required(), type)
            .isEmpty()) {
      return Optional.empty();
    }
    if (accessor.required()
        && !reading.javaTypes().isString(type)
        && reading.javaTypes().declaredElement(type, ElementKind.ENUM).isEmpty()) {
      report(
          reportOn,
          "Claim "
              + accessor.name()
              + ": a required @Unsigned value is a String or an enum, which a request read from a"
              + " token can leave absent; declare it so, or as Optional<"
              + (type.getKind().isPrimitive()
                  ? reading.types().boxedClass((PrimitiveType) type).getSimpleName()
                  : JavaTypes.describe(type))
              + ">");
      return Optional.empty();
    }
    boolean text =
        reading.javaTypes().isString(type)
            || reading.javaTypes().isBoolean(type)
            || reading.javaTypes().isTextInteger(type)
            || reading.javaTypes().declaredElement(type, ElementKind.ENUM).isPresent();
    if (!text) {
      report(
          reportOn,
          "Claim "
              + accessor.name()
              + ": an @Unsigned value is written as text: declare it as String, boolean, int,"
              + " long or an enum, not "
              + JavaTypes.describe(type));
      return Optional.empty();
    }
    return reading
        .jsonShapes()
        .read(type, reportOn, "Claim " + accessor.name())
        .map(
            shape ->
                new Property<>(
                    accessor.name(),
                    wireName,
                    TypeName.get(type),
                    accessor.required(),
                    accessor.deprecated(),
                    false,
                    new JwtForm(
                        Role.UNSIGNED,
                        shape,
                        Inclusion.NON_ABSENT,
                        part,
                        0,
                        0,
                        null,
                        constant == null ? null : constant.value())));
  }

  /** At most one issue time and one expiry, and an expiry only beside an issue time. */
  private void checkClockValues(
      TypeElement type, List<Property<JwtForm>> properties, Map<Property<JwtForm>, Element> at) {
    Property<JwtForm> issuedAt = null;
    Property<JwtForm> expiry = null;
    for (Property<JwtForm> property : properties) {
      Role role = property.form().role();
      if (role == Role.ISSUED_AT) {
        if (issuedAt != null) {
          report(
              at.get(property),
              "Claims "
                  + issuedAt.name()
                  + "() and "
                  + property.name()
                  + "() are both @Timestamp: a token has one issue time; remove one @Timestamp");
        }
        issuedAt = issuedAt == null ? property : issuedAt;
      } else if (role == Role.EXPIRY) {
        if (expiry != null) {
          report(
              at.get(property),
              "Claims "
                  + expiry.name()
                  + "() and "
                  + property.name()
                  + "() are both @Expiry: a token has one expiry; remove one @Expiry");
        }
        expiry = expiry == null ? property : expiry;
      }
    }
    if (expiry != null && issuedAt == null) {
      report(
          at.get(expiry),
          "Claim "
              + expiry.wireName()
              + ": @Expiry counts from the issue time, and "
              + type.getSimpleName()
              + " has none: add a @Timestamp long claim, such as `@Timestamp long iat();`");
    }
  }

  private void checkNames(
      List<Property<JwtForm>> properties,
      Map<Property<JwtForm>, Element> at,
      Map<String, ValueTraits> traits) {
    Map<String, Property<JwtForm>> seen = new HashMap<>();
    for (Property<JwtForm> property : properties) {
      if (isSpread(property, traits)) {
        // A spread map's own name is no claim: its entries are, named at run time.
        continue;
      }
      for (Placed placed : places(property)) {
        Property<JwtForm> earlier = seen.putIfAbsent(placed.key() + " " + placed.name(), property);
        if (earlier != null) {
          report(
              at.get(property),
              "Claims "
                  + earlier.name()
                  + "() and "
                  + property.name()
                  + "() both travel as \""
                  + Diagnostics.escape(placed.name())
                  + "\" in the "
                  + placed.where()
                  + "; rename one of them");
        }
      }
    }
  }

  /**
   * A name that a property takes in one place of the token or URL.
   *
   * @param key the place, the two path locations as one
   * @param where the place, as a message names it
   */
  private record Placed(String key, String where, String name) {}

  /** Each name {@code property} takes: a claim that is also in the header takes two. */
  private static List<Placed> places(Property<JwtForm> property) {
    JwtForm form = property.form();
    List<Placed> places = new ArrayList<>();
    if (form.claim()) {
      JwtModel.claimNames(property)
          .forEach(name -> places.add(new Placed("claim", "claims", name)));
    }
    if (form.inHeader()) {
      places.add(new Placed("header", "header", form.headerName()));
    }
    if (form.role() == Role.UNSIGNED) {
      String where = form.part().name().toLowerCase(java.util.Locale.ROOT);
      places.add(
          new Placed("url " + (isPath(form.part()) ? "PATH" : where), where, property.wireName()));
    }
    return places;
  }

  /** No two spread maps share a prefix: a claim could not tell which of them it belongs to. */
  private void checkSpreads(
      List<Property<JwtForm>> properties,
      Map<Property<JwtForm>, Element> at,
      Map<String, ValueTraits> traits) {
    Map<String, Property<JwtForm>> byPrefix = new HashMap<>();
    for (Property<JwtForm> property : properties) {
      if (!isSpread(property, traits)) {
        continue;
      }
      String prefix = traits.get(property.name()).spreadPrefix().orElseThrow();
      Property<JwtForm> earlier = byPrefix.putIfAbsent(prefix, property);
      if (earlier != null) {
        report(
            at.get(property),
            "Claims "
                + earlier.name()
                + "() and "
                + property.name()
                + "() are both @Spread with the prefix \""
                + Diagnostics.escape(prefix)
                + "\", so a claim could belong to either; give one of them another prefix");
      }
    }
  }

  private static boolean isSpread(Property<JwtForm> property, Map<String, ValueTraits> traits) {
    return traits.getOrDefault(property.name(), ValueTraits.NONE).spreadPrefix().isPresent();
  }

  /** Each path placeholder but {@code {token}} names a path value, and each path value is used. */
  private void checkPath(
      TypeElement type,
      SignedJwt annotation,
      Set<String> placeholders,
      List<Property<JwtForm>> properties,
      Map<Property<JwtForm>, Element> at) {
    Set<String> bound = new LinkedHashSet<>();
    for (Property<JwtForm> property : properties) {
      if (!isPath(property.form().part())) {
        continue;
      }
      bound.add(property.wireName());
      if (!placeholders.contains(property.wireName())) {
        report(
            at.get(property),
            "Claim "
                + property.name()
                + ": a value in the path needs {"
                + property.wireName()
                + "} in the path \""
                + Diagnostics.escape(annotation.path())
                + "\"; add it, or name the placeholder it fills with @Param(name = ...)");
      }
    }
    // A path value refused already for another reason still names its placeholder.
    for (ExecutableElement method : reading.declarations().abstractMethods(type)) {
      Param param = method.getAnnotation(Param.class);
      if (param != null && isPath(param.in())) {
        bound.add(wireName(method));
      }
    }
    for (String placeholder : placeholders) {
      if (!placeholder.equals(TOKEN) && !bound.contains(placeholder)) {
        refuse(
            type,
            "path",
            "path \""
                + Diagnostics.escape(annotation.path())
                + "\" holds {"
                + placeholder
                + "}, which no value fills; declare one, such as"
                + " `@Unsigned @Param(in = Location.PATH_SEGMENT) String "
                + (placeholder.isEmpty() ? "name" : placeholder)
                + "();`");
      }
    }
  }

  /** Whether {@code location} is in the path, as one segment or several. */
  static boolean isPath(Location location) {
    return location == Location.PATH_SEGMENT || location == Location.PATH_SEGMENTS;
  }

  private static boolean hasAnnotation(Element annotated, String qualifiedName) {
    return annotated.getAnnotationMirrors().stream()
        .anyMatch(
            mirror ->
                ((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(qualifiedName));
  }

  private void refuse(TypeElement type, String attribute, String message) {
    reading.diagnostics().error(type, "SignedJwt", attribute, message);
  }

  private void report(Element element, String message) {
    reading.diagnostics().error(element, message);
  }

  private void report(Element element, String annotation, String attribute, String message) {
    reading.diagnostics().error(element, annotation, attribute, message);
  }
}
