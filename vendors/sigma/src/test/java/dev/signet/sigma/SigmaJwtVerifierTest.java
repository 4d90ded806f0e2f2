package dev.signet.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.runtime.JwtVerifier;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.sigma.SigmaVectors.Vector;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated verifier against every accepted {@code jwt} vector's URL, at the case's issue time,
 * and against its token changed the ways an attacker would change it; nimbus-jose-jwt, an
 * independent implementation, checks what Signet signs and signs what Signet must refuse.
 */
class SigmaJwtVerifierTest {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** 64 bytes or more, which nimbus asks of an HS512 key. */
  private static final String SECRET_TEXT =
      "a secret of Sigma's embed client, long enough for HS512 as well: 0123456789abcdef";

  private static final Secret SECRET = Secret.ofUtf8(SECRET_TEXT);
  private static final String CLIENT = "b58e72d05ce1639d65166d8c069eb90d";
  private static final long IAT = 1_800_000_000L;

  static Stream<Arguments> accepted() {
    return SigmaVectors.arguments(SigmaVectors.of("jwt").stream().filter(v -> !v.refused()));
  }

  private static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  /**
   * A verifier of the vector's client, which its tokens name in their {@code kid}, for URLs of the
   * vector's site.
   */
  private static JwtVerifier<SignetSigmaJwtEmbed> verifier(Vector vector) {
    return SignetSigmaJwtEmbed.verifier(
            Map.of(vector.string("clientId"), Secret.ofUtf8(vector.string("secret"))))
        .withClock(at(vector.number("iat")))
        .withSite(SigmaEmbedPaths.of(vector.string("embedPath")).site());
  }

  private static String url(Vector vector) {
    return (String) vector.expected().get("url");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptsEveryVectorsUrlOnceAndUntilItExpires(Vector vector) {
    String url = url(vector);
    JwtVerifier<SignetSigmaJwtEmbed> verifier = verifier(vector);
    Verification<SignetSigmaJwtEmbed> verified = verifier.verifyUrl(url);
    assertTrue(verified.isVerified(), verified::toString);
    SignetSigmaJwtEmbed read = verified.request().orElseThrow();
    // The claims read back are the ones signed: they write the same URL again.
    assertEquals(
        url,
        SignetSigmaJwtEmbed.builder()
            .path(verified.unauthenticated().get("path"))
            .email(read.email())
            .clientId(read.clientId())
            .jti(read.jti())
            .iat(read.iat())
            .exp(read.exp())
            .accountType(read.accountType())
            .teams(read.teams())
            .firstName(read.firstName())
            .lastName(read.lastName())
            .userAttributes(read.userAttributes())
            .evalConnectionId(read.evalConnectionId())
            .version(read.version())
            .build()
            .url(
                SigmaEmbedPaths.of(vector.string("embedPath")).site(),
                Secret.ofUtf8(vector.string("secret"))));
    assertEquals(vector.string("clientId"), read.clientId());
    assertEquals(SigmaEmail.of(vector.string("email")), read.email());
    // The path and :embed travel unsigned: they come back apart, never in the request.
    assertEquals(
        Map.of("path", SigmaEmbedPaths.of(vector.string("embedPath")).path(), ":embed", "true"),
        verified.unauthenticated());
    assertThrows(IllegalStateException.class, read::path);
    assertEquals(Reason.REPLAYED_NONCE, reason(verifier.verifyUrl(url)));
    long exp = vector.number("exp");
    // Past the expiry and the minute of skew.
    assertEquals(Reason.EXPIRED, reason(verifier(vector).withClock(at(exp + 60)).verifyUrl(url)));
    assertTrue(verifier(vector).withClock(at(exp + 59)).verifyUrl(url).isVerified());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void refusesEveryVectorsUrlTampered(Vector vector) {
    String url = url(vector);
    String[] parts = tokenOf(url).split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forged = claims.replace("\"sub\":\"", "\"sub\":\"admin.");
    String forgedUrl = url.replace(parts[1], encode(forged));
    assertEquals(Reason.BAD_SIGNATURE, reason(verifier(vector).verifyUrl(forgedUrl)));
    assertFailure(
        Reason.INVALID_VALUE,
        ":embed",
        verifier(vector).verifyUrl(url.replace(":embed=true", ":embed=1")));
    assertFailure(
        Reason.MISSING_PARAMETER,
        ":embed",
        verifier(vector).verifyUrl(url.replace("&:embed=true", "")));
    assertFailure(
        Reason.REPEATED_PARAMETER, ":embed", verifier(vector).verifyUrl(url + "&:embed=true"));
    assertFailure(
        Reason.REPEATED_PARAMETER,
        ":jwt",
        verifier(vector).verifyUrl(url + "&:jwt=" + tokenOf(url)));
    assertFailure(
        Reason.UNKNOWN_PARAMETER, ":mode", verifier(vector).verifyUrl(url + "&:mode=userbacked"));
    String origin = SigmaEmbedPaths.of(vector.string("embedPath")).origin().toString();
    assertEquals(
        Reason.WRONG_ENDPOINT,
        reason(verifier(vector).verifyUrl(url.replace(origin, "https://sigma.example.com"))));
    // Sigma signs no path: another one is still the URL's, and comes back as received.
    String moved = url.replace(origin + "/", origin + "/moved/");
    Verification<SignetSigmaJwtEmbed> elsewhere = verifier(vector).verifyUrl(moved);
    assertTrue(elsewhere.isVerified(), elsewhere::toString);
    assertEquals(
        "moved/" + SigmaEmbedPaths.of(vector.string("embedPath")).path(),
        elsewhere.unauthenticated().get("path"));
    // A path no signer writes is refused, before the token is used up.
    String path = SigmaEmbedPaths.of(vector.string("embedPath")).path();
    assertEquals(
        Reason.WRONG_ENDPOINT,
        reason(verifier(vector).verifyUrl(url.replace(origin + "/" + path, origin + "/"))));
    assertFailure(
        Reason.MALFORMED_ENCODING,
        "path",
        verifier(vector).verifyUrl(url.replace(origin + "/", origin + "/%E9/")));
  }

  /** The token of a Sigma embed URL, the value of its {@code :jwt}. */
  private static String tokenOf(String url) {
    int start = url.indexOf("?:jwt=") + "?:jwt=".length();
    return url.substring(start, url.indexOf('&', start));
  }

  @Test
  void aReplayedIdIsRefusedInAnotherToken() {
    JwtVerifier<SignetSigmaJwtEmbed> verifier = verifier();
    assertTrue(verifier.verify(embed().build().token(SECRET)).isVerified());
    // The same jti, issued a second later: another token, and still a replay.
    VerificationFailure replay =
        verifier.verify(embed().iat(IAT + 1).build().token(SECRET)).failure().orElseThrow();
    assertEquals(Reason.REPLAYED_NONCE, replay.reason());
    assertEquals("jti", replay.parameter());
    assertTrue(verifier.verify(embed("jti-2").build().token(SECRET)).isVerified());
  }

  @Test
  void refusesAKidThatIsNotTheIssuer() throws Exception {
    String claims = embed().build().claimsJson();
    String other = "another-client";
    String mismatched =
        sign(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(other).build(),
            claims);
    Verification<SignetSigmaJwtEmbed> refused =
        SignetSigmaJwtEmbed.verifier(Map.of(CLIENT, SECRET, other, SECRET))
            .withClock(at(IAT))
            .verify(mismatched);
    assertEquals(Reason.INVALID_VALUE, reason(refused));
    assertEquals("kid", refused.failure().orElseThrow().parameter());
    String withoutIssuer = claims.replace(",\"iss\":\"" + CLIENT + "\"", "");
    assertEquals(
        Reason.MISSING_PARAMETER, reason(verifier().verify(sign(header(CLIENT), withoutIssuer))));
    assertEquals(Reason.UNKNOWN_KEY, reason(verifier().verify(sign(header(null), claims))));
  }

  @Test
  void refusesAlgNoneAndEveryOtherAlgorithm() throws Exception {
    String[] parts = embed().build().token(SECRET).split("\\.");
    String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + CLIENT + "\"}");
    assertEquals(
        Reason.UNSUPPORTED_ALGORITHM, reason(verifier().verify(none + "." + parts[1] + ".")));
    assertEquals(
        Reason.UNSUPPORTED_ALGORITHM,
        reason(verifier().verify(none + "." + parts[1] + "." + parts[2])));
    String hs512 =
        sign(
            new JWSHeader.Builder(JWSAlgorithm.HS512).keyID(CLIENT).build(),
            embed().build().claimsJson());
    assertEquals(Reason.UNSUPPORTED_ALGORITHM, reason(verifier().verify(hs512)));
  }

  @Test
  void refusesWhatSigmaRefusesThoughSignedRight() throws Exception {
    String claims = embed().build().claimsJson();
    Verification<SignetSigmaJwtEmbed> version =
        verifier().verify(sign(header(CLIENT), claims.replace("}", ",\"ver\":\"1.1\"}")));
    assertEquals(Reason.INVALID_VALUE, reason(version));
    assertEquals("aud", version.failure().orElseThrow().parameter());
    Verification<SignetSigmaJwtEmbed> email =
        verifier()
            .verify(sign(header(CLIENT), claims.replace("ann@example.com", "ann_b@example.com")));
    assertEquals(Reason.INVALID_VALUE, reason(email));
    assertEquals("sub", email.failure().orElseThrow().parameter());
    Verification<SignetSigmaJwtEmbed> longLived =
        verifier()
            .verify(
                sign(
                    header(CLIENT),
                    claims.replace("\"exp\":" + (IAT + 3600), "\"exp\":" + (IAT + 2_592_001))));
    assertEquals(Reason.INVALID_VALUE, reason(longLived));
    assertEquals("exp", longLived.failure().orElseThrow().parameter());
  }

  @Test
  void readsTheUnwrappedVersionBack() {
    SignetSigmaJwtEmbed embed = embed().version(SigmaVersion.v1_1()).build();
    assertTrue(embed.claimsJson().endsWith(",\"ver\":\"1.1\",\"aud\":\"sigmacomputing\"}"));
    SignetSigmaJwtEmbed read = verifier().verify(embed.token(SECRET)).request().orElseThrow();
    assertEquals(Optional.of(SigmaVersion.v1_1()), read.version());
    SignetSigmaJwtEmbed none =
        verifier().verify(embed("j2").build().token(SECRET)).request().orElseThrow();
    assertEquals(Optional.empty(), none.version());
    assertEquals("true", none.embed());
  }

  @Test
  void nimbusVerifiesWhatSignetSigns() throws Exception {
    SignedJWT parsed = SignedJWT.parse(embed().version(SigmaVersion.v1_1()).build().token(SECRET));
    assertTrue(parsed.verify(new MACVerifier(SECRET_TEXT.getBytes(StandardCharsets.UTF_8))));
    assertEquals(CLIENT, parsed.getHeader().getKeyID());
    assertEquals(CLIENT, parsed.getJWTClaimsSet().getIssuer());
    assertEquals("ann@example.com", parsed.getJWTClaimsSet().getSubject());
    assertEquals(List.of("sigmacomputing"), parsed.getJWTClaimsSet().getAudience());
    assertEquals(
        IAT + 3600, parsed.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond());
  }

  @Test
  void noSecretInWhatAVerifierOrTokenShows() {
    assertFalse(verifier().toString().contains(SECRET_TEXT));
    assertFalse(embed().build().toString().contains(SECRET_TEXT));
  }

  private static JwtVerifier<SignetSigmaJwtEmbed> verifier() {
    return SignetSigmaJwtEmbed.verifier(Map.of(CLIENT, SECRET)).withClock(at(IAT));
  }

  private static SignetSigmaJwtEmbed.BuildStage embed() {
    return embed("jti-1");
  }

  private static SignetSigmaJwtEmbed.BuildStage embed(String jti) {
    return SignetSigmaJwtEmbed.builder()
        .path("embed/1-1wCxQYjY6ZN7ku3yS4cQhP")
        .email(SigmaEmail.of("ann@example.com"))
        .clientId(CLIENT)
        .jti(jti)
        .iat(IAT);
  }

  private static JWSHeader header(String kid) {
    return new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(kid).build();
  }

  /** {@code claims} signed by nimbus with the right secret under {@code header}. */
  private static String sign(JWSHeader header, String claims) throws Exception {
    SignedJWT signed = new SignedJWT(header, JWTClaimsSet.parse(claims));
    signed.sign(new MACSigner(SECRET_TEXT.getBytes(StandardCharsets.UTF_8)));
    return signed.serialize();
  }

  private static void assertFailure(Reason reason, String parameter, Verification<?> verification) {
    assertFalse(verification.isVerified(), verification::toString);
    assertEquals(reason, verification.failure().orElseThrow().reason(), verification::toString);
    assertEquals(parameter, verification.failure().orElseThrow().parameter());
  }

  private static Reason reason(Verification<?> verification) {
    assertFalse(verification.isVerified(), verification::toString);
    return verification.failure().orElseThrow().reason();
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
