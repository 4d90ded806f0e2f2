package dev.signet.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.signet.nonces.jdbc.JdbcNonceStore;
import dev.signet.nonces.redis.RedisNonceStore;
import dev.signet.nonces.testing.LocalPostgres;
import dev.signet.nonces.testing.LocalRedis;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.UserAttribute;
import dev.signet.runtime.InMemoryNonceStore;
import dev.signet.runtime.NonceStore;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.runtime.Verifier;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The generated verifier accepting a fresh signed URL, with each nonce store: in memory, Redis and
 * PostgreSQL, each server started for the run on a loopback port of this machine (see {@code
 * nonces/testing}). One operation is one verification; the URLs are signed beforehand, each with a
 * nonce of its own (see {@link Batch}), so that every verification takes the accepting path and the
 * store records a new nonce. Throughput, in operations per second of all threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class NonceStoreBenchmark {
  @Param({"memory", "redis", "postgres"})
  public String store;

  private final List<AutoCloseable> resources = new ArrayList<>();
  Origin origin;
  Secret secret;
  Verifier<SignetOmniLogin> verifier;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    origin = OmniExample.origin();
    secret = OmniExample.secret();
    verifier = SignetOmniLogin.verifier(origin, secret).withNonceStore(nonceStore());
    if (!verifier.verifyUrl(freshUrl()).isVerified()) {
      throw new IllegalStateException("a fresh URL does not verify with the " + store + " store");
    }
  }

  private NonceStore nonceStore() throws SQLException {
    switch (store) {
      case "memory":
        // Room for every nonce of a run: a full store would refuse, and so measure a refusal.
        return new InMemoryNonceStore(10_000_000, Duration.ofSeconds(2));
      case "redis":
        LocalRedis redis = LocalRedis.launch();
        resources.add(redis);
        RedisNonceStore onRedis =
            RedisNonceStore.builder(redis.uri(), Duration.ofSeconds(30)).poolSize(8).connect();
        resources.add(onRedis);
        return onRedis;
      case "postgres":
        LocalPostgres postgres = LocalPostgres.launch();
        resources.add(postgres);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername(LocalPostgres.USER);
        config.setPassword(postgres.password());
        config.setMaximumPoolSize(8);
        HikariDataSource pool = new HikariDataSource(config);
        resources.add(pool);
        JdbcNonceStore onPostgres = JdbcNonceStore.create(pool, Duration.ofSeconds(30));
        onPostgres.createTableIfAbsent();
        return onPostgres;
      default:
        throw new IllegalArgumentException("store: memory, redis or postgres, not " + store);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  /** OmniExample's request with a nonce drawn for it, signed: a page view's URL. */
  String freshUrl() {
    return SignetOmniLogin.builder()
        .contentPath(OmniExample.CONTENT_PATH)
        .externalId(OmniExample.EXTERNAL_ID)
        .name(OmniExample.NAME)
        .email(OmniExample.EMAIL)
        .entity(OmniExample.ENTITY)
        .theme(OmniExample.THEME)
        .userAttributes(
            Map.of(OmniExample.USER_ATTRIBUTE, UserAttribute.of(OmniExample.USER_ATTRIBUTE_VALUE)))
        .build()
        .signedUrl(origin, secret);
  }

  /**
   * A thread's URLs, each signed with a nonce of its own before the invocation that verifies them
   * all: signing is not measured, and each URL is verified once, as a store requires. The threads
   * sign at their own times, so with more threads than cores one thread's signing can slow
   * another's verifying.
   */
  @State(Scope.Thread)
  public static class Batch {
    /** URLs per invocation: enough that the invocation's own timing weighs nothing. */
    static final int SIZE = 1000;

    final String[] urls = new String[SIZE];

    @Setup(Level.Invocation)
    public void sign(NonceStoreBenchmark benchmark) {
      for (int i = 0; i < SIZE; i++) {
        urls[i] = benchmark.freshUrl();
      }
    }
  }

  private void verifyAll(Batch batch, Blackhole blackhole) {
    for (String url : batch.urls) {
      Verification<SignetOmniLogin> result = verifier.verifyUrl(url);
      if (!result.isVerified()) {
        // A refusal would be measured as if it were the work: stop the run instead.
        throw new IllegalStateException("refused with the " + store + " store: " + result);
      }
      blackhole.consume(result);
    }
  }

  /** One thread verifying: the store's round trip, one at a time. */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(Batch.SIZE)
  public void oneThread(Batch batch, Blackhole blackhole) {
    verifyAll(batch, blackhole);
  }

  /** Four threads sharing the verifier and its store, as a server's request threads do. */
  @Benchmark
  @Threads(4)
  @OperationsPerInvocation(Batch.SIZE)
  public void fourThreads(Batch batch, Blackhole blackhole) {
    verifyAll(batch, blackhole);
  }
}
