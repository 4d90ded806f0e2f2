package dev.signet.processor.jsonrequest;

import com.palantir.javapoet.TypeName;
import dev.signet.annotations.Header;
import dev.signet.annotations.JsonRequest;
import dev.signet.annotations.Redacted;
import dev.signet.annotations.UrlEncodedJson;
import dev.signet.processor.kind.DeclarationKind;
import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.Inclusion;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.Property;
import dev.signet.processor.read.DeclarationReader;
import dev.signet.processor.read.DeclarationReader.Accessor;
import dev.signet.processor.read.Diagnostics;
import dev.signet.processor.read.JavaTypes;
import dev.signet.processor.read.JsonShapeReader;
import dev.signet.processor.read.Reading;
import dev.signet.processor.write.StagedBuilderWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Reads a {@link JsonRequest} interface into a {@link JsonRequestModel}, reporting every problem on
 * the element that causes it. A declaration with any problem yields no model.
 */
public record JsonRequestReader(Reading reading)
    implements DeclarationKind.Reader<JsonRequestModel> {
  private static final String JACKSON = "com.fasterxml.jackson.annotation.";
  private static final String JSON_INCLUDE = JACKSON + "JsonInclude";
  private static final String JSON_IGNORE = JACKSON + "JsonIgnore";
  private static final List<String> SIGNED_URL_ONLY =
      List.of("dev.signet.annotations.Param", "dev.signet.annotations.Nonce");

  /** How {@code @JsonRequest} declarations are read. */
  public static final DeclarationReader.Rules RULES =
      new DeclarationReader.Rules(
          "JsonRequest",
          ElementKind.INTERFACE,
          "fields",
          "Field",
          "a request's field types are fixed",
          "Optional<Integer>, Optional<Long> or Optional<Double>",
          StagedBuilderWriter.reservedWith(JsonRequestWriter.RESERVED_NAMES),
          "keep the JSON name with @JsonProperty(\"%s\")");

  /** The methods that carry a body. */
  private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");

  /** Headers the generated request sets itself (lower case). */
  private static final Set<String> OWN_HEADERS = Set.of("content-type", "accept");

  /** Headers the JDK's HTTP client manages and refuses to be given (lower case). */
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  /** Headers whose value is a credential (lower case). */
  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "x-api-key");

  @Override
  public Optional<JsonRequestModel> read(Declaration declaration) {
    TypeElement type = declaration.element();
    JsonRequest annotation = type.getAnnotation(JsonRequest.class);
    checkAttributes(type, annotation);
    Inclusion typeInclusion = inclusion(type, Inclusion.ALWAYS);

    List<Property<JsonForm>> fields = new ArrayList<>();
    Map<Property<JsonForm>, Element> accessors = new HashMap<>();
    for (Accessor accessor :
        reading.declarations().accessors(type, RULES, JsonRequestReader::wireName)) {
      Element reportOn = DeclarationReader.reportOn(type, accessor.method());
      readField(accessor, reportOn, typeInclusion)
          .ifPresent(
              field -> {
                fields.add(field);
                accessors.put(field, reportOn);
              });
    }
    checkNames(fields, accessors);
    if (reading.diagnostics().failed()) {
      return Optional.empty();
    }
    return Optional.of(
        new JsonRequestModel(
            declaration, annotation.method(), annotation.path(), List.copyOf(fields)));
  }

  /** The name a field travels under: its header's, its {@code @JsonProperty}, or its accessor's. */
  private static String wireName(ExecutableElement method) {
    Header header = method.getAnnotation(Header.class);
    return header != null
        ? header.value()
        : JsonShapeReader.jsonPropertyName(method).orElse(method.getSimpleName().toString());
  }

  private void checkAttributes(TypeElement type, JsonRequest annotation) {
    if (!METHODS.contains(annotation.method())) {
      refuse(
          type,
          "method",
          "method \""
              + Diagnostics.escape(annotation.method())
              + "\" must be POST, PUT or PATCH (in upper"
              + " case): the methods that carry a JSON body");
    }
    String path = annotation.path();
    if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == '?' || c == '#')) {
      refuse(
          type,
          "path",
          "path \""
              + Diagnostics.escape(path)
              + "\" must start with / and hold no ?, #, spaces or control"
              + " characters, such as \"/api/notebook/issueToken\"");
    }
  }

  /** Reports {@code message} on the declaration's attribute {@code attribute}. */
  private void refuse(TypeElement type, String attribute, String message) {
    report(type, "JsonRequest", attribute, message);
  }

  private Optional<Property<JsonForm>> readField(
      Accessor accessor, Element reportOn, Inclusion typeInclusion) {
    ExecutableElement method = accessor.method();
    String methodName = accessor.name();
    for (String signedUrlOnly : SIGNED_URL_ONLY) {
      if (hasAnnotation(method, signedUrlOnly)) {
        String simple = signedUrlOnly.substring(signedUrlOnly.lastIndexOf('.') + 1);
        report(
            reportOn,
            "Field "
                + methodName
                + ": @"
                + simple
                + " belongs to @SignedUrl requests; "
                + (simple.equals("Param")
                    ? "a @JsonRequest field takes its JSON name from Jackson's @JsonProperty, so"
                        + " replace @Param with @JsonProperty(\"...\")"
                    : "a @JsonRequest has no nonce of Signet's drawing, so remove @Nonce"));
        return Optional.empty();
      }
    }
    Header header = method.getAnnotation(Header.class);
    Optional<String> jsonProperty = JsonShapeReader.jsonPropertyName(method);
    String wireName = wireName(method);
    boolean required = accessor.required();
    TypeMirror valueType = accessor.valueType();
    boolean redacted = method.getAnnotation(Redacted.class) != null;
    if (redacted && !reading.javaTypes().isString(valueType)) {
      report(
          reportOn,
          "Field "
              + wireName
              + ": @Redacted applies to String fields, whose text can be kept out"
              + " of messages, not to "
              + JavaTypes.describe(valueType)
              + "; remove @Redacted or"
              + " declare the field as String");
      return Optional.empty();
    }
    boolean urlEncodedJson = method.getAnnotation(UrlEncodedJson.class) != null;
    if (header != null) {
      return readHeader(
          accessor, reportOn, header, jsonProperty, valueType, redacted, urlEncodedJson);
    }
    if (isJsonIgnored(method)) {
      report(
          reportOn,
          "Field "
              + wireName
              + " is @JsonIgnore'd, so a Jackson mapper would leave it out, but"
              + " Signet sends every field; remove the method or the annotation");
      return Optional.empty();
    }
    if (urlEncodedJson && !reading.jsonShapes().isJsonByDefault(valueType)) {
      report(
          reportOn,
          "Field "
              + wireName
              + ": @UrlEncodedJson applies to JSON-valued fields (maps, lists,"
              + " records, JsonWritable types), not to "
              + JavaTypes.describe(valueType)
              + "; remove @UrlEncodedJson");
      return Optional.empty();
    }
    Inclusion inclusion = inclusion(method, typeInclusion);
    return reading
        .jsonShapes()
        .read(valueType, reportOn, "Field " + wireName)
        .map(
            shape ->
                new Property<>(
                    methodName,
                    wireName,
                    TypeName.get(valueType),
                    required,
                    accessor.deprecated(),
                    redacted,
                    new JsonForm(shape, inclusion, null, urlEncodedJson)));
  }

  private Optional<Property<JsonForm>> readHeader(
      Accessor accessor,
      Element method,
      Header header,
      Optional<String> jsonProperty,
      TypeMirror valueType,
      boolean redacted,
      boolean urlEncodedJson) {
    String name = header.value();
    String lowerCase = name.toLowerCase(Locale.ROOT);
    if (name.isEmpty() || !name.chars().allMatch(JsonRequestReader::isTokenCharacter)) {
      report(
          method,
          "Header",
          "value",
          "Field "
              + accessor.name()
              + ": \""
              + Diagnostics.escape(name)
              + "\" is not a header name:"
              + " use letters, digits and !#$%&'*+-.^_`|~, such as \"Authorization\"");
      return Optional.empty();
    }
    if (OWN_HEADERS.contains(lowerCase) || RESTRICTED_HEADERS.contains(lowerCase)) {
      report(
          method,
          "Header",
          "value",
          "Header "
              + name
              + " cannot be declared: "
              + (OWN_HEADERS.contains(lowerCase)
                  ? "the generated request sends it as application/json"
                  : "the HTTP client sets it")
              + "; remove the field "
              + accessor.name()
              + "()");
      return Optional.empty();
    }
    String prefix = header.prefix();
    if (prefix.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c >= 0x7f)) {
      report(
          method,
          "Header",
          "prefix",
          "Header "
              + name
              + ": the prefix \""
              + Diagnostics.escape(prefix)
              + "\" must be printable ASCII,"
              + " such as \"Bearer \"");
      return Optional.empty();
    }
    if (!reading.javaTypes().isString(valueType)) {
      report(
          method,
          "Header "
              + name
              + " is sent as text: declare its field as String or"
              + " Optional<String>, not "
              + JavaTypes.describe(valueType));
      return Optional.empty();
    }
    if (jsonProperty.isPresent()) {
      report(
          method,
          "Header "
              + name
              + " is not part of the JSON body, but @JsonProperty would make a"
              + " Jackson mapper write it there; remove @JsonProperty");
      return Optional.empty();
    }
    if (urlEncodedJson) {
      report(
          method,
          "Header "
              + name
              + ": @UrlEncodedJson applies to members of the JSON body; remove"
              + " @UrlEncodedJson");
      return Optional.empty();
    }
    boolean credential =
        CREDENTIAL_HEADERS.contains(lowerCase)
            || prefix.toLowerCase(Locale.ROOT).startsWith("bearer")
            || prefix.toLowerCase(Locale.ROOT).startsWith("basic");
    if (credential && !redacted) {
      report(
          method,
          "Header "
              + name
              + " carries a credential: mark its field @Redacted, so that it stays"
              + " out of toString() and error messages");
      return Optional.empty();
    }
    return Optional.of(
        new Property<>(
            accessor.name(),
            name,
            TypeName.get(valueType),
            accessor.required(),
            accessor.deprecated(),
            redacted,
            new JsonForm(
                new JsonShape.Scalar(TypeName.get(valueType), JsonShape.ScalarKind.STRING),
                Inclusion.NON_ABSENT,
                prefix,
                false)));
  }

  /** RFC 9110 {@code tchar}. */
  private static boolean isTokenCharacter(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  /**
   * The inclusion a Jackson {@code @JsonInclude} on {@code annotated} gives, or {@code inherited}
   * without one; reports the values Signet does not write as Jackson does.
   */
  public Inclusion inclusion(Element annotated, Inclusion inherited) {
    for (AnnotationMirror mirror : annotated.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (!annotation.getQualifiedName().contentEquals(JSON_INCLUDE)) {
        continue;
      }
      String value = "ALWAYS";
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
          mirror.getElementValues().entrySet()) {
        String attribute = entry.getKey().getSimpleName().toString();
        String constant = constantName(entry.getValue());
        if (attribute.equals("value")) {
          value = constant;
        } else if (attribute.equals("content")
            && !constant.equals("ALWAYS")
            && !constant.equals("USE_DEFAULTS")) {
          report(
              annotated,
              "JsonInclude",
              "content",
              "@JsonInclude(content = "
                  + constant
                  + ") is not supported: Signet writes the"
                  + " contents of lists and maps as they are; remove content = "
                  + constant);
        }
      }
      switch (value) {
        case "ALWAYS":
        case "NON_NULL":
          // Fields are never null: the builder refuses null. An absent optional is written as
          // null, as Jackson writes an empty Optional under both.
          return Inclusion.ALWAYS;
        case "NON_ABSENT":
          return Inclusion.NON_ABSENT;
        case "NON_EMPTY":
          return Inclusion.NON_EMPTY;
        case "USE_DEFAULTS":
          return inherited;
        default:
          report(
              annotated,
              "JsonInclude",
              "value",
              "@JsonInclude("
                  + value
                  + ") is not supported: use ALWAYS, NON_NULL, NON_ABSENT"
                  + " (leave out absent optionals) or NON_EMPTY (also empty strings, lists and"
                  + " maps)");
          return inherited;
      }
    }
    return inherited;
  }

  /** The name of the enum constant an annotation value holds. */
  private static String constantName(AnnotationValue value) {
    Object constant = value.getValue();
    return constant instanceof Element element
        ? element.getSimpleName().toString()
        : String.valueOf(constant);
  }

  private static boolean isJsonIgnored(Element annotated) {
    for (AnnotationMirror mirror : annotated.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().contentEquals(JSON_IGNORE)) {
        return mirror.getElementValues().values().stream()
            .noneMatch(v -> Boolean.FALSE.equals(v.getValue()));
      }
    }
    return false;
  }

  private static boolean hasAnnotation(Element annotated, String qualifiedName) {
    return annotated.getAnnotationMirrors().stream()
        .anyMatch(
            mirror ->
                ((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(qualifiedName));
  }

  private void checkNames(
      List<Property<JsonForm>> fields, Map<Property<JsonForm>, Element> accessors) {
    Map<String, Property<JsonForm>> members = new HashMap<>();
    Map<String, Property<JsonForm>> headers = new HashMap<>();
    for (Property<JsonForm> field : fields) {
      boolean header = field.form().header();
      Map<String, Property<JsonForm>> names = header ? headers : members;
      String key = header ? field.wireName().toLowerCase(Locale.ROOT) : field.wireName();
      Property<JsonForm> earlier = names.putIfAbsent(key, field);
      if (earlier != null) {
        report(
            accessors.get(field),
            "Fields "
                + earlier.name()
                + "() and "
                + field.name()
                + "() both "
                + (header
                    ? "are sent as the header "
                        + field.wireName()
                        + "; a header is sent once,"
                        + " so remove one of them"
                    : "have the JSON name \""
                        + field.wireName()
                        + "\"; give one of them another @JsonProperty"));
      }
    }
  }

  /** Reports {@code message} on {@code element}. */
  private void report(Element element, String message) {
    reading.diagnostics().error(element, message);
  }

  /** Reports {@code message} on {@code attribute} of the annotation {@code annotation}. */
  private void report(Element element, String annotation, String attribute, String message) {
    reading.diagnostics().error(element, annotation, attribute, message);
  }
}
