package dev.signet.nonces.redis;

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

  /** The reason a verification was refused for, or empty when it was accepted. */
  static Optional<VerificationFailure.Reason> reason(Verification<?> verification) {
    return verification.failure().map(VerificationFailure::reason);
  }
}
