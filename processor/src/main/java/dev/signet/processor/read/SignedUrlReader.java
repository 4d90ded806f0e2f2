package dev.signet.processor.read;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.signet.annotations.AcceptedAmbiguity;
import dev.signet.annotations.Encoding;
import dev.signet.annotations.Nonce;
import dev.signet.annotations.Normalization;
import dev.signet.annotations.Order;
import dev.signet.annotations.Param;
import dev.signet.annotations.SignedLines;
import dev.signet.annotations.SignedUrl;
import dev.signet.processor.model.EnumShape;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.NonceShape;
import dev.signet.processor.model.Parameter;
import dev.signet.processor.model.SignedUrlModel;
import dev.signet.processor.model.TextForm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.annotation.processing.Messager;
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
 * Reads a {@link SignedUrl} interface into a {@link SignedUrlModel}, reporting every problem on
 * the element that causes it. A declaration with any problem yields no model.
 */
public final class SignedUrlReader {
  /** Names the generated class and builder already use, which a parameter cannot take. */
  private static final Set<String> RESERVED_NAMES =
      Set.of(
          "builder", "build", "canonicalText", "signedUrl", "requestUrl", "verifier",
          "fromReceived", "PATH", "SEPARATOR", "NONCE_ALPHABET", "NONCE_LENGTH", "SCHEME");

  /** RFC 3986's pchar and "/", with % for escapes, which are checked apart. */
  private static final String PATH_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/%";

  /** A path whose every % starts an escape of two hex digits; compiled once, not per declaration. */
  private static final Pattern PERCENT_ESCAPES = Pattern.compile("([^%]|%[0-9A-Fa-f]{2})*");

  /** Every character that form-encoded text can hold. */
  private static final String FORM_ENCODED_TEXT =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._%+=";

  private final Elements elements;
  private final JavaTypes javaTypes;
  private final Diagnostics diagnostics;
  private final EnumReader enums;
  private final JsonShapeReader jsonShapes;

  public SignedUrlReader(Elements elements, Types types, Messager messager) {
    this.elements = elements;
    this.javaTypes = new JavaTypes(types, elements);
    this.diagnostics = new Diagnostics(messager);
    this.enums = new EnumReader(diagnostics);
    this.jsonShapes = new JsonShapeReader(javaTypes, enums, diagnostics);
  }

  /** The model of {@code type}, or empty when its declaration has problems, all reported. */
  public Optional<SignedUrlModel> read(TypeElement type) {
    boolean failedBefore = diagnostics.failed();
    Optional<SignedUrlModel> model = readChecked(type);
    return diagnostics.failed() && !failedBefore ? Optional.empty() : model;
  }

  private Optional<SignedUrlModel> readChecked(TypeElement type) {
    if (!checkDeclaration(type)) {
      return Optional.empty();
    }
    SignedUrl annotation = type.getAnnotation(SignedUrl.class);
    checkAttributes(type, annotation);

    List<Parameter> parameters = new ArrayList<>();
    Map<Parameter, ExecutableElement> accessors = new HashMap<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT) || overridesObject(method)) {
        continue;
      }
      readParameter(method, annotation.separator())
          .ifPresent(
              parameter -> {
                parameters.add(parameter);
                accessors.put(parameter, method);
              });
    }
    checkInheritedMethods(type);
    checkNames(parameters, accessors, annotation, type);
    checkNonce(type);
    checkStageNames(parameters, accessors);
    Optional<List<Parameter>> signedOrder =
        signedOrder(parameters, accessors, annotation.order(), type);
    if (signedOrder.isEmpty() || diagnostics.failed()) {
      return Optional.empty();
    }
    warnOfAmbiguity(type, annotation, signedOrder.get());
    ClassName declaration = ClassName.get(type);
    return Optional.of(
        new SignedUrlModel(
            type,
            declaration,
            generatedName(declaration),
            annotation.path(),
            annotation.signatureParameter(),
            annotation.separator(),
            annotation.lines() == SignedLines.NAMES_AND_VALUES,
            annotation.normalization() == Normalization.JAVASCRIPT_TRIM_LINES,
            annotation.algorithm().name(),
            annotation.digest().name(),
            List.copyOf(parameters),
            signedOrder.get()));
  }

  /** {@code Signet} and the declaration's simple names joined by {@code _}: {@code SignetOmni_Login}. */
  private static ClassName generatedName(ClassName declaration) {
    return ClassName.get(
        declaration.packageName(), "Signet" + String.join("_", declaration.simpleNames()));
  }

  private boolean checkDeclaration(TypeElement type) {
    if (type.getKind() != ElementKind.INTERFACE) {
      diagnostics.error(
          type,
          "@SignedUrl applies to interfaces: declare " + type.getSimpleName()
              + " as an interface whose abstract methods are the request's parameters");
      return false;
    }
    if (type.getModifiers().contains(Modifier.SEALED)) {
      diagnostics.error(
          type,
          "@SignedUrl interface " + type.getSimpleName() + " must not be sealed: the generated"
              + " class beside it implements it; remove sealed and its permits clause");
      return false;
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)
          && RESERVED_NAMES.contains(method.getSimpleName().toString())) {
        diagnostics.error(
            method,
            "Method " + method.getSimpleName() + " would clash with the generated class's own "
                + method.getSimpleName() + "; rename it");
      }
    }
    if (!type.getTypeParameters().isEmpty()) {
      diagnostics.error(
          type,
          "@SignedUrl interface " + type.getSimpleName()
              + " must not have type parameters: a request's parameter types are fixed; remove"
              + " them and give each accessor its own type");
      return false;
    }
    for (Element enclosing = type;
        enclosing.getKind().isInterface() || enclosing.getKind().isClass();
        enclosing = enclosing.getEnclosingElement()) {
      if (enclosing.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(
            type,
            "@SignedUrl interface " + type.getSimpleName()
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

  private void checkAttributes(TypeElement type, SignedUrl annotation) {
    String path = annotation.path();
    if (!path.startsWith("/")
        || !path.chars().allMatch(c -> PATH_CHARACTERS.indexOf(c) >= 0)
        || !PERCENT_ESCAPES.matcher(path).matches()) {
      diagnostics.error(
          type,
          "SignedUrl",
          "path",
          "path \"" + escape(path) + "\" must start with / and hold only what a URL path holds"
              + " unencoded (letters, digits, -._~!$&'()*+,;=:@/ and %XX escapes), such as"
              + " \"/embed/login\"");
    }
    if (annotation.lines() == SignedLines.NAMES_AND_VALUES
        && annotation.separator().chars().anyMatch(c -> FORM_ENCODED_TEXT.indexOf(c) >= 0)) {
      diagnostics.error(
          type,
          "SignedUrl",
          "separator",
          "separator \"" + escape(annotation.separator()) + "\" can occur in form-encoded names"
              + " and values, which NAMES_AND_VALUES lines hold; use a line feed, the default");
    }
    if (annotation.separator().isEmpty()) {
      diagnostics.error(
          type,
          "SignedUrl",
          "separator",
          "separator must not be empty: it is what keeps one signed value from running into the"
              + " next; leave separator out to use a line feed, the default");
    }
    if (annotation.signatureParameter().isEmpty()) {
      diagnostics.error(
          type,
          "SignedUrl",
          "signatureParameter",
          "signatureParameter must name the query parameter that carries the signature, such as"
              + " \"signature\"");
    }
  }

  /**
   * Warns, unless the type accepts it with a reason, of every way its scheme lets a holder of a
   * signed URL change what it means without breaking the signature.
   */
  private void warnOfAmbiguity(TypeElement type, SignedUrl annotation, List<Parameter> signedOrder) {
    AcceptedAmbiguity accepted = type.getAnnotation(AcceptedAmbiguity.class);
    if (accepted != null && accepted.reason().isBlank()) {
      diagnostics.error(
          type,
          "AcceptedAmbiguity",
          "reason",
          "@AcceptedAmbiguity needs a reason: say why this scheme cannot sign names with values");
    }
    if (accepted != null || annotation.lines() == SignedLines.NAMES_AND_VALUES) {
      return;
    }
    List<String> findings =
        AmbiguityCheck.findings(
            signedOrder,
            annotation.normalization() == Normalization.JAVASCRIPT_TRIM_LINES,
            annotation.separator());
    for (String finding : findings) {
      diagnostics.warning(
          type,
          "@SignedUrl " + type.getSimpleName() + " is ambiguous: " + finding + ". If you design"
              + " this scheme, sign names with values: @SignedUrl(lines ="
              + " SignedLines.NAMES_AND_VALUES). If it is a vendor's, accept it with"
              + " @AcceptedAmbiguity(reason = \"...\")");
    }
  }

  private void checkInheritedMethods(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)
          && !method.getEnclosingElement().equals(type)
          && !overridesObject(method)) {
        diagnostics.error(
            type,
            "@SignedUrl interface " + type.getSimpleName() + " inherits the abstract method "
                + method.getSimpleName() + "() from "
                + method.getEnclosingElement().getSimpleName()
                + "; declare every parameter on the @SignedUrl interface itself");
      }
    }
  }

  private static boolean overridesObject(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    int arity = method.getParameters().size();
    return (arity == 0 && (name.equals("toString") || name.equals("hashCode")))
        || (arity == 1 && name.equals("equals"));
  }

  private Optional<Parameter> readParameter(ExecutableElement method, String separator) {
    String methodName = method.getSimpleName().toString();
    if (!method.getParameters().isEmpty() || !method.getTypeParameters().isEmpty()) {
      diagnostics.error(
          method,
          "Parameter accessor " + methodName + " must take no arguments and no type parameters:"
              + " declare it as `T " + methodName + "();`");
      return Optional.empty();
    }
    if (RESERVED_NAMES.contains(methodName)) {
      diagnostics.error(
          method,
          "A parameter cannot be called " + methodName + "(): the generated class uses that name."
              + " Rename the method and keep the wire name with @Param(name = \"" + methodName
              + "\")");
      return Optional.empty();
    }
    TypeMirror returnType = method.getReturnType();
    if (returnType.getKind() == TypeKind.VOID) {
      diagnostics.error(
          method,
          "Parameter accessor " + methodName + "() must return its value: declare its type, such"
              + " as `String " + methodName + "();`");
      return Optional.empty();
    }
    Param param = method.getAnnotation(Param.class);
    String wireName = param == null || param.name().isEmpty() ? methodName : param.name();
    Encoding encoding = param == null ? Encoding.AUTO : param.encoding();

    for (String primitiveOptional : List.of("OptionalInt", "OptionalLong", "OptionalDouble")) {
      if (javaTypes.is(returnType, "java.util." + primitiveOptional)) {
        diagnostics.error(
            method,
            "Parameter " + wireName + ": declare an optional number as Optional<Integer>,"
                + " or Optional<Long> (or Optional<Double> with encoding = JSON), not "
                + primitiveOptional);
        return Optional.empty();
      }
    }
    if (javaTypes.is(returnType, "java.util.Optional") && javaTypes.typeArguments(returnType).isEmpty()) {
      diagnostics.error(
          method, "Parameter " + wireName + ": declare the raw Optional with its value type, such as"
              + " Optional<String>");
      return Optional.empty();
    }
    Optional<TypeMirror> optionalValue = javaTypes.optionalValue(returnType);
    boolean required = optionalValue.isEmpty();
    TypeMirror valueType = optionalValue.orElse(returnType);
    if (javaTypes.is(valueType, "java.util.Optional")) {
      diagnostics.error(
          method, "Parameter " + wireName + ": Optional<Optional<...>> means nothing more than"
              + " Optional<...>; unwrap it");
      return Optional.empty();
    }

    Nonce nonce = method.getAnnotation(Nonce.class);
    NonceShape nonceShape = null;
    if (nonce != null) {
      Optional<NonceShape> read =
          readNonce(method, wireName, nonce, required, valueType, encoding, separator);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      nonceShape = read.get();
    }
    NonceShape declaredNonce = nonceShape;
    return textForm(method, wireName, valueType, encoding, separator)
        .map(
            text ->
                new Parameter(
                    methodName,
                    wireName,
                    TypeName.get(valueType),
                    required,
                    text,
                    declaredNonce,
                    elements.isDeprecated(method)));
  }

  private Optional<NonceShape> readNonce(
      ExecutableElement method,
      String wireName,
      Nonce nonce,
      boolean required,
      TypeMirror valueType,
      Encoding encoding,
      String separator) {
    if (!required || !javaTypes.isString(valueType)) {
      diagnostics.error(
          method,
          "The @Nonce parameter " + wireName + " must be declared as `String "
              + method.getSimpleName() + "()`: every request has a nonce, and the builder draws"
              + " one when none is given");
      return Optional.empty();
    }
    if (encoding != Encoding.AUTO && encoding != Encoding.TEXT) {
      diagnostics.error(
          method,
          "Param",
          "encoding",
          "The @Nonce parameter " + wireName + " is text; remove encoding = " + encoding);
      return Optional.empty();
    }
    if (nonce.length() < 1) {
      diagnostics.error(
          method,
          "Nonce",
          "length",
          "@Nonce length must be at least 1 (Omni's, for one, is 32), not " + nonce.length());
      return Optional.empty();
    }
    Optional<String> alphabet = Alphabets.expand(nonce.alphabet());
    if (alphabet.isEmpty()
        || alphabet.get().chars().anyMatch(c -> c == '\r' || c == '\n')
        || canHold(alphabet.get(), separator)) {
      diagnostics.error(
          method,
          "Nonce",
          "alphabet",
          "@Nonce alphabet \"" + escape(nonce.alphabet()) + "\" must list characters and"
              + " ascending ranges, each character once, such as \"0-9A-Za-z\"; and no nonce"
              + " drawn from it may hold a line break or the separator");
      return Optional.empty();
    }
    return Optional.of(new NonceShape(nonce.length(), alphabet.get()));
  }

  private Optional<TextForm> textForm(
      ExecutableElement method,
      String wireName,
      TypeMirror type,
      Encoding encoding,
      String separator) {
    switch (encoding) {
      case PRE_ENCODED:
        if (!javaTypes.isString(type)) {
          diagnostics.error(
              method,
              "Param",
              "encoding",
              "Parameter " + wireName + ": PRE_ENCODED applies to a String that is already"
                  + " URL-encoded, not to " + JavaTypes.describe(type)
                  + "; remove the encoding or declare a String");
          return Optional.empty();
        }
        return Optional.of(new TextForm.PreEncoded());
      case JSON:
        return jsonShapes.read(type, method, "Parameter " + wireName)
            .filter(shape -> readableBack(method, wireName, shape))
            .map(TextForm.Json::new);
      case TEXT:
        if (jsonShapes.isJsonByDefault(type)) {
          diagnostics.error(
              method,
              "Param",
              "encoding",
              "Parameter " + wireName + ": TEXT cannot write " + JavaTypes.describe(type)
                  + ", which has no single text form; use encoding = JSON");
          return Optional.empty();
        }
        return scalarText(method, wireName, type, separator);
      case AUTO:
      default:
        return jsonShapes.isJsonByDefault(type)
            ? jsonShapes.read(type, method, "Parameter " + wireName)
                .filter(shape -> readableBack(method, wireName, shape))
                .map(TextForm.Json::new)
            : scalarText(method, wireName, type, separator);
    }
  }

  /**
   * Whether the generated verifier can read a value of {@code shape} back; reports the type
   * that it cannot.
   */
  private boolean readableBack(ExecutableElement method, String wireName, JsonShape shape) {
    if (shape instanceof JsonShape.SelfWriting self && !self.readable()) {
      diagnostics.error(
          method,
          "Parameter " + wireName + ": " + simpleName(self.type()) + " writes itself as JSON, so the verifier"
              + " needs it to read itself back: declare `public static "
              + simpleName(self.type())
              + " fromJson(Object json)`, taking what dev.signet.runtime.JsonParser returns");
      return false;
    }
    if (shape instanceof JsonShape.ListOf list) {
      return readableBack(method, wireName, list.element());
    }
    if (shape instanceof JsonShape.MapOf map) {
      return readableBack(method, wireName, map.value());
    }
    if (shape instanceof JsonShape.RecordValue record) {
      return record.components().stream()
          .allMatch(component -> readableBack(method, wireName, component.shape()));
    }
    return true;
  }

  private Optional<TextForm> scalarText(
      ExecutableElement method, String wireName, TypeMirror type, String separator) {
    if (javaTypes.isString(type)) {
      return Optional.of(new TextForm.Plain());
    }
    if (javaTypes.isBoolean(type) || javaTypes.isTextInteger(type)) {
      return Optional.of(new TextForm.Scalar());
    }
    Optional<TypeElement> enumType = javaTypes.declaredElement(type, ElementKind.ENUM);
    if (enumType.isPresent()) {
      return enums
          .read(enumType.get(), method, "Parameter " + wireName)
          .filter(shape -> wireValuesFitOnALine(method, wireName, shape, separator))
          .map(TextForm.EnumConstant::new);
    }
    diagnostics.error(
        method,
        "Parameter " + wireName + " has the unsupported type " + JavaTypes.describe(type)
            + ". As text a parameter can be String, boolean, int, long or an enum; as JSON"
            + " (encoding = JSON) also maps, lists, records and numbers");
    return Optional.empty();
  }

  private boolean wireValuesFitOnALine(
      ExecutableElement method, String wireName, EnumShape shape, String separator) {
    for (Map.Entry<String, String> constant : shape.wireValues().entrySet()) {
      String value = constant.getValue();
      if (value.isEmpty() || value.contains("\n") || value.contains("\r")
          || (!separator.isEmpty() && value.contains(separator))) {
        diagnostics.error(
            method,
            "Parameter " + wireName + ": enum constant " + constant.getKey() + " has the wire"
                + " value \"" + escape(value) + "\", which must be non-empty and hold no line"
                + " break or separator; change its @WireValue");
        return false;
      }
    }
    return true;
  }

  private void checkNames(
      List<Parameter> parameters,
      Map<Parameter, ExecutableElement> accessors,
      SignedUrl annotation,
      TypeElement type) {
    Map<String, Parameter> byWireName = new HashMap<>();
    for (Parameter parameter : parameters) {
      ExecutableElement accessor = accessors.get(parameter);
      if (parameter.wireName().equals(annotation.signatureParameter())) {
        diagnostics.error(
            accessor,
            "Parameter " + parameter.methodName() + " has the wire name \""
                + parameter.wireName() + "\", which the signature uses; rename it with"
                + " @Param(name = ...) or change @SignedUrl(signatureParameter = ...)");
      }
      Parameter earlier = byWireName.putIfAbsent(parameter.wireName(), parameter);
      if (earlier != null) {
        diagnostics.error(
            accessor,
            "Parameters " + earlier.methodName() + "() and " + parameter.methodName()
                + "() both have the wire name \"" + parameter.wireName()
                + "\"; give one of them another @Param(name = ...)");
      }
    }
  }

  /** One nonce per type, counting methods that declare one even where it has problems. */
  private void checkNonce(TypeElement type) {
    List<ExecutableElement> nonces =
        ElementFilter.methodsIn(type.getEnclosedElements()).stream()
            .filter(method -> method.getAnnotation(Nonce.class) != null)
            .toList();
    if (nonces.isEmpty()) {
      diagnostics.error(
          type,
          "@SignedUrl " + type.getSimpleName() + " has no nonce, so a signed URL could be"
              + " replayed forever; declare one, such as"
              + " `@Nonce(length = 32) String nonce();`");
    }
    for (ExecutableElement extra : nonces.subList(Math.min(1, nonces.size()), nonces.size())) {
      diagnostics.error(
          extra,
          "@SignedUrl " + type.getSimpleName() + " already has the nonce "
              + nonces.get(0).getSimpleName() + "(); a request has one nonce, so remove @Nonce"
              + " from " + extra.getSimpleName() + "()");
    }
  }

  /**
   * Builder stages are named after their parameters with a capital first letter, so {@code
   * foo()} and {@code Foo()} would both be {@code FooStage}.
   */
  private void checkStageNames(List<Parameter> parameters, Map<Parameter, ExecutableElement> accessors) {
    Map<String, Parameter> byStage = new HashMap<>();
    for (Parameter parameter : parameters) {
      String name = parameter.methodName();
      String stage = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      Parameter earlier = byStage.putIfAbsent(stage, parameter);
      if (earlier != null) {
        diagnostics.error(
            accessors.get(parameter),
            "Parameters " + earlier.methodName() + "() and " + name + "() differ only in the case"
                + " of their first letter, so their builder steps would have one name; rename one"
                + " (the wire name can stay, with @Param(name = ...))");
      }
    }
  }

  private Optional<List<Parameter>> signedOrder(
      List<Parameter> parameters,
      Map<Parameter, ExecutableElement> accessors,
      Order order,
      TypeElement type) {
    TreeMap<Integer, Parameter> positioned = new TreeMap<>();
    List<Parameter> rest = new ArrayList<>();
    boolean valid = true;
    for (Parameter parameter : parameters) {
      ExecutableElement accessor = accessors.get(parameter);
      Param param = accessor.getAnnotation(Param.class);
      int position = param == null ? 0 : param.position();
      if (position == 0) {
        rest.add(parameter);
        continue;
      }
      if (position < 0) {
        diagnostics.error(
            accessor,
            "Param",
            "position",
            "Parameter " + parameter.wireName() + ": position " + position + " must be 1 or"
                + " more, or 0 for no fixed position");
        valid = false;
      } else if (!parameter.required()) {
        diagnostics.error(
            accessor,
            "Param",
            "position",
            "Parameter " + parameter.wireName() + " is optional, so it cannot have a fixed"
                + " position: when it is absent the lines after it would move up. Make it"
                + " required or remove the position");
        valid = false;
      } else {
        Parameter earlier = positioned.putIfAbsent(position, parameter);
        if (earlier != null) {
          diagnostics.error(
              accessor,
              "Param",
              "position",
              "Parameters " + earlier.wireName() + " and " + parameter.wireName()
                  + " both have position " + position + "; each position holds one parameter, so"
                  + " renumber them");
          valid = false;
        }
      }
    }
    int expected = 1;
    for (int position : positioned.keySet()) {
      if (position != expected) {
        diagnostics.error(
            type,
            "@SignedUrl " + type.getSimpleName() + ": positions must run 1, 2, 3… without"
                + " gaps, but no parameter has position " + expected
                + "; renumber the positions");
        valid = false;
        break;
      }
      expected++;
    }
    if (!valid) {
      return Optional.empty();
    }
    if (order == Order.BY_NAME) {
      rest.sort(Comparator.comparing(Parameter::wireName));
    }
    List<Parameter> signed = new ArrayList<>(positioned.values());
    signed.addAll(rest);
    return Optional.of(List.copyOf(signed));
  }

  private static String simpleName(TypeName type) {
    return type instanceof ClassName named ? named.simpleName() : type.toString();
  }

  /** Whether text made of {@code alphabet}'s characters can hold {@code separator}. */
  static boolean canHold(String alphabet, String separator) {
    return !separator.isEmpty() && separator.chars().allMatch(c -> alphabet.indexOf(c) >= 0);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        .replace("\t", "\\t").replace("\"", "\\\"");
  }
}
