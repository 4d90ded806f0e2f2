package dev.signet.runtime;

import java.security.SecureRandom;

/** Draws and checks nonces. */
public final class Nonces {
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The alphabet checked against last, kept because a type passes the same one every time; an
   * immutable record, so a thread that sees another's is as right as one that makes its own.
   */
  private static volatile Alphabet lastAlphabet = Alphabet.of("");

  private Nonces() {}

  /**
   * A nonce of {@code length} characters drawn uniformly and independently from {@code alphabet}.
   */
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
    Alphabet known = lastAlphabet;
    if (!known.text().equals(alphabet)) {
      known = Alphabet.of(alphabet);
      lastAlphabet = known;
    }
    for (int i = 0; i < length; i++) {
      if (!known.contains(nonce.charAt(i))) {
        throw new InvalidParameterException(
            parameter,
            "may hold only the characters " + alphabet + " (character " + (i + 1) + " is not one)");
      }
    }
    return nonce;
  }

  /**
   * An alphabet with its ASCII characters as sets of bits, so that a character is looked up rather
   * than searched for: a search per character made most of a check's cost.
   */
  private record Alphabet(String text, long low, long high) {
    static Alphabet of(String text) {
      long low = 0;
      long high = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 64) {
          low |= 1L << c;
        } else if (c < 128) {
          high |= 1L << (c - 64);
        }
      }
      return new Alphabet(text, low, high);
    }

    boolean contains(char c) {
      return c < 64
          ? (low & 1L << c) != 0
          : c < 128 ? (high & 1L << (c - 64)) != 0 : text.indexOf(c) >= 0;
    }
  }
}
