package dev.signet.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sigma's rule for a JWT's {@code sub}: the white space of JavaScript's {@code \s}, as Sigma's
 * reference lists it, and the underscore refused wherever they stand, and nothing else of the local
 * part; the domain an RFC 1035 name.
 */
class SigmaEmailTest {
  /** The white space the reference lists: JavaScript's {@code \s}. */
  private static final List<Character> JAVASCRIPT_WHITESPACE = javascriptWhitespace();

  private static List<Character> javascriptWhitespace() {
    List<Character> list =
        new ArrayList<>(
            List.of(
                ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u1680', '\u2028', '\u2029',
                '\u202F', '\u205F', '\u3000', '\uFEFF'));
    for (char c = '\u2000'; c <= '\u200A'; c++) {
      list.add(c);
    }
    return List.copyOf(list);
  }

  private static String refusal(String address) {
    InvalidParameterException refused =
        assertThrows(InvalidParameterException.class, () -> SigmaEmail.of(address));
    assertEquals("sub", refused.parameter());
    return refused.getMessage();
  }

  /**
   * Every character but the surrogates, in the local part: refused exactly when it is in the
   * reference's list, or an underscore. Java's {@code Character.isWhitespace} is another set (it
   * takes U+001C to U+001F, and not U+00A0), which the loop holds to account too.
   */
  @Test
  void refusesTheReferencesWhiteSpaceAndTheUnderscoreAlone() {
    int refused = 0;
    for (int code = 0; code <= 0xFFFF; code++) {
      char c = (char) code;
      if (Character.isSurrogate(c)) {
        continue;
      }
      String address = "a" + c + "b@example.com";
      boolean expectRefused = JAVASCRIPT_WHITESPACE.contains(c) || c == '_';
      if (expectRefused) {
        String message = refusal(address);
        assertTrue(message.contains(c == '_' ? "underscore" : "white space"), message);
        refused++;
      } else {
        assertEquals(address, SigmaEmail.of(address).address());
      }
    }
    assertEquals(JAVASCRIPT_WHITESPACE.size() + 1, refused);
    assertTrue(Character.isWhitespace('\u001C'));
    assertEquals("a\u001Cb@example.com", SigmaEmail.of("a\u001Cb@example.com").address());
  }

  @Test
  void refusesWhiteSpaceAtEitherEndAndInTheDomain() {
    for (char c : JAVASCRIPT_WHITESPACE) {
      assertTrue(refusal(c + "ann@example.com").contains("white space"));
      assertTrue(refusal("ann@example.com" + c).contains("white space"));
      assertTrue(refusal("ann@exa" + c + "mple.com").contains("white space"));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ann@example.com",
        "UPPER@EXAMPLE.COM",
        "first.last+tag@example.co.uk",
        "a.b-c@sub-domain.example.org",
        "x9@example.io",
        "a@b@example.com",
        "ann@a1.b2"
      })
  void acceptsAddressesSigmaAdmits(String address) {
    assertEquals(address, SigmaEmail.of(address).address());
    assertEquals(SigmaEmail.of(address), SigmaEmail.fromJson(address));
  }

  @Test
  void refusesWhatIsNoAddress() {
    assertTrue(refusal("").contains("required"));
    assertTrue(refusal("ann.example.com").contains("email address"));
    assertTrue(refusal("@example.com").contains("email address"));
    assertTrue(refusal("ann@").contains("two labels"));
    assertTrue(refusal("ann@localhost").contains("two labels"));
  }

  @Test
  void refusesADomainThatIsNoRfc1035Name() {
    assertTrue(refusal("ann@example..com").contains("empty"));
    assertTrue(refusal("ann@example.com.").contains("empty"));
    assertTrue(refusal("ann@.example.com").contains("empty"));
    assertTrue(refusal("ann@1example.com").contains("\"1example\" must start with a letter"));
    assertTrue(refusal("ann@-example.com").contains("must start with a letter"));
    assertTrue(
        refusal("ann@example-.com").contains("\"example-\" must end with a letter or a digit"));
    assertTrue(refusal("ann@exa!mple.com").contains("ASCII letters, digits and hyphens only"));
    assertTrue(refusal("ann@exämple.com").contains("ASCII letters, digits and hyphens only"));
    String longest = "a" + "b".repeat(62);
    assertEquals(63, longest.length());
    SigmaEmail.of("ann@" + longest + ".com");
    assertTrue(refusal("ann@" + longest + "c.com").contains("longer than 63 characters"));
  }

  @Test
  void readsBackOnlyAString() {
    assertEquals(
        "sub",
        assertThrows(InvalidParameterException.class, () -> SigmaEmail.fromJson(7)).parameter());
    assertEquals("\"ann@example.com\"", json(SigmaEmail.of("ann@example.com")));
    assertEquals("\"o'\\\"x\\\"@example.com\"", json(SigmaEmail.of("o'\"x\"@example.com")));
  }

  private static String json(SigmaEmail email) {
    StringBuilder out = new StringBuilder();
    email.writeJson(out);
    return out.toString();
  }
}
