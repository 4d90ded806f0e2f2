package dev.signet.nonces.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.signet.nonces.testing.LocalPostgres;
import dev.signet.nonces.testing.Races;
import dev.signet.nonces.testing.SignetEmbedLogin;
import dev.signet.nonces.testing.Urls;
import dev.signet.runtime.NonceStore;
import dev.signet.runtime.NonceStore.Outcome;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.Verifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store on a real PostgreSQL: the table, expiry, and the races: two stores with pools of their
 * own, eight threads, every nonce tried by every thread, and two verifiers racing the same signed
 * URLs.
 */
class JdbcPostgresTest {
  private static final int THREADS = 8;

  /** A race asks who wins, not how fast: a statement may wait this long on a loaded machine. */
  private static final Duration PATIENT_TIMEOUT = Duration.ofSeconds(20);

  private static LocalPostgres postgres;
  private static HikariDataSource first;
  private static HikariDataSource second;

  @BeforeAll
  static void start() throws SQLException {
    postgres = LocalPostgres.launch();
    first = Pools.postgres(postgres, THREADS, Pools.PATIENT_WAIT);
    second = Pools.postgres(postgres, THREADS, Pools.PATIENT_WAIT);
    assertTrue(JdbcNonceStore.create(first, Duration.ofHours(1)).createTableIfAbsent());
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
    postgres.close();
  }

  @Test
  void theTableIsThereOnceAndARowLivesForItsTimeToLive() throws SQLException {
    Duration ttl = Duration.ofMinutes(5);
    JdbcNonceStore store = JdbcNonceStore.builder(first, ttl).scope("expiry").build();
    assertFalse(store.createTableIfAbsent());
    String nonce = UUID.randomUUID().toString();
    long before = System.currentTimeMillis();
    assertEquals(Outcome.FIRST_USE, store.record(nonce));
    long after = System.currentTimeMillis();
    try (Connection connection = first.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT expires_at FROM signet_nonces WHERE scope = 'expiry' AND nonce = ?")) {
      query.setString(1, nonce);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        long expiresAt = row.getLong(1);
        assertTrue(
            expiresAt >= before + ttl.toMillis() && expiresAt <= after + ttl.toMillis(),
            "expires_at " + expiresAt);
      }
    }
    // The clean-up leaves a live row alone, so the nonce stays refused.
    store.deleteExpired(1000);
    assertEquals(Outcome.REPLAYED, store.record(nonce));
  }

  @Test
  void aShortLivedNonceIsRefusedUntilItExpiresAndIsCleanedUp() throws SQLException {
    Duration ttl = Duration.ofMillis(600);
    JdbcNonceStore store = JdbcNonceStore.builder(first, ttl).scope("short").build();
    String nonce = UUID.randomUUID().toString();
    long before = System.nanoTime();
    assertEquals(Outcome.FIRST_USE, store.record(nonce));
    long deadline = before + Duration.ofSeconds(10).toNanos();
    long elapsed;
    Outcome outcome;
    do {
      store.deleteExpired(1000);
      outcome = store.record(nonce);
      elapsed = System.nanoTime() - before;
      if (outcome == Outcome.REPLAYED) {
        Urls.pause();
      }
    } while (outcome == Outcome.REPLAYED && System.nanoTime() < deadline);
    assertEquals(Outcome.FIRST_USE, outcome, "the row never expired");
    assertTrue(elapsed >= ttl.toNanos(), "accepted again after " + elapsed / 1_000_000 + " ms");
  }

  @Test
  void eachNonceIsFirstUsedExactlyOnceAcrossTwoStores() throws Exception {
    int nonces = 2000;
    List<String> all = new ArrayList<>();
    for (int i = 0; i < nonces; i++) {
      all.add(UUID.randomUUID().toString());
    }
    List<NonceStore> stores =
        List.of(
            JdbcNonceStore.builder(first, Duration.ofHours(1))
                .scope("race")
                .timeout(PATIENT_TIMEOUT)
                .build(),
            JdbcNonceStore.builder(second, Duration.ofHours(1))
                .scope("race")
                .timeout(PATIENT_TIMEOUT)
                .build());
    AtomicIntegerArray firstUses = new AtomicIntegerArray(nonces);
    AtomicLong replays = new AtomicLong();
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
    for (int i = 0; i < nonces; i++) {
      assertEquals(1, firstUses.get(i), "first uses of nonce " + i);
    }
    assertEquals((long) nonces * (THREADS - 1), replays.get());
    try (Connection connection = first.getConnection();
        Statement statement = connection.createStatement();
        ResultSet count =
            statement.executeQuery("SELECT COUNT(*) FROM signet_nonces WHERE scope = 'race'")) {
      count.next();
      assertEquals(nonces, count.getLong(1));
    }
  }

  @Test
  void twoVerifiersSharingOneDatabaseAcceptEachUrlOnce() throws Exception {
    int count = 500;
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      urls.add(Urls.fresh());
    }
    List<Verifier<SignetEmbedLogin>> servers =
        List.of(
            Urls.verifier(
                JdbcNonceStore.builder(first, Duration.ofHours(1))
                    .scope("embed")
                    .timeout(PATIENT_TIMEOUT)
                    .build()),
            Urls.verifier(
                JdbcNonceStore.builder(second, Duration.ofHours(1))
                    .scope("embed")
                    .timeout(PATIENT_TIMEOUT)
                    .build()));
    AtomicIntegerArray accepted = new AtomicIntegerArray(count);
    AtomicLong replays = new AtomicLong();
    Races.race(
        THREADS,
        thread -> {
          Verifier<SignetEmbedLogin> server = servers.get(thread % 2);
          for (int i = 0; i < count; i++) {
            Verification<SignetEmbedLogin> result = server.verifyUrl(urls.get(i));
            if (result.isVerified()) {
              accepted.incrementAndGet(i);
            } else if (Urls.reason(result).orElseThrow() == Reason.REPLAYED_NONCE) {
              replays.incrementAndGet();
            } else {
              throw new AssertionError(result.toString());
            }
          }
        });
    for (int i = 0; i < count; i++) {
      assertEquals(1, accepted.get(i), "acceptances of URL " + i);
    }
    assertEquals((long) count * (THREADS - 1), replays.get());
  }
}
