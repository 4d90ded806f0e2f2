package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.NonceStore.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryNonceStoreTest {

  /** A clock that stands still until a test moves it. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private static final Duration TTL = Duration.ofMinutes(10);

  @Test
  void firstUseThenReplayed() {
    InMemoryNonceStore store = new InMemoryNonceStore(10, TTL, new MutableClock());
    assertEquals(Outcome.FIRST_USE, store.record("a"));
    assertEquals(Outcome.REPLAYED, store.record("a"));
    assertEquals(Outcome.REPLAYED, store.record("a"));
    assertEquals(Outcome.FIRST_USE, store.record("b"));
    // Nonces are compared exactly.
    assertEquals(Outcome.FIRST_USE, store.record("A"));
    assertEquals(Outcome.FIRST_USE, store.record("a "));
  }

  @Test
  void refusesACapacityOrTimeToLiveThatIsNotAboveZero() {
    MutableClock clock = new MutableClock();
    for (int capacity : new int[] {0, -1, Integer.MIN_VALUE}) {
      assertThrows(
          IllegalArgumentException.class, () -> new InMemoryNonceStore(capacity, TTL, clock));
    }
    for (Duration ttl :
        new Duration[] {Duration.ZERO, Duration.ofNanos(-1), Duration.ofHours(-1)}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new InMemoryNonceStore(1, ttl, clock));
      assertEquals("a nonce store needs a capacity and a time to live above zero", e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new InMemoryNonceStore(0, TTL));
    // The smallest store there is.
    InMemoryNonceStore tiny = new InMemoryNonceStore(1, Duration.ofNanos(1), clock);
    assertEquals(Outcome.FIRST_USE, tiny.record("x"));
  }

  @Test
  void fullAtCapacityAndARefusedNonceIsNotRecorded() {
    MutableClock clock = new MutableClock();
    InMemoryNonceStore store = new InMemoryNonceStore(3, TTL, clock);
    assertEquals(Outcome.FIRST_USE, store.record("a"));
    assertEquals(Outcome.FIRST_USE, store.record("b"));
    assertEquals(Outcome.FIRST_USE, store.record("c"));
    assertEquals(Outcome.FULL, store.record("d"));
    assertEquals(Outcome.FULL, store.record("d"));
    // Full, but a nonce it holds is still recognised: a replay is a replay.
    assertEquals(Outcome.REPLAYED, store.record("b"));
    // Once the others expire, "d" is new: it was never recorded.
    clock.advance(TTL);
    assertEquals(Outcome.FIRST_USE, store.record("d"));
  }

  @Test
  void aNonceIsRememberedForItsTimeToLiveExactly() {
    MutableClock clock = new MutableClock();
    InMemoryNonceStore store = new InMemoryNonceStore(10, TTL, clock);
    assertEquals(Outcome.FIRST_USE, store.record("a"));
    clock.advance(TTL.minusNanos(1));
    assertEquals(Outcome.REPLAYED, store.record("a"));
    clock.advance(Duration.ofNanos(1));
    // At its expiry instant it is forgotten, and a new use is recorded afresh.
    assertEquals(Outcome.FIRST_USE, store.record("a"));
    clock.advance(TTL.minusNanos(1));
    assertEquals(Outcome.REPLAYED, store.record("a"));
  }

  @Test
  void expiredNoncesFreeTheirPlaceOldestFirst() {
    MutableClock clock = new MutableClock();
    InMemoryNonceStore store = new InMemoryNonceStore(2, TTL, clock);
    assertEquals(Outcome.FIRST_USE, store.record("old"));
    clock.advance(Duration.ofMinutes(4));
    assertEquals(Outcome.FIRST_USE, store.record("young"));
    assertEquals(Outcome.FULL, store.record("new"));
    // "old" has expired, "young" has not: one place is free.
    clock.advance(Duration.ofMinutes(6));
    assertEquals(Outcome.FIRST_USE, store.record("new"));
    assertEquals(Outcome.REPLAYED, store.record("young"));
    assertEquals(Outcome.FULL, store.record("newer"));
    // "old" was forgotten, so it is no replay; but there is no room to record it again.
    assertEquals(Outcome.FULL, store.record("old"));
    // Then all of them.
    clock.advance(TTL);
    assertEquals(Outcome.FIRST_USE, store.record("young"));
    assertEquals(Outcome.FIRST_USE, store.record("old"));
  }

  @Test
  void expiryIsCheckedOnEveryRecordNotOnlyWhenFull() {
    MutableClock clock = new MutableClock();
    InMemoryNonceStore store = new InMemoryNonceStore(100, TTL, clock);
    store.record("a");
    clock.advance(TTL.plusSeconds(1));
    // Not full, and "a" expired: it is new again.
    assertEquals(Outcome.FIRST_USE, store.record("a"));
  }

  @Test
  void aClockThatGoesBackDoesNotForgetNonces() {
    MutableClock clock = new MutableClock();
    InMemoryNonceStore store = new InMemoryNonceStore(10, TTL, clock);
    store.record("a");
    clock.set(clock.instant().minus(Duration.ofDays(1)));
    assertEquals(Outcome.REPLAYED, store.record("a"));
  }

  @Test
  void defaultsHoldOneHundredThousandNonces() {
    InMemoryNonceStore store = InMemoryNonceStore.withDefaults();
    for (int i = 0; i < 100_000; i++) {
      assertEquals(Outcome.FIRST_USE, store.record("n" + i));
    }
    assertEquals(Outcome.FULL, store.record("one more"));
    assertEquals(Outcome.REPLAYED, store.record("n0"));
    assertEquals(Outcome.REPLAYED, store.record("n99999"));
  }

  @Test
  void theSystemClockConstructorRemembersForTheTimeToLive() {
    InMemoryNonceStore store = new InMemoryNonceStore(2, Duration.ofHours(1));
    assertEquals(Outcome.FIRST_USE, store.record("a"));
    assertEquals(Outcome.REPLAYED, store.record("a"));
  }

  // ---------------------------------------------------------------- threads

  /**
   * Threads released together on the same nonce, round after round: exactly one of them sees its
   * first use, every other a replay.
   */
  @Test
  void exactlyOneFirstUseAmongThreadsRacingOnOneNonce() throws Exception {
    int threads = 8;
    int rounds = 300;
    InMemoryNonceStore store = new InMemoryNonceStore(rounds, Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < rounds; round++) {
        String nonce = "nonce-" + round;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Callable<Outcome>> racers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          racers.add(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return store.record(nonce);
              });
        }
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (Future<Outcome> outcome : pool.invokeAll(racers, 30, TimeUnit.SECONDS)) {
          outcomes.merge(outcome.get(), 1, Integer::sum);
        }
        assertEquals(Map.of(Outcome.FIRST_USE, 1, Outcome.REPLAYED, threads - 1), outcomes, nonce);
      }
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  /** Threads racing on distinct nonces fill the store exactly to its capacity, and no further. */
  @Test
  void threadsRacingOnDistinctNoncesFillExactlyTheCapacity() throws Exception {
    int threads = 8;
    int perThread = 500;
    int capacity = 1234;
    InMemoryNonceStore store = new InMemoryNonceStore(capacity, Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Callable<Map<Outcome, Integer>>> racers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        racers.add(
            () -> {
              start.await(10, TimeUnit.SECONDS);
              Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
              for (int i = 0; i < perThread; i++) {
                outcomes.merge(store.record(thread + ":" + i), 1, Integer::sum);
              }
              return outcomes;
            });
      }
      Map<Outcome, Integer> total = new EnumMap<>(Outcome.class);
      for (Future<Map<Outcome, Integer>> outcomes : pool.invokeAll(racers, 60, TimeUnit.SECONDS)) {
        outcomes.get().forEach((outcome, count) -> total.merge(outcome, count, Integer::sum));
      }
      assertEquals(
          Map.of(Outcome.FIRST_USE, capacity, Outcome.FULL, threads * perThread - capacity), total);
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
  }
}
