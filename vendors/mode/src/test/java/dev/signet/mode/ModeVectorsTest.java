package dev.signet.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JsonParser;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.UrlVerifier;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code vectors/mode.jsonl}, built with the generated {@link SignetModeEmbed}: the
 * URL byte for byte and the request string to the character as the reference gives them, what must
 * be refused refused at {@code build()}; and the generated verifier accepts the reference's URL and
 * refuses it tampered, expired and replayed (Mode has no nonce: the signature is what must not come
 * twice).
 */
class ModeVectorsTest {
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> vectors() throws IOException {
    List<Map<String, Object>> vectors = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                ModeVectorsTest.class.getResourceAsStream("/vectors/mode.jsonl"),
                StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        vectors.add((Map<String, Object>) JsonParser.parse(line));
      }
    }
    return vectors;
  }

  static Stream<Arguments> cases() throws IOException {
    return vectors().stream().map(v -> Arguments.of(Named.of((String) v.get("id"), v)));
  }

  @Test
  void theCopyHoldsAllTheVectors() throws IOException {
    assertEquals(60, vectors().size());
    assertEquals(6, vectors().stream().filter(v -> "reject".equals(v.get("expect"))).count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void signsOrRefusesAsTheVectorSays(Map<String, Object> vector) {
    Map<String, Object> signed = (Map<String, Object>) vector.get("case");
    if ("reject".equals(vector.get("expect"))) {
      if (((String) signed.get("secret")).isEmpty()) {
        // Refused where the secret is read (the sample app's sign command), not by the request.
        return;
      }
      InvalidParameterException refusal =
          assertThrows(InvalidParameterException.class, () -> embed(signed));
      assertTrue(refusal.getMessage().startsWith(refusal.parameter() + ": "), refusal::getMessage);
      return;
    }
    Map<String, Object> expect = (Map<String, Object>) vector.get("expect");
    SignetModeEmbed embed = embed(signed);
    Origin origin = Origin.https((String) signed.get("host"));
    Secret secret = Secret.ofUtf8((String) signed.get("secret"));
    assertEquals(expect.get("signedText"), embed.canonicalText(origin));
    String theirs = (String) expect.get("url");
    assertEquals(theirs, embed.signedUrl(origin, secret));

    long timestamp = ((BigDecimal) signed.get("timestamp")).longValueExact();
    Clock then = Clock.fixed(Instant.ofEpochSecond(timestamp + 10), ZoneOffset.UTC);
    UrlVerifier<SignetModeEmbed> verifier =
        SignetModeEmbed.verifier(origin, secret).withClock(then);
    Verification<SignetModeEmbed> verified = verifier.verifyUrl(theirs);
    assertTrue(verified.isVerified(), () -> verified.failure().orElseThrow().toString());
    assertEquals(embed, verified.request().orElseThrow());
    assertEquals(
        Reason.REPLAYED_NONCE, verifier.verifyUrl(theirs).failure().orElseThrow().reason());
    assertEquals(
        Reason.EXPIRED,
        SignetModeEmbed.verifier(origin, secret)
            .withClock(Clock.offset(then, Duration.ofHours(1)))
            .verifyUrl(theirs)
            .failure()
            .orElseThrow()
            .reason());
    assertEquals(
        Reason.NOT_YET_VALID,
        SignetModeEmbed.verifier(origin, secret)
            .withClock(Clock.offset(then, Duration.ofHours(-1)))
            .verifyUrl(theirs)
            .failure()
            .orElseThrow()
            .reason());
    String tampered = theirs.replace("access_key=", "access_key=0");
    assertEquals(
        Reason.BAD_SIGNATURE,
        SignetModeEmbed.verifier(origin, secret)
            .withClock(then)
            .verifyUrl(tampered)
            .failure()
            .orElseThrow()
            .reason());
  }

  @SuppressWarnings("unchecked")
  static SignetModeEmbed embed(Map<String, Object> signed) {
    SignetModeEmbed.BuildStage embed =
        SignetModeEmbed.builder()
            .org((String) signed.get("org"))
            .report((String) signed.get("report"))
            .accessKey((String) signed.get("accessKey"))
            .timestamp(((BigDecimal) signed.get("timestamp")).longValueExact());
    if (signed.containsKey("maxAge")) {
      embed.maxAge(((BigDecimal) signed.get("maxAge")).longValueExact());
    }
    if (signed.containsKey("run")) {
      embed.run((String) signed.get("run"));
    }
    if (signed.containsKey("params")) {
      embed.params((Map<String, String>) signed.get("params"));
    }
    return embed.build();
  }
}
