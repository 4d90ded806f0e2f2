package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code String} parameter that carries the request's nonce. The builder draws one from
 * {@link java.security.SecureRandom} when none is given, and refuses a given one whose length or
 * characters differ from what is declared here. A signed URL type has exactly one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Nonce {

  /** The nonce's length in characters. */
  int length();

  /**
   * The characters a nonce is made of, as single characters and ranges: {@code "0-9A-Za-z"} is the
   * 62 ASCII letters and digits. A {@code -} that should stand for itself comes first or last.
   */
  String alphabet() default "0-9A-Za-z";
}
