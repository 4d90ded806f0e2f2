package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link SignedJwt} value that travels in the token's header rather than among its claims, such
 * as Tableau's {@code kid} (the connected app's secret id) and {@code iss}:
 * {@code @JwtHeader("kid") String secretId();}. It is a {@code String}; the header starts with
 * {@code alg} and {@code typ}, which are Signet's own and cannot be declared. A header {@code kid}
 * also chooses the verifier's key, so that secrets can rotate.
 *
 * <p>With Jackson's {@code @JsonProperty} beside it, the value is also the claim that names, one
 * value under two names that callers give once. Sigma's client id is the header's {@code kid} and
 * the claim {@code iss}: {@code @JwtHeader("kid") @JsonProperty("iss") String clientId();}. A
 * verifier refuses a token whose two differ.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface JwtHeader {
  /** The header member's name. */
  String value();
}
