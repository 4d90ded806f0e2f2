package dev.signet.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.runtime.InvalidParameterException;
import org.junit.jupiter.api.Test;

class WireValuesTest {
  enum Theme {
    VIBES,
    DAWN,
    PLAIN
  }

  private static final WireValues<Theme> THEMES =
      WireValues.of(Theme.class).with(Theme.VIBES, "vibes").with(Theme.DAWN, "dawn");

  @Test
  void aConstantStandsForItsWireValueOrItsName() {
    assertEquals("vibes", THEMES.wireValue(Theme.VIBES));
    assertEquals("dawn", THEMES.wireValue(Theme.DAWN));
    assertEquals("PLAIN", THEMES.wireValue(Theme.PLAIN));
  }

  @Test
  void eachWireValueReadsBackAsItsConstant() {
    for (Theme theme : Theme.values()) {
      assertSame(theme, THEMES.constant("theme", THEMES.wireValue(theme)));
    }
  }

  @Test
  void aRenamedConstantIsNotReadByItsName() {
    InvalidParameterException refused =
        assertThrows(InvalidParameterException.class, () -> THEMES.constant("theme", "VIBES"));
    assertEquals("theme", refused.parameter());
    // In the order of the constants' names: DAWN, PLAIN, VIBES.
    assertEquals("theme: must be one of dawn, PLAIN, vibes", refused.getMessage());
  }

  @Test
  void withLeavesTheTableItWasCalledOnAsItWas() {
    WireValues<Theme> plain = WireValues.of(Theme.class);
    plain.with(Theme.PLAIN, "plain");
    assertEquals("PLAIN", plain.wireValue(Theme.PLAIN));
    assertSame(Theme.PLAIN, plain.constant("theme", "PLAIN"));
  }
}
