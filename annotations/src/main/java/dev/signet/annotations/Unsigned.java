package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value of a {@link SignedJwt} that travels in the URL beside the token and is not signed:
 * Lightdash's project in {@code /embed/{projectUuid}}, Metabase's appearance options in the
 * fragment ({@code #bordered=true&titled=true}), Sigma's {@code :embed=true} in the query. Whoever
 * holds the URL can change it, so it must never decide what the token grants; a verifier reads the
 * token alone and gives no such value back.
 *
 * <p>The value is text: a {@code String}, {@code boolean}, {@code int}, {@code long} or an enum
 * (its {@link WireValue}), written URI-encoded. A path value is required; query and fragment values
 * may be optional, and are left out when absent.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Unsigned {
  /** The part of the URL it travels in. */
  UrlPart value();

  /**
   * Its name in the query or fragment, or the placeholder {@code {name}} in the path; the method's
   * name when empty.
   */
  String name() default "";
}
