package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.internal.JwtScheme;
import dev.signet.runtime.internal.JwtScheme.Part;
import dev.signet.runtime.internal.JwtScheme.TokenPlace;
import dev.signet.runtime.internal.JwtScheme.TokenUrl;
import dev.signet.runtime.internal.JwtScheme.UnsignedValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link JwtVerifier#verifyUrl} over schemes written here as generated code writes them: the token
 * in the query beside a constant (Sigma's {@code :jwt} and {@code :embed=true}), in a path segment
 * with options in the fragment (Metabase), alone in the fragment (Lightdash), and in no URL
 * (Tableau). The request is the claims as read, so that a test sees exactly what came back.
 */
class JwtVerifierUrlTest {
  private static final Secret SECRET = Secret.ofUtf8("a secret of the embedding host, 32+ bytes");
  private static final SiteUrl SITE = SiteUrl.of("https://embed.example.com");
  private static final long NOW = 1_700_000_000L;

  private static final TokenUrl IN_QUERY =
      new TokenUrl(
          TokenPlace.QUERY,
          "/{path}",
          ":jwt",
          List.of(
              UnsignedValue.required("path", Part.PATH_SEGMENTS),
              UnsignedValue.constant(":embed", Part.QUERY, "true"),
              UnsignedValue.optional(":theme", Part.QUERY)));

  private static final TokenUrl IN_PATH =
      new TokenUrl(
          TokenPlace.PATH,
          "/embed/{area}/view/{token}",
          null,
          List.of(
              UnsignedValue.required("area", Part.PATH_SEGMENTS),
              UnsignedValue.optional("bordered", Part.FRAGMENT),
              UnsignedValue.optional("theme", Part.FRAGMENT)));

  private static final TokenUrl IN_FRAGMENT =
      new TokenUrl(
          TokenPlace.FRAGMENT,
          "/embed/{project}",
          null,
          List.of(UnsignedValue.required("project", Part.PATH_SEGMENT)));

  private static JwtScheme<Map<String, Object>> scheme(TokenUrl url) {
    return new JwtScheme<>(
        MacAlgorithm.HMAC_SHA256,
        "HS256",
        List.of(),
        List.of("sub", "jti", "iat", "exp"),
        List.of("sub", "jti", "iat", "exp"),
        "iat",
        "exp",
        "jti",
        600L,
        url,
        (header, claims) -> claims);
  }

  private static JwtVerifier<Map<String, Object>> verifier(TokenUrl url, long now) {
    return JwtVerifier.of(scheme(url), SECRET)
        .withClock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC))
        .withSite(SITE);
  }

  private static String token(String jti) {
    return scheme(IN_QUERY)
        .token(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
            "{\"sub\":\"ana\",\"jti\":\""
                + jti
                + "\",\"iat\":"
                + NOW
                + ",\"exp\":"
                + (NOW + 600)
                + "}",
            SECRET);
  }

  private static Reason reason(Verification<?> verification) {
    assertFalse(verification.isVerified(), verification::toString);
    return verification.failure().orElseThrow().reason();
  }

  private static VerificationFailure failure(Verification<?> verification) {
    assertFalse(verification.isVerified(), verification::toString);
    return verification.failure().orElseThrow();
  }

  @Test
  void takesTheTokenFromTheQueryAndGivesTheUnsignedValuesApart() {
    String url =
        SITE + "/acme/workbook/Sales%20Q1?:jwt=" + token("j1") + "&:embed=true&:theme=Dark%2BBold";
    JwtVerifier<Map<String, Object>> verifier = verifier(IN_QUERY, NOW);
    Verification<Map<String, Object>> verified = verifier.verifyUrl(url);
    assertTrue(verified.isVerified(), verified::toString);
    assertEquals(
        List.of("path", ":embed", ":theme"), List.copyOf(verified.unauthenticated().keySet()));
    assertEquals("acme/workbook/Sales Q1", verified.unauthenticated().get("path"));
    assertEquals("true", verified.unauthenticated().get(":embed"));
    assertEquals("Dark+Bold", verified.unauthenticated().get(":theme"));
    // The request is the token's claims and nothing of the URL.
    assertEquals(
        List.of("sub", "jti", "iat", "exp"),
        List.copyOf(verified.request().orElseThrow().keySet()));
    assertEquals(Reason.REPLAYED_NONCE, reason(verifier.verifyUrl(url)));
  }

  @Test
  void refusesAConstantMissingOrChangedNamingIt() {
    JwtVerifier<Map<String, Object>> verifier = verifier(IN_QUERY, NOW);
    String url = SITE + "/embed/abc?:jwt=" + token("j2");
    VerificationFailure missing = failure(verifier.verifyUrl(url));
    assertEquals(Reason.MISSING_PARAMETER, missing.reason());
    assertEquals(":embed", missing.parameter());
    assertEquals("is required: every URL carries :embed=true", missing.message());
    VerificationFailure changed = failure(verifier.verifyUrl(url + "&:embed=false"));
    assertEquals(Reason.INVALID_VALUE, changed.reason());
    assertEquals(":embed", changed.parameter());
    assertEquals("must be true, the value this URL's type fixes", changed.message());
    // Neither refusal used the token up: the URL as signed is still accepted, once.
    assertTrue(verifier.verifyUrl(url + "&:embed=true").isVerified());
    assertEquals(Reason.REPLAYED_NONCE, reason(verifier.verifyUrl(url + "&:embed=true")));
  }

  @Test
  void readsTheQueryStrictly() {
    JwtVerifier<Map<String, Object>> verifier = verifier(IN_QUERY, NOW);
    String url = SITE + "/embed/abc?:jwt=" + token("j3") + "&:embed=true";
    VerificationFailure twice = failure(verifier.verifyUrl(url + "&:embed=true"));
    assertEquals(Reason.REPEATED_PARAMETER, twice.reason());
    assertEquals(":embed", twice.parameter());
    VerificationFailure twoTokens = failure(verifier.verifyUrl(url + "&:jwt=" + token("j4")));
    assertEquals(Reason.REPEATED_PARAMETER, twoTokens.reason());
    assertEquals(":jwt", twoTokens.parameter());
    VerificationFailure unknown = failure(verifier.verifyUrl(url + "&:admin=1"));
    assertEquals(Reason.UNKNOWN_PARAMETER, unknown.reason());
    assertEquals(":admin", unknown.parameter());
    assertEquals("is not a parameter of this URL's query", unknown.message());
    // A fragment pair is not a query parameter, even under a query parameter's name.
    assertEquals(Reason.UNKNOWN_PARAMETER, reason(verifier.verifyUrl(url + "#:theme=x")));
    assertEquals(Reason.MALFORMED_ENCODING, reason(verifier.verifyUrl(url + "&:theme=%zz")));
    assertEquals(Reason.MALFORMED_ENCODING, reason(verifier.verifyUrl(url + "&&:theme=x")));
    VerificationFailure noToken = failure(verifier.verifyUrl(SITE + "/embed/abc?:embed=true"));
    assertEquals(Reason.MISSING_PARAMETER, noToken.reason());
    assertEquals(":jwt", noToken.parameter());
    assertTrue(verifier.verifyUrl(url).isVerified());
  }

  @Test
  void refusesAnotherSiteOrPath() {
    JwtVerifier<Map<String, Object>> verifier = verifier(IN_PATH, NOW);
    String token = token("j5");
    assertEquals(
        Reason.WRONG_ENDPOINT,
        reason(verifier.verifyUrl("https://other.example.com/embed/a/view/" + token)));
    assertEquals(
        Reason.WRONG_ENDPOINT, reason(verifier.verifyUrl(SITE + "/embed/a/look/" + token)));
    assertEquals(Reason.WRONG_ENDPOINT, reason(verifier.verifyUrl(SITE + "/embed/view/" + token)));
    assertEquals(Reason.WRONG_ENDPOINT, reason(verifier.verifyUrl(SITE + "/embed//view/" + token)));
    assertEquals(
        Reason.WRONG_ENDPOINT, reason(verifier.verifyUrl(SITE + "/embed/a/view/" + token + "/")));
    VerificationFailure escape = failure(verifier.verifyUrl(SITE + "/embed/a%2/view/" + token));
    assertEquals(Reason.MALFORMED_ENCODING, escape.reason());
    assertEquals("area", escape.parameter());
    assertEquals(
        Reason.MALFORMED_ENCODING, reason(verifier.verifyUrl(SITE + "/embed/%C3/view/" + token)));
    assertEquals(
        Reason.MALFORMED_ENCODING, reason(verifier.verifyUrl(SITE + "/embed/a b/view/" + token)));
    assertEquals(Reason.MALFORMED_URL, reason(verifier.verifyUrl(null)));
    assertEquals(
        Reason.MALFORMED_URL,
        reason(verifier.verifyUrl(SITE + "/embed/" + "a".repeat(JwtVerifier.MAX_URL_LENGTH))));
  }

  @Test
  void takesTheTokenFromThePathWhateverSegmentsAValueSpans() {
    JwtVerifier<Map<String, Object>> verifier = verifier(IN_PATH, NOW);
    // The value holds the literal segment that follows it: the path still reads one way only.
    String url = SITE + "/embed/sales/view/q%C3%BC1/view/" + token("j6") + "#bordered=true&theme=x";
    Verification<Map<String, Object>> verified = verifier.verifyUrl(url);
    assertTrue(verified.isVerified(), verified::toString);
    assertEquals(
        Map.of("area", "sales/view/qü1", "bordered", "true", "theme", "x"),
        verified.unauthenticated());
    assertEquals(Reason.REPLAYED_NONCE, reason(verifier.verifyUrl(url)));
    assertEquals(
        Reason.REPEATED_PARAMETER,
        reason(verifier.verifyUrl(SITE + "/embed/a/view/" + token("j7") + "#theme=x&theme=x")));
    assertEquals(
        Reason.UNKNOWN_PARAMETER,
        reason(verifier.verifyUrl(SITE + "/embed/a/view/" + token("j8") + "?theme=x")));
    // A server never receives the fragment: without it, the URL is verified all the same.
    Verification<Map<String, Object>> received =
        verifier.verifyUrl(SITE + "/embed/a/view/" + token("j9"));
    assertTrue(received.isVerified(), received::toString);
    assertEquals(Map.of("area", "a"), received.unauthenticated());
  }

  @Test
  void followsASiteWithAPath() {
    SiteUrl site = SiteUrl.of("http://127.0.0.1:3000/metabase/");
    JwtVerifier<Map<String, Object>> verifier =
        JwtVerifier.of(scheme(IN_PATH), SECRET)
            .withClock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
            .withSite(site);
    assertTrue(
        verifier
            .verifyUrl("http://127.0.0.1:3000/metabase/embed/a/view/" + token("j10"))
            .isVerified());
    assertEquals(
        Reason.WRONG_ENDPOINT,
        reason(verifier.verifyUrl("http://127.0.0.1:3000/embed/a/view/" + token("j11"))));
  }

  @Test
  void takesTheWholeFragmentAsTheToken() {
    JwtVerifier<Map<String, Object>> verifier = verifier(IN_FRAGMENT, NOW);
    String url = SITE + "/embed/p-1#" + token("j12");
    Verification<Map<String, Object>> verified = verifier.verifyUrl(url);
    assertTrue(verified.isVerified(), verified::toString);
    assertEquals(Map.of("project", "p-1"), verified.unauthenticated());
    VerificationFailure none = failure(verifier.verifyUrl(SITE + "/embed/p-1"));
    assertEquals(Reason.MISSING_PARAMETER, none.reason());
    assertEquals("the URL has no fragment, which carries the token", none.message());
    assertEquals(
        Reason.MALFORMED_TOKEN,
        reason(verifier.verifyUrl(SITE + "/embed/p-1#" + token("j13") + "&a=b")));
    assertEquals(
        Reason.UNKNOWN_PARAMETER,
        reason(verifier.verifyUrl(SITE + "/embed/p-1?a=b#" + token("j14"))));
    assertEquals(
        Reason.WRONG_ENDPOINT, reason(verifier.verifyUrl(SITE + "/embed/p/1#" + token("j15"))));
  }

  @Test
  void checksTheTokenAsVerifyDoes() {
    String token = token("j16");
    String url = SITE + "/embed/p-1#" + token;
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A";
    assertEquals(
        Reason.BAD_SIGNATURE,
        reason(verifier(IN_FRAGMENT, NOW).verifyUrl(SITE + "/embed/p-1#" + forged)));
    assertEquals(Reason.EXPIRED, reason(verifier(IN_FRAGMENT, NOW + 661).verifyUrl(url)));
    assertEquals(Reason.NOT_YET_VALID, reason(verifier(IN_FRAGMENT, NOW - 61).verifyUrl(url)));
    String none =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    assertEquals(
        Reason.UNSUPPORTED_ALGORITHM,
        reason(verifier(IN_FRAGMENT, NOW).verifyUrl(SITE + "/embed/p-1#" + none)));
    assertTrue(verifier(IN_FRAGMENT, NOW).verifyUrl(url).isVerified());
  }

  @Test
  void aTokenInNoUrlCannotBeVerifiedAsAUrl() {
    JwtVerifier<Map<String, Object>> alone = JwtVerifier.of(scheme(TokenUrl.NONE), SECRET);
    assertEquals(
        "this token type travels in no URL, only as the token itself: verify it with"
            + " verify(token)",
        assertThrows(UnsupportedOperationException.class, () -> alone.withSite(SITE)).getMessage());
    assertThrows(UnsupportedOperationException.class, () -> alone.verifyUrl(SITE + "/x"));
    assertEquals(
        "verifyUrl reads URLs of a site: name it first, with withSite(site)",
        assertThrows(
                IllegalStateException.class,
                () -> JwtVerifier.of(scheme(IN_QUERY), SECRET).verifyUrl(SITE + "/x"))
            .getMessage());
  }

  @Test
  void theSiteSurvivesTheOtherSettings() {
    JwtVerifier<Map<String, Object>> verifier =
        JwtVerifier.of(scheme(IN_FRAGMENT), SECRET)
            .withSite(SITE)
            .withSkew(Duration.ZERO)
            .withMaxLifetime(Duration.ofMinutes(10))
            .withNonceStore(InMemoryNonceStore.withDefaults())
            .withClock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    assertTrue(verifier.verifyUrl(SITE + "/embed/p#" + token("j17")).isVerified());
  }
}
