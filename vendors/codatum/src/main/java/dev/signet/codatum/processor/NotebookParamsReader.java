package dev.signet.codatum.processor;

import com.palantir.javapoet.TypeName;
import dev.signet.codatum.Datatype;
import dev.signet.codatum.NotebookParam;
import dev.signet.codatum.NotebookParams;
import dev.signet.codatum.processor.NotebookParamsModel.Param;
import dev.signet.codatum.processor.NotebookParamsModel.Presence;
import dev.signet.codatum.processor.NotebookParamsModel.ValueKind;
import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.Property;
import dev.signet.processor.read.DeclarationReader;
import dev.signet.processor.read.Diagnostics;
import dev.signet.processor.read.JavaTypes;
import dev.signet.processor.read.Reading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads a {@link NotebookParams} record into a {@link NotebookParamsModel}, reporting every problem
 * on the element that causes it. A declaration with any problem yields no model.
 */
final class NotebookParamsReader {
  private static final String PARAM_VALUE = "dev.signet.codatum.ParamValue";
  private static final String DATE_RANGE = "dev.signet.codatum.DateRange";
  private static final String LOCAL_DATE = "java.time.LocalDate";
  private static final String SUPPORTED =
      "a notebook param can be String, boolean, double, int, long, LocalDate, List<String> or"
          + " DateRange, each alone, in an Optional or in a ParamValue";

  /** How {@code @NotebookParams} records are read. */
  static final DeclarationReader.Rules RULES =
      new DeclarationReader.Rules(
          "NotebookParams",
          ElementKind.RECORD,
          "params",
          "Component",
          "each param has a fixed datatype",
          "Optional<Integer>, Optional<Long> or Optional<Double>",
          Set.of(),
          "keep the param id with @NotebookParam(id = \"%s\")");

  private final JavaTypes javaTypes;
  private final Diagnostics diagnostics;

  NotebookParamsReader(Reading reading) {
    this.javaTypes = reading.javaTypes();
    this.diagnostics = reading.diagnostics();
  }

  /** The model of {@code type}, or empty when its declaration has problems, all reported. */
  Optional<NotebookParamsModel> read(Declaration declaration) {
    TypeElement type = declaration.element();
    List<Property<Param>> params = new ArrayList<>();
    Map<String, String> componentById = new HashMap<>();
    for (RecordComponentElement component : type.getRecordComponents()) {
      Optional<Property<Param>> param = readParam(component);
      if (param.isEmpty()) {
        continue;
      }
      String earlier = componentById.putIfAbsent(param.get().wireName(), param.get().name());
      if (earlier != null) {
        diagnostics.error(
            at(component),
            "NotebookParam",
            "id",
            "Components "
                + type.getSimpleName()
                + "."
                + earlier
                + " and "
                + qualified(component)
                + " both map to the param id "
                + param.get().wireName()
                + "; a notebook param has one value, so give each its own id or remove one");
        continue;
      }
      params.add(param.get());
    }
    if (params.isEmpty() && !diagnostics.failed()) {
      diagnostics.error(
          type,
          "@NotebookParams record "
              + type.getSimpleName()
              + " has no components; declare one"
              + " per notebook param, such as `@NotebookParam(id = \"...\") Optional<String>"
              + " storeId`");
    }
    if (diagnostics.failed()) {
      return Optional.empty();
    }
    return Optional.of(new NotebookParamsModel(declaration, List.copyOf(params)));
  }

  private Optional<Property<Param>> readParam(RecordComponentElement component) {
    String name = component.getSimpleName().toString();
    String named = "Component " + qualified(component);
    NotebookParam annotation = component.getAnnotation(NotebookParam.class);
    if (annotation == null) {
      diagnostics.error(
          at(component),
          named
              + " maps to no notebook param: annotate it with"
              + " @NotebookParam(id = \"...\"), the param id Codatum shows under Externalized"
              + " Params");
      return Optional.empty();
    }
    if (annotation.id().isBlank()) {
      diagnostics.error(
          at(component),
          "NotebookParam",
          "id",
          named
              + ": the param id must not be blank; copy it from the notebook's"
              + " Externalized Params");
      return Optional.empty();
    }
    TypeMirror type = component.asType();
    Presence presence = Presence.PLAIN;
    TypeMirror valueType = type;
    if (javaTypes.is(type, "java.util.Optional") || javaTypes.is(type, PARAM_VALUE)) {
      List<? extends TypeMirror> arguments = javaTypes.typeArguments(type);
      if (arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED) {
        diagnostics.error(
            at(component),
            named
                + ": give "
                + JavaTypes.describe(type)
                + " a type argument without"
                + " wildcards, such as Optional<String>");
        return Optional.empty();
      }
      presence = javaTypes.is(type, PARAM_VALUE) ? Presence.PARAM_VALUE : Presence.OPTIONAL;
      valueType = arguments.get(0);
    }
    Optional<ValueKind> kind = valueKind(valueType);
    if (kind.isEmpty()) {
      diagnostics.error(
          at(component),
          named + " has the unsupported type " + JavaTypes.describe(type) + ": " + SUPPORTED);
      return Optional.empty();
    }
    if (presence == Presence.PLAIN && !annotation.required()) {
      diagnostics.error(
          at(component),
          "NotebookParam",
          "required",
          named
              + " is declared as "
              + JavaTypes.describe(type)
              + ", which always"
              + " has a value, but its param is not required: add required = true, or declare"
              + " Optional<"
              + boxedName(valueType)
              + ">");
      return Optional.empty();
    }
    if (presence == Presence.OPTIONAL && annotation.required()) {
      diagnostics.error(
          at(component),
          "NotebookParam",
          "required",
          named
              + " is required, so it cannot be an Optional: declare it as "
              + JavaTypes.describe(valueType)
              + ", or as ParamValue<"
              + JavaTypes.describe(valueType)
              + "> to reset it to the notebook's default");
      return Optional.empty();
    }
    Optional<String> datatype = datatype(component, annotation.datatype(), kind.get(), valueType);
    if (datatype.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Property<>(
            name,
            annotation.id(),
            TypeName.get(valueType),
            annotation.required(),
            false,
            false,
            new Param(
                datatype.get(), annotation.hidden(), presence, kind.get(), TypeName.get(type))));
  }

  /** The type as an {@code Optional} holds it: primitives boxed. */
  private static String boxedName(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return "Boolean";
      case DOUBLE:
        return "Double";
      case INT:
        return "Integer";
      case LONG:
        return "Long";
      default:
        return JavaTypes.describe(type);
    }
  }

  /**
   * How messages name {@code component}: with its record, {@code Report.storeId}, since the Eclipse
   * compiler gives a problem reported anywhere in a record no position.
   */
  private static String qualified(RecordComponentElement component) {
    return component.getEnclosingElement().getSimpleName() + "." + component.getSimpleName();
  }

  /**
   * Where to report a problem of {@code component}: javac gives record components (and their
   * implicit accessors) no source position, but the private field made from the component has the
   * component's.
   */
  private static Element at(RecordComponentElement component) {
    for (Element member : component.getEnclosingElement().getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD
          && member.getSimpleName().contentEquals(component.getSimpleName())) {
        return member;
      }
    }
    return component.getEnclosingElement();
  }

  private Optional<ValueKind> valueKind(TypeMirror type) {
    TypeKind kind = type.getKind();
    if (javaTypes.isString(type)) {
      return Optional.of(ValueKind.STRING);
    }
    if (javaTypes.isBoolean(type)) {
      return Optional.of(ValueKind.BOOLEAN);
    }
    if (kind == TypeKind.DOUBLE || javaTypes.is(type, "java.lang.Double")) {
      return Optional.of(ValueKind.DOUBLE);
    }
    if (kind == TypeKind.INT || javaTypes.is(type, "java.lang.Integer")) {
      return Optional.of(ValueKind.INT);
    }
    if (kind == TypeKind.LONG || javaTypes.is(type, "java.lang.Long")) {
      return Optional.of(ValueKind.LONG);
    }
    if (javaTypes.is(type, LOCAL_DATE)) {
      return Optional.of(ValueKind.LOCAL_DATE);
    }
    if (javaTypes.is(type, DATE_RANGE)) {
      return Optional.of(ValueKind.DATE_RANGE);
    }
    List<? extends TypeMirror> arguments = javaTypes.typeArguments(type);
    if (javaTypes.is(type, "java.util.List")
        && arguments.size() == 1
        && javaTypes.isString(arguments.get(0))) {
      return Optional.of(ValueKind.STRING_LIST);
    }
    return Optional.empty();
  }

  /** The runtime datatype, checked against the Java type; AUTO takes the type's own. */
  private Optional<String> datatype(
      RecordComponentElement component, Datatype declared, ValueKind kind, TypeMirror valueType) {
    Datatype natural =
        switch (kind) {
          case STRING -> Datatype.STRING;
          case BOOLEAN -> Datatype.BOOLEAN;
          case DOUBLE, INT, LONG -> Datatype.NUMBER;
          case LOCAL_DATE -> Datatype.DATE;
          case STRING_LIST -> Datatype.STRING_ARRAY;
          case DATE_RANGE -> Datatype.DATE_RANGE;
        };
    if (declared == Datatype.AUTO || declared == natural) {
      return Optional.of(natural.name());
    }
    // Text forms of dates, checked as the official mapper checks them.
    if ((declared == Datatype.DATE && kind == ValueKind.STRING)
        || (declared == Datatype.DATE_RANGE && kind == ValueKind.STRING_LIST)) {
      return Optional.of(declared.name());
    }
    Set<String> fitting =
        switch (declared) {
          case STRING -> Set.of("String");
          case NUMBER -> Set.of("double", "int", "long");
          case BOOLEAN -> Set.of("boolean");
          case DATE -> Set.of("LocalDate", "String");
          case STRING_ARRAY -> Set.of("List<String>");
          case DATE_RANGE -> Set.of("DateRange", "List<String>");
          case AUTO -> Set.of();
        };
    diagnostics.error(
        at(component),
        "NotebookParam",
        "datatype",
        "Component "
            + qualified(component)
            + ": a "
            + declared
            + " param cannot be held"
            + " by "
            + JavaTypes.describe(valueType)
            + "; declare it as "
            + String.join(" or ", fitting.stream().sorted().toList()));
    return Optional.empty();
  }
}
