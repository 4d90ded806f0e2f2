package dev.signet.lightdash;

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
import dev.signet.lightdash.LightdashVectors.Vector;
import dev.signet.runtime.JwtVerifier;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated verifier against every vector's URL and token, and against them tampered, signed
 * under another algorithm, expired or replayed; nimbus-jose-jwt checks both directions.
 */
class LightdashVerifierTest {
  /** The vectors' tokens live up to a year; Lightdash documents no maximum. */
  private static final Duration A_YEAR = Duration.ofDays(366);

  static List<Vector> accepted() {
    return LightdashVectors.accepted();
  }

  private static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  private static JwtVerifier<SignetLightdashEmbed> verifier(Vector vector, long now) {
    return SignetLightdashEmbed.verifier(Secret.ofUtf8(vector.string("secret")))
        .withMaxLifetime(A_YEAR)
        .withClock(at(now))
        .withSite(SiteUrl.of(vector.string("siteUrl")));
  }

  private static String url(Vector vector) {
    return (String) vector.expect().get("url");
  }

  private static String token(Vector vector) {
    String url = url(vector);
    return url.substring(url.indexOf('#') + 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptsEveryVectorsUrlOnceAndReadsItsClaimsBack(Vector vector) {
    JwtVerifier<SignetLightdashEmbed> verifier = verifier(vector, vector.number("iat"));
    Verification<SignetLightdashEmbed> verified = verifier.verifyUrl(url(vector));
    assertTrue(verified.isVerified(), verified::toString);
    SignetLightdashEmbed embed = verified.request().orElseThrow();
    SignetLightdashEmbed signed = LightdashVectors.embed(vector);
    assertEquals(signed.content(), embed.content());
    assertEquals(signed.user(), embed.user());
    assertEquals(signed.userAttributes(), embed.userAttributes());
    assertEquals(signed.exp(), embed.exp());
    // The project travels in the path, unsigned: it comes back apart, and the token does not
    // vouch for it.
    assertEquals(Map.of("projectUuid", vector.string("projectUuid")), verified.unauthenticated());
    assertThrows(IllegalStateException.class, embed::projectUuid);
    assertEquals(Reason.REPLAYED_NONCE, reason(verifier.verifyUrl(url(vector))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void refusesEveryVectorsUrlTamperedReplayedOrExpired(Vector vector) {
    String url = url(vector);
    long iat = vector.number("iat");
    String token = token(vector);
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A";
    assertEquals(
        Reason.BAD_SIGNATURE, reason(verifier(vector, iat).verifyUrl(url.replace(token, forged))));
    String project = "/embed/" + vector.string("projectUuid");
    assertEquals(
        Reason.WRONG_ENDPOINT,
        reason(verifier(vector, iat).verifyUrl(url.replace(project, project + "/more"))));
    assertEquals(
        Reason.WRONG_ENDPOINT,
        reason(verifier(vector, iat).verifyUrl(url.replace(project, "/share" + project))));
    // The token is the whole fragment: nothing may follow it, or stand in the query.
    assertEquals(Reason.MALFORMED_TOKEN, reason(verifier(vector, iat).verifyUrl(url + "&a=b")));
    Verification<SignetLightdashEmbed> query =
        verifier(vector, iat).verifyUrl(url.replace("#", "?embed=1#"));
    assertEquals(Reason.UNKNOWN_PARAMETER, reason(query));
    assertEquals("embed", query.failure().orElseThrow().parameter());
    assertEquals(
        Reason.MISSING_PARAMETER,
        reason(verifier(vector, iat).verifyUrl(url.substring(0, url.indexOf('#')))));
    long exp = iat + vector.number("expiresIn");
    assertEquals(Reason.EXPIRED, reason(verifier(vector, exp + 60).verifyUrl(url)));
    JwtVerifier<SignetLightdashEmbed> verifier = verifier(vector, iat);
    assertTrue(verifier.verifyUrl(url).isVerified());
    assertEquals(Reason.REPLAYED_NONCE, reason(verifier.verifyUrl(url)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void refusesEveryVectorsTokenTamperedSwappedOrExpired(Vector vector) throws Exception {
    String token = token(vector);
    String[] parts = token.split("\\.");
    long iat = vector.number("iat");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    claims.replace("\"dashboard\"", "\"chart\"").getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertEquals(Reason.BAD_SIGNATURE, reason(verifier(vector, iat).verify(forged)));
    String none =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    assertEquals(Reason.UNSUPPORTED_ALGORITHM, reason(verifier(vector, iat).verify(none)));
    SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), JWTClaimsSet.parse(claims));
    hs512.sign(new MACSigner(padded(vector.string("secret"))));
    assertEquals(
        Reason.UNSUPPORTED_ALGORITHM, reason(verifier(vector, iat).verify(hs512.serialize())));
    long exp = iat + vector.number("expiresIn");
    assertEquals(Reason.EXPIRED, reason(verifier(vector, exp + 60).verify(token)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void nimbusVerifiesEveryVectorsTokenAsSignetSignsIt(Vector vector) throws Exception {
    SignedJWT parsed =
        SignedJWT.parse(
            LightdashVectors.embed(vector).token(Secret.ofUtf8(vector.string("secret"))));
    // nimbus refuses HMAC keys under 256 bits; the vectors' secrets are 32 characters.
    assertTrue(
        parsed.verify(new MACVerifier(vector.string("secret").getBytes(StandardCharsets.UTF_8))));
    assertEquals(
        vector.number("iat"), parsed.getJWTClaimsSet().getIssueTime().toInstant().getEpochSecond());
  }

  @Test
  void aLifetimeBeyondTheVerifiersMaximumIsRefused() {
    Secret secret = Secret.ofUtf8("a-lightdash-embed-secret-of-32-chars");
    String twoDays =
        SignetLightdashEmbed.builder()
            .projectUuid("p")
            .content(LightdashDashboard.ofUuid("d"))
            .iat(1_800_000_000L)
            .timeToLive(Duration.ofDays(2))
            .build()
            .token(secret);
    // One day by default, where the vendor sets no maximum.
    Verification<SignetLightdashEmbed> refused =
        SignetLightdashEmbed.verifier(secret).withClock(at(1_800_000_000L)).verify(twoDays);
    assertEquals(Reason.INVALID_VALUE, reason(refused));
    assertEquals("exp", refused.failure().orElseThrow().parameter());
  }

  /** The secret's bytes; nimbus's HS512 signer wants 512 bits, so they are repeated to that. */
  private static byte[] padded(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    return bytes.length >= 64 ? bytes : (secret + secret + secret).getBytes(StandardCharsets.UTF_8);
  }

  private static Reason reason(Verification<?> verification) {
    assertFalse(verification.isVerified(), verification::toString);
    return verification.failure().orElseThrow().reason();
  }
}
