package dev.signet.benchmarks;

import dev.signet.runtime.NonceStore;

/**
 * A nonce store that accepts every nonce, for {@link VerifyBenchmark} alone: never use one where
 * URLs are really verified, since it lets any URL be replayed.
 *
 * <p>Why: the benchmark verifies the same signed URL in every operation. A real store rightly
 * refuses all but the first as replays, so with one the benchmark would measure the refusal of a
 * replay, not the path an embed load takes. With this store every operation takes the accepting
 * path, doing all of a verifier's work (strict query reading, typed values read back and checked,
 * signed text rebuilt, HMAC, constant-time comparison, the store asked last). What the store itself
 * costs depends on the deployment (a lock and a map in memory, a Redis round trip across servers)
 * and is not the verifier's; {@code VerifyBenchmark.verifyReplayDefaultStore} shows the default
 * in-memory store's cost on the refusing path.
 */
public final class AcceptEveryNonce implements NonceStore {
  @Override
  public Outcome record(String nonce) {
    return Outcome.FIRST_USE;
  }
}
