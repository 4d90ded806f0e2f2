package dev.signet.runtime;

import dev.signet.runtime.QueryString.MalformedQueryException;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.internal.JwtScheme;
import dev.signet.runtime.internal.JwtScheme.Part;
import dev.signet.runtime.internal.JwtScheme.TokenPlace;
import dev.signet.runtime.internal.JwtScheme.TokenUrl;
import dev.signet.runtime.internal.JwtScheme.UnsignedValue;
import dev.signet.runtime.internal.ReceivedValues;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks signed JWTs of one type: the declared algorithm alone, strict unpadded base64url, the MAC
 * compared in constant time under the key the token's {@code kid} names, the issue time, expiry and
 * {@code nbf} against a clock with a skew, the lifetime against a maximum, and each token accepted
 * once (by its {@code jti} where the type declares one, else by its signature) through a {@link
 * NonceStore} that remembers it until it expires, and each claim the type fixes ({@code aud}, say)
 * holding its value. It never throws on any input; every outcome is a {@link Verification}, and the
 * request it gives back holds the token's claims, read into their declared types, and nothing of
 * the URL around the token, which is not signed.
 *
 * <p>{@link #verifyUrl} checks the whole URL as well: the path against the declared template, the
 * query and fragment read strictly, each constant beside the token; what the URL carries unsigned
 * comes back in {@link Verification#unauthenticated()}, apart from the request.
 *
 * <p>Make one per type and set of keys and share it: it is thread-safe.
 *
 * @param <T> the request type
 */
public final class JwtVerifier<T> {
  /** Longer tokens are refused unread: no vendor's embed URL holds more (Metabase: 8 KiB). */
  public static final int MAX_TOKEN_LENGTH = 16 * 1024;

  /** Longer URLs are refused unread: a token at its longest, and room for the path and values. */
  public static final int MAX_URL_LENGTH = 32 * 1024;

  private static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

  /** The longest lifetime accepted by default where the vendor sets no maximum. */
  private static final Duration DEFAULT_MAX_LIFETIME = Duration.ofDays(1);

  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
  private static final Base64.Encoder BASE64URL_OUT = Base64.getUrlEncoder().withoutPadding();

  private final JwtScheme<T> scheme;
  private final Secret key;
  private final Map<String, Secret> keysById;
  private final Clock clock;
  private final Duration skew;
  private final Duration maxLifetime;
  private final NonceStore nonces;
  private final boolean ownStore;

  /** Where the URLs {@link #verifyUrl} takes start, or null until {@link #withSite} names it. */
  private final SiteUrl site;

  private JwtVerifier(
      JwtScheme<T> scheme,
      Secret key,
      Map<String, Secret> keysById,
      Clock clock,
      Duration skew,
      Duration maxLifetime,
      NonceStore nonces,
      SiteUrl site) {
    if (skew.isNegative() || maxLifetime.isNegative() || maxLifetime.isZero()) {
      throw new IllegalArgumentException(
          "a JWT verifier needs a skew of zero or more and a maximum lifetime above zero");
    }
    this.scheme = scheme;
    this.key = key;
    this.keysById = Map.copyOf(keysById);
    this.clock = clock;
    this.skew = skew;
    this.maxLifetime = maxLifetime;
    this.ownStore = nonces == null;
    this.site = site;
    Duration remembered = maxLifetime.plus(skew);
    if (nonces == null) {
      this.nonces = new InMemoryNonceStore(100_000, remembered, clock);
    } else {
      if (nonces.timeToLive().isPresent() && nonces.timeToLive().get().compareTo(remembered) < 0) {
        throw new IllegalArgumentException(
            "the nonce store forgets tokens after "
                + nonces.timeToLive().get()
                + ", before they expire ("
                + remembered
                + ", the maximum lifetime and the skew): a forgotten token could be replayed");
      }
      this.nonces = nonces;
    }
  }

  /**
   * A verifier of tokens signed with {@code secret} and naming no key ({@code kid}), with a skew of
   * 60 seconds, the vendor's maximum lifetime (one day where it sets none), the system's UTC clock
   * and an in-memory store that remembers tokens for the maximum lifetime and the skew.
   */
  public static <T> JwtVerifier<T> of(JwtScheme<T> scheme, Secret secret) {
    return new JwtVerifier<>(
        scheme,
        Objects.requireNonNull(secret, "secret"),
        Map.of(),
        Clock.systemUTC(),
        DEFAULT_SKEW,
        defaultMaxLifetime(scheme),
        null,
        null);
  }

  /**
   * As {@link #of(JwtScheme, Secret)}, for tokens that name their key in the header's {@code kid}:
   * each is checked with the secret of that id, so that a new secret can be added before the old
   * one is retired. A token without a {@code kid} is refused.
   */
  public static <T> JwtVerifier<T> of(JwtScheme<T> scheme, Map<String, Secret> secretsById) {
    if (secretsById.isEmpty()) {
      throw new IllegalArgumentException("a JWT verifier needs at least one key");
    }
    return new JwtVerifier<>(
        scheme,
        null,
        secretsById,
        Clock.systemUTC(),
        DEFAULT_SKEW,
        defaultMaxLifetime(scheme),
        null,
        null);
  }

  private static Duration defaultMaxLifetime(JwtScheme<?> scheme) {
    return scheme.maxLifetimeSeconds() == Long.MAX_VALUE
        ? DEFAULT_MAX_LIFETIME
        : Duration.ofSeconds(scheme.maxLifetimeSeconds());
  }

  /** This verifier, reading the time from {@code clock} (its own store's too). */
  public JwtVerifier<T> withClock(Clock clock) {
    return new JwtVerifier<>(
        scheme, key, keysById, clock, skew, maxLifetime, ownStore ? null : nonces, site);
  }

  /** This verifier, allowing the signer's clock to be {@code skew} ahead of or behind its own. */
  public JwtVerifier<T> withSkew(Duration skew) {
    return new JwtVerifier<>(
        scheme, key, keysById, clock, skew, maxLifetime, ownStore ? null : nonces, site);
  }

  /**
   * This verifier, refusing tokens that live longer than {@code maxLifetime} from issue to expiry
   * (or, without an expiry, are older).
   */
  public JwtVerifier<T> withMaxLifetime(Duration maxLifetime) {
    return new JwtVerifier<>(
        scheme, key, keysById, clock, skew, maxLifetime, ownStore ? null : nonces, site);
  }

  /**
   * This verifier, remembering tokens in {@code store}.
   *
   * @throws IllegalArgumentException when the store says it forgets tokens before they expire
   */
  public JwtVerifier<T> withNonceStore(NonceStore store) {
    return new JwtVerifier<>(
        scheme,
        key,
        keysById,
        clock,
        skew,
        maxLifetime,
        Objects.requireNonNull(store, "store"),
        site);
  }

  /**
   * This verifier, reading the URLs that {@link #verifyUrl} takes as URLs of {@code site}: the site
   * URL their paths follow, as the signer's {@code url(site, secret)} was given it.
   *
   * @throws UnsupportedOperationException for a token type that travels in no URL
   */
  public JwtVerifier<T> withSite(SiteUrl site) {
    requireUrl();
    return new JwtVerifier<>(
        scheme,
        key,
        keysById,
        clock,
        skew,
        maxLifetime,
        ownStore ? null : nonces,
        Objects.requireNonNull(site, "site"));
  }

  /**
   * Verifies a whole URL that carries a token, {@code SITE/path?query#fragment}: its path must have
   * the declared form, its query and fragment hold the token and the declared unsigned values and
   * nothing else, each once, each constant holding its value; then the token is verified as {@link
   * #verify} verifies it. The unsigned values come back, decoded, in {@link
   * Verification#unauthenticated()}, path values first and then in the order received, never in the
   * request: whoever held the URL could have changed them.
   *
   * <p>The query and the fragment are read as {@link QueryString} reads a query, strictly. A server
   * never receives the fragment; give the URL as received, and a value that travels in the fragment
   * is then absent.
   *
   * @throws IllegalStateException when no site was given with {@link #withSite}
   * @throws UnsupportedOperationException for a token type that travels in no URL ({@code token =
   *     NONE}, Tableau's connected apps): verify its tokens with {@link #verify}
   */
  public Verification<T> verifyUrl(String url) {
    requireUrl();
    if (site == null) {
      throw new IllegalStateException(
          "verifyUrl reads URLs of a site: name it first, with withSite(site)");
    }
    if (url == null || url.isEmpty()) {
      return refuse(Reason.MALFORMED_URL, null, "no URL was given");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return refuse(Reason.MALFORMED_URL, null, "is longer than " + MAX_URL_LENGTH + " characters");
    }
    TokenUrl layout = scheme.url();
    String prefix = site.toString();
    if (!url.startsWith(prefix + "/")) {
      return refuse(Reason.WRONG_ENDPOINT, null, "the URL does not start with " + prefix + "/");
    }
    int hash = url.indexOf('#');
    String beforeFragment = hash < 0 ? url : url.substring(0, hash);
    int question = beforeFragment.indexOf('?');
    String rawPath =
        beforeFragment.substring(
            prefix.length(), question < 0 ? beforeFragment.length() : question);
    String[] texts = layout.readPath(rawPath);
    if (texts == null) {
      return refuse(
          Reason.WRONG_ENDPOINT,
          null,
          "the URL's path after " + prefix + " does not have the form " + layout.path());
    }
    List<UnsignedValue> values = layout.values();
    Map<String, String> unauthenticated = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).part().inPath()) {
        String decoded = pathValue(texts[i]);
        if (decoded == null) {
          return refuse(
              Reason.MALFORMED_ENCODING,
              values.get(i).name(),
              "must be percent-encoded UTF-8, with no space, control or non-ASCII character raw");
        }
        unauthenticated.put(values.get(i).name(), decoded);
      }
    }
    String token = layout.token() == TokenPlace.PATH ? texts[values.size()] : null;
    try {
      if (question >= 0) {
        for (QueryString.Pair pair : QueryString.parse(beforeFragment.substring(question + 1))) {
          if (layout.token() == TokenPlace.QUERY && pair.name().equals(layout.tokenParameter())) {
            if (token != null) {
              return refuse(Reason.REPEATED_PARAMETER, pair.name(), "appears more than once");
            }
            token = pair.value();
          } else {
            Verification<T> fault = receive(pair, Part.QUERY, unauthenticated);
            if (fault != null) {
              return fault;
            }
          }
        }
      }
      if (hash >= 0 && layout.token() == TokenPlace.FRAGMENT) {
        token = url.substring(hash + 1);
      } else if (hash >= 0) {
        for (QueryString.Pair pair : QueryString.parse(url.substring(hash + 1))) {
          Verification<T> fault = receive(pair, Part.FRAGMENT, unauthenticated);
          if (fault != null) {
            return fault;
          }
        }
      }
    } catch (MalformedQueryException e) {
      return refuse(Reason.MALFORMED_ENCODING, e.parameter(), e.getMessage());
    }
    if (token == null) {
      return layout.token() == TokenPlace.QUERY
          ? refuse(Reason.MISSING_PARAMETER, layout.tokenParameter(), "the token is missing")
          : refuse(
              Reason.MISSING_PARAMETER, null, "the URL has no fragment, which carries the token");
    }
    for (UnsignedValue value : values) {
      String received = unauthenticated.get(value.name());
      if (received == null && value.required()) {
        return refuse(
            Reason.MISSING_PARAMETER,
            value.name(),
            value.constant() == null
                ? "is required"
                : "is required: every URL carries " + value.name() + "=" + value.constant());
      }
      if (received != null && value.constant() != null && !value.constant().equals(received)) {
        return refuse(
            Reason.INVALID_VALUE,
            value.name(),
            "must be " + value.constant() + ", the value this URL's type fixes");
      }
    }
    // The URL is checked before the token, whose verification, once it succeeds, uses it up.
    Verification<T> verified = verify(token);
    return verified.isVerified()
        ? Verification.verified(verified.request().orElseThrow(), () -> null, unauthenticated)
        : verified;
  }

  /**
   * Takes {@code pair}, received in {@code part}, as the unsigned value it names; a fault when it
   * names none, or one received already.
   */
  private Verification<T> receive(
      QueryString.Pair pair, Part part, Map<String, String> unauthenticated) {
    String name = pair.name();
    if (scheme.url().valueNamed(name, part) < 0) {
      return refuse(
          Reason.UNKNOWN_PARAMETER,
          name,
          "is not a parameter of this URL's " + part.name().toLowerCase(Locale.ROOT));
    }
    // By wire name, as unauthenticated() gives them: a name twice, in two parts, is one too many.
    if (unauthenticated.putIfAbsent(name, pair.value()) != null) {
      return refuse(Reason.REPEATED_PARAMETER, name, "appears more than once");
    }
    return null;
  }

  private void requireUrl() {
    if (scheme.url().token() == TokenPlace.NONE) {
      throw new UnsupportedOperationException(
          "this token type travels in no URL, only as the token itself: verify it with"
              + " verify(token)");
    }
  }

  /**
   * {@code raw}, a path value as received, with its %XX escapes decoded as UTF-8; null when an
   * escape is broken, the bytes are not UTF-8, or a character stands raw that a path cannot hold.
   */
  private static String pathValue(String raw) {
    byte[] bytes = new byte[raw.length()];
    int length = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? JsonParser.hexDigit(raw.charAt(i + 1)) : -1;
        int low = i + 2 < raw.length() ? JsonParser.hexDigit(raw.charAt(i + 2)) : -1;
        if (high < 0 || low < 0) {
          return null;
        }
        bytes[length++] = (byte) (high << 4 | low);
        i += 2;
      } else if (c <= ' ' || c >= 0x7f) {
        return null;
      } else {
        bytes[length++] = (byte) c;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Verifies {@code token}, the three parts of a compact JWT. */
  public Verification<T> verify(String token) {
    if (token == null || token.isEmpty()) {
      return refuse(Reason.MALFORMED_TOKEN, null, "no token was given");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      return refuse(
          Reason.MALFORMED_TOKEN, null, "is longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0 || token.indexOf('.', second + 1) >= 0) {
      return refuse(Reason.MALFORMED_TOKEN, null, "a signed JWT has three parts joined by \".\"");
    }
    // The header first: a token of another algorithm, none among them, is refused as that, even
    // where its signature is empty.
    byte[] headerBytes = decode(token.substring(0, first));
    Map<String, Object> header = headerBytes == null ? null : jsonObject(headerBytes);
    if (header == null) {
      return refuse(
          Reason.MALFORMED_TOKEN,
          null,
          "the header is not a JSON object in UTF-8 and unpadded base64url (RFC 7515 §2)");
    }
    Verification<T> headerFault = checkHeader(header);
    if (headerFault != null) {
      return headerFault;
    }
    byte[] claimsBytes = decode(token.substring(first + 1, second));
    byte[] signature = decode(token.substring(second + 1));
    if (claimsBytes == null || signature == null) {
      return refuse(
          Reason.MALFORMED_TOKEN,
          null,
          "the claims and the signature must be unpadded base64url (RFC 7515 §2)");
    }
    Object kid = header.get("kid");
    Secret secret = kid == null ? key : keysById.get(kid);
    if (secret == null) {
      return refuse(
          Reason.UNKNOWN_KEY,
          "kid",
          kid == null
              ? "the token names no key, and this verifier checks tokens by their kid"
              : "names a key this verifier does not have");
    }
    byte[] expected =
        secret.mac(scheme.algorithm(), token.substring(0, second).getBytes(StandardCharsets.UTF_8));
    if (!MessageDigest.isEqual(expected, signature)) {
      return refuse(
          Reason.BAD_SIGNATURE,
          null,
          "the signature is not the one the key gives for the token's header and claims");
    }
    Map<String, Object> claims = jsonObject(claimsBytes);
    if (claims == null) {
      return refuse(Reason.MALFORMED_TOKEN, null, "the claims are not a JSON object in UTF-8");
    }
    return checkClaims(claims, header, token.substring(second + 1));
  }

  /** A fault in the header, or null: the algorithm, the type, and only declared members. */
  private Verification<T> checkHeader(Map<String, Object> header) {
    Object alg = header.get("alg");
    if (!scheme.algorithmName().equals(alg)) {
      return refuse(
          Reason.UNSUPPORTED_ALGORITHM,
          "alg",
          "must be " + scheme.algorithmName() + ", the algorithm this token type is signed with");
    }
    Object typ = header.get("typ");
    if (typ != null && !"JWT".equals(typ)) {
      return refuse(Reason.INVALID_VALUE, "typ", "must be JWT when present");
    }
    Object kid = header.get("kid");
    if (header.containsKey("kid") && !(kid instanceof String)) {
      return refuse(Reason.INVALID_VALUE, "kid", "must be a string");
    }
    for (String member : header.keySet()) {
      if (!member.equals("alg")
          && !member.equals("typ")
          && !member.equals("kid")
          && !scheme.headerMembers().contains(member)) {
        // crit among them: an extension this verifier does not understand must not be ignored.
        return refuse(Reason.UNKNOWN_PARAMETER, member, "is not a header member of this token");
      }
    }
    return null;
  }

  private Verification<T> checkClaims(
      Map<String, Object> claims, Map<String, Object> header, String signature) {
    for (String claim : claims.keySet()) {
      if (!scheme.claims().contains(claim) && scheme.spreadOf(claim) < 0) {
        return refuse(Reason.UNKNOWN_PARAMETER, claim, "is not a claim of this token");
      }
    }
    for (String claim : scheme.requiredClaims()) {
      if (!claims.containsKey(claim)) {
        return refuse(Reason.MISSING_PARAMETER, claim, "is required");
      }
    }
    for (Map.Entry<String, String> constant : scheme.constantClaims().entrySet()) {
      if (!constant.getValue().equals(claims.get(constant.getKey()))) {
        StringBuilder expected = new StringBuilder();
        Json.appendString(expected, constant.getValue());
        return refuse(
            Reason.INVALID_VALUE,
            constant.getKey(),
            "must be " + expected + ", the value this token type fixes");
      }
    }
    T request;
    try {
      request = scheme.reader().read(header, claims);
    } catch (InvalidParameterException e) {
      return refuse(Reason.INVALID_VALUE, e.parameter(), e.getMessage());
    } catch (RuntimeException e) {
      // A user type's fromJson may throw anything; the input is refused, not the caller.
      return refuse(Reason.INVALID_VALUE, null, "a claim could not be read");
    }
    long now = clock.instant().getEpochSecond();
    long leeway = skew.getSeconds();
    String iatClaim = scheme.issuedAtClaim();
    String expClaim = scheme.expiryClaim();
    Long issuedAt =
        iatClaim == null ? null : ReceivedValues.longValue(iatClaim, claims.get(iatClaim));
    Long expiry =
        expClaim == null ? null : ReceivedValues.longValue(expClaim, claims.get(expClaim));
    if (issuedAt != null && issuedAt - leeway > now) {
      return refuse(Reason.NOT_YET_VALID, iatClaim, "lies in the future, beyond the allowed skew");
    }
    if (scheme.claims().contains("nbf") && claims.get("nbf") != null) {
      long notBefore = ReceivedValues.longValue("nbf", claims.get("nbf"));
      if (notBefore - leeway > now) {
        return refuse(Reason.NOT_YET_VALID, "nbf", "the token is not valid yet");
      }
    }
    long longest = maxLifetime.getSeconds();
    if (expiry != null) {
      if (now - leeway >= expiry) {
        return refuse(Reason.EXPIRED, expClaim, "the token has expired");
      }
      if (issuedAt != null && expiry - issuedAt > longest) {
        return refuse(
            Reason.INVALID_VALUE,
            expClaim,
            "lies more than " + longest + " seconds after " + iatClaim + ", the longest accepted");
      }
    } else if (issuedAt != null && now - leeway - issuedAt > longest) {
      return refuse(Reason.EXPIRED, iatClaim, "the token is older than " + longest + " seconds");
    }
    String idClaim = scheme.idClaim();
    Object declaredId = idClaim == null ? null : claims.get(idClaim);
    String id = declaredId instanceof String text ? text : signature;
    NonceStore.Outcome outcome;
    try {
      outcome = nonces.record(id);
    } catch (RuntimeException e) {
      // A store that throws cannot say the token is fresh: refuse, and never throw to the caller.
      outcome = NonceStore.Outcome.UNAVAILABLE;
    }
    if (outcome == NonceStore.Outcome.FIRST_USE) {
      return Verification.verified(request, () -> null);
    }
    if (outcome == NonceStore.Outcome.REPLAYED) {
      return refuse(
          Reason.REPLAYED_NONCE, idClaim, "the token was accepted before: it is replayed");
    }
    if (outcome == NonceStore.Outcome.FULL) {
      return refuse(
          Reason.NONCE_NOT_RECORDED,
          idClaim,
          "the nonce store is full, so a replay could not be detected");
    }
    // UNAVAILABLE, and any answer this verifier does not know.
    return refuse(
        Reason.NONCE_STORE_UNAVAILABLE,
        idClaim,
        "the nonce store could not answer, so a replay could not be ruled out");
  }

  /**
   * The bytes of unpadded base64url {@code text}, or null unless it is exactly what encoding them
   * gives: no padding, no other alphabet, no length base64 cannot have, no stray bits set in the
   * last character, so that one token has one spelling.
   */
  private static byte[] decode(String text) {
    if (text.isEmpty() || text.length() % 4 == 1) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!allowed) {
        return null;
      }
    }
    byte[] bytes = BASE64URL.decode(text);
    return BASE64URL_OUT.encodeToString(bytes).equals(text) ? bytes : null;
  }

  /** The JSON object {@code utf8} holds, or null when it is not strict UTF-8 JSON of an object. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> jsonObject(byte[] utf8) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
      Object value = JsonParser.parse(text);
      return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    } catch (CharacterCodingException | IllegalArgumentException e) {
      return null;
    }
  }

  private Verification<T> refuse(Reason reason, String parameter, String message) {
    return Verification.refused(new VerificationFailure(reason, parameter, message), () -> null);
  }

  @Override
  public String toString() {
    return "JwtVerifier[" + scheme.algorithmName() + "]";
  }
}
