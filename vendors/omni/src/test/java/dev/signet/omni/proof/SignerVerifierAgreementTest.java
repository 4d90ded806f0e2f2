package dev.signet.omni.proof;

import static dev.signet.omni.testing.Agreement.signedMeansVerifiable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.omni.OmniOrigins;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.UserAttribute;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cases the properties led to, kept as examples: what the builder accepts and signs, the verifier
 * of the same type accepts.
 */
class SignerVerifierAgreementTest {
  private static final Origin OMNI = OmniOrigins.organization("acme");
  private static final Secret SECRET = Secret.ofUtf8("agreement-secret");
  private static final String NONCE = "0123456789abcdefghijABCDEFGHIJ01";

  private static SignetOmniLogin.BuildStage login() {
    return SignetOmniLogin.builder()
        .contentPath("/my")
        .externalId("u1")
        .name("Blob Ross")
        .nonce(NONCE);
  }

  /**
   * A null inside a JSON value: either the builder refuses it, or the verifier of the same type
   * takes the URL it signs (the sample app's proof requests are held to the same in its {@code
   * UnambiguousSchemePropertyTest}). (Before the processor's fix of JSON nulls and keys, builders
   * wrote {@code {"model":null}} and the bare, non-JSON {@code {null:"VIEWER"}}, and their own
   * verifiers refused both.)
   */
  @Test
  void aNullInsideAJsonValueIsRefusedWhenBuiltOrVerifies() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("model", null);
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "VIEWER");
    List<String> nullElement = new ArrayList<>();
    nullElement.add(null);

    signedMeansVerifiable(
        () -> login().connectionRoles(nullValue).build().signedUrl(OMNI, SECRET),
        SignetOmniLogin.verifier(OMNI, SECRET)::verifyUrl);
    signedMeansVerifiable(
        () -> login().modelRoles(nullKey).build().signedUrl(OMNI, SECRET),
        SignetOmniLogin.verifier(OMNI, SECRET)::verifyUrl);
    signedMeansVerifiable(
        () -> login().groups(nullElement).build().signedUrl(OMNI, SECRET),
        SignetOmniLogin.verifier(OMNI, SECRET)::verifyUrl);
  }

  /**
   * JSON numbers are JavaScript numbers: 9007199254740993 is 9007199254740992 to Omni's SDK
   * (JSON.parse, then JSON.stringify) and to Signet's own verifier. Beyond ±2^53 a long would be
   * signed as one number and read as another, so {@code UserAttribute} refuses it (found by the
   * properties; it used to sign text that its own verifier refused).
   */
  @Test
  void aLongBeyondJavaScriptsSafeIntegersIsRefused() {
    long beyond = (1L << 53) + 1;
    assertThrows(IllegalArgumentException.class, () -> UserAttribute.of(beyond));
    assertThrows(IllegalArgumentException.class, () -> UserAttribute.of(-beyond));
    assertThrows(IllegalArgumentException.class, () -> UserAttribute.ofList(List.of(beyond)));
  }

  /** Up to 2^53 a long is a JavaScript number exactly, and round-trips. */
  @Test
  void aLongUpToJavaScriptsSafeIntegersRoundTrips() {
    for (long value : new long[] {1L << 53, -(1L << 53), 0, -1, Integer.MAX_VALUE + 1L}) {
      SignetOmniLogin login = login().userAttributes(Map.of("n", UserAttribute.of(value))).build();
      Verification<SignetOmniLogin> verification =
          SignetOmniLogin.verifier(OMNI, SECRET).verifyUrl(login.signedUrl(OMNI, SECRET));
      assertEquals(login, verification.request().orElseThrow(), verification::toString);
    }
  }

  /**
   * Omni's scheme is ambiguous by design, as its declaration accepts: these different logins sign
   * the same text, so a URL signed for one verifies as the other. Under NAMES_AND_VALUES none do
   * (the sample app's {@code UnambiguousSchemePropertyTest}).
   */
  @Test
  void omnisSchemeSignsSomeDifferentLoginsAlike() {
    List<List<SignetOmniLogin>> alike =
        List.of(
            // Leading whitespace of an optional value is trimmed away (a required value that starts
            // with whitespace, or is only whitespace, is refused: OmniLoginTest).
            List.of(login().entity("Acme").build(), login().entity(" \u3000Acme").build()),
            // An optional value of whitespace alone vanishes with its line, so the next value moves
            // up.
            List.of(
                login().branch(" ").customThemeId("x").build(),
                login().branch("x").customThemeId(" ").build()),
            // Names are not signed: a value moves to a neighbour in the signed order.
            List.of(login().branch("main").build(), login().customThemeId("main").build()),
            // Trailing whitespace of the last line is trimmed too.
            List.of(login().linkAccess("a").build(), login().linkAccess("a\t").build()));
    for (List<SignetOmniLogin> pair : alike) {
      assertNotEquals(pair.get(0), pair.get(1));
      assertEquals(pair.get(0).canonicalText(OMNI), pair.get(1).canonicalText(OMNI));
      String url = pair.get(0).signedUrl(OMNI, SECRET);
      String other = pair.get(1).signedUrl(OMNI, SECRET);
      String forged =
          other.substring(0, other.indexOf("&signature="))
              + url.substring(url.indexOf("&signature="));
      Verification<SignetOmniLogin> verification =
          SignetOmniLogin.verifier(OMNI, SECRET).verifyUrl(forged);
      assertEquals(pair.get(1), verification.request().orElseThrow(), verification::toString);
    }
  }
}
