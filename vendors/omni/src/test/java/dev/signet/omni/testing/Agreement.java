package dev.signet.omni.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Verification;
import java.util.function.Function;
import java.util.function.Supplier;

/** What a builder signs, the verifier of the same type takes. */
public final class Agreement {
  private Agreement() {}

  /** Either the builder refuses the request, or the verifier takes the URL the request signs. */
  public static <T> void signedMeansVerifiable(
      Supplier<String> signedUrl, Function<String, Verification<T>> verify) {
    String url;
    try {
      url = signedUrl.get();
    } catch (InvalidParameterException refused) {
      return;
    }
    Verification<T> verification = verify.apply(url);
    assertTrue(verification.isVerified(), () -> verification + " for " + url);
  }
}
