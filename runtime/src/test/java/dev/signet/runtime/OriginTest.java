package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Origin} must serialize as a WHATWG URL's origin does ({@code new URL(...).origin} in a
 * browser or Node.js), since vendors sign it as the first line. Expected values below are what
 * Node.js 20 gives.
 */
class OriginTest {

  @Test
  void hostIsLowerCased() {
    assertEquals("https://acme.example.com", Origin.https("ACME.Example.com").toString());
  }

  @Test
  void defaultPortIsLeftOut() {
    assertEquals("https://acme.example.com", Origin.https("acme.example.com", 443).toString());
    assertEquals(Origin.https("acme.example.com"), Origin.https("acme.example.com", 443));
  }

  @Test
  void otherPortsAreKept() {
    assertEquals(
        "https://acme.example.com:8443", Origin.https("acme.example.com", 8443).toString());
    assertEquals("https://acme.example.com:80", Origin.https("acme.example.com", 80).toString());
    assertEquals("https://h:1", Origin.https("h", 1).toString());
    assertEquals("https://h:65535", Origin.https("h", 65535).toString());
  }

  @Test
  void internationalizedHostIsWrittenInPunycode() {
    assertEquals("https://xn--bcher-kva.example", Origin.https("bücher.example").toString());
    // Upper case is folded before the Punycode conversion, as in the browser.
    assertEquals("https://xn--bcher-kva.example", Origin.https("BÜCHER.Example").toString());
    assertEquals(
        "https://xn--bcher-kva.example:8443", Origin.https("bücher.example", 8443).toString());
  }

  @Test
  void fullWidthLettersAndIdeographicFullStopAreMapped() {
    assertEquals("https://abc.com", Origin.https("\uFF21\uFF22\uFF23.com").toString());
    assertEquals("https://a.b", Origin.https("a\u3002b").toString());
  }

  @Test
  void equalityIsBySerialization() {
    Origin a = Origin.https("ACME.example.com");
    Origin b = Origin.https("acme.example.com", 443);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Origin.https("acme.example.com", 8443));
    assertNotEquals(a, "https://acme.example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a/b",
        "a b",
        "a:1",
        "https://x",
        "a\tb",
        "a\nb",
        "a@b",
        "a?b",
        "a#b",
        "a%41",
        "a\\b",
        "[::1]",
        "a\u007Fb",
        "a\u0000b",
      })
  void hostWithSchemePortPathOrSpaceIsRefused(String host) {
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> Origin.https(host));
    assertEquals("host", e.parameter());
    assertTrue(e.getMessage().startsWith("host: "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evil.com\uFF0Fx", // FULLWIDTH SOLIDUS maps to "/"
        "a\uFF1A1", // FULLWIDTH COLON maps to ":"
        "a\uFF03b", // FULLWIDTH NUMBER SIGN maps to "#"
        "a\u3000b", // IDEOGRAPHIC SPACE maps to " "
        "a\uFF20b", // FULLWIDTH COMMERCIAL AT maps to "@"
      })
  void hostThatMapsToAForbiddenCharacterIsRefused(String host) {
    // The browser refuses these too; letting them through would put a path, port or space into
    // the signed origin, such as https://evil.com/x.
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> Origin.https(host));
    assertEquals("host", e.parameter());
  }

  @Test
  void emptyHostIsRefused() {
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> Origin.https(""));
    assertEquals("host", e.parameter());
    assertTrue(e.getMessage().startsWith("host: "), e.getMessage());
  }

  @Test
  void hostThatIsNotValidIdnIsRefused() {
    // U+00AD SOFT HYPHEN maps to nothing, leaving an empty label.
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> Origin.https("\u00AD"));
    assertEquals("host", e.parameter());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void portOutsideRangeIsRefused(int port) {
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> Origin.https("acme.example.com", port));
    assertEquals("port", e.parameter());
    assertTrue(e.getMessage().startsWith("port: "), e.getMessage());
  }

  @Test
  void refusalMessageNamesTheOffendingCharacter() {
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> Origin.https("a b"));
    assertTrue(e.getMessage().contains("U+0020"), e.getMessage());
  }

  @Test
  void aHostWithAPathIsRefusedAsNoBareHostBeforeAnythingElse() {
    // The host holds an IDNA deviation (\u00df) too, but the path is what the caller got wrong.
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> Origin.https("stra\u00dfe.de/x"));
    assertTrue(e.getMessage().contains("must be a bare host name"), e.getMessage());
    assertTrue(e.getMessage().contains("U+002F"), e.getMessage());
  }
}
