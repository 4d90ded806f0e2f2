package dev.signet.sigma.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.sigma.SigmaEmail;
import dev.signet.sigma.SigmaEmbedPaths;
import dev.signet.sigma.SigmaVersion;
import dev.signet.sigma.SignetSigmaJwtEmbed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Sigma's JWT embed signs, travels in its URL and verifies alike for arbitrary values: a claim that
 * is also in the header, an unwrapped record of two claims, optional claims present exactly when
 * given, lifetimes up to Sigma's 30 days, and beside the token, unsigned, a path of any text (its
 * {@code /} kept) and a constant: the URL {@code url} writes is the URL {@code verifyUrl} accepts.
 */
class SigmaJwtRoundTripPropertyTest {
  private static final Secret SECRET = Secret.ofUtf8("a secret for the round trip");
  private static final SigmaEmbedPaths SIGMA =
      SigmaEmbedPaths.of("https://app.sigmacomputing.com/embed/x");

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '\uD7FF')
        .withChars('\n', '\t', '"', '\\', '%', '&', '=', '+', ':', '\u2028')
        .ofMinLength(1)
        .ofMaxLength(30);
  }

  @Provide
  Arbitrary<SigmaEmail> emails() {
    Arbitrary<String> local =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars('.', '+', '-', '\'', '%', 'é', '@')
            .ofMinLength(1)
            .ofMaxLength(20);
    Arbitrary<String> label =
        Combinators.combine(
                Arbitraries.chars().range('a', 'z'),
                Arbitraries.strings().withCharRange('a', 'z').withChars('-', '7').ofMaxLength(20),
                Arbitraries.chars().range('0', '9'))
            .as((first, middle, last) -> first + middle + last);
    return Combinators.combine(local, label.list().ofMinSize(2).ofMaxSize(4))
        .as((name, labels) -> SigmaEmail.of(name + "@" + String.join(".", labels)));
  }

  @Provide
  Arbitrary<Optional<SigmaVersion>> versions() {
    return Arbitraries.of(
        Optional.empty(),
        Optional.of(SigmaVersion.v1_1()),
        Optional.of(new SigmaVersion(Optional.of("1.0"), Optional.empty())),
        Optional.of(new SigmaVersion(Optional.empty(), Optional.of(SigmaVersion.AUDIENCE))));
  }

  @Provide
  Arbitrary<Optional<List<String>>> teams() {
    return text().list().ofMaxSize(3).optional();
  }

  @Provide
  Arbitrary<Optional<Map<String, String>>> attributes() {
    return Arbitraries.maps(text(), text()).ofMaxSize(3).optional();
  }

  @Property(tries = 300)
  void signedThenVerified(
      @ForAll("emails") SigmaEmail email,
      @ForAll("text") String clientId,
      @ForAll("text") String jti,
      @ForAll @LongRange(min = 1_000_000_000L, max = 4_000_000_000L) long iat,
      @ForAll @LongRange(min = 1, max = 2_592_000) long lifetime,
      @ForAll("teams") Optional<List<String>> teams,
      @ForAll("attributes") Optional<Map<String, String>> attributes,
      @ForAll("text") String name,
      @ForAll("versions") Optional<SigmaVersion> version,
      @ForAll("text") String path) {
    SignetSigmaJwtEmbed embed =
        SignetSigmaJwtEmbed.builder()
            .path(path)
            .email(email)
            .clientId(clientId)
            .jti(jti)
            .iat(iat)
            .exp(iat + lifetime)
            .teams(teams)
            .userAttributes(attributes)
            .firstName(name)
            .version(version)
            .build();
    String url = embed.url(SIGMA.site(), SECRET);
    Clock clock = Clock.fixed(Instant.ofEpochSecond(iat), ZoneOffset.UTC);
    Verification<SignetSigmaJwtEmbed> verified =
        SignetSigmaJwtEmbed.verifier(Map.of(clientId, SECRET))
            .withClock(clock)
            .withSite(SIGMA.site())
            .verifyUrl(url);
    assertTrue(verified.isVerified(), () -> url + ": " + verified.failure().orElseThrow());
    // What travels unsigned comes back as given, and apart from the request.
    assertEquals(Map.of("path", path, ":embed", "true"), verified.unauthenticated());
    SignetSigmaJwtEmbed read = verified.request().orElseThrow();
    assertEquals(embed.claimsJson(), read.claimsJson());
    assertEquals(embed.headerJson(), read.headerJson());
    assertEquals(email, read.email());
    assertEquals(clientId, read.clientId());
    assertEquals(teams, read.teams());
    assertEquals(attributes, read.userAttributes());
    assertEquals(Optional.of(name), read.firstName());
    assertEquals(Optional.empty(), read.lastName());
    assertEquals(version, read.version());
  }
}
