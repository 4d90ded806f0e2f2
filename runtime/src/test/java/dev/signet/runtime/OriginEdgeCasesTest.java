package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases of {@link Origin} at the edges of its checks, beyond {@link OriginTest}'s. */
class OriginEdgeCasesTest {

  /** ß, ς, ZWJ and ZWNJ are refused wherever they are in the host, the first character included. */
  @ParameterizedTest
  @ValueSource(strings = {"\u00DF", "\u03C2", "\u200D", "\u200C"})
  void idnaDeviationsAreRefusedAtEveryPosition(String deviation) {
    for (String host :
        new String[] {
          deviation + "x.example", "x" + deviation + ".example", "x.example" + deviation
        }) {
      InvalidParameterException e =
          assertThrows(InvalidParameterException.class, () -> Origin.https(host), host);
      assertEquals("host", e.parameter());
      assertTrue(
          e.getMessage().contains(String.format("U+%04X", (int) deviation.charAt(0))),
          e.getMessage());
    }
  }

  @Test
  void distinctOriginsMostlyHashApart() {
    // Equal origins hash alike (OriginTest); a hash that tells distinct ones apart keeps maps fast.
    Set<Integer> hashes = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      hashes.add(Origin.https("host" + i + ".example.com").hashCode());
      hashes.add(Origin.https("example.com", 1000 + i).hashCode());
    }
    assertTrue(hashes.size() > 90, "distinct hashes: " + hashes.size());
  }
}
