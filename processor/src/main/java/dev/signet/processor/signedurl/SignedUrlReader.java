package dev.signet.processor.signedurl;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.signet.annotations.AcceptedAmbiguity;
import dev.signet.annotations.Encoding;
import dev.signet.annotations.Expiry;
import dev.signet.annotations.Layout;
import dev.signet.annotations.Location;
import dev.signet.annotations.Nonce;
import dev.signet.annotations.NonceFormat;
import dev.signet.annotations.Normalization;
import dev.signet.annotations.Order;
import dev.signet.annotations.Param;
import dev.signet.annotations.QueryEncoding;
import dev.signet.annotations.SignedLines;
import dev.signet.annotations.SignedUrl;
import dev.signet.annotations.Unsigned;
import dev.signet.processor.kind.DeclarationKind;
import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.EnumShape;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.NonceShape;
import dev.signet.processor.model.Property;
import dev.signet.processor.model.TextForm;
import dev.signet.processor.model.ValueTraits;
import dev.signet.processor.read.DeclarationReader;
import dev.signet.processor.read.DeclarationReader.Accessor;
import dev.signet.processor.read.Diagnostics;
import dev.signet.processor.read.JavaTypes;
import dev.signet.processor.read.Reading;
import dev.signet.processor.read.ValueTraitsReader;
import dev.signet.processor.write.StagedBuilderWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

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

  /** A path parameter's place in a path template, {@code {name}}. */
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^{}/]+)\\}");

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
    Map<String, ValueTraits> traits = new LinkedHashMap<>();
    List<Accessor> all =
        new ArrayList<>(reading.declarations().accessors(type, RULES, SignedUrlReader::wireName));
    all.addAll(defaultAccessors(type));
    for (Accessor accessor : all) {
      Element reportOn = DeclarationReader.reportOn(type, accessor.method());
      if (accessor.method().getAnnotation(Expiry.class) != null) {
        // Silently ignored, it would promise an expiry that no signed URL of these layouts has.
        reading
            .diagnostics()
            .error(
                reportOn,
                "Parameter "
                    + wireName(accessor.method())
                    + " is an @Expiry, which only a signed JWT has; a signed URL's freshness is its"
                    + " @Timestamp and the verifier's window, so remove @Expiry");
        continue;
      }
      Optional<ValueTraits> read =
          new ValueTraitsReader(reading.javaTypes(), reading.diagnostics())
              .read(
                  accessor.method(),
                  reportOn,
                  "Parameter " + wireName(accessor.method()),
                  accessor.required(),
                  accessor.valueType());
      Optional<Property<TextForm>> parameter =
          read.isEmpty() ? Optional.empty() : readParameter(type, accessor, annotation.separator());
      if (parameter.isPresent()) {
        parameters.add(parameter.get());
        accessors.put(parameter.get(), accessor);
        traits.put(parameter.get().name(), read.get());
      }
    }
    checkNames(type, parameters, accessors, annotation);
    Map<String, String> places = places(type, annotation, parameters, accessors, traits);
    checkNonce(type, traits);
    Map<String, Integer> positions = new LinkedHashMap<>();
    Optional<List<Property<TextForm>>> signedOrder =
        signedOrder(parameters, accessors, annotation.order(), type, positions);
    if (signedOrder.isEmpty() || reading.diagnostics().failed()) {
      return Optional.empty();
    }
    UrlPlan plan =
        laidOut(annotation, places, traits, parameters)
            ? new UrlPlan(
                annotation.layout().name(),
                annotation.frame(),
                annotation.queryEncoding().name(),
                Map.copyOf(places),
                Map.copyOf(traits),
                positions.size(),
                annotation.order() == Order.BY_NAME)
            : null;
    if (annotation.layout() == Layout.URL_AS_WRITTEN) {
      // Names are signed with their values, so there is no ambiguity to warn of; a reason given
      // must still say something.
      checkReason(type);
    } else {
      warnOfAmbiguity(
          type,
          annotation,
          signedOrder.get().stream().filter(p -> places.get(p.name()).equals("QUERY")).toList());
    }
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
            Map.copyOf(positions),
            plan));
  }

  /**
   * Whether the declaration needs more than today's "request URL, then a line per value": a layout,
   * frame or query encoding of its own, a parameter outside the query or unsigned, a value from a
   * constant, clock, map or default, a range, a nonce sent as JSON, or no nonce.
   */
  private static boolean laidOut(
      SignedUrl annotation,
      Map<String, String> places,
      Map<String, ValueTraits> traits,
      List<Property<TextForm>> parameters) {
    return annotation.layout() != Layout.URL_THEN_VALUES
        || !annotation.frame().equals("{text}")
        || annotation.queryEncoding() != QueryEncoding.FORM
        || places.values().stream().anyMatch(place -> !place.equals("QUERY"))
        || traits.values().stream().anyMatch(t -> !t.equals(ValueTraits.NONE))
        || parameters.stream()
            .noneMatch(
                p ->
                    p.form() instanceof TextForm.Nonce nonce
                        && !nonce.json()
                        && !nonce.shape().beyondCharacters());
  }

  /**
   * The type's own {@code default} methods that {@code @Param} marks: parameters whose default the
   * method's body gives (Looker's {@code access_filters}, {@code {}} when none is given).
   */
  private List<Accessor> defaultAccessors(TypeElement type) {
    List<Accessor> defaults = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.DEFAULT)
          || method.getAnnotation(Param.class) == null
          || !method.getParameters().isEmpty()) {
        continue;
      }
      TypeMirror returned = method.getReturnType();
      boolean optional =
          returned instanceof DeclaredType declared
              && declared.asElement().toString().equals("java.util.Optional");
      TypeMirror value = optional ? ((DeclaredType) returned).getTypeArguments().get(0) : returned;
      defaults.add(
          new Accessor(
              method,
              method.getSimpleName().toString(),
              returned,
              value,
              !optional,
              method.getAnnotation(Deprecated.class) != null));
    }
    return defaults;
  }

  /**
   * Where each parameter travels, as the runtime's {@code LaidOutUrlScheme.Place} names it, by
   * parameter name; reports what cannot travel so on the element at fault.
   */
  private Map<String, String> places(
      TypeElement type,
      SignedUrl annotation,
      List<Property<TextForm>> parameters,
      Map<Property<TextForm>, Accessor> accessors,
      Map<String, ValueTraits> traits) {
    Map<String, String> places = new LinkedHashMap<>();
    List<String> inTemplate = new ArrayList<>();
    Matcher names = PATH_PARAMETER.matcher(annotation.path());
    while (names.find()) {
      inTemplate.add(names.group(1));
    }
    List<String> timestamps = new ArrayList<>();
    for (Property<TextForm> parameter : parameters) {
      ExecutableElement method = accessors.get(parameter).method();
      Element reportOn = DeclarationReader.reportOn(type, method);
      Param param = method.getAnnotation(Param.class);
      Location in = param == null ? Location.QUERY : param.in();
      boolean signed = method.getAnnotation(Unsigned.class) == null;
      ValueTraits valueTraits = traits.get(parameter.name());
      String noun = "Parameter " + parameter.wireName();
      if (valueTraits.timestamp()) {
        timestamps.add(parameter.name());
      }
      String place;
      switch (in) {
        case PATH_SEGMENT, PATH_SEGMENTS -> {
          place = in.name();
          if (!inTemplate.contains(parameter.wireName())) {
            report(
                reportOn,
                "Param",
                "in",
                noun
                    + " travels in the path, but the path \""
                    + Diagnostics.escape(annotation.path())
                    + "\" has no {"
                    + parameter.wireName()
                    + "}; add it to @SignedUrl(path) or move the parameter to the query");
          }
          if (!parameter.required()
              || !signed
              || valueTraits.spreadPrefix().isPresent()
              || !reading.javaTypes().isString(accessors.get(parameter).valueType())) {
            report(
                reportOn,
                "Param",
                "in",
                noun
                    + " travels in the path, which every request has whole and signs: declare it"
                    + " as `String "
                    + parameter.name()
                    + "()`, not @Unsigned, optional or @Spread");
          }
        }
        case FRAGMENT -> {
          place = "UNSIGNED_FRAGMENT";
          if (signed) {
            report(
                reportOn,
                "Param",
                "in",
                noun
                    + " travels in the fragment, which a browser never sends, so no server can"
                    + " check a signature over it; mark it @Unsigned");
          }
        }
        default -> {
          place =
              valueTraits.spreadPrefix().isPresent()
                  ? "SPREAD"
                  : signed ? "QUERY" : "UNSIGNED_QUERY";
          if (!signed && annotation.layout() == Layout.URL_AS_WRITTEN) {
            report(
                reportOn,
                "Unsigned",
                "",
                noun
                    + " is @Unsigned, but the layout URL_AS_WRITTEN signs the whole query; sign it,"
                    + " or send it in the fragment");
          }
        }
      }
      if (!signed && (parameter.required() || valueTraits.filledIn())) {
        report(
            reportOn,
            "Unsigned",
            "",
            noun
                + " is @Unsigned, so a verifier can never trust it and gives it back apart"
                + " from the request: declare it optional, `Optional<...> "
                + parameter.name()
                + "()`, without a constant, clock or default");
      }
      places.put(parameter.name(), place);
    }
    for (String name : inTemplate) {
      boolean declared =
          parameters.stream()
              .anyMatch(p -> p.wireName().equals(name) && places.get(p.name()).startsWith("PATH"));
      if (!declared) {
        refuse(
            type,
            "path",
            "path \""
                + Diagnostics.escape(annotation.path())
                + "\" names {"
                + name
                + "}, but no parameter of that wire name travels in the path; declare one with"
                + " @Param(in = Location.PATH_SEGMENT)");
      }
    }
    if (timestamps.size() > 1) {
      report(
          type,
          "@SignedUrl "
              + type.getSimpleName()
              + " has two timestamps, "
              + timestamps.get(0)
              + "() and "
              + timestamps.get(1)
              + "(); a request is made at one time, so keep one @Timestamp");
    }
    checkFrame(type, annotation, parameters, places);
    return places;
  }

  /** Every {@code {name}} of the frame but {@code {text}} names a required, signed parameter. */
  private void checkFrame(
      TypeElement type,
      SignedUrl annotation,
      List<Property<TextForm>> parameters,
      Map<String, String> places) {
    Matcher names = PATH_PARAMETER.matcher(annotation.frame());
    boolean text = false;
    while (names.find()) {
      String name = names.group(1);
      if (name.equals("text")) {
        text = true;
        continue;
      }
      boolean known =
          parameters.stream()
              .anyMatch(
                  p ->
                      p.wireName().equals(name)
                          && p.required()
                          && places.get(p.name()).equals("QUERY"));
      if (!known) {
        refuse(
            type,
            "frame",
            "frame \""
                + Diagnostics.escape(annotation.frame())
                + "\" names {"
                + name
                + "}, which is no required, signed query parameter; name one, or {text}");
      }
    }
    if (!text) {
      refuse(
          type,
          "frame",
          "frame \""
              + Diagnostics.escape(annotation.frame())
              + "\" must hold {text}, where the layout's signed text goes");
    }
  }

  /** The name a parameter travels under: its {@code @Param(name)}, or its accessor's. */
  private static String wireName(ExecutableElement method) {
    Param param = method.getAnnotation(Param.class);
    return param == null || param.name().isEmpty()
        ? method.getSimpleName().toString()
        : param.name();
  }

  private void checkAttributes(TypeElement type, SignedUrl annotation) {
    // A {name} is a path parameter's place, which places() checks; the rest is written as it is.
    String path = PATH_PARAMETER.matcher(annotation.path()).replaceAll("x");
    if (!path.startsWith("/")
        || !path.chars().allMatch(c -> PATH_CHARACTERS.indexOf(c) >= 0)
        || !PERCENT_ESCAPES.matcher(path).matches()) {
      refuse(
          type,
          "path",
          "path \""
              + Diagnostics.escape(annotation.path())
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
    AcceptedAmbiguity accepted = checkReason(type);
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

  /** The type's {@code @AcceptedAmbiguity}, or null; reports one whose reason is blank. */
  private AcceptedAmbiguity checkReason(TypeElement type) {
    AcceptedAmbiguity accepted = type.getAnnotation(AcceptedAmbiguity.class);
    if (accepted != null && accepted.reason().isBlank()) {
      report(
          type,
          "AcceptedAmbiguity",
          "reason",
          "@AcceptedAmbiguity needs a reason: say why this scheme cannot sign names with values");
    }
    return accepted;
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
              .map(shape -> new TextForm.Nonce(shape, encoding == Encoding.JSON));
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
    if (encoding != Encoding.AUTO && encoding != Encoding.TEXT && encoding != Encoding.JSON) {
      refuseEncoding(
          method,
          "The @Nonce parameter "
              + wireName
              + " is text, or a JSON string with encoding = JSON; remove encoding = "
              + encoding);
      return Optional.empty();
    }
    List<String> formats = new ArrayList<>();
    formats.add(nonce.format().name());
    for (NonceFormat also : nonce.alsoAccepted()) {
      if (!formats.contains(also.name())) {
        formats.add(also.name());
      }
    }
    if (!formats.contains(NonceFormat.CHARACTERS.name())) {
      if (nonce.length() != 0) {
        report(
            method,
            "Nonce",
            "length",
            "@Nonce length applies to nonces of CHARACTERS, which this one never is; remove it");
        return Optional.empty();
      }
      return Optional.of(new NonceShape(0, "", List.copyOf(formats)));
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
    return Optional.of(new NonceShape(nonce.length(), alphabet.get(), List.copyOf(formats)));
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

  /**
   * One nonce per type, counting methods that declare one even where it has problems; none only
   * where a timestamp gives freshness, with a warning that a reason accepts.
   */
  private void checkNonce(TypeElement type, Map<String, ValueTraits> traits) {
    List<ExecutableElement> nonces =
        reading.declarations().abstractMethods(type).stream()
            .filter(method -> method.getAnnotation(Nonce.class) != null)
            .toList();
    boolean timestamped = traits.values().stream().anyMatch(ValueTraits::timestamp);
    if (nonces.isEmpty() && timestamped) {
      if (type.getAnnotation(AcceptedAmbiguity.class) == null) {
        reading
            .diagnostics()
            .warning(
                type,
                "@SignedUrl "
                    + type.getSimpleName()
                    + " has no nonce, so a signed URL can be replayed until its @Timestamp is"
                    + " too old for the verifier. If you design this scheme, declare one, such as"
                    + " `@Nonce(length = 32) String nonce();`; if it is a vendor's, accept it with"
                    + " @AcceptedAmbiguity(reason = \"...\")");
      }
    } else if (nonces.isEmpty()) {
      report(
          type,
          "@SignedUrl "
              + type.getSimpleName()
              + " has no nonce, so a signed URL could be"
              + " replayed forever; declare one, such as"
              + " `@Nonce(length = 32) String nonce();` (or, where the vendor has none, a"
              + " @Timestamp)");
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
