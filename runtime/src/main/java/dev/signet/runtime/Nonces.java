package dev.signet.runtime;

import java.security.SecureRandom;

/** Draws and checks nonces. */
public final class Nonces {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Nonces() {}

  /** A nonce of {@code length} characters drawn uniformly and independently from {@code alphabet}. */
  public static String random(int length, String alphabet) {
    int size = alphabet.length();
    char[] nonce = new char[length];
    if (size == 0 || size > 256) {
      for (int i = 0; i < length; i++) {
        nonce[i] = alphabet.charAt(RANDOM.nextInt(size));
      }
      return new String(nonce);
    }
    // The random bytes come in one call, not in one call per character: each call locks the
    // shared generator and has a fixed cost, which made most of a nonce's. A byte is kept only
    // below the largest multiple of the alphabet's size, so that every character is equally
    // likely.
    int limit = 256 - 256 % size;
    byte[] bytes = new byte[length + length / 4 + 8];
    int next = bytes.length;
    for (int i = 0; i < length; ) {
      if (next == bytes.length) {
        RANDOM.nextBytes(bytes);
        next = 0;
      }
      int b = bytes[next++] & 0xFF;
      if (b < limit) {
        nonce[i++] = alphabet.charAt(b % size);
      }
    }
    return new String(nonce);
  }

  /**
   * Returns {@code nonce} when it is {@code length} characters from {@code alphabet}.
   *
   * @throws InvalidParameterException naming {@code parameter} otherwise
   */
  public static String check(String parameter, String nonce, int length, String alphabet) {
    if (nonce.length() != length) {
      throw new InvalidParameterException(
          parameter, "must be " + length + " characters long, not " + nonce.length());
    }
    // The alphabet's ASCII characters as a set of bits: a look-up per character, where searching
    // the alphabet for each one made most of the check's cost.
    long low = 0;
    long high = 0;
    for (int i = 0; i < alphabet.length(); i++) {
      char c = alphabet.charAt(i);
      if (c < 64) {
        low |= 1L << c;
      } else if (c < 128) {
        high |= 1L << (c - 64);
      }
    }
    for (int i = 0; i < length; i++) {
      char c = nonce.charAt(i);
      boolean inAlphabet =
          c < 64 ? (low & 1L << c) != 0 : c < 128 ? (high & 1L << (c - 64)) != 0 : alphabet.indexOf(c) >= 0;
      if (!inAlphabet) {
        throw new InvalidParameterException(
            parameter,
            "may hold only the characters " + alphabet + " (character " + (i + 1) + " is not one)");
      }
    }
    return nonce;
  }
}
