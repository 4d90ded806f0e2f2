package dev.signet.runtime;

import java.util.Optional;

/**
 * Why a signed URL was refused.
 *
 * @param reason the kind of failure
 * @param parameter the wire name of the parameter at fault, or null when no one parameter is
 * @param message what is wrong, for people; it never holds the secret
 */
public record VerificationFailure(Reason reason, String parameter, String message) {

  /**
   * The kinds of failure: those of signed URLs in the order a {@link Verifier} looks for them, then
   * those that only a {@link JwtVerifier} reports.
   */
  public enum Reason {
    /** The text is not a URL this verifier can read. */
    MALFORMED_URL,
    /** The URL names another origin or path than the verifier's. */
    WRONG_ENDPOINT,
    /** A name or value is not well-formed percent-encoded UTF-8. */
    MALFORMED_ENCODING,
    /** A parameter appears more than once. */
    REPEATED_PARAMETER,
    /** A parameter the request does not declare (refused unless the verifier ignores them). */
    UNKNOWN_PARAMETER,
    /** A required parameter, or the signature, is absent. */
    MISSING_PARAMETER,
    /** A value its declared type refuses: a bad enum, bad JSON, a line break. */
    INVALID_VALUE,
    /** The nonce has the wrong length or characters. */
    MALFORMED_NONCE,
    /** The signature is not the one the secret gives for the parameters received. */
    BAD_SIGNATURE,
    /**
     * The request is too old: its timestamp is older than the verifier's maximum age, or a token is
     * past its expiry.
     */
    EXPIRED,
    /**
     * The request lies in the future: its timestamp, or a token's issue or not-before time, is
     * further ahead of the verifier's clock than the allowed skew.
     */
    NOT_YET_VALID,
    /**
     * The nonce was seen before, or, where freshness rests on a timestamp alone, the signature was:
     * the URL is being replayed.
     */
    REPLAYED_NONCE,
    /** The nonce store could not record the nonce, so the URL cannot be accepted safely. */
    NONCE_NOT_RECORDED,
    /**
     * The nonce store could not answer (its server down or slow, its connections used up), so
     * whether the URL is a replay is unknown and it is refused. The same URL may be refused as a
     * replay later, if the store recorded its nonce before it failed to answer.
     */
    NONCE_STORE_UNAVAILABLE,
    /**
     * The text is not a signed JWT this verifier can read: not three parts of strict unpadded
     * base64url, or a header or claims that are not a JSON object in UTF-8.
     */
    MALFORMED_TOKEN,
    /** The token's {@code alg} is not the declared algorithm ({@code none} among them). */
    UNSUPPORTED_ALGORITHM,
    /** The token names a key ({@code kid}) the verifier does not have, or none where it must. */
    UNKNOWN_KEY
  }

  /** The parameter at fault, when there is one. */
  public Optional<String> parameterName() {
    return Optional.ofNullable(parameter);
  }

  @Override
  public String toString() {
    return reason + (parameter == null ? "" : " (" + parameter + ")") + ": " + message;
  }
}
