package dev.signet.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers the nonces of accepted URLs, so that a URL is accepted once. A verifier asks only after
 * the signature holds, so nobody without the secret can fill the store.
 *
 * <p>The default, {@link InMemoryNonceStore}, protects one process. Where several servers verify,
 * give them a store they share: {@code signet-nonces-redis} and {@code signet-nonces-jdbc} are two,
 * or implement this over other storage with an atomic insert-if-absent and an expiry.
 *
 * <p>A store must fail closed: when it cannot tell whether a nonce was seen (its server down or
 * slow, its connections used up) it answers {@link Outcome#UNAVAILABLE}, within a time it bounds,
 * and never {@link Outcome#FIRST_USE}. A verifier treats an exception thrown from {@link
 * #record(String)} the same way, so a URL is never accepted without its nonce recorded.
 */
public interface NonceStore {

  /** The outcome of recording a nonce. */
  enum Outcome {
    /** The nonce had not been seen, and now is recorded. */
    FIRST_USE,
    /** The nonce was seen before. */
    REPLAYED,
    /** The store cannot record more nonces now; the request must be refused. */
    FULL,
    /**
     * The store could not answer (its server is down or did not answer in time): whether the nonce
     * was seen is unknown, so the request must be refused. The nonce may or may not be recorded.
     */
    UNAVAILABLE
  }

  /** Records {@code nonce} if it has not been seen. */
  Outcome record(String nonce);

  /**
   * How long this store remembers a nonce at least, when it says: a verifier of a scheme whose URLs
   * or tokens carry a time can refuse a store that forgets nonces before they expire. Empty, unless
   * a store overrides it.
   */
  default Optional<Duration> timeToLive() {
    return Optional.empty();
  }
}
