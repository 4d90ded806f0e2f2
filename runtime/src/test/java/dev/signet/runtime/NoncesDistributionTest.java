package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Nonces#random} draws every character of its alphabet equally often, for alphabets of every
 * size: a nonce's strength is its length times log2 of the alphabet's size only when the draw is
 * uniform. The counts are checked to within six standard deviations, which a uniform draw breaks
 * about once in a hundred million runs here, while the bias of taking a random byte modulo the
 * alphabet's size (one character in four or five drawn 25% more often for 62 characters) is more
 * than ten standard deviations at these sample sizes.
 */
class NoncesDistributionTest {

  private static String alphabet(int size) {
    StringBuilder alphabet = new StringBuilder();
    for (int i = 0; i < size; i++) {
      // Letters and digits first, then characters from U+0100 on: all distinct.
      alphabet.append(
          i < 62
              ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".charAt(i)
              : (char) (0x100 + i));
    }
    return alphabet.toString();
  }

  @ParameterizedTest(name = "{0} characters")
  @ValueSource(ints = {2, 3, 10, 36, 62, 64, 100, 255, 256, 257, 300})
  void everyCharacterIsDrawnEquallyOften(int size) {
    String alphabet = alphabet(size);
    int perCharacter = 3000;
    int draws = perCharacter * size;
    int[] counts = new int[size];
    int length = 37;
    int drawn = 0;
    while (drawn < draws) {
      int n = Math.min(length, draws - drawn);
      String nonce = Nonces.random(n, alphabet);
      assertEquals(n, nonce.length());
      for (int i = 0; i < n; i++) {
        int index = alphabet.indexOf(nonce.charAt(i));
        assertTrue(index >= 0, "drew a character outside the alphabet: " + nonce);
        counts[index]++;
      }
      drawn += n;
    }
    double p = 1.0 / size;
    double deviation = Math.sqrt(draws * p * (1 - p));
    for (int i = 0; i < size; i++) {
      assertTrue(
          Math.abs(counts[i] - perCharacter) <= 6 * deviation,
          "character "
              + i
              + " of "
              + size
              + " drawn "
              + counts[i]
              + " times, expected "
              + perCharacter
              + " within "
              + Math.round(6 * deviation));
    }
  }
}
