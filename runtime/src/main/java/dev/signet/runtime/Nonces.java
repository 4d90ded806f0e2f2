package dev.signet.runtime;

import java.security.SecureRandom;

/** Draws and checks nonces. */
public final class Nonces {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Nonces() {}

  /** A nonce of {@code length} characters drawn uniformly and independently from {@code alphabet}. */
  public static String random(int length, String alphabet) {
    char[] nonce = new char[length];
    for (int i = 0; i < length; i++) {
      nonce[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
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
    for (int i = 0; i < length; i++) {
      if (alphabet.indexOf(nonce.charAt(i)) < 0) {
        throw new InvalidParameterException(
            parameter,
            "may hold only the characters " + alphabet + " (character " + (i + 1) + " is not one)");
      }
    }
    return nonce;
  }
}
