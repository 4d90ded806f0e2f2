package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A parameter or claim whose value the vendor fixes, such as Sigma's {@code :mode=userbacked} or
 * Tableau's {@code aud=tableau}. It is declared once, here, and no caller passes it: the builder
 * has no setter for it, the generated accessor returns {@link #value()}, and it is signed and sent
 * like any other value of its type, encoded as its parameter declares ({@code "tableau"}, quoted,
 * as a JSON claim). A verifier refuses a request that carries another value.
 *
 * <p>Beside a {@link SignedJwt}'s token, an {@link Unsigned} value can be a constant too (Sigma's
 * {@code :embed=true}): every URL carries it, and a request read from a token returns it.
 *
 * <p>The method returns {@code String}; a constant is never optional, never the nonce and never a
 * value from the clock.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Constant {
  /** The value, as the text a {@code String} parameter would hold. */
  String value();
}
