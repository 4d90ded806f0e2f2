package dev.signet.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.SignedText;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterChecksTest {

  /** Asserts a refusal that names {@code parameter} both in parameter() and in the message. */
  private static InvalidParameterException assertRefused(String parameter, Executable check) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, check);
    assertEquals(parameter, e.parameter());
    assertTrue(e.getMessage().startsWith(parameter + ": "), e.getMessage());
    return e;
  }

  // ---------------------------------------------------------------- lineValue

  @Test
  void lineValueReturnsAnAcceptableValueItself() {
    String value = "GET /v1/items?x=1 \u00E9\uD83D\uDE00\t\u2028\u0085";
    assertSame(value, ParameterChecks.lineValue("path", value, "\n"));
    assertSame("", ParameterChecks.lineValue("path", "", "\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nb", "a\rb", "\n", "\r\n", "trailing\n", "\rleading"})
  void lineValueRefusesLineBreaks(String value) {
    // Even with a separator that is not a line break: the signed text is split into lines.
    InvalidParameterException e =
        assertRefused("x-date", () -> ParameterChecks.lineValue("x-date", value, "|"));
    assertTrue(e.getMessage().contains("line break"), e.getMessage());
  }

  @Test
  void lineValueRefusesTheSeparator() {
    assertRefused("method", () -> ParameterChecks.lineValue("method", "GET|POST", "|"));
    // A separator of several characters is refused as a whole, not character by character.
    assertRefused("method", () -> ParameterChecks.lineValue("method", "a::b", "::"));
    assertSame("a:b", ParameterChecks.lineValue("method", "a:b", "::"));
  }

  @Test
  void lineValueWithEmptySeparatorChecksOnlyLineBreaks() {
    assertSame("a|b", ParameterChecks.lineValue("p", "a|b", ""));
    assertRefused("p", () -> ParameterChecks.lineValue("p", "a\nb", ""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\uD800",
        "a\uDBFF",
        "\uDC00a",
        "\uDFFF\uD800",
        "\uD83D\uDE00\uD83D",
        "\uD800\uD800\uDC00"
      })
  void lineValueRefusesUnpairedSurrogates(String value) {
    InvalidParameterException e =
        assertRefused("body", () -> ParameterChecks.lineValue("body", value, "\n"));
    assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
  }

  @Test
  void lineValueAcceptsSurrogatePairs() {
    String value = "\uD800\uDC00\uDBFF\uDFFF\uD83D\uDE00";
    assertSame(value, ParameterChecks.lineValue("body", value, "\n"));
  }

  // ---------------------------------------------------------------- notEmpty

  @Test
  void notEmptyReturnsTheValueItself() {
    String value = " ";
    assertSame(value, ParameterChecks.notEmpty("api_key", value));
  }

  @Test
  void notEmptyRefusesEmpty() {
    assertRefused("api_key", () -> ParameterChecks.notEmpty("api_key", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "  ", "\t", "\u00A0", "\u3000\uFEFF", "\u2028", "\u000B\u000C"})
  void requiredValueOfWhitespaceIsRefusedWhereTheTextIsTrimmed(String value) {
    InvalidParameterException e =
        assertRefused(
            "externalId",
            () ->
                ParameterChecks.notEmpty(
                    "externalId", value, SignedText.Normalization.JAVASCRIPT_TRIM_LINES));
    assertTrue(e.getMessage().contains("must not be only whitespace"), e.getMessage());
    assertTrue(e.getMessage().contains("take its place"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {" Bob", "\u00A0Bob", "\tBob Ross"})
  void requiredValueStartingWithWhitespaceIsRefusedWhereTheTextIsTrimmed(String value) {
    InvalidParameterException e =
        assertRefused(
            "name",
            () ->
                ParameterChecks.notEmpty(
                    "name", value, SignedText.Normalization.JAVASCRIPT_TRIM_LINES));
    assertTrue(e.getMessage().contains("must not start with whitespace"), e.getMessage());
  }

  @Test
  void requiredValueKeptByTheNormalizationIsReturnedItself() {
    // Whitespace inside a value is signed; U+0085 and U+180E are not JavaScript whitespace.
    // Trailing whitespace is signed wherever the value is followed by another line.
    for (String value :
        new String[] {"Bob Ross", "a\tb", "Bob ", "\u0085x\u0085", "\u180E", "\uD83D\uDE00"}) {
      assertSame(
          value,
          ParameterChecks.notEmpty("name", value, SignedText.Normalization.JAVASCRIPT_TRIM_LINES));
    }
  }

  @Test
  void requiredValueOfWhitespaceIsKeptWhereTheTextIsSignedAsJoined() {
    assertSame(" ", ParameterChecks.notEmpty("name", " ", SignedText.Normalization.NONE));
    assertSame(" Bob ", ParameterChecks.notEmpty("name", " Bob ", SignedText.Normalization.NONE));
    assertRefused(
        "name", () -> ParameterChecks.notEmpty("name", "", SignedText.Normalization.NONE));
    assertRefused(
        "name",
        () -> ParameterChecks.notEmpty("name", "", SignedText.Normalization.JAVASCRIPT_TRIM_LINES));
  }

  // ---------------------------------------------------------------- preEncoded

  @ParameterizedTest
  @ValueSource(
      strings = {"", "plain", "%41", "a%2Fb", "%c3%bc", "%C3%BC", "%2541", "%00%ff%Aa", "a+b"})
  void preEncodedAcceptsCompleteEscapes(String value) {
    assertSame(value, ParameterChecks.preEncoded("q", value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%",
        "a%",
        "%4",
        "a%4",
        "%zz",
        "%4g",
        "%g4",
        "%%41",
        "%41%",
        "%41%2",
        "100% sure",
        "%-1",
        "%\u0664\u0661"
      })
  void preEncodedRefusesAPercentThatDoesNotStartAnEscape(String value) {
    InvalidParameterException e = assertRefused("q", () -> ParameterChecks.preEncoded("q", value));
    assertTrue(e.getMessage().contains("index " + firstBadPercent(value)), e.getMessage());
  }

  /** Where the refusal should point: the first % not followed by two ASCII hex digits. */
  private static int firstBadPercent(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == '%'
          && !value.substring(i + 1, Math.min(i + 3, value.length())).matches("[0-9A-Fa-f]{2}")) {
        return i;
      }
    }
    throw new AssertionError("no bad % in " + value);
  }

  // ---------------------------------------------------------------- notNull

  @Test
  void notNullReturnsTheValueItself() {
    Object value = new Object();
    assertSame(value, ParameterChecks.notNull("timestamp", value));
  }

  @Test
  void notNullRefusesNull() {
    assertRefused("timestamp", () -> ParameterChecks.notNull("timestamp", null));
  }

  @Test
  void exceptionIsAnIllegalArgumentException() {
    // Callers that catch IllegalArgumentException must see these refusals too.
    assertTrue(IllegalArgumentException.class.isAssignableFrom(InvalidParameterException.class));
    InvalidParameterException e = new InvalidParameterException("p", "is wrong");
    assertEquals("p: is wrong", e.getMessage());
    assertEquals("p", e.parameter());
  }

  // ---------------------------------------------------------------- headerValue

  @Test
  void headerValuesMayHoldEveryPrintableAsciiCharacterSpaceAndTab() {
    StringBuilder printable = new StringBuilder("\t");
    for (char c = 0x20; c < 0x7f; c++) {
      printable.append(c);
    }
    String value = printable.toString();
    assertSame(value, ParameterChecks.headerValue("Authorization", value));
    assertSame("", ParameterChecks.headerValue("Authorization", ""));
  }

  @Test
  void headerValuesRefuseControlCharactersAndNonAscii() {
    String[][] cases = {
      {"a\u001fb", "001F", "1"},
      {"\u0000", "0000", "0"},
      {"ab\nc", "000A", "2"},
      {"abc\u007f", "007F", "3"},
      {"\u0080", "0080", "0"},
      {"token \u00e9", "00E9", "6"},
    };
    for (String[] c : cases) {
      InvalidParameterException e =
          assertRefused("X-Api-Key", () -> ParameterChecks.headerValue("X-Api-Key", c[0]));
      assertEquals(
          "X-Api-Key: is sent as a header and must be printable ASCII, without line breaks (found U+"
              + c[1]
              + " at index "
              + c[2]
              + ")",
          e.getMessage());
    }
  }

  @Test
  void headerValuesRefuseNullAsNotNullDoes() {
    InvalidParameterException e =
        assertRefused("X-Api-Key", () -> ParameterChecks.headerValue("X-Api-Key", null));
    assertEquals("X-Api-Key: must not be null", e.getMessage());
  }

  /**
   * The line-value check makes one pass for most values; its rules, checked here one by one on
   * random text rich in line breaks, separators' characters and surrogates, decide every outcome.
   */
  @Test
  void lineValueAgreesWithItsRulesOneByOne() {
    Random random = new Random(0x11EEL);
    String pieces = "ab\n\r;|\uD83D\uDE00\uD800\uDC00\u00e9";
    String[] separators = {"\n", "\r\n", "|", ";|", "", "\r"};
    for (int round = 0; round < 20000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(7); i > 0; i--) {
        text.append(pieces.charAt(random.nextInt(pieces.length())));
      }
      String value = text.toString();
      String separator = separators[random.nextInt(separators.length)];
      String rule = null;
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
        rule = "line break";
      } else if (!separator.isEmpty() && value.contains(separator)) {
        rule = "separator";
      } else if (!isWellFormed(value)) {
        rule = "unpaired surrogate";
      }
      if (rule == null) {
        assertSame(value, ParameterChecks.lineValue("p", value, separator));
      } else {
        String expected = rule;
        InvalidParameterException refusal =
            assertThrows(
                InvalidParameterException.class,
                () -> ParameterChecks.lineValue("p", value, separator));
        assertTrue(refusal.getMessage().contains(expected), expected + ": " + refusal.getMessage());
      }
    }
  }

  private static boolean isWellFormed(String value) {
    return value.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
  }
}
