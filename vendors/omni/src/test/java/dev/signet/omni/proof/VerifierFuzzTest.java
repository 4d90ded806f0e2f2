package dev.signet.omni.proof;

import static dev.signet.omni.testing.VerifierFuzzing.check;
import static dev.signet.omni.testing.VerifierFuzzing.urls;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.omni.OmniOrigins;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.SignetOmniRedeemSession;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SignatureFormat;
import dev.signet.runtime.Verifier;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The generated verifiers of Omni's login and redeem-session on any URL or query the fuzzer makes:
 * they never throw, and never accept, since the fuzzer does not know the secret. The secret is
 * drawn at random for each run; the seeds in {@code VerifierFuzzTestInputs} are URLs signed with
 * another secret, so that the fuzzer starts from URLs that get as far as the signature check. A
 * refusal must not give away the signature the secret gives for what was received either, or a
 * forger could ask for it.
 *
 * <p>Each input is tried as a query, as the query of the verifier's endpoint raw and as decoded
 * pairs, and as a whole URL ({@link dev.signet.omni.testing.VerifierFuzzing}), which lets arbitrary
 * characters reach the value readers (JSON, enums, nonces).
 */
class VerifierFuzzTest {
  private static final Secret SECRET = randomSecret();
  private static final Origin OMNI = OmniOrigins.organization("acme");

  private static final Verifier<SignetOmniLogin> LOGIN = SignetOmniLogin.verifier(OMNI, SECRET);
  private static final Verifier<SignetOmniRedeemSession> REDEEM =
      SignetOmniRedeemSession.verifier(OMNI, SECRET);

  private static Secret randomSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Secret.ofBytes(key);
  }

  @FuzzTest(maxDuration = "20s")
  void omniLogin(FuzzedDataProvider data) {
    String input = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
    for (String url : urls(input, OMNI + SignetOmniLogin.PATH)) {
      check(LOGIN, SECRET, url, true, MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64URL_UNPADDED);
    }
    check(
        LOGIN, SECRET, input, false, MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64URL_UNPADDED);
    check(
        REDEEM, SECRET, input, false, MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64URL_UNPADDED);
  }
}
