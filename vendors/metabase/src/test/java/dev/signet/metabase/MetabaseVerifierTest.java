package dev.signet.metabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.metabase.MetabaseVectors.Vector;
import dev.signet.runtime.InMemoryNonceStore;
import dev.signet.runtime.JwtVerifier;
import dev.signet.runtime.NonceStore;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SiteUrl;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated verifiers against every vector's URL, and against URLs and tokens changed the ways
 * an attacker would change them; nimbus-jose-jwt, an independent implementation, checks what Signet
 * signs and signs what Signet verifies.
 */
class MetabaseVerifierTest {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String SECRET_TEXT =
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private static final Secret SECRET = Secret.ofUtf8(SECRET_TEXT);
  private static final long IAT = 1_800_000_000L;

  static List<Vector> accepted() {
    return MetabaseVectors.accepted();
  }

  private static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  private static boolean dashboard(Vector vector) {
    return ((Map<?, ?>) vector.input().get("resource")).containsKey("dashboard");
  }

  /** The verifier of the vector's kind, for URLs of its site, by a clock at {@code now}. */
  private static JwtVerifier<?> verifier(Vector vector, long now) {
    Secret secret = Secret.ofUtf8(vector.string("secret"));
    SiteUrl site = SiteUrl.of(vector.string("siteUrl"));
    return dashboard(vector)
        ? SignetMetabaseDashboardEmbed.verifier(secret).withClock(at(now)).withSite(site)
        : SignetMetabaseQuestionEmbed.verifier(secret).withClock(at(now)).withSite(site);
  }

  /** The vector's URL checked by the verifier of its kind, at its issue time. */
  private static Verification<?> verifyUrl(Vector vector, String url) {
    return verifier(vector, vector.number("iat")).verifyUrl(url);
  }

  private static String url(Vector vector) {
    return (String) vector.expect().get("url");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptsEveryVectorsUrl(Vector vector) {
    Verification<?> verified = verifyUrl(vector, url(vector));
    assertTrue(verified.isVerified(), () -> verified.toString());
    // The claims read back are the ones signed: the request writes the same token again.
    Object request = verified.request().orElseThrow();
    Secret secret = Secret.ofUtf8(vector.string("secret"));
    String again =
        request instanceof SignetMetabaseDashboardEmbed d
            ? d.token(secret)
            : ((SignetMetabaseQuestionEmbed) request).token(secret);
    assertEquals(vector.expect().get("token"), again);
    // The appearance options come back apart, as received and in their order.
    Map<String, String> options = MetabaseVectors.fragment(vector.string("fragment"));
    assertEquals(options, verified.unauthenticated());
    assertEquals(List.copyOf(options.keySet()), List.copyOf(verified.unauthenticated().keySet()));
    Object read = verified.request().orElseThrow();
    assertEquals(
        Optional.empty(),
        read instanceof SignetMetabaseDashboardEmbed d
            ? d.bordered()
            : ((SignetMetabaseQuestionEmbed) read).bordered(),
        "never in the request");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void refusesEveryVectorsUrlTampered(Vector vector) {
    String url = url(vector);
    String token = (String) vector.expect().get("token");
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String changed = claims.replace("\"exp\":", "\"exp\":1");
    String forged = parts[0] + "." + encode(changed) + "." + parts[2];
    assertEquals(Reason.BAD_SIGNATURE, reason(verifyUrl(vector, url.replace(token, forged))));
    // A dashboard's token at a question's path, or the other way round.
    String kind = dashboard(vector) ? "/embed/dashboard/" : "/embed/question/";
    String other = dashboard(vector) ? "/embed/question/" : "/embed/dashboard/";
    assertEquals(Reason.WRONG_ENDPOINT, reason(verifyUrl(vector, url.replace(kind, other))));
    assertEquals(
        Reason.WRONG_ENDPOINT, reason(verifyUrl(vector, url.replace(kind, kind + "extra/"))));
    assertEquals(
        Reason.WRONG_ENDPOINT,
        reason(verifyUrl(vector, url.replace(vector.string("siteUrl"), "https://evil.example"))));
    String bare = withoutFragment(url);
    Verification<?> repeated = verifyUrl(vector, bare + "#titled=true&titled=false");
    assertEquals(Reason.REPEATED_PARAMETER, reason(repeated));
    assertEquals("titled", repeated.failure().orElseThrow().parameter());
    Verification<?> unknown = verifyUrl(vector, bare + "#admin=true");
    assertEquals(Reason.UNKNOWN_PARAMETER, reason(unknown));
    assertEquals("admin", unknown.failure().orElseThrow().parameter());
    // The options are not query parameters.
    assertEquals(Reason.UNKNOWN_PARAMETER, reason(verifyUrl(vector, bare + "?titled=true")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void refusesEveryVectorsUrlReplayedOrExpired(Vector vector) {
    String url = url(vector);
    long exp = vector.number("exp");
    // Past the expiry and the minute of skew.
    assertEquals(Reason.EXPIRED, reason(verifier(vector, exp + 60).verifyUrl(url)));
    JwtVerifier<?> verifier = verifier(vector, vector.number("iat"));
    assertTrue(verifier.verifyUrl(url).isVerified());
    assertEquals(Reason.REPLAYED_NONCE, reason(verifier.verifyUrl(url)));
    // As a server receives it, without the fragment: the same token, so a replay too.
    assertEquals(Reason.REPLAYED_NONCE, reason(verifier.verifyUrl(withoutFragment(url))));
  }

  private static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  @Test
  void refusesAlgNoneAndEveryOtherAlgorithm() throws Exception {
    SignetMetabaseDashboardEmbed embed = dashboard().build();
    String[] parts = embed.token(SECRET).split("\\.");
    JwtVerifier<SignetMetabaseDashboardEmbed> verifier = verifier();
    String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    assertEquals(Reason.UNSUPPORTED_ALGORITHM, reason(verifier.verify(none)));
    assertEquals(
        Reason.UNSUPPORTED_ALGORITHM,
        reason(verifier.verify(encode("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2])));
    // The same claims, signed by nimbus with the right secret under HS512: still refused.
    SignedJWT hs512 =
        new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), JWTClaimsSet.parse(embed.claimsJson()));
    hs512.sign(new MACSigner(SECRET_TEXT.getBytes(StandardCharsets.UTF_8)));
    assertEquals(Reason.UNSUPPORTED_ALGORITHM, reason(verifier.verify(hs512.serialize())));
  }

  @Test
  void nimbusVerifiesWhatSignetSigns() throws Exception {
    SignetMetabaseDashboardEmbed embed =
        SignetMetabaseDashboardEmbed.builder()
            .resource(MetabaseDashboard.of(42))
            .params(Map.of("region", MetabaseParam.of("west"), "store", MetabaseParam.of(12)))
            .iat(IAT)
            .build();
    SignedJWT parsed = SignedJWT.parse(embed.token(SECRET));
    assertTrue(parsed.verify(new MACVerifier(SECRET_TEXT.getBytes(StandardCharsets.UTF_8))));
    assertEquals(JWSAlgorithm.HS256, parsed.getHeader().getAlgorithm());
    assertEquals(IAT, parsed.getJWTClaimsSet().getIssueTime().toInstant().getEpochSecond());
    assertEquals(
        IAT + 600, parsed.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond());
    assertEquals(Map.of("dashboard", 42L), parsed.getJWTClaimsSet().getJSONObjectClaim("resource"));
  }

  @Test
  void signetVerifiesWhatNimbusSigns() throws Exception {
    JWTClaimsSet claims =
        JWTClaimsSet.parse(
            "{\"resource\":{\"dashboard\":42},\"params\":{\"region\":[\"west\"]},\"iat\":"
                + IAT
                + ",\"exp\":"
                + (IAT + 600)
                + "}");
    SignedJWT signed = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    signed.sign(new MACSigner(SECRET_TEXT.getBytes(StandardCharsets.UTF_8)));
    Verification<SignetMetabaseDashboardEmbed> verified = verifier().verify(signed.serialize());
    assertTrue(verified.isVerified(), verified::toString);
    SignetMetabaseDashboardEmbed embed = verified.request().orElseThrow();
    assertEquals(MetabaseDashboard.of(42), embed.resource());
    assertEquals(Map.of("region", MetabaseParam.ofList(List.of("west"))), embed.params());
    assertEquals(IAT + 600, embed.exp());
    // The appearance is not in the token, so a verified request has none.
    assertEquals(Optional.empty(), embed.bordered());
  }

  @Test
  void refusesWhatIsNotStrictUnpaddedBase64url() {
    String token = dashboard().build().token(SECRET);
    String[] parts = token.split("\\.");
    JwtVerifier<SignetMetabaseDashboardEmbed> verifier = verifier();
    assertEquals(Reason.MALFORMED_TOKEN, reason(verifier.verify(token + "=")));
    assertEquals(
        Reason.MALFORMED_TOKEN,
        reason(verifier.verify(parts[0] + "=." + parts[1] + "." + parts[2])));
    assertEquals(
        Reason.MALFORMED_TOKEN,
        reason(verifier.verify(token.replace('-', '+').replace('_', '/') + "+")));
    assertEquals(Reason.MALFORMED_TOKEN, reason(verifier.verify(parts[0] + "." + parts[1])));
    assertEquals(Reason.MALFORMED_TOKEN, reason(verifier.verify(token + ".x")));
    assertEquals(Reason.MALFORMED_TOKEN, reason(verifier.verify(null)));
    // A last character with stray low bits decodes to the same bytes, but is not how they encode.
    char last = parts[2].charAt(parts[2].length() - 1);
    String stray = parts[2].substring(0, parts[2].length() - 1) + (char) (last + 1);
    assertEquals(
        Reason.MALFORMED_TOKEN, reason(verifier.verify(parts[0] + "." + parts[1] + "." + stray)));
  }

  @Test
  void refusesTheFutureAndLifetimesBeyondTheLimit() {
    JwtVerifier<SignetMetabaseDashboardEmbed> verifier =
        SignetMetabaseDashboardEmbed.verifier(SECRET);
    String token = dashboard().build().token(SECRET);
    assertEquals(Reason.NOT_YET_VALID, reason(verifier.withClock(at(IAT - 61)).verify(token)));
    assertTrue(verifier.withClock(at(IAT - 60)).verify(token).isVerified());
    String longLived = dashboard().timeToLive(Duration.ofDays(2)).build().token(SECRET);
    Verification<SignetMetabaseDashboardEmbed> refused =
        verifier.withClock(at(IAT)).verify(longLived);
    assertEquals(Reason.INVALID_VALUE, reason(refused));
    assertEquals("exp", refused.failure().orElseThrow().parameter());
    assertTrue(
        verifier
            .withMaxLifetime(Duration.ofDays(3))
            .withClock(at(IAT))
            .verify(longLived)
            .isVerified());
  }

  @Test
  void refusesUnknownClaimsAndKeys() throws Exception {
    JwtVerifier<SignetMetabaseDashboardEmbed> verifier = verifier();
    SignedJWT extra =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256),
            JWTClaimsSet.parse(
                dashboard()
                    .build()
                    .claimsJson()
                    .replace("{\"resource\"", "{\"admin\":true,\"resource\"")));
    extra.sign(new MACSigner(SECRET_TEXT.getBytes(StandardCharsets.UTF_8)));
    Verification<SignetMetabaseDashboardEmbed> refused = verifier.verify(extra.serialize());
    assertEquals(Reason.UNKNOWN_PARAMETER, reason(refused));
    assertEquals("admin", refused.failure().orElseThrow().parameter());
    SignedJWT withKid =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("old").build(),
            JWTClaimsSet.parse(dashboard().build().claimsJson()));
    withKid.sign(new MACSigner(SECRET_TEXT.getBytes(StandardCharsets.UTF_8)));
    assertEquals(Reason.UNKNOWN_KEY, reason(verifier.verify(withKid.serialize())));
    // Rotation: the key is chosen by the token's kid.
    Secret newer = Secret.ofUtf8("a-newer-secret-of-at-least-thirty-two-bytes!");
    assertTrue(
        SignetMetabaseDashboardEmbed.verifier(Map.of("old", SECRET, "new", newer))
            .withClock(at(IAT))
            .verify(withKid.serialize())
            .isVerified());
  }

  @Test
  void aStoreThatCannotAnswerRefusesTheToken() {
    NonceStore down =
        nonce -> {
          throw new IllegalStateException("connection refused");
        };
    NonceStore unavailable = nonce -> NonceStore.Outcome.UNAVAILABLE;
    String token = dashboard().build().token(SECRET);
    assertEquals(
        Reason.NONCE_STORE_UNAVAILABLE, reason(verifier().withNonceStore(down).verify(token)));
    assertEquals(
        Reason.NONCE_STORE_UNAVAILABLE,
        reason(verifier().withNonceStore(unavailable).verify(token)));
    assertEquals(
        "the nonce store forgets tokens after PT1M, before they expire (PT11M, the maximum lifetime"
            + " and the skew): a forgotten token could be replayed",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    verifier()
                        .withMaxLifetime(Duration.ofMinutes(10))
                        .withNonceStore(new InMemoryNonceStore(10, Duration.ofMinutes(1))))
            .getMessage());
  }

  @Test
  void noSecretInWhatAVerifierOrTokenShows() {
    assertFalse(verifier().toString().contains(SECRET_TEXT));
    assertFalse(dashboard().build().toString().contains(SECRET_TEXT));
  }

  private static JwtVerifier<SignetMetabaseDashboardEmbed> verifier() {
    return SignetMetabaseDashboardEmbed.verifier(SECRET).withClock(at(IAT));
  }

  private static SignetMetabaseDashboardEmbed.BuildStage dashboard() {
    return SignetMetabaseDashboardEmbed.builder()
        .resource(MetabaseDashboard.of(42))
        .params(Map.of())
        .iat(IAT);
  }

  private static Reason reason(Verification<?> verification) {
    assertFalse(verification.isVerified(), verification::toString);
    return verification.failure().orElseThrow().reason();
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
