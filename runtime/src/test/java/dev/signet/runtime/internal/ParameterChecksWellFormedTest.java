package dev.signet.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.TestStrings;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ParameterChecks#wellFormed} against the JDK's UTF-8 encoder, which can encode a string
 * exactly when its UTF-16 is well formed.
 */
class ParameterChecksWellFormedTest {
  private static final String UNITS = "a\uD800\uDBFF\uDC00\uDFFF\u00e9";

  private static boolean jdkCanEncode(String value) {
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
    return encoder.canEncode(value);
  }

  /** The index of the first code unit that is not part of a well-formed sequence, or -1. */
  private static int firstUnpaired(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static void check(String value) {
    if (jdkCanEncode(value)) {
      assertSame(value, ParameterChecks.wellFormed("p", value), TestStrings.codeUnits(value));
    } else {
      InvalidParameterException e =
          assertThrows(
              InvalidParameterException.class,
              () -> ParameterChecks.wellFormed("p", value),
              TestStrings.codeUnits(value));
      assertEquals("p", e.parameter());
      assertEquals(
          "p: holds an unpaired surrogate at index "
              + firstUnpaired(value)
              + ", which UTF-8 cannot encode",
          e.getMessage());
    }
  }

  @Test
  void everyStringOfUpToFourInterestingCodeUnits() {
    int refused = 0;
    int total = 0;
    StringBuilder value = new StringBuilder();
    int n = UNITS.length();
    for (int length = 0; length <= 4; length++) {
      int combinations = (int) Math.pow(n, length);
      for (int k = 0; k < combinations; k++) {
        value.setLength(0);
        for (int i = 0, rest = k; i < length; i++, rest /= n) {
          value.append(UNITS.charAt(rest % n));
        }
        String text = value.toString();
        check(text);
        total++;
        refused += jdkCanEncode(text) ? 0 : 1;
      }
    }
    assertTrue(refused > total / 3 && refused < total, refused + " of " + total);
  }

  @Test
  void randomStrings() {
    Random random = new Random(0xFEEDL);
    for (int i = 0; i < 5000; i++) {
      check(TestStrings.randomString(random));
    }
  }

  @Test
  void exactMessagesAndIndexes() {
    assertSame("", ParameterChecks.wellFormed("p", ""));
    assertEquals(
        "name: holds an unpaired surrogate at index 2, which UTF-8 cannot encode",
        assertThrows(
                InvalidParameterException.class,
                () -> ParameterChecks.wellFormed("name", "ab\uDC00"))
            .getMessage());
    // A pair, then a high surrogate at the very end.
    assertEquals(
        "x: holds an unpaired surrogate at index 2, which UTF-8 cannot encode",
        assertThrows(
                InvalidParameterException.class,
                () -> ParameterChecks.wellFormed("x", "\uD83D\uDE00\uD83D"))
            .getMessage());
    // A low surrogate before a high one is two unpaired surrogates, not a pair.
    assertEquals(
        "x: holds an unpaired surrogate at index 0, which UTF-8 cannot encode",
        assertThrows(
                InvalidParameterException.class,
                () -> ParameterChecks.wellFormed("x", "\uDE00\uD83D"))
            .getMessage());
  }
}
