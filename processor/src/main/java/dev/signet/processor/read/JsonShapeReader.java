package dev.signet.processor.read;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.JsonShape.Component;
import dev.signet.processor.model.JsonShape.ScalarKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Reads the JSON shape of a Java type, reporting what JSON cannot write. */
public final class JsonShapeReader {
  static final String JSON_WRITABLE = "dev.signet.runtime.JsonWritable";
  private static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";
  private static final String SUPPORTED =
      "JSON values can be String, boolean, numbers, BigDecimal, BigInteger, enums, records, List<T>,"
          + " Map<K, V> with String or enum keys (declared as those interfaces), or a type implementing "
          + JSON_WRITABLE;

  private final JavaTypes javaTypes;
  private final EnumReader enums;
  private final Diagnostics diagnostics;
  private final Set<String> recordsBeingRead = new HashSet<>();

  public JsonShapeReader(JavaTypes javaTypes, EnumReader enums, Diagnostics diagnostics) {
    this.javaTypes = javaTypes;
    this.enums = enums;
    this.diagnostics = diagnostics;
  }

  /** Whether {@code type} is written as JSON unless an encoding says otherwise. */
  public boolean isJsonByDefault(TypeMirror type) {
    return javaTypes.is(type, "java.util.Map")
        || javaTypes.is(type, "java.util.List")
        || javaTypes.declaredElement(type, ElementKind.RECORD).isPresent()
        || javaTypes.isSubtypeOf(type, JSON_WRITABLE);
  }

  /**
   * The shape of {@code type}, or empty after reporting on {@code reportOn} why JSON cannot write
   * it; {@code parameter} names the element in messages, such as {@code "Parameter theme"} or
   * {@code "Field theme"}.
   */
  public Optional<JsonShape> read(TypeMirror type, Element reportOn, String parameter) {
    return read(type, reportOn, parameter, JavaTypes.describe(type));
  }

  private Optional<JsonShape> read(
      TypeMirror type, Element reportOn, String parameter, String outer) {
    TypeName name = TypeName.get(type);
    Optional<ScalarKind> scalar = scalarKind(type);
    if (scalar.isPresent()) {
      return Optional.of(new JsonShape.Scalar(name, scalar.get()));
    }
    Optional<TypeElement> enumElement = javaTypes.declaredElement(type, ElementKind.ENUM);
    if (enumElement.isPresent()) {
      return enums.read(enumElement.get(), reportOn, parameter).map(JsonShape.EnumValue::new);
    }
    if (javaTypes.isSubtypeOf(type, JSON_WRITABLE)) {
      return Optional.of(new JsonShape.SelfWriting(name, javaTypes.hasFromJson(type)));
    }
    List<? extends TypeMirror> arguments = javaTypes.typeArguments(type);
    if (javaTypes.is(type, "java.util.List") && arguments.size() == 1) {
      return argument(arguments.get(0), reportOn, parameter, outer)
          .flatMap(element -> read(element, reportOn, parameter, outer))
          .map(element -> new JsonShape.ListOf(name, element));
    }
    if (javaTypes.is(type, "java.util.Map") && arguments.size() == 2) {
      TypeMirror key = arguments.get(0);
      boolean enumKey = javaTypes.declaredElement(key, ElementKind.ENUM).isPresent();
      if (!javaTypes.isString(key) && !enumKey) {
        diagnostics.error(
            reportOn,
            parameter
                + ": JSON object keys are text, so the keys of "
                + outer
                + " must be String or an enum, not "
                + JavaTypes.describe(key));
        return Optional.empty();
      }
      Optional<JsonShape> keyShape = read(key, reportOn, parameter, outer);
      Optional<JsonShape> valueShape =
          argument(arguments.get(1), reportOn, parameter, outer)
              .flatMap(value -> read(value, reportOn, parameter, outer));
      if (keyShape.isEmpty() || valueShape.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new JsonShape.MapOf(name, keyShape.get(), valueShape.get()));
    }
    Optional<TypeElement> record = javaTypes.declaredElement(type, ElementKind.RECORD);
    if (record.isPresent()) {
      return readRecord(record.get(), reportOn, parameter, outer);
    }
    diagnostics.error(
        reportOn,
        parameter
            + ": JSON cannot write "
            + JavaTypes.describe(type)
            + (outer.equals(JavaTypes.describe(type)) ? "" : " (in " + outer + ")")
            + ". "
            + SUPPORTED);
    return Optional.empty();
  }

  /** The type argument, or empty after reporting a wildcard, whose JSON shape is unknown. */
  private Optional<TypeMirror> argument(
      TypeMirror argument, Element reportOn, String parameter, String outer) {
    if (argument.getKind() == TypeKind.WILDCARD) {
      diagnostics.error(
          reportOn,
          parameter
              + ": write "
              + outer
              + " without wildcards, so that the processor knows the JSON shape of its contents");
      return Optional.empty();
    }
    return Optional.of(argument);
  }

  private Optional<JsonShape> readRecord(
      TypeElement record, Element reportOn, String parameter, String outer) {
    String recordName = record.getQualifiedName().toString();
    if (!record.getTypeParameters().isEmpty()) {
      diagnostics.error(
          reportOn,
          parameter
              + ": JSON cannot write the generic record "
              + record.getSimpleName()
              + "; declare a record without type parameters");
      return Optional.empty();
    }
    if (!recordsBeingRead.add(recordName)) {
      diagnostics.error(
          reportOn,
          parameter
              + ": record "
              + record.getSimpleName()
              + " contains itself, and JSON values here must be finite trees; break the cycle,"
              + " for instance with a type that implements "
              + JSON_WRITABLE);
      return Optional.empty();
    }
    try {
      List<Component> components = new ArrayList<>();
      boolean complete = true;
      for (RecordComponentElement component : record.getRecordComponents()) {
        TypeMirror type = component.asType();
        Optional<TypeMirror> optionalValue = javaTypes.optionalValue(type);
        Optional<JsonShape> shape = read(optionalValue.orElse(type), reportOn, parameter, outer);
        if (shape.isEmpty()) {
          complete = false;
          continue;
        }
        components.add(
            new Component(
                component.getSimpleName().toString(),
                jsonName(component),
                shape.get(),
                optionalValue.isPresent()));
      }
      return complete
          ? Optional.of(new JsonShape.RecordValue(ClassName.get(record), components))
          : Optional.empty();
    } finally {
      recordsBeingRead.remove(recordName);
    }
  }

  /** The component's name, or the name a Jackson {@code @JsonProperty} gives it. */
  private static String jsonName(RecordComponentElement component) {
    for (Element annotated : List.of(component, component.getAccessor())) {
      Optional<String> name = jsonPropertyName(annotated);
      if (name.isPresent()) {
        return name.get();
      }
    }
    return component.getSimpleName().toString();
  }

  /** The non-empty name a Jackson {@code @JsonProperty} on {@code annotated} gives, if any. */
  public static Optional<String> jsonPropertyName(Element annotated) {
    for (AnnotationMirror mirror : annotated.getAnnotationMirrors()) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      if (annotation.getQualifiedName().contentEquals(JSON_PROPERTY)) {
        for (var entry : mirror.getElementValues().entrySet()) {
          if (entry.getKey().getSimpleName().contentEquals("value")
              && !entry.getValue().getValue().toString().isEmpty()) {
            return Optional.of(entry.getValue().getValue().toString());
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<ScalarKind> scalarKind(TypeMirror type) {
    if (javaTypes.isString(type)) {
      return Optional.of(ScalarKind.STRING);
    }
    if (javaTypes.isBoolean(type)) {
      return Optional.of(ScalarKind.BOOLEAN);
    }
    if (javaTypes.isJsonInteger(type)) {
      return Optional.of(ScalarKind.INTEGER);
    }
    if (javaTypes.isJsonDecimal(type)) {
      return Optional.of(ScalarKind.DECIMAL);
    }
    if (javaTypes.is(type, "java.math.BigDecimal")) {
      return Optional.of(ScalarKind.BIG_DECIMAL);
    }
    if (javaTypes.is(type, "java.math.BigInteger")) {
      return Optional.of(ScalarKind.BIG_INTEGER);
    }
    return Optional.empty();
  }
}
