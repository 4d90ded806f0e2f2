package dev.signet.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/** The shape of a value written as JSON, read from its Java type. */
public sealed interface JsonShape {

  /** The Java type of values of this shape. */
  TypeName type();

  /** A string, number or boolean, written by one call to the runtime's {@code Json}. */
  record Scalar(TypeName type, ScalarKind kind) implements JsonShape {}

  /** An enum, written as the JSON string of its constant's wire value. */
  record EnumValue(EnumShape shape) implements JsonShape {
    @Override
    public TypeName type() {
      return shape.type();
    }
  }

  /** A {@code List}, written as an array. */
  record ListOf(TypeName type, JsonShape element) implements JsonShape {}

  /** A {@code Map} with string or enum keys, written as an object in the map's order. */
  record MapOf(TypeName type, JsonShape key, JsonShape value) implements JsonShape {}

  /** A record, written as an object of its components in declaration order. */
  record RecordValue(ClassName type, List<Component> components) implements JsonShape {}

  /**
   * A type that implements {@code JsonWritable} and writes itself.
   *
   * @param readable whether it declares {@code public static T fromJson(Object json)}, which reads
   *     it back from a {@code JsonParser} value
   */
  record SelfWriting(TypeName type, boolean readable) implements JsonShape {}

  /**
   * A record component.
   *
   * @param optional whether the component is an {@code Optional}, left out of the object when empty
   */
  record Component(String accessor, String jsonName, JsonShape shape, boolean optional) {}

  /** The kinds of JSON scalar, by the runtime call that writes them. */
  enum ScalarKind {
    STRING,
    BOOLEAN,
    INTEGER,
    DECIMAL,
    BIG_DECIMAL,
    BIG_INTEGER
  }
}
