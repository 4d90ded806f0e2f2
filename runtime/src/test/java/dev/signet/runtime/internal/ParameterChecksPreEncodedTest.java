package dev.signet.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.runtime.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** {@link ParameterChecks#preEncoded} takes exactly the ASCII hex digits, in either place. */
class ParameterChecksPreEncodedTest {

  private static boolean isHex(char c) {
    return "0123456789abcdefABCDEF".indexOf(c) >= 0;
  }

  @Test
  void everyCharacterUpToU0100InEitherPlaceOfAnEscape() {
    for (char c = 0; c <= 0x100; c++) {
      for (String value : new String[] {"%" + c + "0", "%0" + c}) {
        if (isHex(c)) {
          assertSame(value, ParameterChecks.preEncoded("q", value));
        } else {
          InvalidParameterException e =
              assertThrows(
                  InvalidParameterException.class, () -> ParameterChecks.preEncoded("q", value));
          assertEquals("q", e.parameter());
        }
      }
    }
  }
}
