package dev.signet.sigma.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.sigma.SignetSigmaSignedUrl;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The as-written layout with a form-encoded query, a constant, a drawn nonce, a path of several
 * segments and two spread maps (one with an empty prefix) signs and verifies alike for arbitrary
 * values.
 */
class SigmaRoundTripPropertyTest {
  private static final Secret SECRET = Secret.ofUtf8("a secret for the round trip");
  private static final Origin SIGMA = Origin.https("app.sigmacomputing.com");

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '\uD7FF')
        .withChars('\n', '%', '/', '?', '#', '&', '=', '+', ':', '\'')
        .ofMinLength(1)
        .ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> segments() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars('-', ' ', '%')
        .ofMinLength(1)
        .ofMaxLength(10)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(list -> String.join("/", list));
  }

  @Provide
  Arbitrary<Map<String, String>> entries() {
    return Arbitraries.maps(
            Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('-')
                .ofMinLength(1)
                .ofMaxLength(8),
            text())
        .ofMaxSize(3);
  }

  @Property(tries = 300)
  void signedThenVerified(
      @ForAll("segments") String path,
      @ForAll("text") String email,
      @ForAll("text") String user,
      @ForAll("text") String team,
      @ForAll @LongRange(min = 1_000_000_000L, max = 4_000_000_000L) long time,
      @ForAll @LongRange(min = 1, max = 3600) long sessionLength,
      @ForAll("entries") Map<String, String> attributes,
      @ForAll("entries") Map<String, String> controls) {
    SignetSigmaSignedUrl url =
        SignetSigmaSignedUrl.builder()
            .path(path)
            .email(email)
            .externalUserId(user)
            .clientId("client")
            .sessionLength(sessionLength)
            .externalUserTeam(team)
            .time(time)
            .userAttributes(attributes)
            .controls(controls)
            .build();
    String signed = url.signedUrl(SIGMA, SECRET);
    Clock clock = Clock.fixed(Instant.ofEpochSecond(time), ZoneOffset.UTC);
    Verification<SignetSigmaSignedUrl> verified =
        SignetSigmaSignedUrl.verifier(SIGMA, SECRET).withClock(clock).verifyUrl(signed);
    assertTrue(verified.isVerified(), () -> signed + ": " + verified.failure().orElseThrow());
    SignetSigmaSignedUrl read = verified.request().orElseThrow();
    assertEquals(url.canonicalText(SIGMA), read.canonicalText(SIGMA));
    assertEquals(attributes, read.userAttributes().orElse(Map.of()));
    assertEquals(controls, read.controls().orElse(Map.of()));
  }
}
