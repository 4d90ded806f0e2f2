package dev.signet.nonces.redis;

import dev.signet.runtime.NonceStore;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * A {@link NonceStore} in Redis, shared by every verifier, on every server, that connects to the
 * same Redis with the same key prefix. A nonce is recorded with one atomic command, {@code SET
 * PREFIXnonce 1 NX PX ttl}: of any number of verifiers racing on one nonce, Redis lets exactly one
 * set the key, and the key expires by itself after the time to live.
 *
 * <p><b>Failing closed.</b> When Redis cannot answer (it is down, it does not answer within the
 * {@linkplain Builder#timeout(Duration) timeout}, every connection of the pool is busy for that
 * long, it refuses the command for lack of memory), {@link #record(String)} answers {@link
 * Outcome#UNAVAILABLE} and the verifier refuses the URL with {@code NONCE_STORE_UNAVAILABLE}. A
 * broken connection is dropped and a new one made on the next call, so when Redis is back the same
 * store works again.
 *
 * <p><b>Redis's own settings decide whether nonces survive.</b> A nonce Redis forgets can be
 * replayed: run it with {@code maxmemory-policy noeviction} (the default; an evicting policy may
 * drop a live nonce, while {@code noeviction} refuses the write, which this store reports as
 * unavailable), and with the append-only file on ({@code appendonly yes}) if a restart must not
 * forget them.
 *
 * <p><b>Why Jedis.</b> The store's work is one blocking command per verification, and Jedis is a
 * plain blocking client: a pool (Apache Commons Pool) gives each verifying thread a connection of
 * its own, with a bound on the wait for one, a socket timeout bounds each command, and a broken
 * connection is discarded rather than reused. Lettuce's strengths, one multiplexed asynchronous
 * connection and reactive streams, buy nothing for a synchronous {@code record}; its default is to
 * queue commands while it reconnects, and it brings Netty and Reactor, whose versions an
 * application often pins for other reasons.
 *
 * <p>It is thread-safe; make one per application and {@link #close()} it on shutdown. Its {@code
 * toString} and messages never show the password.
 */
public final class RedisNonceStore implements NonceStore, AutoCloseable {
  /** The key prefix unless another is given. */
  public static final String DEFAULT_KEY_PREFIX = "signet:nonce:";

  /** The timeout unless another is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  /** The most connections open at once unless another number is given. */
  public static final int DEFAULT_POOL_SIZE = 16;

  private final JedisPooled redis;
  private final String keyPrefix;
  private final SetParams setIfAbsent;
  private final Duration timeToLive;
  private final String description;

  private RedisNonceStore(Builder builder) {
    URI uri = builder.redisUri;
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      // redis://PASSWORD@host is the default user's password, as redis-cli reads it.
      String rawUser = colon < 0 ? "" : info.substring(0, colon);
      String rawPassword = colon < 0 ? info : info.substring(colon + 1);
      user = rawUser.isEmpty() ? null : decode(rawUser);
      password = rawPassword.isEmpty() ? null : decode(rawPassword);
    }
    int timeoutMillis = Math.toIntExact(builder.timeout.toMillis());
    DefaultJedisClientConfig.Builder client =
        DefaultJedisClientConfig.builder()
            .user(user)
            .password(password)
            .database(database(uri))
            .ssl(uri.getScheme().equals("rediss"))
            .sslParameters(hostnameChecked())
            .connectionTimeoutMillis(timeoutMillis)
            .socketTimeoutMillis(timeoutMillis)
            .clientName("signet-nonces");
    if (builder.sslSocketFactory != null) {
      client.sslSocketFactory(builder.sslSocketFactory);
    }
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(builder.poolSize);
    pool.setMaxIdle(builder.poolSize);
    pool.setMinIdle(0);
    pool.setBlockWhenExhausted(true);
    pool.setMaxWait(builder.timeout);
    pool.setJmxEnabled(false);
    int port = uri.getPort() < 0 ? 6379 : uri.getPort();
    this.redis = new JedisPooled(pool, new HostAndPort(uri.getHost(), port), client.build());
    this.keyPrefix = builder.keyPrefix;
    this.timeToLive = builder.timeToLive;
    this.setIfAbsent = SetParams.setParams().nx().px(builder.timeToLive.toMillis());
    this.description =
        "RedisNonceStore["
            + uri.getScheme()
            + "://"
            + (user == null ? "" : user + "@")
            + uri.getHost()
            + ":"
            + port
            + ", key prefix "
            + builder.keyPrefix
            + ", time to live "
            + builder.timeToLive
            + "]";
  }

  /**
   * Connects to {@code redisUri} with the {@linkplain #DEFAULT_KEY_PREFIX default key prefix},
   * timeout and pool size; nonces live for {@code timeToLive}. Nothing is sent to Redis until the
   * first nonce, so this succeeds while Redis is down.
   *
   * @param redisUri {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://}
   *     for TLS (the server's certificate checked against the JVM's default trust store, or {@link
   *     Builder#sslSocketFactory(SSLSocketFactory)}'s, and its name against the host)
   * @throws IllegalArgumentException naming the parameter and the rule it breaks
   */
  public static RedisNonceStore connect(URI redisUri, Duration timeToLive) {
    return builder(redisUri, timeToLive).connect();
  }

  /**
   * Settings for a store on {@code redisUri} (as for {@link #connect(URI, Duration)}) to change.
   */
  public static Builder builder(URI redisUri, Duration timeToLive) {
    return new Builder(redisUri, timeToLive);
  }

  /** What to connect to, and how; {@link #connect()} makes the store. */
  public static final class Builder {
    private final URI redisUri;
    private final Duration timeToLive;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int poolSize = DEFAULT_POOL_SIZE;
    private SSLSocketFactory sslSocketFactory;

    private Builder(URI redisUri, Duration timeToLive) {
      Objects.requireNonNull(redisUri, "redisUri");
      Objects.requireNonNull(timeToLive, "timeToLive");
      String scheme = redisUri.getScheme();
      if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
        throw new IllegalArgumentException(
            "redisUri: the scheme must be redis or rediss (TLS), not "
                + (scheme == null ? "none" : scheme));
      }
      if (redisUri.getHost() == null) {
        throw new IllegalArgumentException("redisUri: a host is required, as in redis://host:6379");
      }
      if (redisUri.getRawQuery() != null || redisUri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "redisUri: a query or fragment is not read; give settings to the builder");
      }
      database(redisUri);
      if (timeToLive.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException(
            "timeToLive: must be at least one millisecond, was " + timeToLive);
      }
      this.redisUri = redisUri;
      this.timeToLive = timeToLive;
    }

    /**
     * The text put before every nonce to make its key; verifiers or applications that share a Redis
     * but must not share nonces give different prefixes.
     */
    public Builder keyPrefix(String keyPrefix) {
      Objects.requireNonNull(keyPrefix, "keyPrefix");
      if (keyPrefix.isEmpty()) {
        throw new IllegalArgumentException(
            "keyPrefix: must not be empty, so that nonces cannot clash with other keys");
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /**
     * The longest wait for each step of recording a nonce: for a pooled connection, to connect, and
     * for Redis's answer. Then the store answers {@link Outcome#UNAVAILABLE}.
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.compareTo(Duration.ofMillis(1)) < 0
          || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException(
            "timeout: must be between 1 ms and 10 minutes, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The most connections open at once: as many as threads verify at the same time. */
    public Builder poolSize(int poolSize) {
      if (poolSize < 1) {
        throw new IllegalArgumentException("poolSize: must be at least 1, was " + poolSize);
      }
      this.poolSize = poolSize;
      return this;
    }

    /**
     * For {@code rediss://}: the TLS sockets to use, for a Redis whose certificate the JVM's
     * default trust store does not hold (a private certificate authority). The certificate must
     * name the URI's host either way.
     */
    public Builder sslSocketFactory(SSLSocketFactory sslSocketFactory) {
      Objects.requireNonNull(sslSocketFactory, "sslSocketFactory");
      if (!"rediss".equals(redisUri.getScheme())) {
        throw new IllegalArgumentException(
            "sslSocketFactory: only for a rediss:// URI, not " + redisUri.getScheme());
      }
      this.sslSocketFactory = sslSocketFactory;
      return this;
    }

    /** The store; nothing is sent to Redis until the first nonce. */
    public RedisNonceStore connect() {
      return new RedisNonceStore(this);
    }
  }

  /** TLS that checks the server's certificate names the host connected to, as HTTPS does. */
  private static SSLParameters hostnameChecked() {
    SSLParameters parameters = new SSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    return parameters;
  }

  private static int database(URI uri) {
    String path = uri.getRawPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return 0;
    }
    if (!path.matches("/\\d{1,5}")) {
      throw new IllegalArgumentException(
          "redisUri: the path must be empty or a database number, as in /0");
    }
    return Integer.parseInt(path.substring(1));
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * Sets the nonce's key if it is absent, with the time to live; {@link Outcome#UNAVAILABLE} when
   * Redis does not answer in time or refuses the command.
   */
  @Override
  public Outcome record(String nonce) {
    try {
      return "OK".equals(redis.set(keyPrefix + nonce, "1", setIfAbsent))
          ? Outcome.FIRST_USE
          : Outcome.REPLAYED;
    } catch (RuntimeException e) {
      // Jedis's connection, timeout, pool and server errors alike: none says the nonce is new.
      return Outcome.UNAVAILABLE;
    }
  }

  /** The time to live every nonce is recorded with. */
  @Override
  public Optional<Duration> timeToLive() {
    return Optional.of(timeToLive);
  }

  /** Closes the pool's connections. */
  @Override
  public void close() {
    redis.close();
  }

  /** The server, user, key prefix and time to live; never the password. */
  @Override
  public String toString() {
    return description;
  }
}
