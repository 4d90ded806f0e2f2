package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code long} parameter or claim that holds the time the request was made, in whole seconds
 * since the epoch: Looker's {@code time}, Mode's {@code timestamp}, a JWT's {@code iat}. The
 * builder fills it from its {@link java.time.Clock} (the system's UTC clock unless the caller gives
 * one) when no value is given; a value given is signed as given, so a test can pin it.
 *
 * <p>A declaration has at most one. Where it gives freshness the verifier checks it against its own
 * clock (a maximum age and an allowed skew into the future, refused as {@code EXPIRED} and {@code
 * NOT_YET_VALID}), so a declaration with a timestamp may go without a {@link Nonce}: the processor
 * then warns that a URL can be replayed until it is too old, a warning that an {@link
 * AcceptedAmbiguity} with a reason accepts.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Timestamp {}
