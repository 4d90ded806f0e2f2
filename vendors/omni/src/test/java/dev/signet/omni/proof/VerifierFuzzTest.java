package dev.signet.sample.proof;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.runtime.FormEncoding;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SignatureFormat;
import dev.signet.runtime.SignedTextReport;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure;
import dev.signet.runtime.Verifier;
import dev.signet.sample.omni.OmniOrigins;
import dev.signet.sample.omni.SignetOmniLogin;
import dev.signet.sample.omni.SignetOmniRedeemSession;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * The generated verifiers on any URL or query the fuzzer makes: they never throw, and never
 * accept, since the fuzzer does not know the secret. The secret is drawn at random for each run;
 * the seeds in {@code VerifierFuzzTestInputs} are URLs signed with another secret, so that the
 * fuzzer starts from URLs that get as far as the signature check. A refusal must not give away
 * the signature the secret gives for what was received either, or a forger could ask for it.
 *
 * <p>Each input is tried as a query, as the query of the verifier's endpoint, as a whole URL,
 * and as decoded pairs ({@code name=value&...} with each side form-encoded here), which lets
 * arbitrary characters reach the value readers (JSON, enums, numbers, nonces).
 */
class VerifierFuzzTest {
  private static final Secret SECRET = randomSecret();
  private static final Origin OMNI = OmniOrigins.organization("acme");
  private static final Origin PROOF = Origin.https("proof.example.com", 8443);

  private static final Verifier<SignetOmniLogin> LOGIN = SignetOmniLogin.verifier(OMNI, SECRET);
  private static final Verifier<SignetOmniRedeemSession> REDEEM = SignetOmniRedeemSession.verifier(OMNI, SECRET);
  private static final Verifier<SignetProofRequest> UNAMBIGUOUS = SignetProofRequest.verifier(PROOF, SECRET);
  private static final Verifier<SignetTrimmedProofRequest> TRIMMED = SignetTrimmedProofRequest.verifier(PROOF, SECRET);

  private static Secret randomSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Secret.ofBytes(key);
  }

  @FuzzTest(maxDuration = "20s")
  void omniLogin(FuzzedDataProvider data) {
    String input = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
    for (String url : urls(input, OMNI + SignetOmniLogin.PATH)) {
      check(LOGIN, url, true, MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64URL_UNPADDED);
    }
    check(LOGIN, input, false, MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64URL_UNPADDED);
    check(REDEEM, input, false, MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64URL_UNPADDED);
  }

  @FuzzTest(maxDuration = "20s")
  void unambiguousRequest(FuzzedDataProvider data) {
    String input = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
    for (String url : urls(input, PROOF + "/proof/unambiguous")) {
      check(UNAMBIGUOUS, url, true, MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64URL_UNPADDED);
    }
    check(UNAMBIGUOUS, input, false, MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64URL_UNPADDED);
    check(TRIMMED, input, false, MacAlgorithm.HMAC_SHA512, SignatureFormat.HEX);
    check(TRIMMED, decodedPairs(input), false, MacAlgorithm.HMAC_SHA512, SignatureFormat.HEX);
  }

  /** The input as a whole URL, and as the query of {@code endpoint} raw and re-encoded. */
  private static List<String> urls(String input, String endpoint) {
    return List.of(input, endpoint + "?" + input, endpoint + "?" + decodedPairs(input));
  }

  /** {@code input} read as {@code name=value} pairs joined by {@code &}, each side form-encoded. */
  static String decodedPairs(String input) {
    StringBuilder query = new StringBuilder();
    for (String pair : input.split("&", -1)) {
      if (query.length() > 0) {
        query.append('&');
      }
      int equals = pair.indexOf('=');
      FormEncoding.append(query, equals < 0 ? pair : pair.substring(0, equals));
      if (equals >= 0) {
        query.append('=');
        FormEncoding.append(query, pair.substring(equals + 1));
      }
    }
    return query.toString();
  }

  private static <T> void check(
      Verifier<T> verifier, String text, boolean wholeUrl, MacAlgorithm algorithm, SignatureFormat format) {
    Verification<T> verification = wholeUrl ? verifier.verifyUrl(text) : verifier.verifyQuery(text);
    if (verification.isVerified()) {
      throw new AssertionError("accepted without the secret: " + ProofValues.visible(text) + " -> " + verification);
    }
    VerificationFailure failure = verification.failure().orElseThrow();
    if (failure.reason() == null || failure.message() == null || failure.message().isEmpty()) {
      throw new AssertionError("a refusal that does not say why: " + failure);
    }
    String shown = verification + "\n" + failure.message() + "\n" + verification.report().map(SignedTextReport::toString).orElse("");
    verification.report().ifPresent(report -> {
      String expected = format.encode(SECRET.mac(algorithm, report.signedText().getBytes(StandardCharsets.UTF_8)));
      if (shown.contains(expected)) {
        throw new AssertionError("a refusal shows the signature the secret gives: " + shown);
      }
    });
    // No state but the nonce store, which only accepted URLs reach: the same input, the same answer.
    Verification<T> again = wholeUrl ? verifier.verifyUrl(text) : verifier.verifyQuery(text);
    if (!again.failure().orElseThrow().equals(failure)) {
      throw new AssertionError("a second look refused otherwise: " + again + " after " + verification);
    }
  }
}
