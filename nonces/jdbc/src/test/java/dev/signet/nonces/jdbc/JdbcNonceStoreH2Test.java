package dev.signet.nonces.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.signet.nonces.testing.Urls;
import dev.signet.runtime.NonceStore.Outcome;
import dev.signet.runtime.VerificationFailure.Reason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's basics on H2, in memory: the table, first use and replay, scopes, expiry, clean-up.
 */
class JdbcNonceStoreH2Test {
  private static final Duration TTL = Duration.ofMinutes(10);
  private JdbcConnectionPool h2;

  @BeforeEach
  void open() {
    h2 =
        JdbcConnectionPool.create(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  @AfterEach
  void close() throws SQLException {
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
    h2.dispose();
  }

  /** A clock the test moves. */
  static final class Hands extends Clock {
    Instant now = Instant.parse("2026-12-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private static long rows(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      count.next();
      return count.getLong(1);
    }
  }

  @Test
  void theTableIsMadeOnceFromTheDocumentedDefinition() throws SQLException {
    JdbcNonceStore store = JdbcNonceStore.create(h2, TTL);
    assertEquals(
        List.of(
            "CREATE TABLE signet_nonces (scope VARCHAR(200) NOT NULL, nonce VARCHAR(200) NOT NULL,"
                + " expires_at BIGINT NOT NULL, PRIMARY KEY (scope, nonce))",
            "CREATE INDEX signet_nonces_expires_at ON signet_nonces (expires_at)"),
        store.tableDefinition());
    assertTrue(store.createTableIfAbsent());
    assertFalse(store.createTableIfAbsent());
    assertEquals(0, rows(h2, "signet_nonces"));
    // In a schema of its own, too.
    try (Connection connection = h2.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA auth");
    }
    JdbcNonceStore inSchema = JdbcNonceStore.builder(h2, TTL).table("auth.used_nonces").build();
    assertTrue(inSchema.createTableIfAbsent());
    assertFalse(inSchema.createTableIfAbsent());
    assertEquals(Outcome.FIRST_USE, inSchema.record("n"));
    assertEquals(1, rows(h2, "auth.used_nonces"));
  }

  @Test
  void aNonceIsFirstUsedOnceInEachScope() throws SQLException {
    JdbcNonceStore omni = JdbcNonceStore.builder(h2, TTL).scope("omni-login").build();
    JdbcNonceStore sameScope = JdbcNonceStore.builder(h2, TTL).scope("omni-login").build();
    JdbcNonceStore other = JdbcNonceStore.builder(h2, TTL).scope("looker").build();
    omni.createTableIfAbsent();
    assertEquals(Outcome.FIRST_USE, omni.record("abc"));
    assertEquals(Outcome.REPLAYED, omni.record("abc"));
    assertEquals(Outcome.REPLAYED, sameScope.record("abc"));
    assertEquals(Outcome.FIRST_USE, other.record("abc"));
    assertEquals(Outcome.FIRST_USE, omni.record("abd"));
    assertEquals(3, rows(h2, "signet_nonces"));
    assertEquals(Optional.of(TTL), omni.timeToLive());
  }

  @Test
  void aRowLivesForItsTimeToLiveAndTheCleanUpIsBounded() throws SQLException {
    Hands clock = new Hands();
    JdbcNonceStore store =
        JdbcNonceStore.builder(h2, TTL).clock(clock).cleanUpEvery(Duration.ofHours(1000)).build();
    store.createTableIfAbsent();
    for (int i = 0; i < 25; i++) {
      assertEquals(Outcome.FIRST_USE, store.record("n" + i));
    }
    // Exactly at its expiry a row is still there, and its nonce still refused.
    clock.now = clock.now.plus(TTL);
    assertEquals(0, store.deleteExpired(100));
    assertEquals(Outcome.REPLAYED, store.record("n0"));
    clock.now = clock.now.plusMillis(1);
    assertEquals(10, store.deleteExpired(10));
    assertEquals(15, rows(h2, "signet_nonces"));
    assertEquals(15, store.deleteExpired(100));
    assertEquals(0, store.deleteExpired(100));
    // Its row gone, the nonce may be used again: its time to live is over.
    assertEquals(Outcome.FIRST_USE, store.record("n0"));
    assertEquals(
        "maxRows: must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> store.deleteExpired(0)).getMessage());
  }

  @Test
  void recordingCleansUpABatchNowAndThen() throws SQLException {
    Hands clock = new Hands();
    JdbcNonceStore store =
        JdbcNonceStore.builder(h2, Duration.ofSeconds(30))
            .clock(clock)
            .cleanUpEvery(Duration.ofMinutes(1))
            .cleanUpBatch(4)
            .build();
    store.createTableIfAbsent();
    for (int i = 0; i < 10; i++) {
      store.record("old" + i);
    }
    clock.now = clock.now.plusSeconds(31);
    // Not due yet: the first record cleaned up, and a minute has not passed.
    store.record("new0");
    assertEquals(11, rows(h2, "signet_nonces"));
    clock.now = clock.now.plusSeconds(30);
    store.record("new1");
    assertEquals(12 - 4, rows(h2, "signet_nonces"), "one batch of four deleted");
    clock.now = clock.now.plusSeconds(60);
    store.record("new2");
    // new0 and new1 expired too by now; four more of the oldest kind went.
    assertEquals(9 - 4, rows(h2, "signet_nonces"));
  }

  @Test
  void aDataSourceThatDoesNotAutoCommitIsCommitted() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setDataSource(h2);
    config.setAutoCommit(false);
    try (HikariDataSource manual = new HikariDataSource(config)) {
      JdbcNonceStore store = JdbcNonceStore.create(manual, TTL);
      assertTrue(store.createTableIfAbsent());
      assertEquals(Outcome.FIRST_USE, store.record("x"));
      assertEquals(Outcome.REPLAYED, store.record("x"));
      assertEquals(Outcome.FIRST_USE, store.record("y"));
      // Seen from another connection: the rows were committed.
      assertEquals(2, rows(h2, "signet_nonces"));
    }
  }

  @Test
  void whatTheDatabaseCannotRecordIsUnavailable() throws SQLException {
    JdbcNonceStore store = JdbcNonceStore.create(h2, TTL);
    // No table yet.
    assertEquals(Outcome.UNAVAILABLE, store.record("x"));
    store.createTableIfAbsent();
    assertEquals(Outcome.UNAVAILABLE, store.record("x".repeat(JdbcNonceStore.MAX_LENGTH + 1)));
    assertEquals(Outcome.FIRST_USE, store.record("x".repeat(JdbcNonceStore.MAX_LENGTH)));
    h2.dispose();
    assertEquals(Outcome.UNAVAILABLE, store.record("y"));
    h2 = JdbcConnectionPool.create("jdbc:h2:mem:closing;DB_CLOSE_DELAY=-1", "sa", "");
  }

  @Test
  void aVerifierOverTheStoreAcceptsAUrlOnce() throws SQLException {
    JdbcNonceStore store = JdbcNonceStore.create(h2, TTL);
    store.createTableIfAbsent();
    String url = Urls.fresh();
    assertTrue(Urls.verifier(store).verifyUrl(url).isVerified());
    // Another verifier, as after a restart: the table remembers.
    assertEquals(
        Optional.of(Reason.REPLAYED_NONCE), Urls.reason(Urls.verifier(store).verifyUrl(url)));
  }

  @Test
  void badSettingsAreRefusedNamingTheSettingAndTheRule() {
    assertEquals(
        "timeToLive: must be at least one millisecond, was PT0S",
        message(() -> JdbcNonceStore.create(h2, Duration.ZERO)));
    JdbcNonceStore.Builder builder = JdbcNonceStore.builder(h2, TTL);
    assertEquals(
        "table: must be name or schema.name, each of letters, digits and underscores, not starting with a digit,"
            + " at most 63 characters; was nonces; DROP TABLE users",
        message(() -> builder.table("nonces; DROP TABLE users")));
    assertTrue(message(() -> builder.table("a.b.c")).startsWith("table: "));
    assertTrue(message(() -> builder.table("1nonces")).startsWith("table: "));
    assertEquals("scope: must have 1 to 200 characters, had 0", message(() -> builder.scope("")));
    assertEquals(
        "timeout: must be a whole number of seconds from 1 to 600 (JDBC's query timeout counts seconds), was PT0.5S",
        message(() -> builder.timeout(Duration.ofMillis(500))));
    assertEquals("rows: must be at least 1, was 0", message(() -> builder.cleanUpBatch(0)));
    assertEquals(
        "interval: must be above zero, was PT0S",
        message(() -> builder.cleanUpEvery(Duration.ZERO)));
    assertEquals(
        "dataSource",
        assertThrows(NullPointerException.class, () -> JdbcNonceStore.create(null, TTL))
            .getMessage());
    assertEquals(
        "JdbcNonceStore[table signet_nonces, scope default, time to live PT10M]",
        JdbcNonceStore.create(h2, TTL).toString());
  }

  private static String message(Runnable call) {
    return assertThrows(IllegalArgumentException.class, call::run).getMessage();
  }
}
