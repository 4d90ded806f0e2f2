package dev.signet.annotations;

/**
 * The MAC that signs a {@link SignedJwt}, by its name in a token's {@code alg} header (RFC 7518
 * §3.2). A verifier accepts the declared one alone: {@code none} and every other are refused.
 */
public enum JwtAlgorithm {
  /** HMAC with SHA-256. */
  HS256,
  /** HMAC with SHA-384. */
  HS384,
  /** HMAC with SHA-512. */
  HS512
}
