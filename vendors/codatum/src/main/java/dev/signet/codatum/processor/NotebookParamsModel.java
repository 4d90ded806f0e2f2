package dev.signet.codatum.processor;

import com.palantir.javapoet.TypeName;
import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.Property;
import java.util.List;

/**
 * A validated {@code @NotebookParams} record.
 *
 * @param params the components, in declaration order, which is the order of the encoded params;
 *     each property is named after its component and travels under its param id
 */
record NotebookParamsModel(Declaration declaration, List<Property<Param>> params) {

  /**
   * How a component maps to its notebook parameter.
   *
   * @param datatype the runtime {@code ParamDatatype} constant's name
   * @param componentType the component's declared type
   */
  record Param(
      String datatype,
      boolean hidden,
      Presence presence,
      ValueKind valueKind,
      TypeName componentType) {}

  /** How the component's type says whether a value is there. */
  enum Presence {
    /** {@code T}: always a value. */
    PLAIN,
    /** {@code Optional<T>}: a value or absent. */
    OPTIONAL,
    /** {@code ParamValue<T>}: a value, absent, or reset to the notebook's default. */
    PARAM_VALUE
  }

  /** The Java type of a value, by the conversion it needs to and from the mapper's values. */
  enum ValueKind {
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
