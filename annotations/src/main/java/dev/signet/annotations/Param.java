package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Details of one request parameter. Every abstract method of a request type is a parameter even
 * without this annotation; use it to change the wire name, fix the position or pick an encoding.
 *
 * <p>A method returning {@code Optional<T>} declares an optional parameter; any other return type
 * declares a required one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Param {

  /** The parameter's name on the wire; empty means the method's name. */
  String name() default "";

  /**
   * The parameter's line in the signed text after the request URL, counting from 1. Positions of a
   * type run 1, 2, 3… without gaps; 0 means the parameter follows the positioned ones, in the
   * type's {@link SignedUrl#order()}. Only a parameter that is always present (a required one, or
   * the {@link Nonce}) can have a position.
   */
  int position() default 0;

  /** How the value becomes text. */
  Encoding encoding() default Encoding.AUTO;

  /**
   * Where the value travels. Whether it is signed is said apart, by {@link Unsigned}, so that each
   * place can hold signed and unsigned values where the scheme allows it.
   */
  Location in() default Location.QUERY;
}
