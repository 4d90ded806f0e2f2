package dev.signet.omni.testing;

import dev.signet.runtime.FormEncoding;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SignatureFormat;
import dev.signet.runtime.SignedTextReport;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure;
import dev.signet.runtime.Verifier;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The checks of the verifier fuzz tests (Omni's here, the sample app's proof requests there) on a
 * verifier whose secret the fuzzer does not know: it never throws and never accepts, a refusal says
 * why, shows nothing of the signature the secret gives for what was received, and is the same on a
 * second look.
 *
 * <p>Jazzer must not hook this class (the fuzz executions list it in {@code
 * jazzer.custom_hook_excludes}): its comparison with the expected signature would hand the fuzzer
 * the very signature it must not find.
 */
public final class VerifierFuzzing {
  private VerifierFuzzing() {}

  /** The input as a whole URL, and as the query of {@code endpoint} raw and re-encoded. */
  public static List<String> urls(String input, String endpoint) {
    return List.of(input, endpoint + "?" + input, endpoint + "?" + decodedPairs(input));
  }

  /** {@code input} read as {@code name=value} pairs joined by {@code &}, each side form-encoded. */
  public static String decodedPairs(String input) {
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

  /**
   * Checks the verifier's answer to {@code text}, a whole URL when {@code wholeUrl} and a query
   * otherwise.
   *
   * @param secret the verifier's secret, to compute the signature that no refusal may show
   */
  public static <T> void check(
      Verifier<T> verifier,
      Secret secret,
      String text,
      boolean wholeUrl,
      MacAlgorithm algorithm,
      SignatureFormat format) {
    Verification<T> verification = wholeUrl ? verifier.verifyUrl(text) : verifier.verifyQuery(text);
    if (verification.isVerified()) {
      throw new AssertionError(
          "accepted without the secret: " + ProofValues.visible(text) + " -> " + verification);
    }
    VerificationFailure failure = verification.failure().orElseThrow();
    if (failure.reason() == null || failure.message() == null || failure.message().isEmpty()) {
      throw new AssertionError("a refusal that does not say why: " + failure);
    }
    String shown =
        verification
            + "\n"
            + failure.message()
            + "\n"
            + verification.report().map(SignedTextReport::toString).orElse("");
    verification
        .report()
        .ifPresent(
            report -> {
              String expected =
                  format.encode(
                      secret.mac(algorithm, report.signedText().getBytes(StandardCharsets.UTF_8)));
              if (shown.contains(expected)) {
                throw new AssertionError(
                    "a refusal shows the signature the secret gives: " + shown);
              }
            });
    // No state but the nonce store, which only accepted URLs reach: the same input, the same
    // answer.
    Verification<T> again = wholeUrl ? verifier.verifyUrl(text) : verifier.verifyQuery(text);
    if (!again.failure().orElseThrow().equals(failure)) {
      throw new AssertionError(
          "a second look refused otherwise: " + again + " after " + verification);
    }
  }
}
