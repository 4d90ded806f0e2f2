package dev.signet.codatum;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a component of a {@link NotebookParams} record to one of the notebook's parameters, as an
 * entry of {@code createParamMapper}'s mapping and meta does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface NotebookParam {

  /** The param id that Codatum shows for the parameter under "Externalized Params". */
  String id();

  /** The parameter's datatype; {@link Datatype#AUTO} takes it from the component's type. */
  Datatype datatype() default Datatype.AUTO;

  /**
   * Whether the parameter must have a value: encoding refuses a record without one, and decoding
   * refuses params that lack it or reset it, with {@code MISSING_REQUIRED_PARAM}.
   */
  boolean required() default false;

  /** Whether the parameter is hidden from the notebook's parameter form ({@code is_hidden}). */
  boolean hidden() default false;
}
