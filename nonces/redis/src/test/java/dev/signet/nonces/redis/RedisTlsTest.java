package dev.signet.nonces.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.nonces.testing.LocalRedis;
import dev.signet.runtime.NonceStore.Outcome;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code rediss://} on a real Redis's TLS port: the store speaks TLS, trusts only what it is told
 * to, and checks that the certificate names the host.
 */
class RedisTlsTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static LocalRedis redis;
  private static SSLSocketFactory trustingTheServer;

  @BeforeAll
  static void start() throws Exception {
    redis = LocalRedis.launchWithTls();
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream pem = Files.newInputStream(redis.certificate())) {
      trusted.setCertificateEntry(
          "redis", CertificateFactory.getInstance("X.509").generateCertificate(pem));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    trustingTheServer = context.getSocketFactory();
  }

  @AfterAll
  static void stop() {
    redis.close();
  }

  @Test
  void aTrustedCertificateForTheHostIsAccepted() {
    try (RedisNonceStore store =
        RedisNonceStore.builder(redis.tlsUri("127.0.0.1"), HOUR)
            .sslSocketFactory(trustingTheServer)
            .connect()) {
      String nonce = UUID.randomUUID().toString();
      assertEquals(Outcome.FIRST_USE, store.record(nonce));
      assertEquals(Outcome.REPLAYED, store.record(nonce));
    }
    // What went over TLS is in the same Redis.
    try (RedisNonceStore plain = RedisNonceStore.connect(redis.uri(), HOUR)) {
      assertEquals(Outcome.FIRST_USE, plain.record("over-plain-" + UUID.randomUUID()));
    }
  }

  @Test
  void anUntrustedCertificateOrAnotherHostsNameIsRefused() {
    try (RedisNonceStore defaultTrust = RedisNonceStore.connect(redis.tlsUri("127.0.0.1"), HOUR)) {
      assertEquals(Outcome.UNAVAILABLE, defaultTrust.record(UUID.randomUUID().toString()));
    }
    // Trusted, but the certificate names 127.0.0.1, not localhost.
    try (RedisNonceStore otherName =
        RedisNonceStore.builder(redis.tlsUri("localhost"), HOUR)
            .sslSocketFactory(trustingTheServer)
            .connect()) {
      assertEquals(Outcome.UNAVAILABLE, otherName.record(UUID.randomUUID().toString()));
    }
    // And plain redis:// takes no TLS settings.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RedisNonceStore.builder(redis.uri(), HOUR).sslSocketFactory(trustingTheServer));
    assertEquals("sslSocketFactory: only for a rediss:// URI, not redis", e.getMessage());
  }
}
