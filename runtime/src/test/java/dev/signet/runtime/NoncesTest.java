package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoncesTest {
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  @Test
  void randomHasTheLengthAndOnlyAlphabetCharacters() {
    for (int length : new int[] {1, 8, 16, 32, 100}) {
      String nonce = Nonces.random(length, ALPHANUMERIC);
      assertEquals(length, nonce.length());
      for (char c : nonce.toCharArray()) {
        assertTrue(ALPHANUMERIC.indexOf(c) >= 0, nonce);
      }
    }
  }

  @Test
  void randomOfLengthZeroIsEmpty() {
    assertEquals("", Nonces.random(0, ALPHANUMERIC));
  }

  @Test
  void randomUsesOnlyTheGivenAlphabet() {
    String nonce = Nonces.random(200, "ab");
    assertTrue(nonce.matches("[ab]{200}"), nonce);
    assertEquals("xxxx", Nonces.random(4, "x"));
  }

  @Test
  void randomIsNotConstant() {
    // 100 nonces of 32 alphanumerics: a repeat has probability about 100^2 / 62^32, i.e. never.
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      nonces.add(Nonces.random(32, ALPHANUMERIC));
    }
    assertEquals(100, nonces.size());
  }

  @Test
  void everyAlphabetCharacterIsDrawnAboutEquallyOften() {
    // 20 000 draws over 62 characters: about 323 each, standard deviation about 18. The bounds
    // below are 9 standard deviations away, so a correct implementation never fails, while one
    // that never draws some character (an off-by-one bound, say) or draws from part of the
    // alphabet fails. Subtler bias, such as a byte taken modulo 62 (about 121% for eight
    // characters), is beyond a check this loose.
    int draws = 20_000;
    int[] counts = new int[ALPHANUMERIC.length()];
    for (int i = 0; i < draws / 20; i++) {
      for (char c : Nonces.random(20, ALPHANUMERIC).toCharArray()) {
        counts[ALPHANUMERIC.indexOf(c)]++;
      }
    }
    double expected = (double) draws / ALPHANUMERIC.length();
    for (int i = 0; i < counts.length; i++) {
      assertTrue(
          counts[i] >= expected * 0.5 && counts[i] <= expected * 1.5,
          ALPHANUMERIC.charAt(i) + " drawn " + counts[i] + " times, expected about " + expected);
    }
  }

  @Test
  void checkReturnsAValidNonceItself() {
    String nonce = "abcDEF0123456789";
    assertSame(nonce, Nonces.check("nonce", nonce, 16, ALPHANUMERIC));
    String drawn = Nonces.random(24, ALPHANUMERIC);
    assertSame(drawn, Nonces.check("nonce", drawn, 24, ALPHANUMERIC));
  }

  @Test
  void checkRefusesWrongLengthNamingTheParameter() {
    InvalidParameterException tooShort =
        assertThrows(
            InvalidParameterException.class,
            () -> Nonces.check("x-request-nonce", "abc", 16, ALPHANUMERIC));
    assertEquals("x-request-nonce", tooShort.parameter());
    assertTrue(tooShort.getMessage().startsWith("x-request-nonce: "), tooShort.getMessage());
    assertTrue(tooShort.getMessage().contains("16"), tooShort.getMessage());

    InvalidParameterException tooLong =
        assertThrows(
            InvalidParameterException.class,
            () -> Nonces.check("nonce", "a".repeat(17), 16, ALPHANUMERIC));
    assertEquals("nonce", tooLong.parameter());

    assertThrows(
        InvalidParameterException.class, () -> Nonces.check("nonce", "", 16, ALPHANUMERIC));
  }

  @Test
  void checkRefusesCharactersOutsideTheAlphabetNamingTheParameter() {
    for (String nonce :
        new String[] {"abcdefgh-jklmnop", "abcdefghijklmno ", "\u00E9bcdefghijklmnop"}) {
      InvalidParameterException e =
          assertThrows(
              InvalidParameterException.class,
              () -> Nonces.check("nonce", nonce, 16, ALPHANUMERIC),
              nonce);
      assertEquals("nonce", e.parameter());
      assertTrue(e.getMessage().startsWith("nonce: "), e.getMessage());
    }
  }

  @Test
  void checkRefusalSaysWhichCharacter() {
    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class, () -> Nonces.check("nonce", "ab_d", 4, ALPHANUMERIC));
    assertTrue(e.getMessage().contains("character 3"), e.getMessage());
  }

  @Test
  void checkAcceptsEveryCharacterOfTheAlphabetIncludingTheFirstAndLast() {
    assertEquals("aaaa", Nonces.check("nonce", "aaaa", 4, "abc"));
    assertEquals("cbac", Nonces.check("nonce", "cbac", 4, "abc"));
    InvalidParameterException refused =
        assertThrows(
            InvalidParameterException.class, () -> Nonces.check("nonce", "abda", 4, "abc"));
    assertEquals(
        "nonce: may hold only the characters abc (character 3 is not one)", refused.getMessage());
  }

  /**
   * The check looks each character up in a set of bits made from the alphabet; searching the
   * alphabet is the rule. Characters around 64 and 128, where the set changes words or ends, and
   * beyond, are drawn most.
   */
  @Test
  void checkAgreesWithSearchingTheAlphabet() {
    Random random = new Random(0x90CEL);
    for (int round = 0; round < 5000; round++) {
      String alphabet = randomText(random, 1 + random.nextInt(12));
      String nonce = randomText(random, 1 + random.nextInt(6));
      int outside = -1;
      for (int i = 0; i < nonce.length() && outside < 0; i++) {
        outside = alphabet.indexOf(nonce.charAt(i)) < 0 ? i : -1;
      }
      // Twice: with a new alphabet, then with the one checked against last.
      for (int repeat = 0; repeat < 2; repeat++) {
        if (outside < 0) {
          assertSame(
              nonce, Nonces.check("n", nonce, nonce.length(), alphabet), alphabet + " " + nonce);
        } else {
          InvalidParameterException refusal =
              assertThrows(
                  InvalidParameterException.class,
                  () -> Nonces.check("n", nonce, nonce.length(), alphabet));
          assertTrue(
              refusal.getMessage().contains("(character " + (outside + 1) + " is not one)"),
              refusal.getMessage());
        }
      }
    }
  }

  private static String randomText(Random random, int length) {
    char[] edges = {0, 1, 62, 63, 64, 65, 126, 127, 128, 129, 192, 255, 0x3B1};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(edges[random.nextInt(edges.length)]);
    }
    return text.toString();
  }
}
