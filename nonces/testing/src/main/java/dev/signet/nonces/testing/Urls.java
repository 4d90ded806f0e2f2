package dev.signet.nonces.testing;

import dev.signet.runtime.NonceStore;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure;
import dev.signet.runtime.Verifier;
import java.util.Optional;

/** Signed URLs of {@link EmbedLogin}, each with a fresh nonce, and verifiers for them. */
public final class Urls {
  public static final Origin ORIGIN = Origin.https("embed.example.com");
  public static final Secret SECRET = Secret.ofUtf8("nonce-store-tests-secret");

  private Urls() {}

  /** A signed URL of {@link EmbedLogin} with a nonce of its own. */
  public static String fresh() {
    return SignetEmbedLogin.builder().user("user-42").build().signedUrl(ORIGIN, SECRET);
  }

  /** A verifier of those URLs that keeps its nonces in {@code store}. */
  public static Verifier<SignetEmbedLogin> verifier(NonceStore store) {
    return SignetEmbedLogin.verifier(ORIGIN, SECRET).withNonceStore(store);
  }

  /** Sleeps briefly, between two looks at a condition being awaited. */
  public static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The reason a verification was refused for, or empty when it was accepted. */
  public static Optional<VerificationFailure.Reason> reason(Verification<?> verification) {
    return verification.failure().map(VerificationFailure::reason);
  }
}
