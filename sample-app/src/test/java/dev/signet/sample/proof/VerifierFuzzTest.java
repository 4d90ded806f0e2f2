package dev.signet.sample.proof;

import static dev.signet.omni.testing.VerifierFuzzing.check;
import static dev.signet.omni.testing.VerifierFuzzing.decodedPairs;
import static dev.signet.omni.testing.VerifierFuzzing.urls;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SignatureFormat;
import dev.signet.runtime.Verifier;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The generated verifiers of the proof requests on any URL or query the fuzzer makes: they never
 * throw, and never accept, since the fuzzer does not know the secret (Omni's own verifiers have the
 * same fuzz test in signet-omni). The secret is drawn at random for each run; the seeds in {@code
 * VerifierFuzzTestInputs} are URLs signed with another secret, so that the fuzzer starts from URLs
 * that get as far as the signature check.
 *
 * <p>Each input is tried as a query, as the query of the verifier's endpoint, as a whole URL, and
 * as decoded pairs ({@code name=value&...} with each side form-encoded), which lets arbitrary
 * characters reach the value readers (JSON, enums, numbers, nonces).
 */
class VerifierFuzzTest {
  private static final Secret SECRET = randomSecret();
  private static final Origin PROOF = Origin.https("proof.example.com", 8443);

  private static final Verifier<SignetProofRequest> UNAMBIGUOUS =
      SignetProofRequest.verifier(PROOF, SECRET);
  private static final Verifier<SignetTrimmedProofRequest> TRIMMED =
      SignetTrimmedProofRequest.verifier(PROOF, SECRET);

  private static Secret randomSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Secret.ofBytes(key);
  }

  @FuzzTest(maxDuration = "20s")
  void unambiguousRequest(FuzzedDataProvider data) {
    String input = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
    for (String url : urls(input, PROOF + "/proof/unambiguous")) {
      check(
          UNAMBIGUOUS,
          SECRET,
          url,
          true,
          MacAlgorithm.HMAC_SHA256,
          SignatureFormat.BASE64URL_UNPADDED);
    }
    check(
        UNAMBIGUOUS,
        SECRET,
        input,
        false,
        MacAlgorithm.HMAC_SHA256,
        SignatureFormat.BASE64URL_UNPADDED);
    check(TRIMMED, SECRET, input, false, MacAlgorithm.HMAC_SHA512, SignatureFormat.HEX);
    check(
        TRIMMED, SECRET, decodedPairs(input), false, MacAlgorithm.HMAC_SHA512, SignatureFormat.HEX);
  }
}
