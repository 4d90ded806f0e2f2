package dev.signet.processor.signedurl;

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
import dev.signet.processor.kind.DeclarationKind;
import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.EnumShape;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.NonceShape;
import dev.signet.processor.model.Property;
import dev.signet.processor.model.TextForm;
import dev.signet.processor.read.DeclarationReader;
import dev.signet.processor.read.DeclarationReader.Accessor;
import dev.signet.processor.read.Diagnostics;
import dev.signet.processor.read.JavaTypes;
import dev.signet.processor.read.Reading;
import dev.signet.processor.write.StagedBuilderWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Reads a {@link SignedUrl} interface into a {@link SignedUrlModel}, reporting every problem on the
 * element that causes it. A declaration with any problem yields no model.
 */
public record SignedUrlReader(Reading reading) implements DeclarationKind.Reader<SignedUrlModel> {
  /** RFC 3986's pchar and "/", with % for escapes, which are checked apart. */
  private static final String PATH_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/%";

  /**
   * A path whose every % starts an escape of two hex digits; compiled once, not per declaration.
   */
  private static final Pattern PERCENT_ESCAPES = Pattern.compile("([^%]|%[0-9A-Fa-f]{2})*");

  /** Every character that form-encoded text can hold. */
  private static final String FORM_ENCODED_TEXT =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._%+=";

  /** How {@code @SignedUrl} declarations are read. */
  public static final DeclarationReader.Rules RULES =
      new DeclarationReader.Rules(
          "SignedUrl",
          ElementKind.INTERFACE,
          "parameters",
          "Parameter",
          "a request's parameter types are fixed",
          "Optional<Integer>, or Optional<Long> (or Optional<Double> with encoding = JSON)",
          StagedBuilderWriter.reservedWith(SignedUrlWriter.RESERVED_NAMES),
          "keep the wire name with @Param(name = \"%s\")");

  @Override
  public Optional<SignedUrlModel> read(Declaration declaration) {
    TypeElement type = declaration.element();
    SignedUrl annotation = type.getAnnotation(SignedUrl.class);
    checkAttributes(type, annotation);

    List<Property<TextForm>> parameters = new ArrayList<>();
    Map<Property<TextForm>, Accessor> accessors = new HashMap<>();
    for (Accessor accessor :
        reading.declarations().accessors(type, RULES, SignedUrlReader::wireName)) {
      readParameter(type, accessor, annotation.separator())
          .ifPresent(
              parameter -> {
                parameters.add(parameter);
                accessors.put(parameter, accessor);
              });
    }
    checkNames(type, parameters, accessors, annotation);
    checkNonce(type);
    Map<String, Integer> positions = new LinkedHashMap<>();
    Optional<List<Property<TextForm>>> signedOrder =
        signedOrder(parameters, accessors, annotation.order(), type, positions);
    if (signedOrder.isEmpty() || reading.diagnostics().failed()) {
      return Optional.empty();
    }
    warnOfAmbiguity(type, annotation, signedOrder.get());
    return Optional.of(
        new SignedUrlModel(
            declaration,
            annotation.path(),
            annotation.signatureParameter(),
            annotation.separator(),
            annotation.lines() == SignedLines.NAMES_AND_VALUES,
            annotation.normalization() == Normalization.JAVASCRIPT_TRIM_LINES,
            annotation.algorithm().name(),
            annotation.digest().name(),
            List.copyOf(parameters),
            signedOrder.get(),
            Map.copyOf(positions)));
  }

  /** The name a parameter travels under: its {@code @Param(name)}, or its accessor's. */
  private static String wireName(ExecutableElement method) {
    Param param = method.getAnnotation(Param.class);
    return param == null || param.name().isEmpty()
        ? method.getSimpleName().toString()
        : param.name();
  }

  private void checkAttributes(TypeElement type, SignedUrl annotation) {
    String path = annotation.path();
    if (!path.startsWith("/")
        || !path.chars().allMatch(c -> PATH_CHARACTERS.indexOf(c) >= 0)
        || !PERCENT_ESCAPES.matcher(path).matches()) {
      refuse(
          type,
          "path",
          "path \""
              + Diagnostics.escape(path)
              + "\" must start with / and hold only what a URL path holds"
              + " unencoded (letters, digits, -._~!$&'()*+,;=:@/ and %XX escapes), such as"
              + " \"/embed/login\"");
    }
    if (annotation.lines() == SignedLines.NAMES_AND_VALUES
        && annotation.separator().chars().anyMatch(c -> FORM_ENCODED_TEXT.indexOf(c) >= 0)) {
      refuse(
          type,
          "separator",
          "separator \""
              + Diagnostics.escape(annotation.separator())
              + "\" can occur in form-encoded names"
              + " and values, which NAMES_AND_VALUES lines hold; use a line feed, the default");
    }
    if (annotation.separator().isEmpty()) {
      refuse(
          type,
          "separator",
          "separator must not be empty: it is what keeps one signed value from running into the"
              + " next; leave separator out to use a line feed, the default");
    }
    if (annotation.signatureParameter().isEmpty()) {
      refuse(
          type,
          "signatureParameter",
          "signatureParameter must name the query parameter that carries the signature, such as"
              + " \"signature\"");
    }
  }

  /** Reports {@code message} on the declaration's attribute {@code attribute}. */
  private void refuse(TypeElement type, String attribute, String message) {
    report(type, "SignedUrl", attribute, message);
  }

  /**
   * Warns, unless the type accepts it with a reason, of every way its scheme lets a holder of a
   * signed URL change what it means without breaking the signature.
   */
  private void warnOfAmbiguity(
      TypeElement type, SignedUrl annotation, List<Property<TextForm>> signedOrder) {
    AcceptedAmbiguity accepted = type.getAnnotation(AcceptedAmbiguity.class);
    if (accepted != null && accepted.reason().isBlank()) {
      report(
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
      reading
          .diagnostics()
          .warning(
              type,
              "@SignedUrl "
                  + type.getSimpleName()
                  + " is ambiguous: "
                  + finding
                  + ". If you design"
                  + " this scheme, sign names with values: @SignedUrl(lines ="
                  + " SignedLines.NAMES_AND_VALUES). If it is a vendor's, accept it with"
                  + " @AcceptedAmbiguity(reason = \"...\")");
    }
  }

  private Optional<Property<TextForm>> readParameter(
      TypeElement type, Accessor accessor, String separator) {
    ExecutableElement method = accessor.method();
    Element reportOn = DeclarationReader.reportOn(type, method);
    Param param = method.getAnnotation(Param.class);
    String wireName = wireName(method);
    Encoding encoding = param == null ? Encoding.AUTO : param.encoding();
    boolean required = accessor.required();
    TypeMirror valueType = accessor.valueType();

    Nonce nonce = method.getAnnotation(Nonce.class);
    Optional<TextForm> form;
    if (nonce != null) {
      form =
          readNonce(
                  reportOn,
                  accessor.name(),
                  wireName,
                  nonce,
                  required,
                  valueType,
                  encoding,
                  separator)
              .map(TextForm.Nonce::new);
    } else {
      form = textForm(reportOn, wireName, valueType, encoding, separator);
    }
    return form.map(
        text ->
            new Property<>(
                accessor.name(),
                wireName,
                TypeName.get(valueType),
                required,
                accessor.deprecated(),
                false,
                text));
  }

  private Optional<NonceShape> readNonce(
      Element method,
      String methodName,
      String wireName,
      Nonce nonce,
      boolean required,
      TypeMirror valueType,
      Encoding encoding,
      String separator) {
    if (!required || !reading.javaTypes().isString(valueType)) {
      report(
          method,
          "The @Nonce parameter "
              + wireName
              + " must be declared as `String "
              + methodName
              + "()`: every request has a nonce, and the builder draws"
              + " one when none is given");
      return Optional.empty();
    }
    if (encoding != Encoding.AUTO && encoding != Encoding.TEXT) {
      refuseEncoding(
          method, "The @Nonce parameter " + wireName + " is text; remove encoding = " + encoding);
      return Optional.empty();
    }
    if (nonce.length() < 1) {
      report(
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
      report(
          method,
          "Nonce",
          "alphabet",
          "@Nonce alphabet \""
              + Diagnostics.escape(nonce.alphabet())
              + "\" must list characters and"
              + " ascending ranges, each character once, such as \"0-9A-Za-z\"; and no nonce"
              + " drawn from it may hold a line break or the separator");
      return Optional.empty();
    }
    return Optional.of(new NonceShape(nonce.length(), alphabet.get()));
  }

  private Optional<TextForm> textForm(
      Element method, String wireName, TypeMirror type, Encoding encoding, String separator) {
    switch (encoding) {
      case PRE_ENCODED:
        if (!reading.javaTypes().isString(type)) {
          refuseEncoding(
              method,
              "Parameter "
                  + wireName
                  + ": PRE_ENCODED applies to a String that is already"
                  + " URL-encoded, not to "
                  + JavaTypes.describe(type)
                  + "; remove the encoding or declare a String");
          return Optional.empty();
        }
        return Optional.of(new TextForm.PreEncoded());
      case JSON:
        return reading
            .jsonShapes()
            .read(type, method, "Parameter " + wireName)
            .filter(shape -> readableBack(method, wireName, shape))
            .map(TextForm.Json::new);
      case TEXT:
        if (reading.jsonShapes().isJsonByDefault(type)) {
          refuseEncoding(
              method,
              "Parameter "
                  + wireName
                  + ": TEXT cannot write "
                  + JavaTypes.describe(type)
                  + ", which has no single text form; use encoding = JSON");
          return Optional.empty();
        }
        return scalarText(method, wireName, type, separator);
      case AUTO:
      default:
        return reading.jsonShapes().isJsonByDefault(type)
            ? reading
                .jsonShapes()
                .read(type, method, "Parameter " + wireName)
                .filter(shape -> readableBack(method, wireName, shape))
                .map(TextForm.Json::new)
            : scalarText(method, wireName, type, separator);
    }
  }

  /**
   * Whether the generated verifier can read a value of {@code shape} back; reports the type that it
   * cannot.
   */
  private boolean readableBack(Element method, String wireName, JsonShape shape) {
    if (shape instanceof JsonShape.SelfWriting self && !self.readable()) {
      report(
          method,
          "Parameter "
              + wireName
              + ": "
              + simpleName(self.type())
              + " writes itself as JSON, so the verifier"
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
      Element method, String wireName, TypeMirror type, String separator) {
    if (reading.javaTypes().isString(type)) {
      return Optional.of(new TextForm.Plain());
    }
    if (reading.javaTypes().isBoolean(type) || reading.javaTypes().isTextInteger(type)) {
      return Optional.of(new TextForm.Scalar());
    }
    Optional<TypeElement> enumType = reading.javaTypes().declaredElement(type, ElementKind.ENUM);
    if (enumType.isPresent()) {
      return reading
          .enums()
          .read(enumType.get(), method, "Parameter " + wireName)
          .filter(shape -> wireValuesFitOnALine(method, wireName, shape, separator))
          .map(TextForm.EnumConstant::new);
    }
    report(
        method,
        "Parameter "
            + wireName
            + " has the unsupported type "
            + JavaTypes.describe(type)
            + ". As text a parameter can be String, boolean, int, long or an enum; as JSON"
            + " (encoding = JSON) also maps, lists, records and numbers");
    return Optional.empty();
  }

  private boolean wireValuesFitOnALine(
      Element method, String wireName, EnumShape shape, String separator) {
    for (Map.Entry<String, String> constant : shape.wireValues().entrySet()) {
      String value = constant.getValue();
      if (value.isEmpty()
          || value.contains("\n")
          || value.contains("\r")
          || (!separator.isEmpty() && value.contains(separator))) {
        report(
            method,
            "Parameter "
                + wireName
                + ": enum constant "
                + constant.getKey()
                + " has the wire"
                + " value \""
                + Diagnostics.escape(value)
                + "\", which must be non-empty and hold no line"
                + " break or separator; change its @WireValue");
        return false;
      }
    }
    return true;
  }

  private void checkNames(
      TypeElement type,
      List<Property<TextForm>> parameters,
      Map<Property<TextForm>, Accessor> accessors,
      SignedUrl annotation) {
    Map<String, Property<TextForm>> byWireName = new HashMap<>();
    for (Property<TextForm> parameter : parameters) {
      Element accessor = DeclarationReader.reportOn(type, accessors.get(parameter).method());
      if (parameter.wireName().equals(annotation.signatureParameter())) {
        report(
            accessor,
            "Parameter "
                + parameter.name()
                + " has the wire name \""
                + parameter.wireName()
                + "\", which the signature uses; rename it with"
                + " @Param(name = ...) or change @SignedUrl(signatureParameter = ...)");
      }
      Property<TextForm> earlier = byWireName.putIfAbsent(parameter.wireName(), parameter);
      if (earlier != null) {
        report(
            accessor,
            "Parameters "
                + earlier.name()
                + "() and "
                + parameter.name()
                + "() both have the wire name \""
                + parameter.wireName()
                + "\"; give one of them another @Param(name = ...)");
      }
    }
  }

  /** One nonce per type, counting methods that declare one even where it has problems. */
  private void checkNonce(TypeElement type) {
    List<ExecutableElement> nonces =
        reading.declarations().abstractMethods(type).stream()
            .filter(method -> method.getAnnotation(Nonce.class) != null)
            .toList();
    if (nonces.isEmpty()) {
      report(
          type,
          "@SignedUrl "
              + type.getSimpleName()
              + " has no nonce, so a signed URL could be"
              + " replayed forever; declare one, such as"
              + " `@Nonce(length = 32) String nonce();`");
    }
    for (ExecutableElement extra : nonces.subList(Math.min(1, nonces.size()), nonces.size())) {
      report(
          DeclarationReader.reportOn(type, extra),
          "@SignedUrl "
              + type.getSimpleName()
              + " already has the nonce "
              + nonces.get(0).getSimpleName()
              + "(); a request has one nonce, so remove @Nonce"
              + " from "
              + extra.getSimpleName()
              + "()");
    }
  }

  private Optional<List<Property<TextForm>>> signedOrder(
      List<Property<TextForm>> parameters,
      Map<Property<TextForm>, Accessor> accessors,
      Order order,
      TypeElement type,
      Map<String, Integer> positions) {
    TreeMap<Integer, Property<TextForm>> positioned = new TreeMap<>();
    List<Property<TextForm>> rest = new ArrayList<>();
    boolean valid = true;
    for (Property<TextForm> parameter : parameters) {
      ExecutableElement method = accessors.get(parameter).method();
      Element accessor = DeclarationReader.reportOn(type, method);
      Param param = method.getAnnotation(Param.class);
      int position = param == null ? 0 : param.position();
      if (position == 0) {
        rest.add(parameter);
        continue;
      }
      if (position < 0) {
        refusePosition(
            accessor,
            "Parameter "
                + parameter.wireName()
                + ": position "
                + position
                + " must be 1 or"
                + " more, or 0 for no fixed position");
        valid = false;
      } else if (!parameter.required()) {
        refusePosition(
            accessor,
            "Parameter "
                + parameter.wireName()
                + " is optional, so it cannot have a fixed"
                + " position: when it is absent the lines after it would move up. Make it"
                + " required or remove the position");
        valid = false;
      } else {
        positions.put(parameter.name(), position);
        Property<TextForm> earlier = positioned.putIfAbsent(position, parameter);
        if (earlier != null) {
          refusePosition(
              accessor,
              "Parameters "
                  + earlier.wireName()
                  + " and "
                  + parameter.wireName()
                  + " both have position "
                  + position
                  + "; each position holds one parameter, so"
                  + " renumber them");
          valid = false;
        }
      }
    }
    int expected = 1;
    for (int position : positioned.keySet()) {
      if (position != expected) {
        report(
            type,
            "@SignedUrl "
                + type.getSimpleName()
                + ": positions must run 1, 2, 3… without"
                + " gaps, but no parameter has position "
                + expected
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
      rest.sort(Comparator.comparing(Property::wireName));
    }
    List<Property<TextForm>> signed = new ArrayList<>(positioned.values());
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

  /** Reports {@code message} on {@code element}. */
  private void report(Element element, String message) {
    reading.diagnostics().error(element, message);
  }

  /** Reports {@code message} on {@code attribute} of the annotation {@code annotation}. */
  private void report(Element element, String annotation, String attribute, String message) {
    reading.diagnostics().error(element, annotation, attribute, message);
  }

  /** Reports {@code message} on the {@code @Param(encoding)} of {@code accessor}. */
  private void refuseEncoding(Element accessor, String message) {
    report(accessor, "Param", "encoding", message);
  }

  /** Reports {@code message} on the {@code @Param(position)} of {@code accessor}. */
  private void refusePosition(Element accessor, String message) {
    report(accessor, "Param", "position", message);
  }
}
