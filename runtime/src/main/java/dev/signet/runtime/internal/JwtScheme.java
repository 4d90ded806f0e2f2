package dev.signet.runtime.internal;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JwtVerifier;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /**
   * The claims RFC 7519 registers (§4.1): a vendor reads each by its name, so none is ever a spread
   * map's entry, where it would pass for the registered claim.
   */
  private static final Set<String> REGISTERED =
      Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

  /** Reads a verified token's header and claims, parsed JSON objects, into a request. */
  @FunctionalInterface
  public interface Reader<T> {
    /**
     * @throws dev.signet.runtime.InvalidParameterException naming the claim or header member whose
     *     value its type or the request's rules refuse
     */
    T read(Map<String, Object> header, Map<String, Object> claims);
  }

  /**
   * A map spread into claims named at run time: each entry a claim of its own, named {@code prefix}
   * and the entry's key (Tableau's user attributes, prefix {@code ""}).
   *
   * @param map the map's name, which messages give
   * @param prefix what precedes each key in its claim's name
   */
  public record Spread(String map, String prefix) {}

  private final MacAlgorithm algorithm;
  private final String algorithmName;
  private final List<String> headerMembers;
  private final List<String> claims;
  private final List<String> requiredClaims;
  private final String issuedAtClaim;
  private final String expiryClaim;
  private final String idClaim;
  private final long maxLifetimeSeconds;
  private final Map<String, String> constantClaims;
  private final List<Spread> spreads;
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
    this(
        algorithm,
        algorithmName,
        headerMembers,
        claims,
        requiredClaims,
        issuedAtClaim,
        expiryClaim,
        idClaim,
        maxLifetimeSeconds,
        Map.of(),
        List.of(),
        reader);
  }

  /**
   * As the constructor above, for a type with constant claims or spread maps.
   *
   * @param constantClaims the value of each claim the vendor fixes, by name: every token carries
   *     it, as that JSON string
   * @param spreads the maps spread into claims, in the declaration's order; a claim that {@code
   *     claims} does not name belongs to the spread whose prefix is the longest it starts with
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
      Map<String, String> constantClaims,
      List<Spread> spreads,
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
    this.constantClaims = Map.copyOf(constantClaims);
    this.spreads = List.copyOf(spreads);
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

  /** The value of each claim the vendor fixes, by name. */
  public Map<String, String> constantClaims() {
    return constantClaims;
  }

  public Reader<T> reader() {
    return reader;
  }

  /**
   * The spread map that the claim {@code name} is an entry of, counting from 0 in declaration
   * order, or -1 when it is none's: a declared or registered claim, or a name no prefix starts.
   */
  public int spreadOf(String name) {
    if (claims.contains(name) || REGISTERED.contains(name)) {
      return -1;
    }
    int best = -1;
    for (int i = 0; i < spreads.size(); i++) {
      String prefix = spreads.get(i).prefix();
      if (name.length() > prefix.length()
          && name.startsWith(prefix)
          && (best < 0 || prefix.length() > spreads.get(best).prefix().length())) {
        best = i;
      }
    }
    return best;
  }

  /**
   * A copy of {@code entries}, the spread map {@code spread}, in its order, once each key is
   * checked to name a claim that reads back as an entry of this map: not empty, well formed, and
   * neither a declared or registered claim nor another spread's.
   *
   * @throws InvalidParameterException naming the map, and the key, that breaks a rule
   */
  public <V> Map<String, V> checkedSpread(int spread, Map<String, V> entries) {
    Spread own = spreads.get(spread);
    for (String key : entries.keySet()) {
      if (key == null || key.isEmpty()) {
        throw new InvalidParameterException(
            own.map(), "a key is " + (key == null ? "null" : "empty") + "; each names a claim");
      }
      String name = own.prefix() + key;
      ParameterChecks.wellFormed(own.map(), name);
      if (spreadOf(name) != spread) {
        throw new InvalidParameterException(
            own.map(),
            "has the key "
                + key
                + ", but the claim "
                + name
                + (claims.contains(name)
                    ? " is another claim of this token"
                    : REGISTERED.contains(name)
                        ? " is registered (RFC 7519 §4.1), which a vendor reads as such"
                        : " reads back as an entry of another spread map")
                + "; remove the key or rename it");
      }
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /**
   * The entries of the spread map {@code spread} among a verified token's {@code claims}, named by
   * their keys, in the token's order.
   */
  public Map<String, Object> spreadClaims(Map<String, Object> claims, int spread) {
    Map<String, Object> entries = new LinkedHashMap<>();
    int prefix = spreads.get(spread).prefix().length();
    for (Map.Entry<String, Object> claim : claims.entrySet()) {
      if (spreadOf(claim.getKey()) == spread) {
        entries.put(claim.getKey().substring(prefix), claim.getValue());
      }
    }
    return entries;
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
