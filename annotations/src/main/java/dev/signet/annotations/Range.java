package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a whole-number parameter or claim may take, as the vendor documents them: Looker's
 * {@code session_length} is {@code @Range(min = 0, max = 2_592_000)}. The builder refuses a value
 * outside with an {@code InvalidParameterException} that names the parameter and the range, and so
 * does the verifier.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Range {
  /** The least value allowed. */
  long min() default Long.MIN_VALUE;

  /** The greatest value allowed. */
  long max() default Long.MAX_VALUE;
}
