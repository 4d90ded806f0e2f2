package dev.signet.processor.read;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.signet.annotations.Header;
import dev.signet.annotations.JsonRequest;
import dev.signet.annotations.Redacted;
import dev.signet.annotations.UrlEncodedJson;
import dev.signet.processor.model.JsonField;
import dev.signet.processor.model.JsonField.Inclusion;
import dev.signet.processor.model.JsonRequestModel;
import dev.signet.processor.model.JsonShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@link JsonRequest} interface into a {@link JsonRequestModel}, reporting every problem
 * on the element that causes it. A declaration with any problem yields no model.
 */
public final class JsonRequestReader {
  private static final String JACKSON = "com.fasterxml.jackson.annotation.";
  private static final String JSON_INCLUDE = JACKSON + "JsonInclude";
  private static final String JSON_IGNORE = JACKSON + "JsonIgnore";
  private static final String SIGNED_URL = "dev.signet.annotations.SignedUrl";
  private static final List<String> SIGNED_URL_ONLY =
      List.of("dev.signet.annotations.Param", "dev.signet.annotations.Nonce");

  /** Names the generated class and builder already use, which a field cannot take. */
  private static final Set<String> RESERVED_NAMES =
      Set.of("builder", "build", "method", "path", "headers", "body", "redact");

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

  private final Elements elements;
  private final JavaTypes javaTypes;
  private final Diagnostics diagnostics;
  private final JsonShapeReader jsonShapes;

  public JsonRequestReader(Elements elements, Types types, Messager messager) {
    this.elements = elements;
    this.javaTypes = new JavaTypes(types, elements);
    this.diagnostics = new Diagnostics(messager);
    this.jsonShapes = new JsonShapeReader(javaTypes, new EnumReader(diagnostics), diagnostics);
  }

  /** The model of {@code type}, or empty when its declaration has problems, all reported. */
  public Optional<JsonRequestModel> read(TypeElement type) {
    boolean failedBefore = diagnostics.failed();
    Optional<JsonRequestModel> model = readChecked(type);
    return diagnostics.failed() && !failedBefore ? Optional.empty() : model;
  }

  private Optional<JsonRequestModel> readChecked(TypeElement type) {
    if (!checkDeclaration(type)) {
      return Optional.empty();
    }
    JsonRequest annotation = type.getAnnotation(JsonRequest.class);
    checkAttributes(type, annotation);
    Inclusion typeInclusion = inclusion(type, Inclusion.ALWAYS);

    List<JsonField> fields = new ArrayList<>();
    Map<JsonField, ExecutableElement> accessors = new HashMap<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT) || overridesObject(method)) {
        continue;
      }
      readField(method, typeInclusion)
          .ifPresent(
              field -> {
                fields.add(field);
                accessors.put(field, method);
              });
    }
    checkInheritedMethods(type);
    checkNames(fields, accessors);
    if (diagnostics.failed()) {
      return Optional.empty();
    }
    ClassName declaration = ClassName.get(type);
    return Optional.of(
        new JsonRequestModel(
            type,
            declaration,
            ClassName.get(
                declaration.packageName(), "Signet" + String.join("_", declaration.simpleNames())),
            annotation.method(),
            annotation.path(),
            List.copyOf(fields)));
  }

  private boolean checkDeclaration(TypeElement type) {
    if (type.getKind() != ElementKind.INTERFACE) {
      diagnostics.error(
          type,
          "@JsonRequest applies to interfaces: declare " + type.getSimpleName()
              + " as an interface whose abstract methods are the request's fields");
      return false;
    }
    if (hasAnnotation(type, SIGNED_URL)) {
      diagnostics.error(
          type,
          "@JsonRequest and @SignedUrl both generate Signet" + type.getSimpleName()
              + ": a request is sent either as a signed URL or as a JSON body; declare two"
              + " interfaces");
      return false;
    }
    if (!type.getTypeParameters().isEmpty()) {
      diagnostics.error(
          type,
          "@JsonRequest interface " + type.getSimpleName()
              + " must not have type parameters: a request's field types are fixed; remove them"
              + " and give each accessor its own type");
      return false;
    }
    for (Element enclosing = type;
        enclosing.getKind().isInterface() || enclosing.getKind().isClass();
        enclosing = enclosing.getEnclosingElement()) {
      if (enclosing.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(
            type,
            "@JsonRequest interface " + type.getSimpleName()
                + " must not be private (nor nested in a private type): the generated class"
                + " beside it implements it; make it package-private or public");
        return false;
      }
      if (((TypeElement) enclosing).getNestingKind() == NestingKind.TOP_LEVEL) {
        break;
      }
    }
    return true;
  }

  private void checkAttributes(TypeElement type, JsonRequest annotation) {
    if (!METHODS.contains(annotation.method())) {
      diagnostics.error(
          type,
          "JsonRequest",
          "method",
          "method \"" + escape(annotation.method()) + "\" must be POST, PUT or PATCH (in upper"
              + " case): the methods that carry a JSON body");
    }
    String path = annotation.path();
    if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == '?' || c == '#')) {
      diagnostics.error(
          type,
          "JsonRequest",
          "path",
          "path \"" + escape(path) + "\" must start with / and hold no ?, #, spaces or control"
              + " characters, such as \"/api/notebook/issueToken\"");
    }
  }

  private void checkInheritedMethods(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)
          && !method.getEnclosingElement().equals(type)
          && !overridesObject(method)) {
        diagnostics.error(
            type,
            "@JsonRequest interface " + type.getSimpleName() + " inherits the abstract method "
                + method.getSimpleName() + "() from "
                + method.getEnclosingElement().getSimpleName()
                + "; declare every field on the @JsonRequest interface itself");
      }
    }
  }

  private static boolean overridesObject(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    int arity = method.getParameters().size();
    return (arity == 0 && (name.equals("toString") || name.equals("hashCode")))
        || (arity == 1 && name.equals("equals"));
  }

  private Optional<JsonField> readField(ExecutableElement method, Inclusion typeInclusion) {
    String methodName = method.getSimpleName().toString();
    if (!method.getParameters().isEmpty() || !method.getTypeParameters().isEmpty()) {
      diagnostics.error(
          method,
          "Field accessor " + methodName + " must take no arguments and no type parameters:"
              + " declare it as `T " + methodName + "();`");
      return Optional.empty();
    }
    if (RESERVED_NAMES.contains(methodName)) {
      diagnostics.error(
          method,
          "A field cannot be called " + methodName + "(): the generated class uses that name."
              + " Rename the method and keep the JSON name with @JsonProperty(\"" + methodName
              + "\")");
      return Optional.empty();
    }
    for (String signedUrlOnly : SIGNED_URL_ONLY) {
      if (hasAnnotation(method, signedUrlOnly)) {
        String simple = signedUrlOnly.substring(signedUrlOnly.lastIndexOf('.') + 1);
        diagnostics.error(
            method,
            "Field " + methodName + ": @" + simple + " belongs to @SignedUrl requests; "
                + (simple.equals("Param")
                    ? "a @JsonRequest field takes its JSON name from Jackson's @JsonProperty, so"
                        + " replace @Param with @JsonProperty(\"...\")"
                    : "a @JsonRequest has no nonce of Signet's drawing, so remove @Nonce"));
        return Optional.empty();
      }
    }
    TypeMirror returnType = method.getReturnType();
    if (returnType.getKind() == TypeKind.VOID) {
      diagnostics.error(
          method,
          "Field accessor " + methodName + "() must return its value: declare its type, such as"
              + " `String " + methodName + "();`");
      return Optional.empty();
    }
    Header header = method.getAnnotation(Header.class);
    Optional<String> jsonProperty = JsonShapeReader.jsonPropertyName(method);
    String wireName = header != null ? header.value() : jsonProperty.orElse(methodName);

    for (String primitiveOptional : List.of("OptionalInt", "OptionalLong", "OptionalDouble")) {
      if (javaTypes.is(returnType, "java.util." + primitiveOptional)) {
        diagnostics.error(
            method,
            "Field " + wireName + ": declare an optional number as Optional<Integer>,"
                + " Optional<Long> or Optional<Double>, not " + primitiveOptional);
        return Optional.empty();
      }
    }
    Optional<TypeMirror> optionalValue = javaTypes.optionalValue(returnType);
    boolean required = optionalValue.isEmpty();
    TypeMirror valueType = optionalValue.orElse(returnType);
    if (javaTypes.is(valueType, "java.util.Optional")) {
      diagnostics.error(
          method, "Field " + wireName + ": Optional<Optional<...>> means nothing more than"
              + " Optional<...>; unwrap it");
      return Optional.empty();
    }
    boolean redacted = method.getAnnotation(Redacted.class) != null;
    if (redacted && !javaTypes.isString(valueType)) {
      diagnostics.error(
          method,
          "Field " + wireName + ": @Redacted applies to String fields, whose text can be kept out"
              + " of messages, not to " + JavaTypes.describe(valueType) + "; remove @Redacted or"
              + " declare the field as String");
      return Optional.empty();
    }
    boolean urlEncodedJson = method.getAnnotation(UrlEncodedJson.class) != null;
    if (header != null) {
      return readHeader(method, header, jsonProperty, valueType, required, redacted, urlEncodedJson);
    }
    if (isJsonIgnored(method)) {
      diagnostics.error(
          method,
          "Field " + wireName + " is @JsonIgnore'd, so a Jackson mapper would leave it out, but"
              + " Signet sends every field; remove the method or the annotation");
      return Optional.empty();
    }
    if (urlEncodedJson && !jsonShapes.isJsonByDefault(valueType)) {
      diagnostics.error(
          method,
          "Field " + wireName + ": @UrlEncodedJson applies to JSON-valued fields (maps, lists,"
              + " records, JsonWritable types), not to " + JavaTypes.describe(valueType)
              + "; remove @UrlEncodedJson");
      return Optional.empty();
    }
    Inclusion inclusion = inclusion(method, typeInclusion);
    return jsonShapes
        .read(valueType, method, "Field " + wireName)
        .map(
            shape ->
                new JsonField(
                    methodName,
                    wireName,
                    TypeName.get(valueType),
                    required,
                    shape,
                    inclusion,
                    redacted,
                    null,
                    urlEncodedJson,
                    elements.isDeprecated(method)));
  }

  private Optional<JsonField> readHeader(
      ExecutableElement method,
      Header header,
      Optional<String> jsonProperty,
      TypeMirror valueType,
      boolean required,
      boolean redacted,
      boolean urlEncodedJson) {
    String name = header.value();
    String lowerCase = name.toLowerCase(Locale.ROOT);
    if (name.isEmpty() || !name.chars().allMatch(JsonRequestReader::isTokenCharacter)) {
      diagnostics.error(
          method,
          "Header",
          "value",
          "Field " + method.getSimpleName() + ": \"" + escape(name) + "\" is not a header name:"
              + " use letters, digits and !#$%&'*+-.^_`|~, such as \"Authorization\"");
      return Optional.empty();
    }
    if (OWN_HEADERS.contains(lowerCase) || RESTRICTED_HEADERS.contains(lowerCase)) {
      diagnostics.error(
          method,
          "Header",
          "value",
          "Header " + name + " cannot be declared: "
              + (OWN_HEADERS.contains(lowerCase)
                  ? "the generated request sends it as application/json"
                  : "the HTTP client sets it")
              + "; remove the field " + method.getSimpleName() + "()");
      return Optional.empty();
    }
    String prefix = header.prefix();
    if (prefix.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c >= 0x7f)) {
      diagnostics.error(
          method,
          "Header",
          "prefix",
          "Header " + name + ": the prefix \"" + escape(prefix) + "\" must be printable ASCII,"
              + " such as \"Bearer \"");
      return Optional.empty();
    }
    if (!javaTypes.isString(valueType)) {
      diagnostics.error(
          method,
          "Header " + name + " is sent as text: declare its field as String or"
              + " Optional<String>, not " + JavaTypes.describe(valueType));
      return Optional.empty();
    }
    if (jsonProperty.isPresent()) {
      diagnostics.error(
          method,
          "Header " + name + " is not part of the JSON body, but @JsonProperty would make a"
              + " Jackson mapper write it there; remove @JsonProperty");
      return Optional.empty();
    }
    if (urlEncodedJson) {
      diagnostics.error(
          method,
          "Header " + name + ": @UrlEncodedJson applies to members of the JSON body; remove"
              + " @UrlEncodedJson");
      return Optional.empty();
    }
    boolean credential =
        CREDENTIAL_HEADERS.contains(lowerCase)
            || prefix.toLowerCase(Locale.ROOT).startsWith("bearer")
            || prefix.toLowerCase(Locale.ROOT).startsWith("basic");
    if (credential && !redacted) {
      diagnostics.error(
          method,
          "Header " + name + " carries a credential: mark its field @Redacted, so that it stays"
              + " out of toString() and error messages");
      return Optional.empty();
    }
    return Optional.of(
        new JsonField(
            method.getSimpleName().toString(),
            name,
            TypeName.get(valueType),
            required,
            new JsonShape.Scalar(TypeName.get(valueType), JsonShape.ScalarKind.STRING),
            Inclusion.NON_ABSENT,
            redacted,
            prefix,
            false,
            elements.isDeprecated(method)));
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
  private Inclusion inclusion(Element annotated, Inclusion inherited) {
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
          diagnostics.error(
              annotated,
              "JsonInclude",
              "content",
              "@JsonInclude(content = " + constant + ") is not supported: Signet writes the"
                  + " contents of lists and maps as they are; remove content = " + constant);
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
          diagnostics.error(
              annotated,
              "JsonInclude",
              "value",
              "@JsonInclude(" + value + ") is not supported: use ALWAYS, NON_NULL, NON_ABSENT"
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

  private void checkNames(List<JsonField> fields, Map<JsonField, ExecutableElement> accessors) {
    Map<String, JsonField> members = new HashMap<>();
    Map<String, JsonField> headers = new HashMap<>();
    for (JsonField field : fields) {
      Map<String, JsonField> names = field.header() ? headers : members;
      String key = field.header() ? field.wireName().toLowerCase(Locale.ROOT) : field.wireName();
      JsonField earlier = names.putIfAbsent(key, field);
      if (earlier != null) {
        diagnostics.error(
            accessors.get(field),
            "Fields " + earlier.methodName() + "() and " + field.methodName() + "() both "
                + (field.header()
                    ? "are sent as the header " + field.wireName() + "; a header is sent once,"
                        + " so remove one of them"
                    : "have the JSON name \"" + field.wireName()
                        + "\"; give one of them another @JsonProperty"));
      }
    }
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        .replace("\t", "\\t").replace("\"", "\\\"");
  }
}
