package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code String} parameter that carries the request's nonce. The builder draws one from
 * {@link java.security.SecureRandom} when none is given, and refuses a given one whose length or
 * characters differ from what is declared here. A signed URL type has exactly one, unless a {@link
 * Timestamp} gives freshness alone. With {@code @Param(encoding = Encoding.JSON)} its text is the
 * nonce as a quoted JSON string (Looker).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Nonce {

  /** The nonce's length in characters; required for {@link NonceFormat#CHARACTERS}. */
  int length() default 0;

  /**
   * The characters a nonce is made of, as single characters and ranges: {@code "0-9A-Za-z"} is the
   * 62 ASCII letters and digits. A {@code -} that should stand for itself comes first or last.
   */
  String alphabet() default "0-9A-Za-z";

  /** The form of the nonces the builder draws. */
  NonceFormat format() default NonceFormat.CHARACTERS;

  /**
   * Other forms a given nonce may take: Sigma's package draws 32 hex digits, its documentation a
   * UUID, and it takes both ({@code @Nonce(length = 32, alphabet = "0-9a-f", alsoAccepted =
   * NonceFormat.UUID)}).
   */
  NonceFormat[] alsoAccepted() default {};
}
