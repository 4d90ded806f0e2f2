package dev.signet.processor.jwt;

import dev.signet.annotations.Location;
import dev.signet.processor.model.Inclusion;
import dev.signet.processor.model.JsonShape;

/**
 * How a {@code @SignedJwt} property travels: a claim, a header member, the clock's values, or a
 * value in the URL beside the token; or, for the builder alone, its clock and time to live.
 *
 * @param role what the property is
 * @param shape how the value is written as JSON; for an unsigned value, the scalar or enum it is
 * @param inclusion for a claim, when it is left out
 * @param part for an unsigned value, where in the URL it travels; null otherwise
 * @param timeToLive for the expiry, the seconds the builder adds to the issue time by default
 * @param maxSeconds for the expiry, the longest the vendor allows after the issue time
 * @param headerName for a header member, its name in the header; null otherwise
 * @param constant for an unsigned value the vendor fixes ({@code @Constant}), its text; null
 *     otherwise
 */
public record JwtForm(
    Role role,
    JsonShape shape,
    Inclusion inclusion,
    Location part,
    long timeToLive,
    long maxSeconds,
    String headerName,
    String constant) {

  /** A property that is not in the header and that callers give. */
  public JwtForm(
      Role role,
      JsonShape shape,
      Inclusion inclusion,
      Location part,
      long timeToLive,
      long maxSeconds) {
    this(role, shape, inclusion, part, timeToLive, maxSeconds, null, null);
  }

  /** What a property of a signed JWT is. */
  public enum Role {
    /** A claim, written in the claims object. */
    CLAIM,
    /** A member of the token's header. */
    HEADER,
    /**
     * A claim that is also a member of the header, one value under two names: Sigma's client id,
     * the header's {@code kid} and the claim {@code iss}. A verifier refuses a token whose two
     * disagree.
     */
    HEADER_CLAIM,
    /**
     * A record whose components are claims of their own, at its place among the claims (Jackson's
     * {@code @JsonUnwrapped}), so that its constructor can hold a rule across them.
     */
    UNWRAPPED,
    /** The issue time ({@code @Timestamp}), a claim the builder's clock fills when not given. */
    ISSUED_AT,
    /** The expiry ({@code @Expiry}), a claim the builder works out when not given. */
    EXPIRY,
    /** A value in the URL beside the token, not signed. */
    UNSIGNED,
    /** The builder's clock, which no request keeps. */
    CLOCK,
    /** The builder's time to live, which no request keeps. */
    TIME_TO_LIVE
  }

  /** Whether the value is written in the claims object. */
  public boolean claim() {
    return role == Role.CLAIM
        || role == Role.HEADER_CLAIM
        || role == Role.UNWRAPPED
        || role == Role.ISSUED_AT
        || role == Role.EXPIRY;
  }

  /** Whether the value is written in the header. */
  public boolean inHeader() {
    return role == Role.HEADER || role == Role.HEADER_CLAIM;
  }

  /** Whether the request keeps the value: every role but the builder's own. */
  public boolean kept() {
    return role != Role.CLOCK && role != Role.TIME_TO_LIVE;
  }

  /** Whether no caller gives the value: the vendor fixes it. */
  public boolean fixed() {
    return constant != null;
  }
}
