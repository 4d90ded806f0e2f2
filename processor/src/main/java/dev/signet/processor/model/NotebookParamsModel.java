package dev.signet.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A validated {@code @NotebookParams} record.
 *
 * @param element the annotated record
 * @param declaration its name
 * @param generated the generated class's name
 * @param params the components, in declaration order, which is the order of the encoded params
 */
public record NotebookParamsModel(
    TypeElement element, ClassName declaration, ClassName generated, List<Param> params) {

  /**
   * One component and the notebook parameter it maps to.
   *
   * @param component the component's name, the parameter's key in messages
   * @param paramId the notebook's id of the parameter
   * @param datatype the runtime {@code ParamDatatype} constant's name
   * @param componentType the component's declared type
   * @param valueType the value's type, unwrapped from {@code Optional} or {@code ParamValue}
   */
  public record Param(
      String component,
      String paramId,
      String datatype,
      boolean required,
      boolean hidden,
      Presence presence,
      ValueKind valueKind,
      TypeName componentType,
      TypeName valueType) {}

  /** How the component's type says whether a value is there. */
  public enum Presence {
    /** {@code T}: always a value. */
    PLAIN,
    /** {@code Optional<T>}: a value or absent. */
    OPTIONAL,
    /** {@code ParamValue<T>}: a value, absent, or reset to the notebook's default. */
    PARAM_VALUE
  }

  /** The Java type of a value, by the conversion it needs to and from the mapper's values. */
  public enum ValueKind {
    STRING,
    BOOLEAN,
    DOUBLE,
    INT,
    LONG,
    LOCAL_DATE,
    STRING_LIST,
    DATE_RANGE
  }
}
