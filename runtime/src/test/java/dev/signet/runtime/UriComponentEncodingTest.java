package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link UriComponentEncoding} against what JavaScript's {@code encodeURIComponent} gives, at the
 * edges of each of its cases: the kept ASCII characters and their neighbours, and the first and
 * last code points of each UTF-8 length.
 */
class UriComponentEncodingTest {

  @Test
  void lettersDigitsAndTheMarksAreKept() {
    String kept = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";
    assertEquals(kept, UriComponentEncoding.encode(kept));
    assertEquals("", UriComponentEncoding.encode(""));
  }

  @Test
  void theNeighboursOfTheKeptRangesAreEncoded() {
    // encodeURIComponent("/09:@AZ[`az{")
    assertEquals("%2F09%3A%40AZ%5B%60az%7B", UriComponentEncoding.encode("/09:@AZ[`az{"));
  }

  @Test
  void otherAsciiIsEncodedInUpperCaseHex() {
    // encodeURIComponent("\u0000\u001f \"#$%&+,;<=>?\\]^|}\u007f")
    assertEquals(
        "%00%1F%20%22%23%24%25%26%2B%2C%3B%3C%3D%3E%3F%5C%5D%5E%7C%7D%7F",
        UriComponentEncoding.encode("\u0000\u001f \"#$%&+,;<=>?\\]^|}\u007f"));
  }

  @ParameterizedTest
  @CsvSource({
    // code point, encodeURIComponent(String.fromCodePoint(code point))
    "0080, %C2%80",
    "00E9, %C3%A9",
    "07FF, %DF%BF",
    "0800, %E0%A0%80",
    "20AC, %E2%82%AC",
    "D7FF, %ED%9F%BF",
    "E000, %EE%80%80",
    "FFFD, %EF%BF%BD",
    "FFFF, %EF%BF%BF",
    "10000, %F0%90%80%80",
    "1F680, %F0%9F%9A%80",
    "10FFFF, %F4%8F%BF%BF"
  })
  void nonAsciiIsEncodedAsItsUtf8Bytes(String codePoint, String expected) {
    String text = Character.toString(Integer.parseInt(codePoint, 16));
    assertEquals(expected, UriComponentEncoding.encode(text));
    assertEquals("a" + expected + "b", UriComponentEncoding.encode("a" + text + "b"));
  }

  @Test
  void mixedTextKeepsItsOrder() {
    // encodeURIComponent("Zoë € 🚀!")
    assertEquals("Zo%C3%AB%20%E2%82%AC%20%F0%9F%9A%80!", UriComponentEncoding.encode("Zoë € 🚀!"));
    assertEquals("%E2%82%AC%E2%82%AC", UriComponentEncoding.encode(new StringBuilder("€€")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\udc00", "a\ud800", "a\ud800b", "a\udbff\udbff", "a\udfff\ud800"})
  void unpairedSurrogatesAreRefused(String text) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> UriComponentEncoding.encode(text));
    int index = text.startsWith("a") ? 1 : 0;
    assertEquals(
        "holds an unpaired surrogate at index " + index + ", which cannot be URI-encoded",
        refused.getMessage());
  }
}
