package dev.signet.mode.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.mode.ModeOrigins;
import dev.signet.mode.SignetModeEmbed;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
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
 * The as-written layout with a frame, an RFC 3986 query sorted by name and a spread map signs and
 * verifies alike for arbitrary values: the verifier, which signs the query as it received it,
 * accepts what the generated class writes and reads back the same request.
 */
class ModeRoundTripPropertyTest {
  private static final Secret SECRET = Secret.ofUtf8("a secret for the round trip");

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '\uD7FF')
        .withChars('\n', '%', '/', '?', '#', '&', '=', '+', '~', '*', '\'', '(', ')', '!')
        .ofMinLength(1)
        .ofMaxLength(30);
  }

  @Provide
  Arbitrary<Map<String, String>> params() {
    return Arbitraries.maps(
            Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('_')
                .ofMinLength(1)
                .ofMaxLength(8),
            text())
        .ofMaxSize(4);
  }

  @Property(tries = 300)
  void signedThenVerified(
      @ForAll("text") String org,
      @ForAll("text") String report,
      @ForAll("text") String accessKey,
      @ForAll @LongRange(min = 1_000_000_000L, max = 4_000_000_000L) long timestamp,
      @ForAll @LongRange(min = 0, max = 86_400) long maxAge,
      @ForAll("params") Map<String, String> params) {
    SignetModeEmbed embed =
        SignetModeEmbed.builder()
            .org(org)
            .report(report)
            .accessKey(accessKey)
            .timestamp(timestamp)
            .maxAge(maxAge)
            .params(params)
            .build();
    String url = embed.signedUrl(ModeOrigins.APP, SECRET);
    Clock clock = Clock.fixed(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC);
    Verification<SignetModeEmbed> verified =
        SignetModeEmbed.verifier(ModeOrigins.APP, SECRET).withClock(clock).verifyUrl(url);
    assertTrue(verified.isVerified(), () -> url + ": " + verified.failure().orElseThrow());
    SignetModeEmbed read = verified.request().orElseThrow();
    assertEquals(embed.canonicalText(ModeOrigins.APP), read.canonicalText(ModeOrigins.APP));
    assertEquals(params, read.params().orElse(Map.of()));
    assertEquals(embed, read);
  }
}
