package dev.signet.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A signing secret. It keeps its bytes to itself: {@link #toString()} never shows them, and no
 * method returns them.
 *
 * <p>Create one per secret and reuse it: the first MAC with an algorithm hashes the key's two HMAC
 * pads once (RFC 2104's precomputation), and every MAC after that starts from copies of those two
 * hash states, so it hashes the message and the inner digest alone. A {@code javax.crypto.Mac}
 * hashes both pads again on every call.
 */
public final class Secret {
  private final byte[] key;

  /** Per {@link MacAlgorithm#ordinal()}, made on first use; never changed once set. */
  private final AtomicReferenceArray<PadStates> padStates =
      new AtomicReferenceArray<>(MacAlgorithm.values().length);

  private Secret(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("secret: must not be empty");
    }
    this.key = key;
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
    PadStates states = padStates.get(algorithm.ordinal());
    if (states == null) {
      // Two threads may both compute them; they compute the same states, and either may win.
      states = new PadStates(algorithm, key);
      padStates.compareAndSet(algorithm.ordinal(), null, states);
    }
    return states.mac(message, length);
  }

  /**
   * The hash states after {@code K XOR ipad} and after {@code K XOR opad}, where K is the key
   * (hashed first when longer than a block) padded with zeros to the block size. They are only ever
   * cloned, never updated, so threads share them.
   */
  private static final class PadStates {
    private final MessageDigest inner;
    private final MessageDigest outer;

    PadStates(MacAlgorithm algorithm, byte[] key) {
      inner = digest(algorithm);
      outer = digest(algorithm);
      byte[] block = new byte[algorithm.blockSize()];
      byte[] k = key.length > block.length ? digest(algorithm).digest(key) : key;
      for (int i = 0; i < block.length; i++) {
        block[i] = (byte) ((i < k.length ? k[i] : 0) ^ 0x36);
      }
      inner.update(block);
      for (int i = 0; i < block.length; i++) {
        block[i] ^= 0x36 ^ 0x5c;
      }
      outer.update(block);
      Arrays.fill(block, (byte) 0);
      if (k != key) {
        Arrays.fill(k, (byte) 0);
      }
    }

    byte[] mac(byte[] message, int length) {
      MessageDigest innerHash = copy(inner);
      innerHash.update(message, 0, length);
      MessageDigest outerHash = copy(outer);
      outerHash.update(innerHash.digest());
      return outerHash.digest();
    }

    private static MessageDigest digest(MacAlgorithm algorithm) {
      try {
        return MessageDigest.getInstance(algorithm.digestName());
      } catch (NoSuchAlgorithmException e) {
        // Every Java SE runtime must provide SHA-1, SHA-256 and SHA-512.
        throw new IllegalStateException(algorithm.digestName() + " is not available", e);
      }
    }

    private static MessageDigest copy(MessageDigest state) {
      try {
        return (MessageDigest) state.clone();
      } catch (CloneNotSupportedException e) {
        // The JDK's digests are all cloneable; a provider that puts one first that is not cannot
        // serve the precomputed states.
        throw new IllegalStateException(
            state.getAlgorithm() + " from " + state.getProvider() + " cannot be cloned", e);
      }
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
