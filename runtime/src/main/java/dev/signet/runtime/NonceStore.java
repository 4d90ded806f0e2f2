package dev.signet.runtime;

/**
 * Remembers the nonces of accepted URLs, so that a URL is accepted once. A verifier asks only
 * after the signature holds, so nobody without the secret can fill the store.
 *
 * <p>The default, {@link InMemoryNonceStore}, protects one process. Where several servers
 * verify, implement this over storage they share, with an atomic insert-if-absent and an
 * expiry: Redis {@code SET nonce 1 NX EX seconds}, or a database table with the nonce as its
 * primary key and a job that deletes expired rows.
 */
public interface NonceStore {

  /** The outcome of recording a nonce. */
  enum Outcome {
    /** The nonce had not been seen, and now is recorded. */
    FIRST_USE,
    /** The nonce was seen before. */
    REPLAYED,
    /** The store cannot record more nonces now; the request must be refused. */
    FULL
  }

  /** Records {@code nonce} if it has not been seen. */
  Outcome record(String nonce);
}
