package dev.signet.runtime;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signing secret. It keeps its bytes to itself: {@link #toString()} never shows them, and no
 * method returns them.
 *
 * <p>Create one per secret and reuse it: each thread keeps a {@link Mac} already keyed with it, so
 * signing costs the MAC alone.
 */
public final class Secret {
  private final byte[] key;
  private final ThreadLocal<Mac>[] macs;

  private Secret(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("secret: must not be empty");
    }
    this.key = key;
    @SuppressWarnings({"unchecked", "rawtypes"})
    ThreadLocal<Mac>[] perAlgorithm = new ThreadLocal[MacAlgorithm.values().length];
    for (MacAlgorithm algorithm : MacAlgorithm.values()) {
      perAlgorithm[algorithm.ordinal()] = ThreadLocal.withInitial(() -> newMac(algorithm));
    }
    this.macs = perAlgorithm;
  }

  /**
   * The secret whose bytes are {@code secret}'s UTF-8 encoding, as vendors' SDKs key their HMACs.
   */
  public static Secret ofUtf8(String secret) {
    return new Secret(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The secret made of a copy of {@code secret}. */
  public static Secret ofBytes(byte[] secret) {
    return new Secret(secret.clone());
  }

  /** The MAC of {@code message} keyed with this secret. */
  public byte[] mac(MacAlgorithm algorithm, byte[] message) {
    return mac(algorithm, message, message.length);
  }

  /** The MAC of the first {@code length} bytes of {@code message}, keyed with this secret. */
  public byte[] mac(MacAlgorithm algorithm, byte[] message, int length) {
    Mac mac = macs[algorithm.ordinal()].get();
    mac.update(message, 0, length);
    return mac.doFinal();
  }

  private Mac newMac(MacAlgorithm algorithm) {
    try {
      Mac mac = Mac.getInstance(algorithm.jcaName());
      mac.init(new SecretKeySpec(key, algorithm.jcaName()));
      return mac;
    } catch (GeneralSecurityException e) {
      // Every Java SE runtime must provide these three MACs.
      throw new IllegalStateException(algorithm.jcaName() + " is not available", e);
    }
  }

  /** Whether {@code other} holds the same bytes, compared in constant time. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Secret && MessageDigest.isEqual(key, ((Secret) other).key);
  }

  @Override
  public int hashCode() {
    // Constant, so that a hash never reveals anything of the key.
    return Secret.class.hashCode();
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
