package dev.signet.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Secret;
import dev.signet.sigma.SigmaVectors.Vector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code jwt} case of {@code vectors/sigma.jsonl}, built with the generated {@link
 * SignetSigmaJwtEmbed}: the URL, the token and its decoded header and claims byte for byte as the
 * reference writes them, and every case to refuse refused by the rule the vector names.
 */
class SigmaJwtVectorsTest {
  private static final Secret SECRET = Secret.ofUtf8("a secret of Sigma's embed client");
  private static final long IAT = 1_800_000_000L;

  static Stream<Arguments> cases() {
    return SigmaVectors.arguments("jwt");
  }

  @Test
  void theCopyHoldsAllTheJwtVectors() {
    List<Vector> vectors = SigmaVectors.of("jwt");
    assertEquals(60, vectors.size());
    assertEquals(6, vectors.stream().filter(Vector::refused).count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void signsOrRefusesAsTheVectorSays(Vector vector) {
    if (vector.refused()) {
      if (vector.string("secret").isEmpty()) {
        // Refused where the secret is read, before any request.
        assertThrows(IllegalArgumentException.class, () -> Secret.ofUtf8(""));
        return;
      }
      InvalidParameterException refusal =
          assertThrows(InvalidParameterException.class, () -> SigmaVectors.jwt(vector));
      assertTrue(refusal.getMessage().startsWith(refusal.parameter() + ": "), refusal::getMessage);
      // The claim the vector's rule names: sub, exp, ver or aud.
      assertTrue(vector.why().contains(refusal.parameter()), refusal::getMessage);
      return;
    }
    SignetSigmaJwtEmbed embed = SigmaVectors.jwt(vector);
    Secret secret = Secret.ofUtf8(vector.string("secret"));
    SigmaEmbedPaths paths = SigmaEmbedPaths.of(vector.string("embedPath"));
    assertEquals(vector.expected().get("header"), embed.headerJson());
    assertEquals(vector.expected().get("payload"), embed.claimsJson());
    assertEquals(vector.expected().get("token"), embed.token(secret));
    assertEquals(vector.expected().get("url"), embed.url(paths.site(), secret));
  }

  @Test
  void thirtyDaysIsTheLongestLifetime() {
    assertEquals(IAT + 2_592_000, embed().exp(IAT + 2_592_000).build().exp());
    InvalidParameterException longer =
        assertThrows(InvalidParameterException.class, () -> embed().exp(IAT + 2_592_001).build());
    assertEquals("exp", longer.parameter());
    assertTrue(
        longer.getMessage().contains("at most 2592000 seconds after iat"), longer::getMessage);
    assertEquals(
        "exp",
        assertThrows(
                InvalidParameterException.class,
                () -> embed().timeToLive(Duration.ofDays(30).plusSeconds(1)).build())
            .parameter());
  }

  @Test
  void theClockAndAnHourWhenNoTimesAreGiven() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(IAT + 5), ZoneOffset.UTC);
    SignetSigmaJwtEmbed embed =
        SignetSigmaJwtEmbed.builder()
            .path("embed/1-1wCxQYjY6ZN7ku3yS4cQhP")
            .email(SigmaEmail.of("ann@example.com"))
            .clientId("client")
            .jti("jti-1")
            .clock(clock)
            .build();
    assertEquals(IAT + 5, embed.iat());
    assertEquals(IAT + 5 + 3600, embed.exp());
    assertEquals(
        "{\"sub\":\"ann@example.com\",\"iss\":\"client\",\"jti\":\"jti-1\",\"iat\":"
            + (IAT + 5)
            + ",\"exp\":"
            + (IAT + 3605)
            + "}",
        embed.claimsJson());
    assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"client\"}", embed.headerJson());
    assertTrue(
        embed
            .url(SigmaEmbedPaths.of("https://app.sigmacomputing.com/embed/x").site(), SECRET)
            .matches(
                "https://app\\.sigmacomputing\\.com/embed/1-1wCxQYjY6ZN7ku3yS4cQhP\\?:jwt="
                    + "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+&:embed=true"));
    assertEquals("true", embed.embed());
  }

  @Test
  void emptyRequiredClaimsAreRefusedByName() {
    assertEquals(
        "iss",
        assertThrows(InvalidParameterException.class, () -> embed("", "jti-1").build())
            .parameter());
    assertEquals(
        "jti",
        assertThrows(InvalidParameterException.class, () -> embed("client", "").build())
            .parameter());
    assertEquals(
        "sub", assertThrows(InvalidParameterException.class, () -> SigmaEmail.of("")).parameter());
  }

  private static SignetSigmaJwtEmbed.BuildStage embed() {
    return embed("client", "jti-1");
  }

  private static SignetSigmaJwtEmbed.BuildStage embed(String clientId, String jti) {
    return SignetSigmaJwtEmbed.builder()
        .path("embed/1-1wCxQYjY6ZN7ku3yS4cQhP")
        .email(SigmaEmail.of("ann@example.com"))
        .clientId(clientId)
        .jti(jti)
        .iat(IAT);
  }
}
