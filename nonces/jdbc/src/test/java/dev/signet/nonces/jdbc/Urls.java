package dev.signet.nonces.jdbc;

import dev.signet.runtime.NonceStore;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure;
import dev.signet.runtime.Verifier;
import java.util.Optional;

/** Signed URLs of {@link EmbedLogin}, each with a fresh nonce, and verifiers for them. */
final class Urls {
  static final Origin ORIGIN = Origin.https("embed.example.com");
  static final Secret SECRET = Secret.ofUtf8("nonce-store-tests-secret");

  private Urls() {}

  static String fresh() {
    return SignetEmbedLogin.builder().user("user-42").build().signedUrl(ORIGIN, SECRET);
  }

  static Verifier<SignetEmbedLogin> verifier(NonceStore store) {
    return SignetEmbedLogin.verifier(ORIGIN, SECRET).withNonceStore(store);
  }

  /** Sleeps briefly, between two looks at a condition being awaited. */
  static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The reason a verification was refused for, or empty when it was accepted. */
  static Optional<VerificationFailure.Reason> reason(Verification<?> verification) {
    return verification.failure().map(VerificationFailure::reason);
  }
}
