package dev.signet.omni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The generated verifiers, on URLs signed by Signet and on URLs signed by Omni's own SDK. */
class OmniVerifierTest {
  private static final Origin ORIGIN = OmniOrigins.organization("acme");
  private static final Secret SECRET = Secret.ofUtf8("verifier-test-secret");
  private static final String NONCE = "abcdefghijklmnopqrstuvwxyz012345";

  private static SignetOmniLogin login() {
    return SignetOmniLogin.builder()
        .contentPath(OmniContentPaths.dashboard("d1"))
        .externalId("user-1")
        .name("Zoë O'Brien")
        .nonce(NONCE)
        .accessBoost(false)
        .theme(Theme.VIBES)
        .userAttributes(Map.of("region", UserAttribute.of("west")))
        .uiSettings(new UiSettings(true))
        .groups(List.of("a", "b c"))
        .build();
  }

  private static Verification<SignetOmniLogin> verify(String url) {
    return SignetOmniLogin.verifier(ORIGIN, SECRET).verifyUrl(url);
  }

  private static Reason refusal(String url) {
    Verification<SignetOmniLogin> verification = verify(url);
    assertFalse(verification.isVerified(), url);
    return verification.failure().orElseThrow().reason();
  }

  @Test
  void aSignedUrlVerifiesIntoTheSameRequest() {
    SignetOmniLogin login = login();
    Verification<SignetOmniLogin> verification = verify(login.signedUrl(ORIGIN, SECRET));
    assertTrue(verification.isVerified(), verification::toString);
    assertEquals(login, verification.request().orElseThrow());
    assertEquals(login.canonicalText(ORIGIN), verification.report().orElseThrow().signedText());
  }

  @Test
  void aSecondUseOfTheSameUrlIsAReplay() {
    var verifier = SignetOmniLogin.verifier(ORIGIN, SECRET);
    String url = login().signedUrl(ORIGIN, SECRET);
    assertTrue(verifier.verifyUrl(url).isVerified());
    assertEquals(Reason.REPLAYED_NONCE, verifier.verifyUrl(url).failure().orElseThrow().reason());
  }

  @Test
  void tamperingIsRefusedWithTheReason() {
    String url = login().signedUrl(ORIGIN, SECRET);
    assertEquals(Reason.BAD_SIGNATURE, refusal(url.replace("user-1", "user-2")));
    assertEquals(
        Reason.BAD_SIGNATURE, refusal(url.replace("accessBoost=false", "accessBoost=true")));
    assertEquals(Reason.BAD_SIGNATURE, refusal(url.replace(NONCE, "X" + NONCE.substring(1))));
    assertEquals(Reason.INVALID_VALUE, refusal(url.replace("theme=vibes", "theme=VIBES")));
    assertEquals(Reason.INVALID_VALUE, refusal(url.replace("accessBoost=false", "accessBoost=no")));
    assertEquals(Reason.MALFORMED_NONCE, refusal(url.replace(NONCE, NONCE + "a")));
    assertEquals(Reason.MISSING_PARAMETER, refusal(url.replaceFirst("&signature=[^&]*", "")));
    assertEquals(Reason.MISSING_PARAMETER, refusal(url.replaceFirst("externalId=[^&]*&", "")));
    assertEquals(Reason.REPEATED_PARAMETER, refusal(url + "&theme=vibes"));
    assertEquals(Reason.UNKNOWN_PARAMETER, refusal(url + "&extra=1"));
    assertEquals(Reason.MALFORMED_ENCODING, refusal(url + "&entity=%ZZ"));
    assertEquals(Reason.INVALID_VALUE, refusal(url + "&entity="));
    assertEquals(Reason.WRONG_ENDPOINT, refusal(url.replace("acme.", "other.")));
    assertEquals(Reason.MALFORMED_URL, refusal(url + "#x"));
  }

  @Test
  void unknownParametersCanBeIgnored() {
    String url = login().signedUrl(ORIGIN, SECRET) + "&utm_source=mail";
    assertTrue(
        SignetOmniLogin.verifier(ORIGIN, SECRET)
            .ignoringUnknownParameters()
            .verifyUrl(url)
            .isVerified());
  }

  @Test
  void redeemSessionUrlsVerify() {
    SignetOmniRedeemSession redeem =
        SignetOmniRedeemSession.builder()
            .sessionId("s-1")
            .theme(Theme.DAWN)
            .prefersDark(PrefersDark.SYSTEM)
            .build();
    var verification =
        SignetOmniRedeemSession.verifier(ORIGIN, SECRET)
            .verifyUrl(redeem.signedUrl(ORIGIN, SECRET));
    assertEquals(redeem, verification.request().orElseThrow());
  }

  /** The stand-in for Omni must accept what Omni's own SDK signs: every accepted vector's URL. */
  @Test
  void everyUrlOmnisSdkSignedVerifies() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> failures = new ArrayList<>();
    int verified = 0;
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    getClass().getResourceAsStream("/vectors/omni-sdk-vectors.jsonl")),
                StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode vector = json.readTree(line);
        if (!vector.get("expect").asText().equals("accept")) {
          continue;
        }
        JsonNode request = vector.get("case");
        String url = vector.get("sdk").get("url").asText();
        Origin origin =
            OmniOrigins.of(
                request.path("host").asText(null),
                request.path("organizationName").asText(null),
                request.has("port") ? request.get("port").asInt() : null);
        Secret secret = Secret.ofUtf8(request.get("secret").asText());
        Verification<?> verification =
            request.get("op").asText().equals("login")
                ? SignetOmniLogin.verifier(origin, secret).verifyUrl(url)
                : SignetOmniRedeemSession.verifier(origin, secret).verifyUrl(url);
        if (verification.isVerified()) {
          verified++;
        } else {
          failures.add(verification + " for " + url);
        }
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(292, verified);
  }
}
