package dev.signet.nonces.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.signet.nonces.testing.LocalPostgres;

/** HikariCP pools on the tests' PostgreSQL: what an application would give the store. */
final class Pools {
  private Pools() {}

  static HikariDataSource postgres(LocalPostgres postgres, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.jdbcUrl());
    config.setUsername(LocalPostgres.USER);
    config.setPassword(postgres.password());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    // HikariCP's least: how long a verification waits for a connection when none can be had.
    config.setConnectionTimeout(250);
    config.setValidationTimeout(250);
    config.setPoolName("nonces-" + size);
    return new HikariDataSource(config);
  }
}
