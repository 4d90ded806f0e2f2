package dev.signet.processor;

import static dev.signet.processor.GeneratedClasses.call;
import static dev.signet.processor.GeneratedClasses.callStatic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JwtVerifier;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure;
import dev.signet.runtime.VerificationFailure.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The golden fixture {@code ConnectedAppToken}, compiled and driven by reflection: its constant
 * claim is written and checked, its two spread maps are written at their places and read back into
 * their maps, and keys that would read back as something else are refused; tokens are signed here
 * with the JDK's HMAC, independently of Signet.
 */
class SpreadClaimsBehaviourTest {
  private static final String SECRET = "a-connected-app-secret-value";
  private static final Class<?>[] NONE = {};
  private static final long IAT = 1_700_000_000L;

  private static Class<?> token;

  @BeforeAll
  static void compile() {
    token =
        GeneratedClasses.of(Sources.compile(Goldens.fixture("ConnectedAppToken")))
            .load("golden.SignetConnectedAppToken");
  }

  /** A builder at its last step, with the controls {@code controls}. */
  private static Object builder(Map<String, Integer> controls) {
    Object step = callStatic(token, "builder", NONE);
    step = call(step, "keyId", new Class<?>[] {String.class}, "key-1");
    step = call(step, "controls", new Class<?>[] {Map.class}, controls);
    step = call(step, "jti", new Class<?>[] {String.class}, "id-1");
    step = call(step, "user", new Class<?>[] {String.class}, "ana");
    return call(step, "iat", new Class<?>[] {long.class}, IAT);
  }

  private static Object build(Object builder) {
    return call(builder, "build", NONE);
  }

  private static Object withAttributes(Map<String, List<String>> attributes) {
    return call(builder(Map.of("a", 1)), "attributes", new Class<?>[] {Map.class}, attributes);
  }

  private static String claims(Object request) {
    return (String) call(request, "claimsJson", NONE);
  }

  /** A verifier that chooses the key by the token's {@code kid}, as the fixture declares one. */
  @SuppressWarnings("unchecked")
  private static JwtVerifier<Object> verifier() {
    JwtVerifier<Object> verifier =
        (JwtVerifier<Object>)
            callStatic(
                token,
                "verifier",
                new Class<?>[] {Map.class},
                Map.of("key-1", Secret.ofUtf8(SECRET)));
    return verifier.withClock(Clock.fixed(Instant.ofEpochSecond(IAT), ZoneOffset.UTC));
  }

  @Test
  void spreadsAreWrittenAtTheirPlacesUnderTheirPrefixes() {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    attributes.put("Region", List.of("West", "East"));
    attributes.put("tier", List.of());
    Map<String, Integer> controls = new LinkedHashMap<>();
    controls.put("year", 2026);
    controls.put("page", 2);
    Object request =
        build(call(builder(controls), "attributes", new Class<?>[] {Map.class}, attributes));
    assertEquals(
        "{\"ctl_year\":2026,\"ctl_page\":2,\"jti\":\"id-1\",\"aud\":\"vendor\",\"sub\":\"ana\","
            + "\"exp\":1700000300,\"Region\":[\"West\",\"East\"],\"tier\":[],\"iat\":1700000000}",
        claims(request));
    assertEquals("vendor", call(request, "audience", NONE));
  }

  @Test
  void anEmptyFirstSpreadLeavesNoCommaAndAnEmptyOptionalOneIsAbsent() {
    Object request =
        build(call(builder(Map.of()), "attributes", new Class<?>[] {Map.class}, Map.of()));
    assertEquals(
        "{\"jti\":\"id-1\",\"aud\":\"vendor\",\"sub\":\"ana\",\"exp\":1700000300,"
            + "\"iat\":1700000000}",
        claims(request));
    assertEquals(Optional.empty(), call(request, "attributes", NONE));
  }

  @Test
  void theVerifierReadsEachSpreadBackIntoItsMap() {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    attributes.put("Region", List.of("West"));
    Object request = build(withAttributes(attributes));
    Verification<Object> verified = verifier().verify(token(request));
    assertTrue(verified.isVerified(), verified::toString);
    Object read = verified.request().orElseThrow();
    assertEquals(request, read);
    assertEquals(Map.of("a", 1), call(read, "controls", NONE));
    assertEquals(Optional.of(attributes), call(read, "attributes", NONE));
  }

  @Test
  void aKeyThatWouldReadBackAsAnotherClaimIsRefused() {
    assertEquals(
        "attributes: has the key ctl_x, but the claim ctl_x reads back as an entry of another"
            + " spread map; remove the key or rename it",
        refused(withAttributes(Map.of("ctl_x", List.of()))));
    assertEquals(
        "attributes: has the key sub, but the claim sub is another claim of this token; remove the"
            + " key or rename it",
        refused(withAttributes(Map.of("sub", List.of()))));
    assertEquals(
        "attributes: has the key nbf, but the claim nbf is registered (RFC 7519 §4.1), which a"
            + " vendor reads as such; remove the key or rename it",
        refused(withAttributes(Map.of("nbf", List.of()))));
    assertEquals("controls: a key is empty; each names a claim", refused(builder(Map.of("", 1))));
    assertEquals(
        "attributes: holds an unpaired surrogate at index 1, which UTF-8 cannot encode",
        refused(withAttributes(Map.of("a\ud800", List.of()))));
  }

  @Test
  void theVerifierRefusesAnotherValueOfTheConstantAndClaimsNoSpreadTakes() throws Exception {
    String good = "\"jti\":\"id-2\",\"sub\":\"ana\",\"exp\":1700000300,\"iat\":1700000000";
    VerificationFailure otherAudience = failure("{" + good + ",\"aud\":\"elsewhere\"}");
    assertEquals(Reason.INVALID_VALUE, otherAudience.reason());
    assertEquals("aud", otherAudience.parameter());
    assertEquals("must be \"vendor\", the value this token type fixes", otherAudience.message());
    assertEquals(Reason.INVALID_VALUE, failure("{" + good + ",\"aud\":[\"vendor\"]}").reason());
    assertEquals(Reason.MISSING_PARAMETER, failure("{" + good + "}").reason());
    VerificationFailure notBefore = failure("{" + good + ",\"aud\":\"vendor\",\"nbf\":0}");
    assertEquals(Reason.UNKNOWN_PARAMETER, notBefore.reason());
    assertEquals("nbf", notBefore.parameter());
    Verification<Object> signedHere =
        verifier().verify(signed("{" + good + ",\"aud\":\"vendor\",\"ctl_n\":3,\"x\":[\"y\"]}"));
    assertTrue(signedHere.isVerified(), signedHere::toString);
    assertEquals(Map.of("n", 3), call(signedHere.request().orElseThrow(), "controls", NONE));
  }

  @Test
  void aTokenIsAcceptedOnceByItsJti() throws Exception {
    JwtVerifier<Object> verifier = verifier();
    String claims =
        "{\"jti\":\"id-3\",\"aud\":\"vendor\",\"sub\":\"ana\",\"exp\":1700000300,"
            + "\"iat\":1700000000}";
    assertTrue(verifier.verify(signed(claims)).isVerified());
    // Another token, other bytes, the same jti.
    VerificationFailure replayed = failure(verifier, signed(claims.replace("\"ana\"", "\"bob\"")));
    assertEquals(Reason.REPLAYED_NONCE, replayed.reason());
    assertEquals("jti", replayed.parameter());
  }

  private static String token(Object request) {
    return (String) call(request, "token", new Class<?>[] {Secret.class}, Secret.ofUtf8(SECRET));
  }

  private static String refused(Object builder) {
    return assertThrows(InvalidParameterException.class, () -> build(builder)).getMessage();
  }

  private static VerificationFailure failure(String claims) throws Exception {
    return failure(verifier(), signed(claims));
  }

  private static VerificationFailure failure(JwtVerifier<Object> verifier, String token) {
    Verification<Object> verification = verifier.verify(token);
    assertFalse(verification.isVerified(), verification::toString);
    return verification.failure().orElseThrow();
  }

  /** {@code claims} under a header naming the fixture's key, signed with the JDK's HMAC-SHA256. */
  private static String signed(String claims) throws Exception {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String signed =
        base64.encodeToString(
                "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"key-1\"}"
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return signed
        + "."
        + base64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
  }
}
