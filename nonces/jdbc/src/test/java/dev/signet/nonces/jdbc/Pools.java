package dev.signet.nonces.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.signet.nonces.testing.LocalPostgres;
import java.time.Duration;

/** HikariCP pools on the tests' PostgreSQL: what an application would give the store. */
final class Pools {
  private Pools() {}

  /**
   * What the fault tests measure refusals against: HikariCP's least wait for a connection, so that
   * a verification waits at most that long when none can be had.
   */
  static final Duration SHORT_WAIT = Duration.ofMillis(250);

  /**
   * What the race tests give: on a loaded two-core machine opening eight connections at once can
   * outlast {@link #SHORT_WAIT}, and a race test asks who wins, not how fast.
   */
  static final Duration PATIENT_WAIT = Duration.ofSeconds(20);

  static HikariDataSource postgres(LocalPostgres postgres, int size, Duration connectionWait) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.jdbcUrl());
    config.setUsername(LocalPostgres.USER);
    config.setPassword(postgres.password());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(connectionWait.toMillis());
    config.setValidationTimeout(SHORT_WAIT.toMillis());
    config.setPoolName("nonces-" + size);
    return new HikariDataSource(config);
  }
}
