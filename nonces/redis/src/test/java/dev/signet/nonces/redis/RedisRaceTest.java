package dev.signet.nonces.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signet.nonces.testing.LocalRedis;
import dev.signet.nonces.testing.Races;
import dev.signet.nonces.testing.SignetEmbedLogin;
import dev.signet.nonces.testing.Urls;
import dev.signet.runtime.NonceStore;
import dev.signet.runtime.NonceStore.Outcome;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.Verifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two stores with connections of their own (two servers' worth), eight threads between them, every
 * thread trying every nonce: Redis's {@code SET NX} lets exactly one of them first use each.
 */
class RedisRaceTest {
  private static final int THREADS = 8;
  private static LocalRedis redis;

  @BeforeAll
  static void startRedis() {
    redis = LocalRedis.launch();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  private static RedisNonceStore store() {
    // A race asks who wins, not how fast: on a loaded two-core machine a command may wait long.
    return RedisNonceStore.builder(redis.uri(), Duration.ofHours(1))
        .poolSize(THREADS)
        .timeout(Duration.ofSeconds(20))
        .connect();
  }

  @Test
  void eachNonceIsFirstUsedExactlyOnceAcrossTwoStores() throws Exception {
    int nonces = 3000;
    List<String> all = new ArrayList<>();
    for (int i = 0; i < nonces; i++) {
      all.add(UUID.randomUUID().toString());
    }
    AtomicIntegerArray firstUses = new AtomicIntegerArray(nonces);
    AtomicLong replays = new AtomicLong();
    try (RedisNonceStore a = store();
        RedisNonceStore b = store()) {
      List<NonceStore> stores = List.of(a, b);
      Races.race(
          THREADS,
          thread -> {
            NonceStore store = stores.get(thread % 2);
            for (int i = 0; i < nonces; i++) {
              Outcome outcome = store.record(all.get(i));
              if (outcome == Outcome.FIRST_USE) {
                firstUses.incrementAndGet(i);
              } else if (outcome == Outcome.REPLAYED) {
                replays.incrementAndGet();
              } else {
                throw new AssertionError("nonce " + i + ": " + outcome);
              }
            }
          });
    }
    for (int i = 0; i < nonces; i++) {
      assertEquals(1, firstUses.get(i), "first uses of nonce " + i);
    }
    assertEquals((long) nonces * (THREADS - 1), replays.get());
  }

  @Test
  void twoVerifiersSharingOneRedisAcceptEachUrlOnce() throws Exception {
    int count = 1000;
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      urls.add(Urls.fresh());
    }
    AtomicIntegerArray accepted = new AtomicIntegerArray(count);
    Map<Optional<Reason>, AtomicLong> refusals = new ConcurrentHashMap<>();
    try (RedisNonceStore a = store();
        RedisNonceStore b = store()) {
      List<Verifier<SignetEmbedLogin>> servers = List.of(Urls.verifier(a), Urls.verifier(b));
      Races.race(
          THREADS,
          thread -> {
            Verifier<SignetEmbedLogin> server = servers.get(thread % 2);
            for (int i = 0; i < count; i++) {
              Verification<SignetEmbedLogin> result = server.verifyUrl(urls.get(i));
              if (result.isVerified()) {
                accepted.incrementAndGet(i);
              } else {
                refusals
                    .computeIfAbsent(Urls.reason(result), r -> new AtomicLong())
                    .incrementAndGet();
              }
            }
          });
    }
    for (int i = 0; i < count; i++) {
      assertEquals(1, accepted.get(i), "acceptances of URL " + i);
    }
    assertEquals(
        Map.of(Optional.of(Reason.REPLAYED_NONCE), (long) count * (THREADS - 1)), longs(refusals));
  }

  private static Map<Optional<Reason>, Long> longs(Map<Optional<Reason>, AtomicLong> counts) {
    Map<Optional<Reason>, Long> plain = new java.util.HashMap<>();
    counts.forEach((reason, n) -> plain.put(reason, n.get()));
    return plain;
  }
}
