package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value that is sent but not signed, in either kind: Looker's {@code first_name} beside a signed
 * URL's values, Metabase's appearance options ({@code #bordered=true}) and Sigma's {@code
 * :embed=true} beside a JWT. Where it travels is its {@link Param#in()}, under its {@link
 * Param#name()}; in a {@code @SignedJwt}, a value that is not a claim is always one of these.
 *
 * <p>Whoever holds the URL can change it, so it must never decide what is granted: it is optional
 * (or, in a path, required and of no authority), and a verifier gives it back apart from the typed
 * request, marked unauthenticated, never inside it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Unsigned {}
