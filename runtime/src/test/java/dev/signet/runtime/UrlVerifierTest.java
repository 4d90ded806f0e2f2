package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.internal.LaidOutUrlScheme;
import dev.signet.runtime.internal.LaidOutUrlScheme.Layout;
import dev.signet.runtime.internal.LaidOutUrlScheme.NonceRule;
import dev.signet.runtime.internal.LaidOutUrlScheme.Place;
import dev.signet.runtime.internal.LaidOutUrlScheme.QueryEncoding;
import dev.signet.runtime.internal.LaidOutUrlScheme.Slot;
import dev.signet.runtime.internal.UrlTexts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The laid-out scheme and its verifier, over a scheme written here as generated code writes one: a
 * path segment, a signed value, a timestamp, an unsigned fragment value and a spread, the URL
 * signed as written and framed.
 */
class UrlVerifierTest {
  private static final Origin ORIGIN = Origin.https("embed.example.com");
  private static final Secret SECRET = Secret.ofUtf8("secret");
  private static final long NOW = 1_700_000_000L;

  /** The request is its texts: what the generated class would check is checked by the scheme. */
  private static final LaidOutUrlScheme<UrlTexts> SCHEME =
      new LaidOutUrlScheme<>(
          "/reports/{report}",
          "signature",
          Layout.URL_AS_WRITTEN,
          "GET,{text},{ts}",
          "\n",
          QueryEncoding.RFC_3986,
          MacAlgorithm.HMAC_SHA256,
          SignatureFormat.HEX,
          List.of(
              new Slot("report", Place.PATH_SEGMENT, true),
              new Slot("key", Place.QUERY, true),
              new Slot("ts", Place.QUERY, true),
              new Slot("p_", Place.SPREAD, false),
              new Slot("theme", Place.UNSIGNED_FRAGMENT, false)),
          0,
          true,
          null,
          "ts",
          received -> received,
          request -> request);

  private static UrlTexts texts(String report, String key, Map<String, String> spread) {
    return SCHEME.checkedTexts(List.of(spread), report, key, String.valueOf(NOW), null, "dark");
  }

  private static UrlVerifier<UrlTexts> verifier(long now) {
    return UrlVerifier.of(SCHEME, ORIGIN, SECRET)
        .withClock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
  }

  @Test
  void writesTheQueryAsRfc3986AndSignsItAsWrittenInItsFrame() {
    UrlTexts texts = texts("a/b c", "k!*'() ~", Map.of("x", "1"));
    String url = SCHEME.signedUrl(ORIGIN, SECRET, texts);
    String unsigned =
        "https://embed.example.com/reports/a%2Fb%20c?key=k%21%2A%27%28%29%20~&p_x=1&ts=" + NOW;
    assertTrue(url.startsWith(unsigned + "&signature="), url);
    assertTrue(url.endsWith("#theme=dark"), url);
    assertEquals("GET," + unsigned + "," + NOW, SCHEME.canonicalText(ORIGIN, texts));
  }

  @Test
  void acceptsItsOwnUrlOnceWithinTheWindowAndGivesTheFragmentApart() {
    String url = SCHEME.signedUrl(ORIGIN, SECRET, texts("r", "k", Map.of("x", "1")));
    UrlVerifier<UrlTexts> verifier = verifier(NOW + 10);
    Verification<UrlTexts> verified = verifier.verifyUrl(url);
    assertTrue(verified.isVerified(), () -> verified.failure().orElseThrow().toString());
    assertEquals(Map.of("theme", "dark"), verified.unauthenticated());
    assertEquals(null, verified.request().orElseThrow().values()[4], "never in the request");
    assertEquals(Reason.REPLAYED_NONCE, reason(verifier.verifyUrl(url)));
    assertEquals(Reason.EXPIRED, reason(verifier(NOW + 301).verifyUrl(url)));
    assertEquals(Reason.NOT_YET_VALID, reason(verifier(NOW - 61).verifyUrl(url)));
    assertTrue(
        verifier(NOW)
            .withFreshness(Duration.ofHours(1), Duration.ZERO)
            .withClock(Clock.fixed(Instant.ofEpochSecond(NOW + 3000), ZoneOffset.UTC))
            .verifyUrl(url)
            .isVerified());
  }

  @Test
  void reportsTheSignedLinesInSignedOrderAndGivesUnsignedValuesInTheOrderReceived() {
    LaidOutUrlScheme<UrlTexts> scheme =
        new LaidOutUrlScheme<>(
            "/login/{target}",
            "signature",
            Layout.HOST_THEN_PATH_THEN_VALUES,
            "{text}",
            "\n",
            QueryEncoding.FORM,
            MacAlgorithm.HMAC_SHA256,
            SignatureFormat.HEX,
            List.of(
                new Slot("target", Place.PATH_SEGMENT, true),
                new Slot("ts", Place.QUERY, true),
                new Slot("ua_", Place.SPREAD, false),
                new Slot("last", Place.QUERY, true),
                new Slot("zone", Place.UNSIGNED_QUERY, false),
                new Slot("alpha", Place.UNSIGNED_QUERY, false),
                new Slot("mid", Place.UNSIGNED_QUERY, false)),
            5,
            false,
            null,
            "ts",
            received -> received,
            request -> request);
    UrlTexts texts =
        scheme.checkedTexts(
            List.of(Map.of("region", "west")), "t", String.valueOf(NOW), null, "l", "z", "a", "m");
    Verification<UrlTexts> verified =
        UrlVerifier.of(scheme, ORIGIN, SECRET)
            .withClock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
            .verifyUrl(scheme.signedUrl(ORIGIN, SECRET, texts));
    assertTrue(verified.isVerified(), () -> verified.failure().orElseThrow().toString());
    assertEquals(List.of("zone", "alpha", "mid"), List.copyOf(verified.unauthenticated().keySet()));
    SignedTextReport report = verified.report().orElseThrow();
    assertEquals(
        List.of(
            new SignedTextReport.Line("host", "embed.example.com"),
            new SignedTextReport.Line("path", "/login/t"),
            new SignedTextReport.Line("ts", String.valueOf(NOW)),
            new SignedTextReport.Line("ua_region", "west"),
            new SignedTextReport.Line("last", "l")),
        report.lines());
    assertEquals(scheme.canonicalText(ORIGIN, texts), report.signedText());
  }

  @Test
  void refusesWhatWasNotSignedSo() {
    String url = SCHEME.signedUrl(ORIGIN, SECRET, texts("r", "k", Map.of()));
    assertEquals(
        Reason.BAD_SIGNATURE, reason(verifier(NOW).verifyUrl(url.replace("key=k", "key=j"))));
    assertEquals(
        Reason.WRONG_ENDPOINT, reason(verifier(NOW).verifyUrl(url.replace("/reports/r", "/r"))));
    // The signature must come last: what follows it would be sent but not signed.
    assertEquals(
        Reason.MALFORMED_URL,
        reason(verifier(NOW).verifyUrl(url.substring(0, url.indexOf('#')) + "&p_y=2")));
    assertEquals(
        Reason.UNKNOWN_PARAMETER,
        reason(verifier(NOW).verifyUrl(url.replace("key=", "other=1&key="))));
  }

  @Test
  void refusesSpreadKeysThatReadAsAnotherParameter() {
    InvalidParameterException refusal =
        assertThrows(InvalidParameterException.class, () -> texts("r", "k", Map.of("", "1")));
    assertEquals("p_*", refusal.parameter());
    assertThrows(
        InvalidParameterException.class,
        () -> SCHEME.checkedTexts(List.of(Map.of()), "", "k", String.valueOf(NOW), null, null));
  }

  @Test
  void rangesNameTheirBounds() {
    assertEquals(5, LaidOutUrlScheme.range("n", 5, 0, 10));
    assertEquals(
        "n: must be between 0 and 10, not 11",
        assertThrows(InvalidParameterException.class, () -> LaidOutUrlScheme.range("n", 11, 0, 10))
            .getMessage());
    assertEquals(
        "n: must be at most 10, not 11",
        assertThrows(
                InvalidParameterException.class,
                () -> LaidOutUrlScheme.range("n", 11, Long.MIN_VALUE, 10))
            .getMessage());
  }

  @Test
  void noncesTakeEachDeclaredForm() {
    LaidOutUrlScheme<UrlTexts> scheme =
        new LaidOutUrlScheme<>(
            "/x",
            "signature",
            Layout.URL_THEN_VALUES,
            "{text}",
            "\n",
            QueryEncoding.FORM,
            MacAlgorithm.HMAC_SHA256,
            SignatureFormat.HEX,
            List.of(new Slot("nonce", Place.QUERY, true)),
            0,
            false,
            new NonceRule(
                "nonce",
                32,
                "0123456789abcdef",
                false,
                NonceRule.Form.CHARACTERS,
                NonceRule.Form.UUID),
            null,
            received -> received,
            request -> request);
    assertTrue(scheme.nonce(null).matches("[0-9a-f]{32}"));
    String uuid = "83894a98-2460-5729-b32d-db850ed4a65d";
    assertEquals(uuid, scheme.nonce(uuid));
    assertEquals(
        "nonce: must be a UUID (8-4-4-4-12 lower-case hex digits) or 32 characters of"
            + " 0123456789abcdef",
        assertThrows(InvalidParameterException.class, () -> scheme.nonce("xyz")).getMessage());
  }

  private static Reason reason(Verification<?> verification) {
    return verification.failure().orElseThrow().reason();
  }
}
