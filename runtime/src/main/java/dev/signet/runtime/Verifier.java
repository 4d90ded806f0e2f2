package dev.signet.runtime;

import dev.signet.runtime.QueryString.MalformedQueryException;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.internal.SignedUrlScheme;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks signed URLs of one type for one origin and secret: rebuilds the signed text from what it
 * received, compares signatures in constant time, and refuses a nonce it has seen. It never throws
 * on any input; every outcome is a {@link Verification}.
 *
 * <p>It reads the query as {@link QueryString} does: strictly in its form (well-formed escapes,
 * UTF-8, no empty pair, no repeated and, unless told otherwise, no unknown parameter), leniently in
 * its spelling. The signature covers the decoded values, so every spelling of them ({@code %20} or
 * {@code +}, a needless escape, either case of hex digits, any order of the parameters) is the same
 * signed request and verifies.
 *
 * <p>Make one per origin and secret and share it: it is thread-safe, and its nonce store only
 * protects against replays it has seen.
 *
 * @param <T> the request type
 */
public final class Verifier<T> {
  private static final String REQUEST_URL = "request URL";

  private final SignedUrlScheme<T> scheme;
  private final Origin origin;
  private final Secret secret;
  private final NonceStore nonces;
  private final boolean ignoreUnknownParameters;

  /**
   * Made once, used on every URL: each parameter's place in the signed order and the signature's
   * after them, where the nonce and the required parameters are, and the URL up to its query.
   */
  private final Map<String, Integer> places;

  /** The names in their places, and which of them form encoding keeps as they are. */
  private final String[] names;

  /** Each name's ASCII bytes where form encoding keeps it as it is, null where it does not. */
  private final byte[][] plainNames;

  private final int signaturePlace;
  private final int noncePlace;
  private final int[] requiredPlaces;
  private final String endpoint;

  private Verifier(
      SignedUrlScheme<T> scheme,
      Origin origin,
      Secret secret,
      NonceStore nonces,
      boolean ignoreUnknownParameters) {
    this.scheme = scheme;
    this.origin = origin;
    this.secret = secret;
    this.nonces = nonces;
    this.ignoreUnknownParameters = ignoreUnknownParameters;
    Map<String, Integer> places = new HashMap<>();
    for (String name : scheme.signedOrder()) {
      places.put(name, places.size());
    }
    this.signaturePlace = places.size();
    places.put(scheme.signatureParameter(), signaturePlace);
    this.places = places;
    this.names = new String[places.size()];
    places.forEach((name, place) -> names[place] = name);
    this.plainNames = new byte[names.length][];
    for (int place = 0; place < names.length; place++) {
      StringBuilder encoded = new StringBuilder();
      FormEncoding.append(encoded, names[place]);
      plainNames[place] =
          encoded.toString().equals(names[place])
              ? names[place].getBytes(StandardCharsets.US_ASCII)
              : null;
    }
    this.noncePlace = places.get(scheme.nonceParameter());
    this.requiredPlaces = scheme.required().stream().mapToInt(places::get).toArray();
    this.endpoint = origin + scheme.path();
  }

  /**
   * A verifier that refuses unknown parameters and remembers nonces in an {@link
   * InMemoryNonceStore#withDefaults() in-memory store}.
   */
  public static <T> Verifier<T> of(SignedUrlScheme<T> scheme, Origin origin, Secret secret) {
    return new Verifier<>(scheme, origin, secret, InMemoryNonceStore.withDefaults(), false);
  }

  /** This verifier, but remembering nonces in {@code store}. */
  public Verifier<T> withNonceStore(NonceStore store) {
    return new Verifier<>(scheme, origin, secret, store, ignoreUnknownParameters);
  }

  /**
   * This verifier, but passing over parameters the type does not declare (they are not signed, so
   * they must not be trusted) instead of refusing the URL.
   */
  public Verifier<T> ignoringUnknownParameters() {
    return new Verifier<>(scheme, origin, secret, nonces, true);
  }

  /** Verifies a whole URL: {@code https://host[:port]/path?query}. */
  public Verification<T> verifyUrl(String url) {
    if (url == null) {
      return refuse(Reason.MALFORMED_URL, null, "no URL was given");
    }
    if (url.indexOf('#') >= 0) {
      return refuse(Reason.MALFORMED_URL, null, "a signed URL has no fragment (#...)");
    }
    int query = url.indexOf('?');
    if ((query < 0 ? url.length() : query) != endpoint.length() || !url.startsWith(endpoint)) {
      return refuse(Reason.WRONG_ENDPOINT, null, "the URL does not start with " + endpoint);
    }
    return verify(new QueryString.Pairs(url, query < 0 ? url.length() : query + 1));
  }

  /** Verifies the query of a URL, the text after its {@code ?}. */
  public Verification<T> verifyQuery(String query) {
    if (query == null) {
      return refuse(Reason.MALFORMED_URL, null, "no query was given");
    }
    return verify(new QueryString.Pairs(query, 0));
  }

  private Verification<T> verify(QueryString.Pairs pairs) {
    // The received texts in signed order, then the signature.
    String[] received = new String[names.length];
    boolean asciiWithoutLineBreaks = true;
    Verification<T> nameFault = null;
    try {
      int expected = 0;
      while (pairs.next()) {
        int place = placeInSignedOrder(pairs, expected);
        String name;
        if (place >= 0) {
          name = names[place];
          expected = place + 1;
        } else {
          name = pairs.name();
          place = places.getOrDefault(name, -1);
        }
        if (nameFault == null) {
          if (place < 0 && !ignoreUnknownParameters) {
            nameFault =
                refuse(Reason.UNKNOWN_PARAMETER, name, "is not a parameter of this request");
          } else if (place >= 0 && received[place] != null) {
            nameFault = refuse(Reason.REPEATED_PARAMETER, name, "appears more than once");
          }
        }
        // Read even after a fault in a name: a fault in the query's encoding is reported first.
        String value = pairs.value(name);
        if (place >= 0 && nameFault == null) {
          received[place] = value;
          asciiWithoutLineBreaks &=
              place == signaturePlace || pairs.valueIsAsciiWithoutLineBreaks();
        }
      }
    } catch (MalformedQueryException e) {
      return refuse(Reason.MALFORMED_ENCODING, e.parameter(), e.getMessage());
    }
    if (nameFault != null) {
      return nameFault;
    }
    String signature = received[signaturePlace];
    if (signature == null) {
      return refuse(
          Reason.MISSING_PARAMETER, scheme.signatureParameter(), "the signature is missing");
    }
    for (int place : requiredPlaces) {
      if (received[place] == null) {
        return refuse(Reason.MISSING_PARAMETER, scheme.signedOrder().get(place), "is required");
      }
    }
    // The texts the request is read from, which the request must write as they are: its signed
    // text is theirs.
    SignedText.Values texts =
        scheme.receivedTexts(Arrays.copyOf(received, signaturePlace), asciiWithoutLineBreaks);
    T request;
    try {
      request = scheme.reader().apply(texts);
    } catch (InvalidParameterException e) {
      // A user type's fromJson may throw one that names no parameter.
      Reason reason =
          e.parameter() != null && e.parameter().equals(scheme.nonceParameter())
              ? Reason.MALFORMED_NONCE
              : Reason.INVALID_VALUE;
      return refuse(reason, e.parameter(), e.getMessage());
    } catch (RuntimeException e) {
      // A user type's fromJson may throw anything; the input is refused, not the caller.
      return refuse(Reason.INVALID_VALUE, null, "a value could not be read");
    }
    // The report rebuilds the text only when asked for: most verifications never show it.
    Supplier<SignedTextReport> report =
        () -> report(received, scheme.signedText(origin, texts).text());
    if (!scheme.format().isSignatureOf(scheme.mac(origin, secret, texts), signature)) {
      return Verification.refused(
          new VerificationFailure(
              Reason.BAD_SIGNATURE,
              scheme.signatureParameter(),
              "the signature does not match the parameters received; compare the signed text"
                  + " rebuilt from them, line by line, with the one that was signed"),
          report);
    }
    NonceStore.Outcome outcome;
    try {
      outcome = nonces.record(received[noncePlace]);
    } catch (RuntimeException e) {
      // A store that throws cannot say the nonce is fresh: refuse, and never throw to the caller.
      outcome = NonceStore.Outcome.UNAVAILABLE;
    }
    if (outcome == NonceStore.Outcome.FIRST_USE) {
      return Verification.verified(request, report);
    }
    // Anything but a first use refuses: a store's answer this verifier does not know included.
    return Verification.refused(nonceFailure(outcome), report);
  }

  private VerificationFailure nonceFailure(NonceStore.Outcome outcome) {
    String nonce = scheme.nonceParameter();
    if (outcome == NonceStore.Outcome.REPLAYED) {
      return new VerificationFailure(
          Reason.REPLAYED_NONCE, nonce, "was used before: the URL is replayed");
    }
    if (outcome == NonceStore.Outcome.FULL) {
      return new VerificationFailure(
          Reason.NONCE_NOT_RECORDED,
          nonce,
          "the nonce store is full, so a replay could not be detected");
    }
    return new VerificationFailure(
        Reason.NONCE_STORE_UNAVAILABLE,
        nonce,
        "the nonce store could not answer, so a replay could not be ruled out; try again with a new URL");
  }

  /**
   * The place of the pair's name, looked for where it stands from {@code expected} on: signers
   * write the parameters in signed order, so the name is found there without being made into a
   * string and hashed. -1 if it is not, as for a name that is encoded or out of order.
   */
  private int placeInSignedOrder(QueryString.Pairs pairs, int expected) {
    int length = pairs.nameLength();
    for (int place = expected; place < names.length; place++) {
      // The lengths first: most names are passed over without looking at their characters.
      byte[] plainName = plainNames[place];
      if (plainName != null && plainName.length == length && pairs.nameIs(plainName)) {
        return place;
      }
    }
    return -1;
  }

  private SignedTextReport report(String[] received, String signedText) {
    List<SignedTextReport.Line> lines = new ArrayList<>();
    lines.add(new SignedTextReport.Line(REQUEST_URL, origin + scheme.path()));
    for (int place = 0; place < signaturePlace; place++) {
      if (received[place] != null) {
        lines.add(new SignedTextReport.Line(scheme.signedOrder().get(place), received[place]));
      }
    }
    return new SignedTextReport(lines, signedText);
  }

  private Verification<T> refuse(Reason reason, String parameter, String message) {
    return Verification.refused(new VerificationFailure(reason, parameter, message), () -> null);
  }

  @Override
  public String toString() {
    return "Verifier[" + origin + scheme.path() + "]";
  }
}
