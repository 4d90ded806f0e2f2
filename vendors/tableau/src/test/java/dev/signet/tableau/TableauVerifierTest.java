package dev.signet.tableau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.runtime.JwtVerifier;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.tableau.TableauVectors.Vector;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated verifier against every vector's token, and against those tokens tampered, expired,
 * replayed, for another audience or under an unknown key; nimbus-jose-jwt checks Signet's tokens
 * and signs the forged ones.
 */
class TableauVerifierTest {
  static List<Vector> accepted() {
    return TableauVectors.accepted();
  }

  private static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  /** A verifier that chooses the case's secret by its id, as a host with rotating secrets does. */
  private static JwtVerifier<SignetTableauToken> verifier(Vector vector, long now) {
    return SignetTableauToken.verifier(Map.of(vector.string("secretId"), vector.secret()))
        .withClock(at(now));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptsEveryVectorsTokenOnceAndReadsItBack(Vector vector) {
    JwtVerifier<SignetTableauToken> verifier = verifier(vector, vector.number("iat"));
    Verification<SignetTableauToken> verified = verifier.verify(vector.token());
    assertTrue(verified.isVerified(), verified::toString);
    SignetTableauToken token = verified.request().orElseThrow();
    assertEquals(TableauVectors.token(vector), token);
    assertEquals(vector.expect().get("payload"), token.claimsJson());
    assertEquals(Reason.REPLAYED_NONCE, failure(verifier.verify(vector.token())).reason());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void refusesEveryVectorsTokenTamperedOrExpired(Vector vector) {
    long iat = vector.number("iat");
    String[] parts = vector.token().split("\\.");
    String claims = decode(parts[1]);
    String tampered =
        parts[0]
            + "."
            + encode(claims.replace("\"sub\":", "\"sub\":\"x\",\"was\":"))
            + "."
            + parts[2];
    assertEquals(Reason.BAD_SIGNATURE, failure(verifier(vector, iat).verify(tampered)).reason());
    String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    assertEquals(
        Reason.UNSUPPORTED_ALGORITHM, failure(verifier(vector, iat).verify(none)).reason());
    long exp = vector.number("exp");
    VerificationFailure expired = failure(verifier(vector, exp + 60).verify(vector.token()));
    assertEquals(Reason.EXPIRED, expired.reason());
    assertEquals("exp", expired.parameter());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void refusesAnotherAudienceEvenSignedWithTheRightSecret(Vector vector) throws Exception {
    VerificationFailure refused =
        failure(
            verifier(vector, vector.number("iat"))
                .verify(resigned(vector, claims -> claims.audience("tableau-cloud"))));
    assertEquals(Reason.INVALID_VALUE, refused.reason());
    assertEquals("aud", refused.parameter());
    assertEquals("must be \"tableau\", the value this token type fixes", refused.message());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void refusesAKeyItDoesNotHave(Vector vector) {
    JwtVerifier<SignetTableauToken> otherKeys =
        SignetTableauToken.verifier(Map.of("another-secret-id", vector.secret()))
            .withClock(at(vector.number("iat")));
    VerificationFailure refused = failure(otherKeys.verify(vector.token()));
    assertEquals(Reason.UNKNOWN_KEY, refused.reason());
    assertEquals("kid", refused.parameter());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void refusesARegisteredClaimAmongTheAttributesAndALifetimeBeyondTenMinutes(Vector vector)
      throws Exception {
    long iat = vector.number("iat");
    VerificationFailure notBefore =
        failure(
            verifier(vector, iat)
                .verify(resigned(vector, claims -> claims.notBeforeTime(new java.util.Date(0)))));
    assertEquals(Reason.UNKNOWN_PARAMETER, notBefore.reason());
    assertEquals("nbf", notBefore.parameter());
    VerificationFailure tooLong =
        failure(
            verifier(vector, iat)
                .verify(
                    resigned(
                        vector,
                        claims -> claims.expirationTime(new java.util.Date((iat + 601) * 1000)))));
    assertEquals(Reason.INVALID_VALUE, tooLong.reason());
    assertEquals("exp", tooLong.parameter());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void nimbusVerifiesEveryTokenSignetSignsAndReadsItsAttributesAsClaims(Vector vector)
      throws Exception {
    SignedJWT parsed = SignedJWT.parse(TableauVectors.signed(vector));
    assertTrue(
        parsed.verify(new MACVerifier(vector.string("secret").getBytes(StandardCharsets.UTF_8))));
    assertEquals(vector.string("secretId"), parsed.getHeader().getKeyID());
    assertEquals(vector.string("clientId"), parsed.getHeader().getCustomParam("iss"));
    assertEquals(List.of("tableau"), parsed.getJWTClaimsSet().getAudience());
    @SuppressWarnings("unchecked")
    Map<String, Object> attributes = (Map<String, Object>) vector.input().get("userAttributes");
    if (attributes != null) {
      attributes.forEach(
          (name, value) -> {
            try {
              assertEquals(value, parsed.getJWTClaimsSet().getClaim(name), name);
            } catch (java.text.ParseException e) {
              throw new AssertionError(e);
            }
          });
    }
  }

  /** The vector's token with {@code change} made to its claims, signed again with its secret. */
  private static String resigned(Vector vector, UnaryOperator<JWTClaimsSet.Builder> change)
      throws Exception {
    JWTClaimsSet claims = JWTClaimsSet.parse(decode(vector.token().split("\\.")[1]));
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.HS256)
            .type(JOSEObjectType.JWT)
            .keyID(vector.string("secretId"))
            .customParam("iss", vector.string("clientId"))
            .build();
    SignedJWT forged =
        new SignedJWT(header, change.apply(new JWTClaimsSet.Builder(claims)).build());
    forged.sign(new MACSigner(vector.string("secret").getBytes(StandardCharsets.UTF_8)));
    return forged.serialize();
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static VerificationFailure failure(Verification<?> verification) {
    assertFalse(verification.isVerified(), verification::toString);
    return verification.failure().orElseThrow();
  }
}
