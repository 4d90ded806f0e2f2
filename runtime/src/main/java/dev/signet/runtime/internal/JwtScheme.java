package dev.signet.runtime.internal;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JwtVerifier;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

  /** Where a token travels in the URL that carries it. */
  public enum TokenPlace {
    /** A path segment of its own, {@code {token}} in the path template. */
    PATH,
    /** A query parameter. */
    QUERY,
    /** The whole fragment. */
    FRAGMENT,
    /** Nowhere: the token is handed over alone. */
    NONE
  }

  /** Where a value beside the token travels. */
  public enum Part {
    QUERY,
    FRAGMENT,
    /** One path segment, {@code /} escaped. */
    PATH_SEGMENT,
    /** In the path, each {@code /} kept. */
    PATH_SEGMENTS;

    public boolean inPath() {
      return this == PATH_SEGMENT || this == PATH_SEGMENTS;
    }
  }

  /**
   * A value sent in the URL beside the token and not signed.
   *
   * @param name its wire name; for a path value, the placeholder it fills
   * @param part where it travels
   * @param required whether every URL carries it
   * @param constant the text the declaration fixes for it, or null when callers give it
   */
  public record UnsignedValue(String name, Part part, boolean required, String constant) {
    /** A value every URL carries, given by callers. */
    public static UnsignedValue required(String name, Part part) {
      return new UnsignedValue(name, part, true, null);
    }

    /** A value a URL may carry. */
    public static UnsignedValue optional(String name, Part part) {
      return new UnsignedValue(name, part, false, null);
    }

    /** A value every URL carries, always {@code text}. */
    public static UnsignedValue constant(String name, Part part, String text) {
      return new UnsignedValue(name, part, true, text);
    }
  }

  /**
   * The URL that carries a token: the path after the site, where the token travels in it, and the
   * unsigned values beside it.
   */
  public static final class TokenUrl {
    /** The token travels in no URL: it is handed over alone (Tableau's connected apps). */
    public static final TokenUrl NONE = new TokenUrl(TokenPlace.NONE, "", null, List.of());

    private static final String TOKEN_PLACEHOLDER = "{token}";

    private final TokenPlace token;
    private final String path;
    private final String tokenParameter;
    private final List<UnsignedValue> values;

    /**
     * The path template's segments, after the leading {@code /}: each a literal text, {@link
     * TokenPlace#PATH} for the token, or the index among {@code values} of the value it holds.
     */
    private final List<Object> segments;

    /**
     * @param token where the token travels
     * @param path the path after the site, starting with {@code /}: {@code {token}} stands for the
     *     token where it is a path segment, {@code {name}} for a path value; every placeholder a
     *     whole segment
     * @param tokenParameter the query parameter that carries the token, for {@link
     *     TokenPlace#QUERY}; null otherwise
     * @param values the unsigned values, in declaration order
     */
    public TokenUrl(
        TokenPlace token, String path, String tokenParameter, List<UnsignedValue> values) {
      this.token = token;
      this.path = path;
      this.tokenParameter = tokenParameter;
      this.values = List.copyOf(values);
      List<Object> parts = new ArrayList<>();
      if (token != TokenPlace.NONE) {
        for (String segment : path.substring(1).split("/", -1)) {
          parts.add(placeholder(segment));
        }
      }
      this.segments = List.copyOf(parts);
    }

    private Object placeholder(String segment) {
      if (segment.equals(TOKEN_PLACEHOLDER)) {
        return TokenPlace.PATH;
      }
      if (segment.startsWith("{") && segment.endsWith("}")) {
        String name = segment.substring(1, segment.length() - 1);
        for (int i = 0; i < values.size(); i++) {
          if (values.get(i).part().inPath() && values.get(i).name().equals(name)) {
            return i;
          }
        }
        throw new IllegalArgumentException("no path value fills {" + name + "}");
      }
      return segment;
    }

    public TokenPlace token() {
      return token;
    }

    /** The path template, as declared. */
    public String path() {
      return path;
    }

    /** The query parameter that carries the token, or null where it travels elsewhere. */
    public String tokenParameter() {
      return tokenParameter;
    }

    public List<UnsignedValue> values() {
      return values;
    }

    /**
     * The unsigned value received in {@code part} as {@code name}, as an index into {@link
     * #values()}, or -1 when it is none.
     */
    public int valueNamed(String name, Part part) {
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i).part() == part && values.get(i).name().equals(name)) {
          return i;
        }
      }
      return -1;
    }

    /**
     * The raw texts that {@code rawPath}, a path as received and still percent-encoded, holds where
     * the template has placeholders: the token's at index {@code values().size()}, each path
     * value's at its index; or null when the path does not have the template's form. A value that
     * spans segments takes the fewest that let the rest of the path match.
     */
    public String[] readPath(String rawPath) {
      if (!rawPath.startsWith("/")) {
        return null;
      }
      String[] received = rawPath.substring(1).split("/", -1);
      // Each placeholder's first received segment and the one after its last.
      int[] from = new int[values.size() + 1];
      int[] to = new int[values.size() + 1];
      if (!matches(0, received, 0, from, to)) {
        return null;
      }
      String[] texts = new String[values.size() + 1];
      for (Object segment : segments) {
        if (!(segment instanceof String)) {
          int index = segment == TokenPlace.PATH ? values.size() : (Integer) segment;
          texts[index] = String.join("/", List.of(received).subList(from[index], to[index]));
        }
      }
      return texts;
    }

    private boolean matches(int segment, String[] received, int at, int[] from, int[] to) {
      if (segment == segments.size()) {
        return at == received.length;
      }
      if (at == received.length) {
        return false;
      }
      Object expected = segments.get(segment);
      if (expected instanceof String literal) {
        return received[at].equals(literal) && matches(segment + 1, received, at + 1, from, to);
      }
      int index = expected == TokenPlace.PATH ? values.size() : (Integer) expected;
      boolean spans = index < values.size() && values.get(index).part() == Part.PATH_SEGMENTS;
      // Each later segment of the template takes one received segment at least.
      int last = spans ? received.length - (segments.size() - segment - 1) : at + 1;
      for (int end = at + 1; end <= last; end++) {
        if (end == at + 1 && received[at].isEmpty()) {
          // A value of one empty segment is none: a signer never writes one.
          continue;
        }
        from[index] = at;
        to[index] = end;
        if (matches(segment + 1, received, end, from, to)) {
          return true;
        }
      }
      return false;
    }
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
  private final Map<String, String> constantClaims;
  private final List<Spread> spreads;
  private final TokenUrl url;
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
   * @param url the URL that carries a token, or {@link TokenUrl#NONE}
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
      TokenUrl url,
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
        url,
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
      TokenUrl url,
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
    this.url = url;
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

  /** The URL that carries a token, or {@link TokenUrl#NONE}. */
  public TokenUrl url() {
    return url;
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
