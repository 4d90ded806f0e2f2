package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code long} parameter or claim that holds when the request stops being valid, in whole seconds
 * since the epoch: a JWT's {@code exp}. It is the declaration's {@link Timestamp} plus a time to
 * live: {@link #timeToLiveSeconds()} unless the caller gives another time to live or the expiry
 * itself. Either way the builder refuses, with an {@code InvalidParameterException} that names the
 * parameter and the rule, an expiry that is not after the timestamp or lies more than {@link
 * #maxSeconds()} after it, the longest the vendor honours (Tableau: 600 seconds; Sigma: 30 days).
 *
 * <p>A declaration with an expiry has a {@link Timestamp}, and at most one expiry. A verifier
 * refuses a request past its expiry as {@code EXPIRED}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Expiry {
  /** The time to live the builder gives when the caller gives none, in seconds. */
  long timeToLiveSeconds();

  /** The longest the vendor allows between the timestamp and the expiry, in seconds. */
  long maxSeconds() default Long.MAX_VALUE;
}
