package dev.signet.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Secret;
import dev.signet.runtime.UrlVerifier;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure.Reason;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code signed-url} case of {@code vectors/sigma.jsonl}, built with the generated {@link
 * SignetSigmaSignedUrl}: the URL byte for byte as the reference writes it, what must be refused
 * refused; and the generated verifier accepts the reference's URL and refuses it tampered (another
 * {@code :mode} included), expired and replayed.
 */
class SigmaSignedUrlVectorsTest {
  static Stream<Arguments> cases() {
    return SigmaVectors.arguments("signed-url");
  }

  @Test
  void theCopyHoldsAllTheSignedUrlVectors() {
    List<SigmaVectors.Vector> vectors = SigmaVectors.of("signed-url");
    assertEquals(60, vectors.size());
    assertEquals(6, vectors.stream().filter(SigmaVectors.Vector::refused).count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void signsOrRefusesAsTheVectorSays(SigmaVectors.Vector vector) {
    Map<String, Object> signed = vector.input();
    if (vector.refused()) {
      if (((String) signed.get("secret")).isEmpty()) {
        // Refused where the secret is read (the sample app's sign command), not by the request.
        return;
      }
      if (!SigmaSignedUrl.MODE.equals(signed.get("mode"))) {
        // A constant: no caller can send another mode; the verifier refuses one (below).
        assertNotEquals(SigmaSignedUrl.MODE, signed.get("mode"));
        return;
      }
      InvalidParameterException refusal =
          assertThrows(InvalidParameterException.class, () -> url(signed));
      assertTrue(refusal.getMessage().startsWith(refusal.parameter() + ": "), refusal::getMessage);
      return;
    }
    Map<String, Object> expect = vector.expected();
    SigmaEmbedPaths embed = SigmaEmbedPaths.of((String) signed.get("embedPath"));
    Secret secret = Secret.ofUtf8((String) signed.get("secret"));
    SignetSigmaSignedUrl url = url(signed);
    assertEquals(expect.get("signedText"), url.canonicalText(embed.origin()));
    String theirs = (String) expect.get("url");
    assertEquals(theirs, url.signedUrl(embed.origin(), secret));

    long time = ((BigDecimal) signed.get("time")).longValueExact();
    Clock then = Clock.fixed(Instant.ofEpochSecond(time + 60), ZoneOffset.UTC);
    UrlVerifier<SignetSigmaSignedUrl> verifier =
        SignetSigmaSignedUrl.verifier(embed.origin(), secret).withClock(then);
    Verification<SignetSigmaSignedUrl> verified = verifier.verifyUrl(theirs);
    assertTrue(verified.isVerified(), () -> verified.failure().orElseThrow().toString());
    assertEquals(url, verified.request().orElseThrow());
    assertEquals(
        Reason.REPLAYED_NONCE, verifier.verifyUrl(theirs).failure().orElseThrow().reason());
    assertEquals(
        Reason.EXPIRED,
        reason(
            SignetSigmaSignedUrl.verifier(embed.origin(), secret),
            then,
            Duration.ofHours(2),
            theirs));
    assertEquals(
        Reason.BAD_SIGNATURE,
        reason(
            SignetSigmaSignedUrl.verifier(embed.origin(), secret),
            then,
            Duration.ZERO,
            theirs.replace("%3Aemail=", "%3Aemail=x")));
    assertEquals(
        Reason.INVALID_VALUE,
        reason(
            SignetSigmaSignedUrl.verifier(embed.origin(), secret),
            then,
            Duration.ZERO,
            theirs.replace("%3Amode=userbacked", "%3Amode=view")));
  }

  private static Reason reason(
      UrlVerifier<SignetSigmaSignedUrl> verifier, Clock clock, Duration later, String url) {
    return verifier
        .withClock(Clock.offset(clock, later))
        .verifyUrl(url)
        .failure()
        .orElseThrow()
        .reason();
  }

  @SuppressWarnings("unchecked")
  static SignetSigmaSignedUrl url(Map<String, Object> signed) {
    Optional<String> firstName = Optional.ofNullable((String) signed.get("firstName"));
    Optional<String> lastName = Optional.ofNullable((String) signed.get("lastName"));
    SigmaNames.requireBoth(firstName, lastName);
    SignetSigmaSignedUrl.BuildStage url =
        SignetSigmaSignedUrl.builder()
            .path(SigmaEmbedPaths.of((String) signed.get("embedPath")).path())
            .email((String) signed.get("email"))
            .externalUserId((String) signed.get("externalUserId"))
            .clientId((String) signed.get("clientId"))
            .sessionLength(((BigDecimal) signed.get("sessionLength")).longValueExact())
            .externalUserTeam((String) signed.get("externalUserTeam"))
            .nonce((String) signed.get("nonce"))
            .time(((BigDecimal) signed.get("time")).longValueExact())
            .firstName(firstName)
            .lastName(lastName)
            .accountType(Optional.ofNullable((String) signed.get("accountType")))
            .theme(Optional.ofNullable((String) signed.get("theme")))
            .menuPosition(Optional.ofNullable((String) signed.get("menuPosition")));
    if (signed.containsKey("userAttributes")) {
      url.userAttributes((Map<String, String>) signed.get("userAttributes"));
    }
    if (signed.containsKey("controls")) {
      url.controls((Map<String, String>) signed.get("controls"));
    }
    return url.build();
  }
}
