package dev.signet.runtime.internal;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JwtVerifier;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One signed-JWT type's scheme, as its generated class declares it once: how its tokens are signed,
 * and what a {@link JwtVerifier} must know to check one and read it back.
 *
 * <p>Only generated code makes one; it is immutable and shared by every token of its type.
 *
 * @param <T> the request type
 */
public final class JwtScheme<T> {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** Reads a verified token's header and claims, parsed JSON objects, into a request. */
  @FunctionalInterface
  public interface Reader<T> {
    /**
     * @throws dev.signet.runtime.InvalidParameterException naming the claim or header member whose
     *     value its type or the request's rules refuse
     */
    T read(Map<String, Object> header, Map<String, Object> claims);
  }

  private final MacAlgorithm algorithm;
  private final String algorithmName;
  private final List<String> headerMembers;
  private final List<String> claims;
  private final List<String> requiredClaims;
  private final String issuedAtClaim;
  private final String expiryClaim;
  private final String idClaim;
  private final long maxLifetimeSeconds;
  private final Reader<T> reader;

  /**
   * @param algorithm the MAC
   * @param algorithmName its name in the header's {@code alg}: {@code HS256}
   * @param headerMembers the declared header members, besides {@code alg} and {@code typ}
   * @param claims every claim's name
   * @param requiredClaims the claims every token carries
   * @param issuedAtClaim the issue time's claim, or null without one
   * @param expiryClaim the expiry's claim, or null without one
   * @param idClaim the claim that tells tokens apart for replay protection ({@code jti}), or null
   *     to tell them apart by their signatures
   * @param maxLifetimeSeconds the longest the vendor allows from issue to expiry, {@link
   *     Long#MAX_VALUE} when it sets no limit
   * @param reader reads a verified token
   */
  public JwtScheme(
      MacAlgorithm algorithm,
      String algorithmName,
      List<String> headerMembers,
      List<String> claims,
      List<String> requiredClaims,
      String issuedAtClaim,
      String expiryClaim,
      String idClaim,
      long maxLifetimeSeconds,
      Reader<T> reader) {
    this.algorithm = algorithm;
    this.algorithmName = algorithmName;
    this.headerMembers = List.copyOf(headerMembers);
    this.claims = List.copyOf(claims);
    this.requiredClaims = List.copyOf(requiredClaims);
    this.issuedAtClaim = issuedAtClaim;
    this.expiryClaim = expiryClaim;
    this.idClaim = idClaim;
    this.maxLifetimeSeconds = maxLifetimeSeconds;
    this.reader = reader;
  }

  public MacAlgorithm algorithm() {
    return algorithm;
  }

  public String algorithmName() {
    return algorithmName;
  }

  public List<String> headerMembers() {
    return headerMembers;
  }

  public List<String> claims() {
    return claims;
  }

  public List<String> requiredClaims() {
    return requiredClaims;
  }

  public String issuedAtClaim() {
    return issuedAtClaim;
  }

  public String expiryClaim() {
    return expiryClaim;
  }

  public String idClaim() {
    return idClaim;
  }

  public long maxLifetimeSeconds() {
    return maxLifetimeSeconds;
  }

  public Reader<T> reader() {
    return reader;
  }

  /**
   * The token: the header's and the claims' UTF-8 in unpadded base64url, joined by {@code .}, then
   * {@code .} and the MAC of those two parts keyed with {@code secret}, in unpadded base64url.
   */
  public String token(String header, String claims, Secret secret) {
    String signed =
        BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + '.'
            + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    byte[] mac = secret.mac(algorithm, signed.getBytes(StandardCharsets.US_ASCII));
    return signed + '.' + BASE64URL.encodeToString(mac);
  }

  /**
   * The issue time plus a time to live, checked: after the issue time, and no more than the
   * vendor's maximum after it.
   *
   * @throws dev.signet.runtime.InvalidParameterException naming the expiry's claim and the rule
   */
  public long expiry(long issuedAt, long expiry) {
    if (expiry <= issuedAt) {
      throw new InvalidParameterException(
          expiryClaim, "must be after " + issuedAtClaim + " (" + issuedAt + "), is " + expiry);
    }
    if (expiry - issuedAt > maxLifetimeSeconds) {
      throw new InvalidParameterException(
          expiryClaim,
          "must be at most "
              + maxLifetimeSeconds
              + " seconds after "
              + issuedAtClaim
              + ", the longest the vendor allows, is "
              + (expiry - issuedAt)
              + " seconds after it");
    }
    return expiry;
  }
}
