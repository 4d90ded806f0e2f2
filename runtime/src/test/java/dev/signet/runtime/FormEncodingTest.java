package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link FormEncoding} must encode as browsers' URLSearchParams do. For well-formed text that is
 * exactly what {@link URLEncoder} does with UTF-8 (same kept set {@code A-Z a-z 0-9 * - . _}, space
 * as {@code +}, upper-case hex), so URLEncoder is the oracle there; for unpaired surrogates
 * URLEncoder writes {@code ?} where a browser writes U+FFFD, so those are literals.
 */
class FormEncodingTest {

  private static String encoded(CharSequence text) {
    StringBuilder out = new StringBuilder();
    FormEncoding.append(out, text);
    return out.toString();
  }

  private static String urlEncoder(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /**
   * Each row: the text, and what {@code new URLSearchParams({k: text}).toString()} writes after k=.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a b | a+b",
        "~ | %7E",
        "*-._ | *-._",
        "AZaz09 | AZaz09",
        "!'() | %21%27%28%29",
        "a+b=c&d | a%2Bb%3Dc%26d",
        "% | %25",
        "ü | %C3%BC",
        "€ | %E2%82%AC",
      })
  void encodesAsUrlSearchParams(String text, String expected) {
    assertEquals(expected, encoded(text));
  }

  @Test
  void utf8LengthBoundaries() {
    // Outside the CSV rows above, whose parser trims surrounding whitespace such as U+00A0.
    assertEquals("%C2%A0", encoded("\u00A0"));
    assertEquals("%C2%80%DF%BF%E0%A0%80%EF%BF%BF", encoded("\u0080\u07FF\u0800\uFFFF"));
  }

  @Test
  void controlCharactersAndLineBreaksArePercentEncodedUnchanged() {
    // URLSearchParams does not turn \n into \r\n as an HTML form submission would.
    assertEquals("%00%7F%0D%0A%0A%09", encoded("\u0000\u007F\r\n\n\t"));
  }

  @Test
  void emojiIsFourUtf8Bytes() {
    assertEquals("%F0%9F%98%80", encoded("\uD83D\uDE00"));
    assertEquals("%F4%8F%BF%BF", encoded("\uDBFF\uDFFF")); // U+10FFFF
    assertEquals("%F0%90%80%80", encoded("\uD800\uDC00")); // U+10000
  }

  @Test
  void unpairedSurrogatesBecomeReplacementCharacter() {
    assertEquals("%EF%BF%BD", encoded("\uD800"));
    assertEquals("%EF%BF%BD", encoded("\uDFFF"));
    assertEquals("%EF%BF%BDx", encoded("\uDC00x"));
    assertEquals("x%EF%BF%BD", encoded("x\uDBFF"));
    // A pair followed by a lone high surrogate: the pair is kept, the lone one replaced.
    assertEquals("%F0%9F%98%80%EF%BF%BD", encoded("\uD83D\uDE00\uD83D"));
    // Two high surrogates then a low one: only the second high surrogate pairs.
    assertEquals("%EF%BF%BD%F0%90%80%80", encoded("\uD800\uD800\uDC00"));
  }

  @Test
  void emptyTextAppendsNothing() {
    StringBuilder out = new StringBuilder("k=");
    FormEncoding.append(out, "");
    assertEquals("k=", out.toString());
  }

  @Test
  void everyAsciiCharacterAsUrlEncoder() {
    for (char c = 0; c < 0x80; c++) {
      String text = String.valueOf(c);
      assertEquals(urlEncoder(text), encoded(text), "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void everyBmpCharacterOutsideSurrogatesAsUrlEncoder() {
    // Covers each UTF-8 length boundary: U+007F/U+0080, U+07FF/U+0800, U+FFFF.
    for (int c = 0x80; c <= 0xFFFF; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      String text = String.valueOf((char) c);
      assertEquals(urlEncoder(text), encoded(text), "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void supplementaryCharactersAsUrlEncoder() {
    for (int codePoint = 0x10000; codePoint <= 0x10FFFF; codePoint += 0x101) {
      String text = new String(Character.toChars(codePoint));
      assertEquals(urlEncoder(text), encoded(text), "U+" + Integer.toHexString(codePoint));
    }
  }

  @Test
  void randomWellFormedStringsAsUrlEncoder() {
    Random random = new Random(7L);
    for (int i = 0; i < 5000; i++) {
      String text = randomWellFormedString(random);
      assertEquals(urlEncoder(text), encoded(text), TestStrings.codeUnits(text));
    }
  }

  @Test
  void acceptsAnyCharSequence() {
    assertEquals("a+%C3%BC", encoded(new StringBuilder("a ü")));
  }

  @Test
  void appendParameterEncodesNameAndValue() {
    StringBuilder out = new StringBuilder("a=1&");
    FormEncoding.appendParameter(out, "x y=", "1+1 & ü");
    assertEquals("a=1&x+y%3D=1%2B1+%26+%C3%BC", out.toString());
  }

  @Test
  void appendParameterWithEmptyValue() {
    StringBuilder out = new StringBuilder();
    FormEncoding.appendParameter(out, "k", "");
    assertEquals("k=", out.toString());
  }

  /** Code points from every UTF-8 length, weighted towards ASCII punctuation and space. */
  private static String randomWellFormedString(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(20);
    for (int i = 0; i < length; i++) {
      int codePoint;
      switch (random.nextInt(5)) {
        case 0:
          codePoint = random.nextInt(0x80);
          break;
        case 1:
          codePoint = " *-._~+%&=".charAt(random.nextInt(10));
          break;
        case 2:
          codePoint = 0x80 + random.nextInt(0x800 - 0x80);
          break;
        case 3:
          codePoint = 0x800 + random.nextInt(0x10000 - 0x800);
          break;
        default:
          codePoint = 0x10000 + random.nextInt(0x110000 - 0x10000);
      }
      if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
        codePoint = 'x';
      }
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }
}
