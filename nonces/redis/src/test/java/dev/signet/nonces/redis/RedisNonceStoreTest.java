package dev.signet.nonces.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.nonces.testing.LocalRedis;
import dev.signet.nonces.testing.Urls;
import dev.signet.runtime.NonceStore.Outcome;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store's basics on a real Redis: first use, replay, prefixes, expiry, settings, secrets. */
class RedisNonceStoreTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static LocalRedis redis;

  @BeforeAll
  static void startRedis() {
    redis = LocalRedis.launch();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  private static String nonce() {
    return UUID.randomUUID().toString();
  }

  @Test
  void aNonceIsFirstUsedOnceThenReplayed() {
    try (RedisNonceStore store = RedisNonceStore.connect(redis.uri(), HOUR)) {
      String nonce = nonce();
      assertEquals(Outcome.FIRST_USE, store.record(nonce));
      assertEquals(Outcome.REPLAYED, store.record(nonce));
      assertEquals(Outcome.REPLAYED, store.record(nonce));
      assertEquals(Outcome.FIRST_USE, store.record(nonce()));
      // The key is the prefix and the nonce, and carries the time to live.
      long ttl =
          Long.parseLong(
              redis
                  .command("PTTL " + RedisNonceStore.DEFAULT_KEY_PREFIX + nonce, 1000)
                  .substring(1));
      assertTrue(ttl > HOUR.toMillis() - 60_000 && ttl <= HOUR.toMillis(), "PTTL " + ttl);
      assertEquals(Optional.of(HOUR), store.timeToLive());
    }
  }

  @Test
  void storesWithTheSamePrefixShareNoncesAndOthersDoNot() {
    try (RedisNonceStore a =
            RedisNonceStore.builder(redis.uri(), HOUR).keyPrefix("app-a:").connect();
        RedisNonceStore sameAsA =
            RedisNonceStore.builder(redis.uri(), HOUR).keyPrefix("app-a:").connect();
        RedisNonceStore b =
            RedisNonceStore.builder(redis.uri(), HOUR).keyPrefix("app-b:").connect()) {
      String nonce = nonce();
      assertEquals(Outcome.FIRST_USE, a.record(nonce));
      assertEquals(Outcome.REPLAYED, sameAsA.record(nonce));
      assertEquals(Outcome.FIRST_USE, b.record(nonce));
      assertEquals(Outcome.REPLAYED, b.record(nonce));
      assertEquals(":1", redis.command("EXISTS app-a:" + nonce, 1000));
    }
  }

  @Test
  void aNonceLivesForItsTimeToLiveAndNotForever() {
    Duration ttl = Duration.ofMillis(800);
    try (RedisNonceStore store = RedisNonceStore.connect(redis.uri(), ttl)) {
      String nonce = nonce();
      long before = System.nanoTime();
      assertEquals(Outcome.FIRST_USE, store.record(nonce));
      long deadline = before + Duration.ofSeconds(10).toNanos();
      Outcome outcome;
      long elapsed;
      do {
        outcome = store.record(nonce);
        elapsed = System.nanoTime() - before;
        if (outcome == Outcome.REPLAYED) {
          Urls.pause();
        }
      } while (outcome == Outcome.REPLAYED && System.nanoTime() < deadline);
      assertEquals(Outcome.FIRST_USE, outcome, "the nonce never expired");
      // Accepted again only once its time to live had passed since it was first recorded.
      assertTrue(elapsed >= ttl.toNanos(), "accepted again after " + elapsed / 1_000_000 + " ms");
    }
  }

  @Test
  void theUriGivesUserPasswordAndDatabase() {
    URI inDatabase3 = URI.create(redis.uri() + "/3");
    try (RedisNonceStore store =
        RedisNonceStore.builder(inDatabase3, HOUR).keyPrefix("db3:").connect()) {
      String nonce = nonce();
      assertEquals(Outcome.FIRST_USE, store.record(nonce));
      assertEquals(":0", redis.command("EXISTS db3:" + nonce, 1000), "written to database 0");
      assertEquals("+OK", redis.command("SELECT 3", 1000));
    }
    URI wrongPassword =
        URI.create(
            "redis://"
                + LocalRedis.USER
                + ":not-"
                + redis.password()
                + "@127.0.0.1:"
                + redis.port());
    try (RedisNonceStore store = RedisNonceStore.connect(wrongPassword, HOUR)) {
      assertEquals(Outcome.UNAVAILABLE, store.record(nonce()));
    }
    // The default user is off on the test server: a password alone is refused too.
    URI passwordOnly = URI.create("redis://" + redis.password() + "@127.0.0.1:" + redis.port());
    try (RedisNonceStore store = RedisNonceStore.connect(passwordOnly, HOUR)) {
      assertEquals(Outcome.UNAVAILABLE, store.record(nonce()));
    }
  }

  @Test
  void aRedisOutOfMemoryRefusesTheWriteAndSoTheStoreIsUnavailable() {
    try (RedisNonceStore store = RedisNonceStore.connect(redis.uri(), HOUR)) {
      assertEquals(Outcome.FIRST_USE, store.record(nonce()));
      // Under noeviction (the default, set again here) Redis past maxmemory refuses writes, not
      // drops keys.
      assertEquals("+OK", redis.command("CONFIG SET maxmemory-policy noeviction", 1000));
      assertEquals("+OK", redis.command("CONFIG SET maxmemory 1", 1000));
      try {
        assertEquals(Outcome.UNAVAILABLE, store.record(nonce()));
      } finally {
        assertEquals("+OK", redis.command("CONFIG SET maxmemory 0", 1000));
      }
      assertEquals(Outcome.FIRST_USE, store.record(nonce()));
    }
  }

  @Test
  void neitherToStringNorAMessageShowsThePassword() {
    try (RedisNonceStore store = RedisNonceStore.connect(redis.uri(), HOUR)) {
      assertFalse(store.toString().contains(redis.password()), store.toString());
      assertEquals(
          "RedisNonceStore[redis://signet@127.0.0.1:"
              + redis.port()
              + ", key prefix signet:nonce:, time to live PT1H]",
          store.toString());
    }
    URI withQuery = URI.create("redis://u:" + redis.password() + "@127.0.0.1:1/0?timeout=5");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RedisNonceStore.connect(withQuery, HOUR));
    assertFalse(e.getMessage().contains(redis.password()), e.getMessage());
  }

  @Test
  void badSettingsAreRefusedNamingTheSettingAndTheRule() {
    assertEquals(
        "redisUri: the scheme must be redis or rediss (TLS), not http",
        message(() -> RedisNonceStore.connect(URI.create("http://127.0.0.1:6379"), HOUR)));
    assertEquals(
        "redisUri: a host is required, as in redis://host:6379",
        message(() -> RedisNonceStore.connect(URI.create("redis:///0"), HOUR)));
    assertEquals(
        "redisUri: the path must be empty or a database number, as in /0",
        message(() -> RedisNonceStore.connect(URI.create("redis://127.0.0.1/db"), HOUR)));
    assertEquals(
        "timeToLive: must be at least one millisecond, was PT0S",
        message(() -> RedisNonceStore.connect(redis.uri(), Duration.ZERO)));
    assertEquals(
        "timeout: must be between 1 ms and 10 minutes, was PT-1S",
        message(() -> RedisNonceStore.builder(redis.uri(), HOUR).timeout(Duration.ofSeconds(-1))));
    assertEquals(
        "poolSize: must be at least 1, was 0",
        message(() -> RedisNonceStore.builder(redis.uri(), HOUR).poolSize(0)));
    assertEquals(
        "keyPrefix: must not be empty, so that nonces cannot clash with other keys",
        message(() -> RedisNonceStore.builder(redis.uri(), HOUR).keyPrefix("")));
    assertEquals(
        "redisUri",
        assertThrows(NullPointerException.class, () -> RedisNonceStore.connect(null, HOUR))
            .getMessage());
  }

  @Test
  void connectingSucceedsWhileRedisIsDownAndRecordingFailsClosed() {
    URI nobody = URI.create("redis://127.0.0.1:" + LocalRedis.freeLoopbackPort());
    try (RedisNonceStore store =
        RedisNonceStore.builder(nobody, HOUR).timeout(Duration.ofMillis(200)).connect()) {
      long start = System.nanoTime();
      assertEquals(Outcome.UNAVAILABLE, store.record(nonce()));
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
    }
  }

  private static String message(Runnable call) {
    return assertThrows(IllegalArgumentException.class, call::run).getMessage();
  }
}
