package dev.signet.sample.web;

import dev.signet.codatum.EncodedParam;
import dev.signet.nonces.jdbc.JdbcNonceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The app's own data, in an H2 database file under the data directory ({@code
 * DATA_DIR/signet.mv.db}): the users, and the notebook params each user changed, by param id, so
 * that every notebook page that uses a param gets the user's value; and the stand-ins' secrets and
 * used nonces, so that a restart neither forgets a used URL nor changes the secret URLs were signed
 * with.
 */
final class Database implements AutoCloseable {
  private static final List<DemoUser> SEED =
      List.of(
          new DemoUser(
              "user-42",
              "Blob Ross",
              "blob@example.com",
              "Acme Paints",
              "store_001",
              "{\"region\":\"west\",\"tier\":2}"),
          new DemoUser(
              "user-7",
              "Ada Lovelace",
              "ada@example.com",
              "Analytical Engines",
              "store_002",
              "{\"region\":[\"east\",\"north\"],\"tier\":1}"));

  /** The longest notebook param value kept: the {@code param_value} column's size. */
  static final int MAX_PARAM_VALUE = 10_000;

  private final JdbcConnectionPool pool;

  private Database(JdbcConnectionPool pool) {
    this.pool = pool;
  }

  /**
   * Opens (creating it when new) the database in {@code dataDir}, and seeds the demo users into an
   * empty user table.
   *
   * @throws IllegalStateException when the directory cannot be made or the database opened (another
   *     process holding it, say)
   */
  static Database open(Path dataDir) {
    Path directory = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + directory, e);
    }
    String url = "jdbc:h2:file:" + directory.resolve("signet") + ";DB_CLOSE_ON_EXIT=FALSE";
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "signet", "");
    Database database = new Database(pool);
    try {
      database.migrate();
    } catch (SQLException e) {
      pool.dispose();
      throw new IllegalStateException(
          "cannot open the database in "
              + directory
              + " ("
              + e.getMessage().lines().findFirst().orElse("")
              + "); is another signet-sample using this --data-dir?",
          e);
    }
    return database;
  }

  private void migrate() throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS users ("
              + "id VARCHAR(64) PRIMARY KEY, name VARCHAR(200) NOT NULL, email VARCHAR(200),"
              + " entity VARCHAR(200), store_id VARCHAR(64) NOT NULL,"
              + " user_attributes VARCHAR(4000) DEFAULT '{}' NOT NULL)");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS notebook_params ("
              + "user_id VARCHAR(64) NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
              + " param_id VARCHAR(64) NOT NULL, param_value VARCHAR("
              + MAX_PARAM_VALUE
              + ") NOT NULL,"
              + " updated_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (user_id, param_id))");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS standin_secrets (name VARCHAR(64) PRIMARY KEY, secret VARCHAR(200) NOT NULL)");
      try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM users")) {
        count.next();
        if (count.getInt(1) == 0) {
          for (DemoUser user : SEED) {
            insert(connection, user);
          }
        }
      }
    }
  }

  private static void insert(Connection connection, DemoUser user) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO users (id, name, email, entity, store_id, user_attributes) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, user.id());
      insert.setString(2, user.name());
      insert.setString(3, user.email());
      insert.setString(4, user.entity());
      insert.setString(5, user.storeId());
      insert.setString(6, user.userAttributes());
      insert.executeUpdate();
    }
  }

  List<DemoUser> users() throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT * FROM users ORDER BY name");
        ResultSet rows = query.executeQuery()) {
      List<DemoUser> users = new ArrayList<>();
      while (rows.next()) {
        users.add(user(rows));
      }
      return users;
    }
  }

  Optional<DemoUser> user(String id) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT * FROM users WHERE id = ?")) {
      query.setString(1, id);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(user(rows)) : Optional.empty();
      }
    }
  }

  /**
   * The column of the users table that an Omni or Looker login parameter, or a Metabase locked
   * parameter, is read from.
   */
  static String column(String parameter) {
    switch (parameter) {
      case "externalId":
      case "external_user_id":
        return "id";
      case "userAttributes":
      case "region":
        return "user_attributes";
      case "external_group_id":
      case "tenant":
        return "entity";
      case "first_name":
      case "last_name":
        return "name";
      default:
        return parameter;
    }
  }

  private static DemoUser user(ResultSet row) throws SQLException {
    return new DemoUser(
        row.getString("id"),
        row.getString("name"),
        row.getString("email"),
        row.getString("entity"),
        row.getString("store_id"),
        row.getString("user_attributes"));
  }

  /** The params {@code userId} changed, as they were stored (none hidden). */
  List<EncodedParam> params(String userId) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT param_id, param_value FROM notebook_params WHERE user_id = ? ORDER BY param_id")) {
      query.setString(1, userId);
      try (ResultSet rows = query.executeQuery()) {
        List<EncodedParam> params = new ArrayList<>();
        while (rows.next()) {
          params.add(new EncodedParam(rows.getString(1), rows.getString(2), false));
        }
        return params;
      }
    }
  }

  /**
   * Replaces, in one transaction, {@code userId}'s values of the params {@code paramIds} with
   * {@code values}.
   */
  void replaceParams(String userId, Collection<String> paramIds, List<EncodedParam> values)
      throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM notebook_params WHERE user_id = ? AND param_id = ?");
          PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO notebook_params (user_id, param_id, param_value, updated_at) VALUES (?, ?, ?, ?)")) {
        for (String paramId : paramIds) {
          delete.setString(1, userId);
          delete.setString(2, paramId);
          delete.addBatch();
        }
        delete.executeBatch();
        OffsetDateTime now = OffsetDateTime.now();
        for (EncodedParam value : values) {
          insert.setString(1, userId);
          insert.setString(2, value.paramId());
          insert.setString(3, value.paramValue());
          insert.setObject(4, now);
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /**
   * A nonce store in this database, its table made when missing: the nonces of URLs a stand-in
   * accepted, kept across restarts, in {@code scope}.
   */
  JdbcNonceStore nonceStore(String scope, Duration timeToLive) {
    JdbcNonceStore store = JdbcNonceStore.builder(pool, timeToLive).scope(scope).build();
    try {
      store.createTableIfAbsent();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot make the nonce table: " + e.getMessage(), e);
    }
    return store;
  }

  /**
   * The secret of the stand-in {@code name}: the one kept from an earlier start, or else {@code
   * draw}'s, kept from now on. A stand-in that kept its nonces but drew a new secret would refuse a
   * replayed URL for its signature, not as a replay.
   */
  String standinSecret(String name, Supplier<String> draw) {
    try (Connection connection = pool.getConnection()) {
      try (PreparedStatement query =
          connection.prepareStatement("SELECT secret FROM standin_secrets WHERE name = ?")) {
        query.setString(1, name);
        try (ResultSet row = query.executeQuery()) {
          if (row.next()) {
            return row.getString(1);
          }
        }
      }
      String secret = draw.get();
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO standin_secrets (name, secret) VALUES (?, ?)")) {
        insert.setString(1, name);
        insert.setString(2, secret);
        insert.executeUpdate();
      }
      return secret;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read or keep the stand-in's secret: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    pool.dispose();
  }
}
