package dev.signet.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One property of a declaration, whatever its kind: an accessor of the declared type, its name on
 * the wire, and how its kind writes it.
 *
 * @param name the accessor's name, also the builder's setter name and the generated field's
 * @param wireName the name the value travels under: a query parameter, a JSON member, a header
 * @param type the value's type: the accessor's type, unwrapped from {@code Optional}
 * @param required whether the accessor returns the value itself rather than an {@code Optional}
 * @param deprecated whether the accessor is {@code @Deprecated}, which the builder repeats
 * @param redacted whether the value is a credential, kept out of {@code toString()}, {@code
 *     hashCode()} and error messages
 * @param form how the declaration's kind writes the value
 * @param <F> the kind's description of how a value is written
 */
public record Property<F>(
    String name,
    String wireName,
    TypeName type,
    boolean required,
    boolean deprecated,
    boolean redacted,
    F form) {

  /** Whether the value is a Java primitive, which cannot be absent. */
  public boolean primitive() {
    return type.isPrimitive();
  }

  /** The type of the generated field: the value's type when required, its box when optional. */
  public TypeName fieldType() {
    return required ? type : type.box();
  }

  /** The name with a capital first letter, as types and helpers named after it spell it. */
  public String capitalized() {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
