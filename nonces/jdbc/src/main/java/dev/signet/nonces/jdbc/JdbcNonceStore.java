package dev.signet.nonces.jdbc;

import dev.signet.runtime.NonceStore;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link NonceStore} in a database table, shared by every verifier whose data source reaches the
 * same database. A nonce is recorded by inserting the row {@code (scope, nonce, expires_at)}; the
 * primary key is {@code (scope, nonce)}, so of any number of verifiers racing on one nonce the
 * database lets exactly one insert it, and the others' inserts fail on the key: a replay.
 *
 * <p>The table (see {@link #tableDefinition()}; {@link #createTableIfAbsent()} makes it):
 *
 * <pre>{@code
 * CREATE TABLE signet_nonces (
 *   scope VARCHAR(200) NOT NULL,
 *   nonce VARCHAR(200) NOT NULL,
 *   expires_at BIGINT NOT NULL,
 *   PRIMARY KEY (scope, nonce)
 * );
 * CREATE INDEX signet_nonces_expires_at ON signet_nonces (expires_at);
 * }</pre>
 *
 * <p>{@code expires_at} is milliseconds since the epoch by the clock of the server that recorded
 * the nonce, its time to live after it. A row stays at least that long: rows are deleted only once
 * expired, {@linkplain Builder#cleanUpEvery(Duration) now and then} by the store itself, at most
 * {@linkplain Builder#cleanUpBatch(int) a batch} at a time so that a verification never waits for a
 * large delete, or by a job that calls {@link #deleteExpired(int)}. An expired row that is still
 * there refuses its nonce, which is never less safe. Servers whose clocks disagree shorten a
 * nonce's life by the difference when another one deletes it: keep them synchronised, and choose
 * the time to live with a margin.
 *
 * <p><b>Failing closed.</b> When the database cannot answer (it is down, the statement outlasts the
 * {@linkplain Builder#timeout(Duration) timeout}, the pool has no connection to give), {@link
 * #record(String)} answers {@link Outcome#UNAVAILABLE}, and the verifier refuses the URL with
 * {@code NONCE_STORE_UNAVAILABLE}. The store keeps no connection: it asks the data source for one
 * per nonce, so when the database is back the same store works again. The timeout bounds the
 * statements; the wait for a connection is the data source's, so give it one too (a pool's
 * connection timeout, such as HikariCP's {@code connectionTimeout}, and the driver's connect
 * timeout).
 *
 * <p>The SQL is standard and portable (tested on PostgreSQL and H2); the scope lets verifiers and
 * applications that share a table keep their nonces apart. It is thread-safe.
 */
public final class JdbcNonceStore implements NonceStore {
  /** The table unless another is given. */
  public static final String DEFAULT_TABLE = "signet_nonces";

  /** The scope unless another is given. */
  public static final String DEFAULT_SCOPE = "default";

  /** The longest scope or nonce the table holds. */
  public static final int MAX_LENGTH = 200;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  /** Set aside so that the first record of a store cleans up. */
  private static final long NEVER = Long.MIN_VALUE;

  private final DataSource dataSource;
  private final String table;
  private final String scope;
  private final Duration timeToLive;
  private final int timeoutSeconds;
  private final long cleanUpEveryMillis;
  private final int cleanUpBatch;
  private final Clock clock;
  private final String insert;
  private final String selectExpired;
  private final String deleteOne;

  /** When the store cleans up next, by its clock, in milliseconds. */
  private final AtomicLong nextCleanUp = new AtomicLong(NEVER);

  private JdbcNonceStore(Builder builder) {
    this.dataSource = builder.dataSource;
    this.table = builder.table;
    this.scope = builder.scope;
    this.timeToLive = builder.timeToLive;
    this.timeoutSeconds = Math.toIntExact(builder.timeout.getSeconds());
    this.cleanUpEveryMillis = builder.cleanUpEvery.toMillis();
    this.cleanUpBatch = builder.cleanUpBatch;
    this.clock = builder.clock;
    this.insert = "INSERT INTO " + table + " (scope, nonce, expires_at) VALUES (?, ?, ?)";
    this.selectExpired = "SELECT scope, nonce FROM " + table + " WHERE expires_at < ?";
    this.deleteOne = "DELETE FROM " + table + " WHERE scope = ? AND nonce = ? AND expires_at < ?";
  }

  /**
   * A store over {@code dataSource} in the {@linkplain #DEFAULT_TABLE default table} and scope,
   * remembering each nonce for {@code timeToLive}. It does not connect: make the table with {@link
   * #createTableIfAbsent()} or your migrations.
   */
  public static JdbcNonceStore create(DataSource dataSource, Duration timeToLive) {
    return builder(dataSource, timeToLive).build();
  }

  /** Settings for a store over {@code dataSource} to change; {@link Builder#build()} makes it. */
  public static Builder builder(DataSource dataSource, Duration timeToLive) {
    return new Builder(dataSource, timeToLive);
  }

  /** A store's settings. */
  public static final class Builder {
    private final DataSource dataSource;
    private final Duration timeToLive;
    private String table = DEFAULT_TABLE;
    private String scope = DEFAULT_SCOPE;
    private Duration timeout = Duration.ofSeconds(1);
    private Duration cleanUpEvery = Duration.ofMinutes(1);
    private int cleanUpBatch = 1000;
    private Clock clock = Clock.systemUTC();

    private Builder(DataSource dataSource, Duration timeToLive) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      Objects.requireNonNull(timeToLive, "timeToLive");
      if (timeToLive.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException(
            "timeToLive: must be at least one millisecond, was " + timeToLive);
      }
      this.timeToLive = timeToLive;
    }

    /**
     * The table, {@code name} or {@code schema.name}: letters, digits and underscores, not starting
     * with a digit, at most 63 characters each (it is written into the SQL unquoted).
     */
    public Builder table(String table) {
      Objects.requireNonNull(table, "table");
      String[] parts = table.split("\\.", -1);
      if (parts.length > 2
          || !IDENTIFIER.matcher(parts[0]).matches()
          || (parts.length == 2 && !IDENTIFIER.matcher(parts[1]).matches())) {
        throw new IllegalArgumentException(
            "table: must be name or schema.name, each of letters, digits and underscores, not starting with"
                + " a digit, at most 63 characters; was "
                + table);
      }
      this.table = table;
      return this;
    }

    /**
     * The scope the store's nonces are recorded in: verifiers and applications that share the table
     * but must not share nonces give different scopes.
     */
    public Builder scope(String scope) {
      Objects.requireNonNull(scope, "scope");
      if (scope.isEmpty() || scope.length() > MAX_LENGTH) {
        throw new IllegalArgumentException(
            "scope: must have 1 to " + MAX_LENGTH + " characters, had " + scope.length());
      }
      this.scope = scope;
      return this;
    }

    /**
     * The longest a statement may take before the store answers {@link Outcome#UNAVAILABLE}: a
     * whole number of seconds, at least one, since that is what JDBC's query timeout counts.
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.getSeconds() < 1 || timeout.getNano() != 0 || timeout.getSeconds() > 600) {
        throw new IllegalArgumentException(
            "timeout: must be a whole number of seconds from 1 to 600 (JDBC's query timeout counts seconds),"
                + " was "
                + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** How often the store deletes expired rows as it records a nonce; by default every minute. */
    public Builder cleanUpEvery(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval: must be above zero, was " + interval);
      }
      this.cleanUpEvery = interval;
      return this;
    }

    /** The most expired rows one clean-up deletes; by default 1,000. */
    public Builder cleanUpBatch(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("rows: must be at least 1, was " + rows);
      }
      this.cleanUpBatch = rows;
      return this;
    }

    /** The clock that dates the rows; the system's UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public JdbcNonceStore build() {
      return new JdbcNonceStore(this);
    }
  }

  /**
   * The statements that make this store's table and its index, in standard SQL, for your
   * migrations.
   */
  public List<String> tableDefinition() {
    String unqualified = table.substring(table.lastIndexOf('.') + 1);
    return List.of(
        "CREATE TABLE "
            + table
            + " ("
            + "scope VARCHAR("
            + MAX_LENGTH
            + ") NOT NULL, "
            + "nonce VARCHAR("
            + MAX_LENGTH
            + ") NOT NULL, "
            + "expires_at BIGINT NOT NULL, "
            + "PRIMARY KEY (scope, nonce))",
        "CREATE INDEX " + unqualified + "_expires_at ON " + table + " (expires_at)");
  }

  /**
   * Makes the table and its index unless the database already has the table.
   *
   * @return whether it made them
   */
  public boolean createTableIfAbsent() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (tableExists(connection.getMetaData())) {
        return false;
      }
      boolean autoCommit = connection.getAutoCommit();
      try (Statement statement = connection.createStatement()) {
        for (String sql : tableDefinition()) {
          statement.execute(sql);
        }
        if (!autoCommit) {
          connection.commit();
        }
      } catch (SQLException e) {
        if (!autoCommit) {
          connection.rollback();
        }
        throw e;
      }
      return true;
    }
  }

  private boolean tableExists(DatabaseMetaData metaData) throws SQLException {
    int dot = table.indexOf('.');
    String schema = dot < 0 ? null : table.substring(0, dot);
    String name = table.substring(dot + 1);
    // Databases fold unquoted names to upper case (H2, the standard) or to lower (PostgreSQL).
    for (boolean upper : new boolean[] {false, true}) {
      try (ResultSet tables =
          metaData.getTables(
              null, fold(schema, upper), fold(name, upper), new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static String fold(String name, boolean upper) {
    return name == null
        ? null
        : upper ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
  }

  /**
   * Inserts the nonce's row: {@link Outcome#FIRST_USE} when it goes in, {@link Outcome#REPLAYED}
   * when the key is taken, {@link Outcome#UNAVAILABLE} for any other failure, a nonce longer than
   * {@link #MAX_LENGTH} included. Now and then it also deletes a batch of expired rows.
   */
  @Override
  public Outcome record(String nonce) {
    Objects.requireNonNull(nonce, "nonce");
    long now = clock.millis();
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try (PreparedStatement statement = connection.prepareStatement(insert)) {
        statement.setQueryTimeout(timeoutSeconds);
        statement.setString(1, scope);
        statement.setString(2, nonce);
        statement.setLong(3, now + timeToLive.toMillis());
        statement.executeUpdate();
        if (!autoCommit) {
          connection.commit();
        }
      } catch (SQLException e) {
        if (!autoCommit) {
          rollback(connection);
        }
        return isKeyTaken(e) ? Outcome.REPLAYED : Outcome.UNAVAILABLE;
      }
      cleanUpWhenDue(connection, now);
      return Outcome.FIRST_USE;
    } catch (SQLException | RuntimeException e) {
      // No connection, or a driver that failed otherwise: nothing says the nonce is new.
      return Outcome.UNAVAILABLE;
    }
  }

  /** An integrity constraint violation (SQLSTATE class 23): with a nonce given, only the key. */
  private static boolean isKeyTaken(SQLException e) {
    return e instanceof SQLIntegrityConstraintViolationException
        || (e.getSQLState() != null && e.getSQLState().startsWith("23"));
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection is broken; the pool discards it, and the outcome is already decided.
    }
  }

  private void cleanUpWhenDue(Connection connection, long now) {
    long due = nextCleanUp.get();
    if ((due != NEVER && now < due) || !nextCleanUp.compareAndSet(due, now + cleanUpEveryMillis)) {
      return;
    }
    try {
      deleteExpired(connection, now, cleanUpBatch);
    } catch (SQLException | RuntimeException e) {
      // The nonce is recorded; the rows wait for the next clean-up.
    }
  }

  /**
   * Deletes at most {@code maxRows} rows that have expired, of every scope, for a scheduled job
   * that keeps the table small when the store's own clean-up is not enough.
   *
   * @return how many rows it deleted
   */
  public int deleteExpired(int maxRows) throws SQLException {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows: must be at least 1, was " + maxRows);
    }
    try (Connection connection = dataSource.getConnection()) {
      return deleteExpired(connection, clock.millis(), maxRows);
    }
  }

  /**
   * Reads the keys of at most {@code maxRows} expired rows, then deletes those still expired:
   * {@code setMaxRows} bounds the work on every database, where {@code DELETE ... LIMIT} is not
   * portable.
   */
  private int deleteExpired(Connection connection, long now, int maxRows) throws SQLException {
    List<String[]> keys = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(selectExpired)) {
      select.setQueryTimeout(timeoutSeconds);
      select.setMaxRows(maxRows);
      select.setLong(1, now);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          keys.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
    }
    if (keys.isEmpty()) {
      return 0;
    }
    boolean autoCommit = connection.getAutoCommit();
    try (PreparedStatement delete = connection.prepareStatement(deleteOne)) {
      delete.setQueryTimeout(timeoutSeconds);
      for (String[] key : keys) {
        delete.setString(1, key[0]);
        delete.setString(2, key[1]);
        delete.setLong(3, now);
        delete.addBatch();
      }
      int deleted = 0;
      for (int count : delete.executeBatch()) {
        // SUCCESS_NO_INFO (-2) counts as one: the row was expired when it was read.
        deleted += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
      }
      if (!autoCommit) {
        connection.commit();
      }
      return deleted;
    } catch (SQLException e) {
      if (!autoCommit) {
        rollback(connection);
      }
      throw e;
    }
  }

  /** The time to live every nonce is recorded with. */
  @Override
  public Optional<Duration> timeToLive() {
    return Optional.of(timeToLive);
  }

  /** The table, scope and time to live; nothing of the data source, which may hold a password. */
  @Override
  public String toString() {
    return "JdbcNonceStore[table "
        + table
        + ", scope "
        + scope
        + ", time to live "
        + timeToLive
        + "]";
  }
}
