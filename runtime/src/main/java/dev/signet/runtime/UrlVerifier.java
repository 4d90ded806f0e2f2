package dev.signet.runtime;

import dev.signet.runtime.QueryString.MalformedQueryException;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.internal.LaidOutUrlScheme;
import dev.signet.runtime.internal.LaidOutUrlScheme.Layout;
import dev.signet.runtime.internal.LaidOutUrlScheme.Place;
import dev.signet.runtime.internal.LaidOutUrlScheme.Slot;
import dev.signet.runtime.internal.UrlTexts;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks signed URLs of one type whose scheme lays the URL out in its own way (parameters in the
 * path or fragment, parameters sent unsigned, a spread map, a timestamp; Looker's and Mode's
 * schemes): rebuilds the signed text from what it received, or, where the scheme signs the URL as
 * written, takes the URL as received up to its signature; compares signatures in constant time;
 * refuses a timestamp outside its freshness window, and a nonce (or, where the scheme has none and
 * a timestamp gives freshness, a signature) it has seen. It never throws on any input.
 *
 * <p>It reads the query as {@link QueryString} does, strictly: well-formed escapes, UTF-8, no empty
 * pair, no repeated and, unless told otherwise, no unknown parameter. Parameters the scheme sends
 * but does not sign come back in {@link Verification#unauthenticated()}, never in the request.
 *
 * <p>Make one per origin and secret and share it: it is thread-safe.
 *
 * @param <T> the request type
 */
public final class UrlVerifier<T> {
  /** Looker's server allows five minutes; so does this verifier, unless told otherwise. */
  private static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

  private static final Duration DEFAULT_FUTURE_SKEW = Duration.ofMinutes(1);

  private final LaidOutUrlScheme<T> scheme;
  private final Origin origin;
  private final Secret secret;
  private final NonceStore nonces;
  private final boolean ignoreUnknownParameters;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration futureSkew;

  private UrlVerifier(
      LaidOutUrlScheme<T> scheme,
      Origin origin,
      Secret secret,
      NonceStore nonces,
      boolean ignoreUnknownParameters,
      Clock clock,
      Duration maxAge,
      Duration futureSkew) {
    this.scheme = scheme;
    this.origin = origin;
    this.secret = secret;
    this.nonces = nonces;
    this.ignoreUnknownParameters = ignoreUnknownParameters;
    this.clock = clock;
    this.maxAge = maxAge;
    this.futureSkew = futureSkew;
  }

  /**
   * A verifier that refuses unknown parameters, remembers nonces in an {@link
   * InMemoryNonceStore#withDefaults() in-memory store} (an hour, which covers the default window),
   * reads the system's UTC clock and accepts timestamps up to five minutes old and one minute
   * ahead.
   */
  public static <T> UrlVerifier<T> of(LaidOutUrlScheme<T> scheme, Origin origin, Secret secret) {
    return new UrlVerifier<>(
        scheme,
        origin,
        secret,
        InMemoryNonceStore.withDefaults(),
        false,
        Clock.systemUTC(),
        DEFAULT_MAX_AGE,
        DEFAULT_FUTURE_SKEW);
  }

  /**
   * This verifier, but remembering nonces in {@code store}; its time to live should cover the
   * freshness window, or a URL could be replayed once the store forgets it and before it expires.
   */
  public UrlVerifier<T> withNonceStore(NonceStore store) {
    return new UrlVerifier<>(
        scheme, origin, secret, store, ignoreUnknownParameters, clock, maxAge, futureSkew);
  }

  /** This verifier, but telling the time by {@code clock}. */
  public UrlVerifier<T> withClock(Clock clock) {
    return new UrlVerifier<>(
        scheme, origin, secret, nonces, ignoreUnknownParameters, clock, maxAge, futureSkew);
  }

  /**
   * This verifier, but accepting a timestamp at most {@code maxAge} old and at most {@code
   * futureSkew} ahead of its clock.
   */
  public UrlVerifier<T> withFreshness(Duration maxAge, Duration futureSkew) {
    if (maxAge.isNegative() || futureSkew.isNegative()) {
      throw new IllegalArgumentException("the freshness window must not be negative");
    }
    return new UrlVerifier<>(
        scheme, origin, secret, nonces, ignoreUnknownParameters, clock, maxAge, futureSkew);
  }

  /** This verifier, but passing over parameters the type does not declare instead of refusing. */
  public UrlVerifier<T> ignoringUnknownParameters() {
    return new UrlVerifier<>(scheme, origin, secret, nonces, true, clock, maxAge, futureSkew);
  }

  /** Verifies a whole URL: {@code https://host[:port]/path?query#fragment}. */
  public Verification<T> verifyUrl(String url) {
    if (url == null) {
      return refuse(Reason.MALFORMED_URL, null, "no URL was given");
    }
    String endpoint = origin.toString();
    if (!url.startsWith(endpoint + "/")) {
      return refuse(Reason.WRONG_ENDPOINT, null, "the URL does not start with " + endpoint);
    }
    int hash = url.indexOf('#');
    String beforeFragment = hash < 0 ? url : url.substring(0, hash);
    int question = beforeFragment.indexOf('?');
    String rawPath =
        beforeFragment.substring(
            endpoint.length(), question < 0 ? beforeFragment.length() : question);
    String rawQuery = question < 0 ? "" : beforeFragment.substring(question + 1);
    List<Slot> slots = scheme.slots();
    String[] values = new String[slots.size()];
    int[] spreadSlots = scheme.spreadSlots();
    List<Map<String, String>> spreads = new ArrayList<>();
    for (int i = 0; i < spreadSlots.length; i++) {
      spreads.add(new LinkedHashMap<>());
    }
    Map<String, String> unauthenticated = new LinkedHashMap<>();
    if (!readPath(rawPath, values)) {
      return refuse(Reason.WRONG_ENDPOINT, null, "the URL's path does not have the request's form");
    }
    String signature = null;
    String lastName = null;
    try {
      for (boolean fragment : new boolean[] {false, true}) {
        String text = fragment ? (hash < 0 ? "" : url.substring(hash + 1)) : rawQuery;
        if (text.isEmpty()) {
          continue;
        }
        for (QueryString.Pair pair : QueryString.parse(text)) {
          String name = pair.name();
          lastName = fragment ? lastName : name;
          if (!fragment && name.equals(scheme.signatureParameter())) {
            if (signature != null) {
              return refuse(Reason.REPEATED_PARAMETER, name, "appears more than once");
            }
            signature = pair.value();
            continue;
          }
          int slot = scheme.slotNamed(name, fragment);
          if (slot >= 0 && slots.get(slot).place() == Place.SPREAD) {
            String key = name.substring(slots.get(slot).name().length());
            Map<String, String> spread = spreads.get(indexOf(spreadSlots, slot));
            if (spread.putIfAbsent(key, pair.value()) != null) {
              return refuse(Reason.REPEATED_PARAMETER, name, "appears more than once");
            }
          } else if (slot >= 0) {
            Place place = slots.get(slot).place();
            boolean unsigned = place == Place.UNSIGNED_QUERY || place == Place.UNSIGNED_FRAGMENT;
            if (values[slot] != null || (unsigned && unauthenticated.containsKey(name))) {
              return refuse(Reason.REPEATED_PARAMETER, name, "appears more than once");
            }
            if (unsigned) {
              unauthenticated.put(name, pair.value());
            } else {
              values[slot] = pair.value();
            }
          } else if (!ignoreUnknownParameters) {
            return refuse(Reason.UNKNOWN_PARAMETER, name, "is not a parameter of this request");
          }
        }
      }
    } catch (MalformedQueryException e) {
      return refuse(Reason.MALFORMED_ENCODING, e.parameter(), e.getMessage());
    }
    if (signature == null) {
      return refuse(
          Reason.MISSING_PARAMETER, scheme.signatureParameter(), "the signature is missing");
    }
    if (scheme.layout() == Layout.URL_AS_WRITTEN && !scheme.signatureParameter().equals(lastName)) {
      return refuse(
          Reason.MALFORMED_URL,
          scheme.signatureParameter(),
          "must be the query's last parameter: the URL before it is what is signed");
    }
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i).required() && values[i] == null) {
        return refuse(Reason.MISSING_PARAMETER, slots.get(i).name(), "is required");
      }
    }
    UrlTexts received = new UrlTexts(values.clone(), spreads);
    T request;
    try {
      request = scheme.reader().apply(received);
    } catch (InvalidParameterException e) {
      Reason reason =
          scheme.nonceRule() != null && scheme.nonceRule().name().equals(e.parameter())
              ? Reason.MALFORMED_NONCE
              : Reason.INVALID_VALUE;
      return refuse(reason, e.parameter(), e.getMessage());
    } catch (RuntimeException e) {
      return refuse(Reason.INVALID_VALUE, null, "a value could not be read");
    }
    UrlTexts texts = scheme.textsOf(request);
    String asWritten = null;
    if (scheme.layout() == Layout.URL_AS_WRITTEN) {
      // The signature is the last parameter; what precedes its "&" (or the "?") is signed.
      int lastPair = rawQuery.lastIndexOf('&');
      asWritten = endpoint + rawPath + (lastPair < 0 ? "" : "?" + rawQuery.substring(0, lastPair));
    }
    String signedText = scheme.signedText(origin, texts, asWritten);
    String asSigned = asWritten;
    Supplier<SignedTextReport> report =
        () -> new SignedTextReport(scheme.signedLines(origin, texts, asSigned), signedText);
    if (!scheme.format().isSignatureOf(scheme.mac(secret, signedText), signature)) {
      return Verification.refused(
          new VerificationFailure(
              Reason.BAD_SIGNATURE,
              scheme.signatureParameter(),
              "the signature does not match the parameters received; compare the signed text"
                  + " rebuilt from them, line by line, with the one that was signed"),
          report);
    }
    if (scheme.timestampSlot() >= 0) {
      String name = slots.get(scheme.timestampSlot()).name();
      long timestamp = Long.parseLong(texts.values()[scheme.timestampSlot()]);
      long now = clock.instant().getEpochSecond();
      if (now - timestamp > maxAge.toSeconds()) {
        return Verification.refused(
            new VerificationFailure(
                Reason.EXPIRED,
                name,
                "is "
                    + (now - timestamp)
                    + " s old; at most "
                    + maxAge.toSeconds()
                    + " s are allowed"),
            report);
      }
      if (timestamp - now > futureSkew.toSeconds()) {
        return Verification.refused(
            new VerificationFailure(
                Reason.NOT_YET_VALID,
                name,
                "lies "
                    + (timestamp - now)
                    + " s ahead of this verifier's clock; at most "
                    + futureSkew.toSeconds()
                    + " s are allowed"),
            report);
      }
    }
    String replayParameter;
    String once;
    if (scheme.nonceRule() != null) {
      replayParameter = scheme.nonceRule().name();
      once = values[scheme.slotNamed(replayParameter, false)];
    } else {
      // No nonce: each signed URL's signature is its own, so it is what must not come twice.
      replayParameter = scheme.signatureParameter();
      once = signature;
    }
    NonceStore.Outcome outcome;
    try {
      outcome = nonces.record(once);
    } catch (RuntimeException e) {
      outcome = NonceStore.Outcome.UNAVAILABLE;
    }
    if (outcome == NonceStore.Outcome.FIRST_USE) {
      return Verification.verified(request, report, unauthenticated);
    }
    return Verification.refused(replayFailure(outcome, replayParameter), report);
  }

  /** Reads the path parameters from {@code rawPath} into {@code values}; false if it differs. */
  private boolean readPath(String rawPath, String[] values) {
    List<Object> parts = scheme.pathParts();
    int at = 0;
    for (int p = 0; p < parts.size(); p++) {
      Object part = parts.get(p);
      if (part instanceof String literal) {
        if (!rawPath.startsWith(literal, at)) {
          return false;
        }
        at += literal.length();
        continue;
      }
      int slot = (Integer) part;
      boolean segments = scheme.slots().get(slot).place() == Place.PATH_SEGMENTS;
      int end;
      if (p + 1 < parts.size()) {
        end = rawPath.indexOf((String) parts.get(p + 1), at);
      } else {
        end = rawPath.length();
      }
      if (end <= at) {
        return false;
      }
      String raw = rawPath.substring(at, end);
      if (!segments && raw.indexOf('/') >= 0) {
        return false;
      }
      String decoded = percentDecoded(raw);
      if (decoded == null) {
        return false;
      }
      values[slot] = decoded;
      at = end;
    }
    return at == rawPath.length();
  }

  /** {@code raw} with its %XX escapes decoded as UTF-8, or null when they are not well formed. */
  private static String percentDecoded(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c <= 0x20 || c >= 0x7f) {
        return null;
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int indexOf(int[] slots, int slot) {
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] == slot) {
        return i;
      }
    }
    return -1;
  }

  private static VerificationFailure replayFailure(NonceStore.Outcome outcome, String parameter) {
    if (outcome == NonceStore.Outcome.REPLAYED) {
      return new VerificationFailure(
          Reason.REPLAYED_NONCE, parameter, "was used before: the URL is replayed");
    }
    if (outcome == NonceStore.Outcome.FULL) {
      return new VerificationFailure(
          Reason.NONCE_NOT_RECORDED,
          parameter,
          "the nonce store is full, so a replay could not be detected");
    }
    return new VerificationFailure(
        Reason.NONCE_STORE_UNAVAILABLE,
        parameter,
        "the nonce store could not answer, so a replay could not be ruled out; try again with a new URL");
  }

  private Verification<T> refuse(Reason reason, String parameter, String message) {
    return Verification.refused(new VerificationFailure(reason, parameter, message), () -> null);
  }

  @Override
  public String toString() {
    return "UrlVerifier[" + origin + "]";
  }
}
