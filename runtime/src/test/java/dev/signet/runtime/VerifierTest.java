package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.NonceStore.Outcome;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.internal.ParameterChecks;
import dev.signet.runtime.internal.ReceivedValues;
import dev.signet.runtime.internal.SignedUrlScheme;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Verifier} over a scheme written by hand here, as generated code writes one: a greeting
 * with a required name and nonce and an optional count. The expected signatures come from {@link
 * Mac} and the expected URLs from {@link FormEncoding}, not from the verifier's own code.
 */
class VerifierTest {
  private static final String PATH = "/embed/greet";
  private static final Origin ORIGIN = Origin.https("analytics.example.com", 8443);
  private static final String ENDPOINT = "https://analytics.example.com:8443/embed/greet";
  private static final String KEY = "test-secret-\u00e9";
  private static final Secret SECRET = Secret.ofUtf8(KEY);

  /** The request type. */
  record Greeting(String name, String nonce, Integer count) {}

  /**
   * The reader: what generated fromReceived methods and constructors do, in miniature, the check
   * that each value is written as received included.
   */
  static Greeting read(SignedText.Values received) {
    if (received.size() != 3) {
      // An Error, which the verifier does not catch: it must hand over exactly the signed order.
      throw new AssertionError("the reader was given " + received.size() + " texts");
    }
    String name = ParameterChecks.lineValue("name", received.get(0), "\n");
    if (name.equals("crash")) {
      // What a user type's fromJson may do.
      throw new IllegalStateException("not a greeting");
    }
    String nonce = received.get(1);
    if (!nonce.matches("[0-9A-Za-z]{8}")) {
      throw new InvalidParameterException("nonce", "must be 8 letters or digits");
    }
    String count = received.get(2);
    Greeting greeting =
        new Greeting(name, nonce, count == null ? null : ReceivedValues.intValue("count", count));
    SCHEME.checkedTexts(received, textsOf(greeting));
    return greeting;
  }

  /** A greeting's texts in signed order. */
  static String[] textsOf(Greeting greeting) {
    return new String[] {
      greeting.name(),
      greeting.nonce(),
      greeting.count() == null ? null : greeting.count().toString()
    };
  }

  /** The signed text written plainly, for the expected signatures. */
  static String signedText(Greeting greeting, Origin origin) {
    return origin
        + PATH
        + "\n"
        + greeting.name()
        + "\n"
        + greeting.nonce()
        + (greeting.count() == null ? "" : "\n" + greeting.count());
  }

  private static SignedUrlScheme<Greeting> scheme(
      MacAlgorithm algorithm,
      SignatureFormat format,
      Function<SignedText.Values, Greeting> reader) {
    return new SignedUrlScheme<>(
        PATH,
        "sig",
        "\n",
        false,
        SignedText.Normalization.NONE,
        algorithm,
        format,
        new String[] {"name", "nonce", "count"},
        new String[] {"name", "nonce"},
        "nonce",
        8,
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        reader);
  }

  private static final SignedUrlScheme<Greeting> SCHEME =
      scheme(MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64URL_UNPADDED, VerifierTest::read);

  /** A fresh verifier, with a fresh nonce store. */
  private static Verifier<Greeting> verifier() {
    return Verifier.of(SCHEME, ORIGIN, SECRET);
  }

  /** The signature with the JDK's MAC and encoders, independently of Secret and SignatureFormat. */
  static String signature(MacAlgorithm algorithm, SignatureFormat format, String text) {
    byte[] mac;
    try {
      Mac jdk = Mac.getInstance(algorithm.jcaName());
      jdk.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), algorithm.jcaName()));
      mac = jdk.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
    switch (format) {
      case BASE64URL_UNPADDED:
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
      case BASE64:
        return java.util.Base64.getEncoder().encodeToString(mac);
      default:
        return java.util.HexFormat.of().formatHex(mac);
    }
  }

  private static String signature(Greeting greeting) {
    return signature(
        MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64URL_UNPADDED, signedText(greeting, ORIGIN));
  }

  /** The query a signer writes: the parameters, then the signature. */
  private static String query(Greeting greeting, String signature) {
    StringBuilder query = new StringBuilder();
    FormEncoding.appendParameter(query, "name", greeting.name());
    query.append('&');
    FormEncoding.appendParameter(query, "nonce", greeting.nonce());
    if (greeting.count() != null) {
      query.append('&');
      FormEncoding.appendParameter(query, "count", greeting.count().toString());
    }
    query.append('&');
    FormEncoding.appendParameter(query, "sig", signature);
    return query.toString();
  }

  private static String url(Greeting greeting) {
    return ENDPOINT + "?" + query(greeting, signature(greeting));
  }

  private static final Greeting HELLO = new Greeting("Zo\u00eb & co = 100%", "abcd1234", 7);

  private static Greeting verified(Verification<Greeting> verification) {
    assertTrue(verification.isVerified(), verification.toString());
    assertEquals(Optional.empty(), verification.failure());
    assertTrue(verification.report().isPresent());
    return verification.request().orElseThrow();
  }

  /** Asserts a refusal for {@code reason} naming {@code parameter}; returns it. */
  private static VerificationFailure refused(
      Verification<Greeting> verification, Reason reason, String parameter) {
    assertFalse(verification.isVerified(), verification.toString());
    assertEquals(Optional.empty(), verification.request());
    VerificationFailure failure = verification.failure().orElseThrow();
    assertEquals(reason, failure.reason(), failure.toString());
    assertEquals(parameter, failure.parameter(), failure.toString());
    assertEquals(Optional.ofNullable(parameter), failure.parameterName());
    assertNotNull(failure.message());
    // The report exists once the verifier rebuilt the signed text, and only then.
    boolean rebuilt =
        EnumSet.of(
                Reason.BAD_SIGNATURE,
                Reason.REPLAYED_NONCE,
                Reason.NONCE_NOT_RECORDED,
                Reason.NONCE_STORE_UNAVAILABLE)
            .contains(reason);
    assertEquals(rebuilt, verification.report().isPresent(), failure.toString());
    assertFalse(failure.message().contains(KEY), "a message shows the secret");
    return failure;
  }

  // ---------------------------------------------------------------- verified

  @Test
  void aSignedUrlIsVerifiedAndCarriesItsRequest() {
    assertEquals(HELLO, verified(verifier().verifyUrl(url(HELLO))));
    Greeting noCount = new Greeting("n", "ABCDefgh", null);
    assertEquals(noCount, verified(verifier().verifyUrl(url(noCount))));
  }

  @Test
  void theQueryAloneIsVerifiedToo() {
    assertEquals(HELLO, verified(verifier().verifyQuery(query(HELLO, signature(HELLO)))));
  }

  @Test
  void parametersMayComeInAnyOrder() {
    String signature = java.net.URLEncoder.encode(signature(HELLO), StandardCharsets.UTF_8);
    String query = "sig=" + signature + "&count=7&nonce=abcd1234&name=Zo%C3%AB+%26+co+%3D+100%25";
    assertEquals(HELLO, verified(verifier().verifyQuery(query)));
  }

  /**
   * The decision on spellings: the signature covers the decoded values, so every spelling of the
   * same bytes is the same signed request, and one that a proxy or browser re-encoded verifies.
   * What is refused is a query that is not well formed (see {@link #malformedEncoding}).
   */
  @Test
  void everySpellingOfTheSameValuesVerifies() {
    String signature = query(HELLO, signature(HELLO)).replaceFirst(".*&sig=", "");
    for (String name :
        List.of(
            "Zo%C3%AB%20%26%20co%20%3D%20100%25", // %20 for +
            "%5Ao%c3%ab+%26+co+%3d+100%25", // a needless escape, lower-case hex
            "Z%6F%C3%AB+%26+c%6F+%3D+%31%30%30%25")) {
      String query = "sig=" + signature + "&name=" + name + "&nonce=abcd1234&count=7";
      assertEquals(HELLO, verified(verifier().verifyQuery(query)), query);
    }
  }

  /**
   * A value is signed in bulk when decoding found it ASCII without a line break (a raw {@code ?}
   * included, though the query's copy also holds one for characters beyond Latin-1), and character
   * by character when not: every way through reads the same.
   */
  @Test
  void valuesAreReadAlikeWhateverTheirDecodingFinds() {
    for (String[] nameAndSpelling :
        List.of(
            new String[] {"plain", "plain"},
            new String[] {"a?b", "a?b"},
            new String[] {"a?b c", "a?b+c"},
            new String[] {"a b", "a%20b"},
            new String[] {"tab\tin", "tab%09in"},
            new String[] {"caf\u00e9", "caf%C3%A9"},
            new String[] {" leading", "+leading"})) {
      Greeting greeting = new Greeting(nameAndSpelling[0], "abcd1234", null);
      String query = "name=" + nameAndSpelling[1] + "&nonce=abcd1234&sig=" + signature(greeting);
      assertEquals(greeting, verified(verifier().verifyQuery(query)), query);
    }
  }

  /**
   * The verifier finds a plain name where it stands in the query; a name that form encoding changes
   * is decoded first, and still read in its place.
   */
  @Test
  void aNameThatFormEncodingChangesIsReadDecoded() {
    SignedUrlScheme<Greeting> spaced =
        new SignedUrlScheme<>(
            PATH,
            "sig",
            "\n",
            false,
            SignedText.Normalization.NONE,
            MacAlgorithm.HMAC_SHA256,
            SignatureFormat.BASE64URL_UNPADDED,
            new String[] {"full name", "nonce", "count"},
            new String[] {"full name", "nonce"},
            "nonce",
            8,
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            VerifierTest::read);
    Verifier<Greeting> verifier = Verifier.of(spaced, ORIGIN, SECRET);
    String query = query(HELLO, signature(HELLO));
    String renamed = query.replace("name=", "full+name=");
    assertEquals(HELLO, verified(verifier.verifyQuery(renamed)));
    assertEquals(
        HELLO,
        verified(
            Verifier.of(spaced, ORIGIN, SECRET)
                .verifyQuery(query.replace("name=", "full%20name="))));
    refused(
        Verifier.of(spaced, ORIGIN, SECRET).verifyQuery(query), Reason.UNKNOWN_PARAMETER, "name");
    // The name as it is declared, space and all, is not how a query writes it.
    refused(
        Verifier.of(spaced, ORIGIN, SECRET).verifyQuery(query.replace("name=", "full name=")),
        Reason.MALFORMED_ENCODING,
        null);
    refused(
        Verifier.of(spaced, ORIGIN, SECRET).verifyQuery(renamed + "&full%20name=x"),
        Reason.REPEATED_PARAMETER,
        "full name");
    // An empty name is no parameter, not the one whose name the query cannot hold as it is.
    refused(
        Verifier.of(spaced, ORIGIN, SECRET).verifyQuery(query.replace("name=", "=")),
        Reason.UNKNOWN_PARAMETER,
        "");
  }

  @ParameterizedTest
  @EnumSource(MacAlgorithm.class)
  void everyAlgorithmAndFormat(MacAlgorithm algorithm) {
    for (SignatureFormat format : SignatureFormat.values()) {
      Verifier<Greeting> verifier =
          Verifier.of(scheme(algorithm, format, VerifierTest::read), ORIGIN, SECRET);
      String signature = signature(algorithm, format, signedText(HELLO, ORIGIN));
      assertEquals(HELLO, verified(verifier.verifyUrl(ENDPOINT + "?" + query(HELLO, signature))));
      // The same MAC written in another format is not the signature.
      for (SignatureFormat other : SignatureFormat.values()) {
        String written = signature(algorithm, other, signedText(HELLO, ORIGIN));
        // HMAC-SHA384's 48 bytes need no padding, so base64 and base64url can write them alike.
        if (other != format && !written.equals(signature)) {
          refused(verifier.verifyQuery(query(HELLO, written)), Reason.BAD_SIGNATURE, "sig");
        }
      }
    }
  }

  @Test
  void aBase64SignaturesPlusMustBePercentEncoded() {
    Verifier<Greeting> verifier =
        Verifier.of(
            scheme(MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64, VerifierTest::read),
            ORIGIN,
            SECRET);
    // Find a request whose standard base64 signature holds a '+'.
    for (int i = 0; ; i++) {
      Greeting greeting = new Greeting("n" + i, "abcd1234", null);
      String signature =
          signature(MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64, signedText(greeting, ORIGIN));
      if (signature.indexOf('+') >= 0) {
        String raw =
            "name=n"
                + i
                + "&nonce=abcd1234&sig="
                + signature.replace("/", "%2F").replace("=", "%3D");
        // A raw + is a space.
        refused(verifier.verifyQuery(raw), Reason.BAD_SIGNATURE, "sig");
        assertEquals(greeting, verified(verifier.verifyQuery(query(greeting, signature))));
        return;
      }
    }
  }

  @Test
  void theReportShowsTheSignedTextLineByLineInSignedOrder() {
    Verification<Greeting> verification =
        verifier()
            .verifyQuery(
                "count=7&sig="
                    + signature(HELLO)
                    + "&nonce=abcd1234&name=Zo%C3%AB+%26+co+%3D+100%25");
    verified(verification);
    SignedTextReport report = verification.report().orElseThrow();
    assertEquals(
        List.of(
            new SignedTextReport.Line("request URL", ENDPOINT),
            new SignedTextReport.Line("name", HELLO.name()),
            new SignedTextReport.Line("nonce", "abcd1234"),
            new SignedTextReport.Line("count", "7")),
        report.lines());
    assertEquals(signedText(HELLO, ORIGIN), report.signedText());
    // An absent optional parameter has no line.
    Greeting noCount = new Greeting("x", "abcd1234", null);
    SignedTextReport shorter = verifier().verifyUrl(url(noCount)).report().orElseThrow();
    assertEquals(3, shorter.lines().size());
    assertEquals(signedText(noCount, ORIGIN), shorter.signedText());
  }

  // ---------------------------------------------------------------- every reason

  @Test
  void malformedUrl() {
    refused(verifier().verifyUrl(null), Reason.MALFORMED_URL, null);
    refused(verifier().verifyQuery(null), Reason.MALFORMED_URL, null);
    refused(verifier().verifyUrl(url(HELLO) + "#top"), Reason.MALFORMED_URL, null);
    refused(verifier().verifyUrl("#" + url(HELLO)), Reason.MALFORMED_URL, null);
    refused(verifier().verifyUrl("#"), Reason.MALFORMED_URL, null);
    refused(
        verifier().verifyUrl(ENDPOINT + "#?" + query(HELLO, signature(HELLO))),
        Reason.MALFORMED_URL,
        null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://analytics.example.com/embed/greet",
        "https://analytics.example.com:8444/embed/greet",
        "http://analytics.example.com:8443/embed/greet",
        "https://other.example.com:8443/embed/greet",
        "https://analytics.example.com:8443/embed/greeting",
        "https://analytics.example.com:8443/embed/greet/",
        "https://analytics.example.com:8443/embed",
        "https://analytics.example.com:8443/EMBED/greet",
        "https://analytics.example.com:8443",
        "",
        "/embed/greet",
      })
  void wrongEndpoint(String endpoint) {
    VerificationFailure failure =
        refused(
            verifier().verifyUrl(endpoint + "?" + query(HELLO, signature(HELLO))),
            Reason.WRONG_ENDPOINT,
            null);
    assertEquals("the URL does not start with " + ENDPOINT, failure.message());
  }

  @Test
  void anEndpointWithoutQueryLacksTheSignature() {
    refused(verifier().verifyUrl(ENDPOINT), Reason.MISSING_PARAMETER, "sig");
    refused(verifier().verifyUrl(ENDPOINT + "?"), Reason.MISSING_PARAMETER, "sig");
  }

  @Test
  void malformedEncoding() {
    String good = query(HELLO, signature(HELLO));
    VerificationFailure inValue =
        refused(verifier().verifyQuery(good + "&count=%G7"), Reason.MALFORMED_ENCODING, "count");
    assertTrue(inValue.message().contains("%XX"), inValue.message());
    refused(verifier().verifyQuery("name=%C3%28&" + good), Reason.MALFORMED_ENCODING, "name");
    refused(verifier().verifyQuery("na%ZZme=x&" + good), Reason.MALFORMED_ENCODING, null);
    refused(verifier().verifyQuery(good + "&"), Reason.MALFORMED_ENCODING, null);
    refused(
        verifier().verifyQuery(good.replace("Zo%C3%AB", "Zo\u00eb")),
        Reason.MALFORMED_ENCODING,
        "name");
    // Even in a parameter the verifier would pass over.
    refused(
        verifier().ignoringUnknownParameters().verifyQuery(good + "&utm=%"),
        Reason.MALFORMED_ENCODING,
        "utm");
  }

  /**
   * A refusal of a whole URL counts its indexes from the query's start, as one of the query does.
   */
  @Test
  void indexesInAUrlsRefusalsCountFromTheQuery() {
    String good = query(HELLO, signature(HELLO));
    // Each broken ending, and where its fault stands in it.
    Map<String, Integer> broken = Map.of("&count=%G7", 7, "&count=a b", 8, "&&count=1", 1);
    broken.forEach(
        (ending, at) -> {
          String ofQuery = verifier().verifyQuery(good + ending).failure().orElseThrow().message();
          String ofUrl =
              verifier()
                  .verifyUrl(ENDPOINT + "?" + good + ending)
                  .failure()
                  .orElseThrow()
                  .message();
          assertTrue(ofQuery.matches(".*index " + (good.length() + at) + "\\b.*"), ofQuery);
          assertEquals(ofQuery, ofUrl);
        });
  }

  @Test
  void repeatedParameter() {
    String good = query(HELLO, signature(HELLO));
    refused(verifier().verifyQuery(good + "&nonce=abcd1234"), Reason.REPEATED_PARAMETER, "nonce");
    refused(verifier().verifyQuery(good + "&count=8"), Reason.REPEATED_PARAMETER, "count");
    refused(verifier().verifyQuery(good + "&sig=x"), Reason.REPEATED_PARAMETER, "sig");
    // Spelled differently, decoded the same.
    refused(verifier().verifyQuery(good + "&%6Eame=x"), Reason.REPEATED_PARAMETER, "name");
  }

  @Test
  void unknownParameter() {
    String good = query(HELLO, signature(HELLO));
    VerificationFailure failure =
        refused(
            verifier().verifyQuery(good + "&utm_source=mail"),
            Reason.UNKNOWN_PARAMETER,
            "utm_source");
    assertEquals("is not a parameter of this request", failure.message());
    refused(verifier().verifyQuery("Name=x&" + good), Reason.UNKNOWN_PARAMETER, "Name");
    refused(verifier().verifyQuery(good + "&="), Reason.UNKNOWN_PARAMETER, "");
  }

  @Test
  void ignoringUnknownParametersPassesOverThemUnsigned() {
    Verifier<Greeting> strict = verifier();
    Verifier<Greeting> lenient = strict.ignoringUnknownParameters();
    String withExtras = "utm=1&" + query(HELLO, signature(HELLO)) + "&utm=2&x&=y";
    // The reader (see read) fails the test if it is given more than the signed parameters.
    assertEquals(HELLO, verified(lenient.verifyQuery(withExtras)));
    // The verifier it came from is unchanged.
    refused(strict.verifyQuery(withExtras), Reason.UNKNOWN_PARAMETER, "utm");
    // Known parameters are still checked.
    refused(lenient.verifyQuery(withExtras + "&name=x"), Reason.REPEATED_PARAMETER, "name");
  }

  @Test
  void missingParameter() {
    String signature = signature(HELLO);
    VerificationFailure noSignature =
        refused(verifier().verifyQuery("name=a&nonce=abcd1234"), Reason.MISSING_PARAMETER, "sig");
    assertEquals("the signature is missing", noSignature.message());
    VerificationFailure noName =
        refused(
            verifier().verifyQuery("nonce=abcd1234&sig=" + signature),
            Reason.MISSING_PARAMETER,
            "name");
    assertEquals("is required", noName.message());
    refused(verifier().verifyQuery("name=a&sig=" + signature), Reason.MISSING_PARAMETER, "nonce");
    refused(verifier().verifyQuery(""), Reason.MISSING_PARAMETER, "sig");
  }

  @Test
  void invalidValue() {
    String signature = signature(HELLO);
    VerificationFailure notAnInt =
        refused(
            verifier().verifyQuery("name=a&nonce=abcd1234&count=07&sig=" + signature),
            Reason.INVALID_VALUE,
            "count");
    assertEquals(
        "count: must be a whole number written without sign + or leading zeros",
        notAnInt.message());
    refused(
        verifier().verifyQuery("name=a%0Ab&nonce=abcd1234&sig=" + signature),
        Reason.INVALID_VALUE,
        "name");
    // Anything else a reader throws refuses the URL without naming a parameter.
    VerificationFailure crash =
        refused(
            verifier().verifyQuery("name=crash&nonce=abcd1234&sig=" + signature),
            Reason.INVALID_VALUE,
            null);
    assertEquals("a value could not be read", crash.message());
  }

  @Test
  void aReaderRefusalThatNamesNoParameterIsStillARefusal() {
    Verifier<Greeting> verifier =
        Verifier.of(
            scheme(
                MacAlgorithm.HMAC_SHA256,
                SignatureFormat.BASE64URL_UNPADDED,
                received -> {
                  throw new InvalidParameterException(null, "no one parameter is at fault");
                }),
            ORIGIN,
            SECRET);
    VerificationFailure failure =
        refused(verifier.verifyUrl(url(HELLO)), Reason.INVALID_VALUE, null);
    assertEquals("null: no one parameter is at fault", failure.message());
  }

  @Test
  void malformedNonce() {
    String signature = signature(HELLO);
    for (String nonce : new String[] {"abc", "abcd12345", "abcd-123", "", "abcd%20123"}) {
      VerificationFailure failure =
          refused(
              verifier().verifyQuery("name=a&nonce=" + nonce + "&sig=" + signature),
              Reason.MALFORMED_NONCE,
              "nonce");
      assertEquals("nonce: must be 8 letters or digits", failure.message());
    }
  }

  @Test
  void badSignature() {
    Greeting tampered = new Greeting(HELLO.name(), HELLO.nonce(), 8);
    Verification<Greeting> verification = verifier().verifyQuery(query(tampered, signature(HELLO)));
    refused(verification, Reason.BAD_SIGNATURE, "sig");
    // The report shows the text rebuilt from what was received: line 4, the count, differs.
    SignedTextReport report = verification.report().orElseThrow();
    assertEquals(signedText(tampered, ORIGIN), report.signedText());
    assertEquals(4, report.firstDifferingLine(signedText(HELLO, ORIGIN), "\n"));
    // Signed for another origin.
    String elsewhere =
        signature(
            MacAlgorithm.HMAC_SHA256,
            SignatureFormat.BASE64URL_UNPADDED,
            signedText(HELLO, Origin.https("analytics.example.com")));
    refused(verifier().verifyQuery(query(HELLO, elsewhere)), Reason.BAD_SIGNATURE, "sig");
    // Signed with another secret.
    Verifier<Greeting> otherSecret = Verifier.of(SCHEME, ORIGIN, Secret.ofUtf8(KEY + "x"));
    refused(otherSecret.verifyUrl(url(HELLO)), Reason.BAD_SIGNATURE, "sig");
  }

  @Test
  void signaturesOfEveryOtherLengthAreRefusedCleanly() {
    String good = signature(HELLO);
    Random random = new Random(0x51671L);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int length = 0; length <= 2 * good.length() + 1; length++) {
      StringBuilder signature = new StringBuilder();
      for (int i = 0; i < length; i++) {
        signature.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      refused(
          verifier().verifyQuery(query(HELLO, signature.toString())), Reason.BAD_SIGNATURE, "sig");
    }
    // Prefixes and extensions of the right signature, and one character changed.
    for (int cut = 0; cut < good.length(); cut++) {
      refused(
          verifier().verifyQuery(query(HELLO, good.substring(0, cut))),
          Reason.BAD_SIGNATURE,
          "sig");
    }
    refused(verifier().verifyQuery(query(HELLO, good + "A")), Reason.BAD_SIGNATURE, "sig");
    refused(verifier().verifyQuery(query(HELLO, good + good)), Reason.BAD_SIGNATURE, "sig");
    char last = good.charAt(good.length() - 1);
    String changed = good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A');
    refused(verifier().verifyQuery(query(HELLO, changed)), Reason.BAD_SIGNATURE, "sig");
    // Multi-byte characters make the UTF-8 bytes longer than the text.
    refused(
        verifier().verifyQuery(query(HELLO, "\u00e9".repeat(good.length()))),
        Reason.BAD_SIGNATURE,
        "sig");
    refused(verifier().verifyQuery(query(HELLO, good.toUpperCase())), Reason.BAD_SIGNATURE, "sig");
  }

  @Test
  void replayedNonce() {
    Verifier<Greeting> verifier = verifier();
    String url = url(HELLO);
    assertEquals(HELLO, verified(verifier.verifyUrl(url)));
    VerificationFailure failure = refused(verifier.verifyUrl(url), Reason.REPLAYED_NONCE, "nonce");
    assertEquals("was used before: the URL is replayed", failure.message());
    // Another request with the same nonce is a replay of the nonce too.
    refused(
        verifier.verifyUrl(url(new Greeting("other", HELLO.nonce(), null))),
        Reason.REPLAYED_NONCE,
        "nonce");
    // Each verifier made with of() has a store of its own.
    assertEquals(HELLO, verified(verifier().verifyUrl(url)));
  }

  @Test
  void nonceNotRecorded() {
    Verifier<Greeting> verifier = verifier().withNonceStore(nonce -> Outcome.FULL);
    VerificationFailure failure =
        refused(verifier.verifyUrl(url(HELLO)), Reason.NONCE_NOT_RECORDED, "nonce");
    assertTrue(failure.message().contains("full"), failure.message());
    // And with the in-memory store, once it is full.
    Verifier<Greeting> small =
        verifier().withNonceStore(new InMemoryNonceStore(1, java.time.Duration.ofHours(1)));
    verified(small.verifyUrl(url(new Greeting("a", "aaaaaaaa", null))));
    refused(
        small.verifyUrl(url(new Greeting("b", "bbbbbbbb", null))),
        Reason.NONCE_NOT_RECORDED,
        "nonce");
  }

  @Test
  void aStoreThatCannotAnswerRefusesTheUrl() {
    String url = url(HELLO);
    VerificationFailure failure =
        refused(
            verifier().withNonceStore(nonce -> Outcome.UNAVAILABLE).verifyUrl(url),
            Reason.NONCE_STORE_UNAVAILABLE,
            "nonce");
    assertTrue(failure.message().contains("could not answer"), failure.message());
    // A store that throws, or answers nothing, fails closed the same way: verifyUrl never throws.
    NonceStore throwing =
        nonce -> {
          throw new IllegalStateException("connection refused");
        };
    Verification<Greeting> thrown = verifier().withNonceStore(throwing).verifyUrl(url);
    refused(thrown, Reason.NONCE_STORE_UNAVAILABLE, "nonce");
    assertFalse(thrown.failure().orElseThrow().message().contains("connection refused"));
    refused(
        verifier().withNonceStore(nonce -> null).verifyUrl(url),
        Reason.NONCE_STORE_UNAVAILABLE,
        "nonce");
    // The report is there: the signature held, only the store failed.
    assertTrue(thrown.report().isPresent());
  }

  @Test
  void aStoreSaysNoTimeToLiveUnlessItKnowsOne() {
    NonceStore lambda = nonce -> Outcome.FIRST_USE;
    assertEquals(Optional.empty(), lambda.timeToLive());
    assertEquals(
        Optional.of(java.time.Duration.ofMinutes(5)),
        new InMemoryNonceStore(1, java.time.Duration.ofMinutes(5)).timeToLive());
  }

  // ---------------------------------------------------------------- the nonce store

  /** A store that records what it is asked, and answers as told. */
  private static final class RecordingStore implements NonceStore {
    final List<String> asked = new ArrayList<>();
    Outcome answer = Outcome.FIRST_USE;

    @Override
    public Outcome record(String nonce) {
      asked.add(nonce);
      return answer;
    }
  }

  @Test
  void theStoreIsAskedOnlyOnceTheSignatureHoldsWithTheDecodedNonce() {
    RecordingStore store = new RecordingStore();
    Verifier<Greeting> verifier = verifier().withNonceStore(store);
    // A bad signature does not use up the nonce: nobody without the secret can fill the store.
    refused(verifier.verifyQuery(query(HELLO, "forged")), Reason.BAD_SIGNATURE, "sig");
    refused(
        verifier.verifyQuery(query(HELLO, signature(HELLO)) + "&x=1"),
        Reason.UNKNOWN_PARAMETER,
        "x");
    refused(verifier.verifyQuery("name=a&nonce=abc&sig=x"), Reason.MALFORMED_NONCE, "nonce");
    assertEquals(List.of(), store.asked);
    // %61 is "a": the store gets the nonce as it was signed.
    String query = query(HELLO, signature(HELLO)).replace("nonce=abcd1234", "nonce=%61bcd1234");
    assertEquals(HELLO, verified(verifier.verifyQuery(query)));
    assertEquals(List.of("abcd1234"), store.asked);
    store.answer = Outcome.REPLAYED;
    refused(verifier.verifyQuery(query), Reason.REPLAYED_NONCE, "nonce");
    store.answer = Outcome.FULL;
    refused(verifier.verifyQuery(query), Reason.NONCE_NOT_RECORDED, "nonce");
    assertEquals(List.of("abcd1234", "abcd1234", "abcd1234"), store.asked);
  }

  @Test
  void withNonceStoreAndIgnoringUnknownParametersKeepEachOther() {
    RecordingStore store = new RecordingStore();
    String withExtra = query(HELLO, signature(HELLO)) + "&utm=1";
    Verifier<Greeting> a = verifier().ignoringUnknownParameters().withNonceStore(store);
    Verifier<Greeting> b = verifier().withNonceStore(store).ignoringUnknownParameters();
    assertEquals(HELLO, verified(a.verifyQuery(withExtra)));
    assertEquals(HELLO, verified(b.verifyQuery(withExtra)));
    assertEquals(List.of("abcd1234", "abcd1234"), store.asked);
    // withNonceStore leaves the verifier it came from with its own store.
    Verifier<Greeting> original = verifier();
    Verifier<Greeting> replaced = original.withNonceStore(store);
    assertEquals(HELLO, verified(original.verifyUrl(url(HELLO))));
    refused(original.verifyUrl(url(HELLO)), Reason.REPLAYED_NONCE, "nonce");
    assertEquals(HELLO, verified(replaced.verifyUrl(url(HELLO))));
  }

  // ---------------------------------------------------------------- the order of checks

  @Test
  void theFirstFaultInCheckingOrderIsReported() {
    String signature = signature(HELLO);
    // A fragment, before the endpoint.
    refused(verifier().verifyUrl("https://elsewhere/x?a#b"), Reason.MALFORMED_URL, null);
    // The endpoint, before the query.
    refused(verifier().verifyUrl("https://elsewhere/x?%"), Reason.WRONG_ENDPOINT, null);
    // The whole query's encoding, before any parameter's name: the broken pair comes last.
    refused(verifier().verifyQuery("utm=1&name=a&name=b&c=%"), Reason.MALFORMED_ENCODING, "c");
    // Names pair by pair, in the query's order: whichever fault comes first.
    refused(verifier().verifyQuery("name=a&name=b&utm=1"), Reason.REPEATED_PARAMETER, "name");
    refused(verifier().verifyQuery("utm=1&name=a&name=b"), Reason.UNKNOWN_PARAMETER, "utm");
    // Names before presence: the unknown one, though the signature is missing.
    refused(verifier().verifyQuery("name=a&utm=1"), Reason.UNKNOWN_PARAMETER, "utm");
    // The signature's presence before required parameters.
    refused(verifier().verifyQuery("count=1"), Reason.MISSING_PARAMETER, "sig");
    // Presence before values.
    refused(verifier().verifyQuery("count=x&sig=" + signature), Reason.MISSING_PARAMETER, "name");
    // Values before the signature.
    refused(
        verifier().verifyQuery("name=a&nonce=abcd1234&count=x&sig=wrong"),
        Reason.INVALID_VALUE,
        "count");
    refused(verifier().verifyQuery("name=a&nonce=bad&sig=wrong"), Reason.MALFORMED_NONCE, "nonce");
    // The signature before the nonce's freshness.
    Verifier<Greeting> verifier = verifier().withNonceStore(nonce -> Outcome.REPLAYED);
    refused(verifier.verifyQuery(query(HELLO, "wrong")), Reason.BAD_SIGNATURE, "sig");
    refused(verifier.verifyQuery(query(HELLO, signature)), Reason.REPLAYED_NONCE, "nonce");
  }

  @Test
  void reasonsAreDeclaredInCheckingOrder() {
    assertEquals(
        List.of(
            Reason.MALFORMED_URL,
            Reason.WRONG_ENDPOINT,
            Reason.MALFORMED_ENCODING,
            Reason.REPEATED_PARAMETER,
            Reason.UNKNOWN_PARAMETER,
            Reason.MISSING_PARAMETER,
            Reason.INVALID_VALUE,
            Reason.MALFORMED_NONCE,
            Reason.BAD_SIGNATURE,
            // A laid-out URL's timestamp or a token's times, checked after the signature.
            Reason.EXPIRED,
            Reason.NOT_YET_VALID,
            Reason.REPLAYED_NONCE,
            Reason.NONCE_NOT_RECORDED,
            Reason.NONCE_STORE_UNAVAILABLE,
            // Then the reasons of signed JWTs alone.
            Reason.MALFORMED_TOKEN,
            Reason.UNSUPPORTED_ALGORITHM,
            Reason.UNKNOWN_KEY),
        List.of(Reason.values()));
  }

  // ---------------------------------------------------------------- never throws

  /**
   * Random edits of signed URLs, and random text: every outcome is a Verification, and whatever is
   * verified is a request that was signed.
   */
  @Test
  void neverThrowsAndVerifiesOnlyWhatWasSigned() {
    Random random = new Random(0xF022L);
    Verifier<Greeting> verifier = verifier().withNonceStore(nonce -> Outcome.FIRST_USE);
    List<Greeting> signed = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Greeting greeting =
          new Greeting(
              QueryStringTest.wellFormed(random).replace('\n', ' '),
              "n0nce" + (100 + random.nextInt(900)),
              random.nextBoolean() ? null : random.nextInt() >> random.nextInt(32));
      signed.add(greeting);
      urls.add(url(greeting));
    }
    Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    Set<Greeting> verifiedRequests = new HashSet<>();
    String alphabet = "?&=%+#/:.abcnoegsiu0123456789ABCDEF\u00e9 \n";
    for (int i = 0; i < 30_000; i++) {
      StringBuilder url = new StringBuilder(urls.get(random.nextInt(urls.size())));
      int edits = random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(url.length() + 1);
        switch (random.nextInt(3)) {
          case 0:
            url.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            break;
          case 1:
            if (at < url.length()) {
              url.deleteCharAt(at);
            }
            break;
          default:
            if (at < url.length()) {
              url.setCharAt(at, (char) random.nextInt(0x80));
            }
        }
      }
      String text = url.toString();
      Verification<Greeting> verification =
          random.nextInt(4) == 0
              ? verifier.verifyQuery(text.substring(text.indexOf('?') + 1))
              : verifier.verifyUrl(text);
      assertNotNull(verification);
      assertEquals(verification.isVerified(), verification.request().isPresent(), text);
      assertEquals(verification.isVerified(), verification.failure().isEmpty(), text);
      if (verification.isVerified()) {
        Greeting request = verification.request().orElseThrow();
        assertTrue(signed.contains(request), "verified a request nobody signed: " + text);
        verifiedRequests.add(request);
      } else {
        reasons.add(verification.failure().orElseThrow().reason());
      }
    }
    // The edits must reach deep enough to matter.
    assertTrue(verifiedRequests.size() > 20, "verified: " + verifiedRequests.size());
    assertTrue(
        reasons.containsAll(
            EnumSet.of(
                Reason.MALFORMED_URL,
                Reason.WRONG_ENDPOINT,
                Reason.MALFORMED_ENCODING,
                Reason.UNKNOWN_PARAMETER,
                Reason.MISSING_PARAMETER,
                Reason.INVALID_VALUE,
                Reason.MALFORMED_NONCE,
                Reason.BAD_SIGNATURE)),
        reasons.toString());
  }

  // ---------------------------------------------------------------- text

  @Test
  void toStrings() {
    assertEquals("Verifier[" + ENDPOINT + "]", verifier().toString());
    Verification<Greeting> verified = verifier().verifyUrl(url(HELLO));
    assertEquals("Verified[" + HELLO + "]", verified.toString());
    Verification<Greeting> refused = verifier().verifyQuery("name=a&nonce=abcd1234");
    assertEquals("Refused[MISSING_PARAMETER (sig): the signature is missing]", refused.toString());
    assertEquals(
        "WRONG_ENDPOINT: the URL does not start with " + ENDPOINT,
        verifier().verifyUrl("https://x/").failure().orElseThrow().toString());
    assertNull(verifier().verifyUrl(null).failure().orElseThrow().parameter());
  }
}
