package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a signed JSON Web Token (RFC 7519) and the URL that carries it, such as Metabase's
 * static embedding ({@code SITE/embed/dashboard/<token>}) or Lightdash's ({@code
 * SITE/embed/<project>#<token>}).
 *
 * <p>Put it on an interface whose abstract, argument-less methods are the token's claims, read as
 * {@link JsonRequest} reads its fields: JSON names and inclusion from Jackson's
 * {@code @JsonProperty} and {@code @JsonInclude}, values of any JSON type a JSON request takes,
 * {@code Optional<T>} for an optional claim. Besides claims:
 *
 * <ul>
 *   <li>{@link Timestamp} on a {@code long} claim makes it the issue time ({@code iat}), from the
 *       builder's clock unless given; {@link Expiry} on another makes it the expiry ({@code exp}),
 *       the issue time plus a time to live, capped by the vendor's maximum;
 *   <li>{@link JwtHeader} sends a {@code String} in the token's header ({@code kid}); with a
 *       {@code @JsonProperty} beside it, the value is a claim too ({@code iss}), given once;
 *   <li>Jackson's {@code @JsonUnwrapped} on a record (or an {@code Optional} of one) writes its
 *       components as claims of their own, at its place among them, so that the record's
 *       constructor can hold a rule across them;
 *   <li>a {@code String} claim named {@code jti} is what the verifier accepts once;
 *   <li>{@link Unsigned} sends a value in the URL beside the token, unsigned, where its {@link
 *       Param#in()} says (the query, the fragment, or a {@code {name}} of the path); with {@link
 *       Constant}, a value the vendor fixes, which every URL carries.
 * </ul>
 *
 * <p>Signet generates {@code Signet<Name>}: an immutable implementation with a staged builder,
 * {@code token(secret)} (header and claims as compact JSON, base64url without padding, the MAC of
 * the two joined by {@code .}), the URL that carries it, and a verifier.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SignedJwt {
  /** The MAC, named in the header's {@code alg}. */
  JwtAlgorithm algorithm() default JwtAlgorithm.HS256;

  /** Where the token travels. */
  TokenPlacement token() default TokenPlacement.PATH;

  /**
   * The URL's path after the site URL, starting with {@code /}: {@code {token}} stands for the
   * token where it is a path segment, and {@code {name}} for an {@link Unsigned} value whose {@link
   * Param#in()} is the path. Empty for {@link TokenPlacement#NONE}.
   */
  String path() default "";

  /** The query parameter that carries the token, for {@link TokenPlacement#QUERY}. */
  String tokenParameter() default "";
}
